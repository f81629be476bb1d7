package org.gazette.extract;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

/**
 * An article's publication and update times, from the most explicit source to the least: meta
 * tags, {@code <time datetime>} (marked, then near the title), JSON-LD, then a date-time printed
 * near the title such as {@code 最后更新: 2020-03-18 22:36:10}.
 */
final class Datelines {

  /** Published and modified; either may be null. */
  record Times(OffsetDateTime published, OffsetDateTime modified) {}

  private static final String[] PUBLISHED_META = {
    "article:published_time", "og:published_time", "og:article:published_time", "published_time",
    "datePublished", "pubdate", "publishdate", "publish_date", "publish-date", "dc.date.issued",
    "dcterms.created", "dc.date", "dcterms.date", "sailthru.date", "parsely-pub-date", "date"
  };

  private static final String[] MODIFIED_META = {
    "article:modified_time", "og:updated_time", "og:article:modified_time", "modified_time",
    "dateModified", "dc.date.modified", "dcterms.modified", "last-modified", "lastmod"
  };

  /** Words before a printed time that make it the update time, when two times are printed. */
  private static final Pattern UPDATE_LABEL =
      Pattern.compile("更新|修改|修訂|修订|updated|modified|edited", Pattern.CASE_INSENSITIVE);

  /** How far past the title to look when the body container does not bound the search. */
  private static final int WINDOW = 60;

  /** Longer elements are paragraphs, not datelines; their children are looked at instead. */
  private static final int MAX_DATELINE = 160;

  private Datelines() {}

  /**
   * @param anchor the title's element, where printed times are looked for; may be null
   * @param container the body container, which bounds the search; may be null
   * @param chrome chrome to skip (with headers kept: datelines live there)
   */
  static Times find(PageElements page, TextShare share, JsonLd ld, Element anchor,
      Element container, Boilerplate chrome, ZoneId zone) {
    // read only when what the page states leaves a time open: it takes the text of every
    // element from the title to the end of the body
    Supplier<Near> near = once(
        () -> near(page, share, anchor != null ? anchor : container, container, chrome, zone));
    OffsetDateTime published = fromMeta(page, PUBLISHED_META, zone)
        .or(() -> attribute(page.select("time", PUBLISHED_TIME), zone))
        .or(() -> Optional.ofNullable(near.get().timeElement))
        .or(() -> ld.text("datePublished").flatMap(v -> DateParser.parse(v, zone)))
        .orElseGet(() -> near.get().published);
    OffsetDateTime modified = fromMeta(page, MODIFIED_META, zone)
        .or(() -> attribute(page.select("time", MODIFIED_TIME), zone))
        .or(() -> ld.text("dateModified").flatMap(v -> DateParser.parse(v, zone)))
        .orElseGet(() -> near.get().modified);
    return new Times(published, modified);
  }

  /** The supplier's value, got on the first call and kept. */
  private static <T> Supplier<T> once(Supplier<T> supplier) {
    return new Supplier<>() {
      private T value;

      @Override
      public T get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }

  private static final Evaluator PUBLISHED_TIME =
      PageElements.selector("time[itemprop=datePublished], time[pubdate]");

  private static final Evaluator MODIFIED_TIME = PageElements.selector("time[itemprop=dateModified]");

  private static Optional<OffsetDateTime> fromMeta(PageElements page, String[] names,
      ZoneId zone) {
    return PageMeta.meta(page, names).flatMap(v -> DateParser.parse(v, zone));
  }

  private static Optional<OffsetDateTime> attribute(List<Element> times, ZoneId zone) {
    for (Element t : times) {
      Optional<OffsetDateTime> parsed =
          DateParser.parse(t.hasAttr("datetime") ? t.attr("datetime") : t.text(), zone);
      if (parsed.isPresent()) {
        return parsed;
      }
    }
    return Optional.empty();
  }

  /** What is printed between the title and the end of the body. */
  private static final class Near {
    OffsetDateTime timeElement;
    OffsetDateTime published;
    OffsetDateTime modified;
  }

  private static Near near(PageElements page, TextShare share, Element from, Element container,
      Boilerplate chrome, ZoneId zone) {
    Near near = new Near();
    List<Element> all = page.all();
    int start = page.indexOf(from);
    if (start < 0) {
      return near;
    }
    int bodyStart = page.indexOf(container);
    int end = bodyStart >= start ? bodyStart + page.subtree(container).size() : start + WINDOW;
    for (int i = from == container ? start : start + 1; i < Math.min(end, all.size()); i++) {
      Element e = all.get(i);
      if (chrome.skipped(e)) {
        continue;
      }
      if (near.timeElement == null && e.normalName().equals("time") && e.hasAttr("datetime")) {
        near.timeElement = DateParser.parse(e.attr("datetime"), zone).orElse(null);
      }
      if (near.published == null && share.mayHoldDate(e)
          && share.minNormalizedLength(e) <= MAX_DATELINE) {
        printed(TextNormalizer.normalize(e.text()), zone, near);
      }
    }
    return near;
  }

  /** Reads a dateline; with two times, the one labelled as an update is the modified time. */
  private static void printed(String line, ZoneId zone, Near near) {
    if (line.length() > MAX_DATELINE) {
      return;
    }
    List<DateParser.Match> matches = DateParser.findAll(line, zone);
    if (matches.isEmpty() || (!matches.get(0).hasTime() && line.length() > 40)) {
      return;
    }
    if (matches.size() == 1) {
      near.published = matches.get(0).time();
      return;
    }
    int labelStart = 0;
    for (DateParser.Match m : matches) {
      boolean update = UPDATE_LABEL.matcher(line.substring(labelStart, m.start())).find();
      if (update && near.modified == null) {
        near.modified = m.time();
      } else if (!update && near.published == null) {
        near.published = m.time();
      }
      labelStart = m.end();
    }
    if (near.published == null) {
      near.published = matches.get(0).time();
      near.modified = null;
    }
  }
}
