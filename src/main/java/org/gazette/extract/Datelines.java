package org.gazette.extract;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

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
  static Times find(Document doc, JsonLd ld, Element anchor, Element container,
      Boilerplate chrome, ZoneId zone) {
    Near near = near(doc, anchor != null ? anchor : container, container, chrome, zone);
    OffsetDateTime published = fromMeta(doc, PUBLISHED_META, zone)
        .or(() -> attribute(doc.select("time[itemprop=datePublished], time[pubdate]"), zone))
        .or(() -> Optional.ofNullable(near.timeElement))
        .or(() -> ld.text("datePublished").flatMap(v -> DateParser.parse(v, zone)))
        .orElse(near.published);
    OffsetDateTime modified = fromMeta(doc, MODIFIED_META, zone)
        .or(() -> attribute(doc.select("time[itemprop=dateModified]"), zone))
        .or(() -> ld.text("dateModified").flatMap(v -> DateParser.parse(v, zone)))
        .orElse(near.modified);
    return new Times(published, modified);
  }

  private static Optional<OffsetDateTime> fromMeta(Document doc, String[] names, ZoneId zone) {
    return PageMeta.meta(doc, names).flatMap(v -> DateParser.parse(v, zone));
  }

  private static Optional<OffsetDateTime> attribute(Elements times, ZoneId zone) {
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

  private static Near near(Document doc, Element from, Element container, Boilerplate chrome,
      ZoneId zone) {
    Near near = new Near();
    Elements all = doc.getAllElements();
    int start = indexOf(all, from);
    if (start < 0) {
      return near;
    }
    int bodyStart = indexOf(all, container);
    int end = bodyStart >= start ? bodyStart + container.getAllElements().size() : start + WINDOW;
    for (int i = from == container ? start : start + 1; i < Math.min(end, all.size()); i++) {
      Element e = all.get(i);
      if (chrome.skipped(e)) {
        continue;
      }
      if (near.timeElement == null && e.normalName().equals("time") && e.hasAttr("datetime")) {
        near.timeElement = DateParser.parse(e.attr("datetime"), zone).orElse(null);
      }
      if (near.published == null) {
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

  private static int indexOf(Elements all, Element e) {
    if (e == null) {
      return -1;
    }
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i) == e) {
        return i;
      }
    }
    return -1;
  }
}
