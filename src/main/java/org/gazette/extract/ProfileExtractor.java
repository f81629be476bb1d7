package org.gazette.extract;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gazette.config.CssQuery;
import org.gazette.config.SiteProfile;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Reads a page with a site's profile ({@code selectors:} in its site file) and lays what the
 * selectors find over the generic extractor's record: a field whose selector is absent or finds
 * nothing keeps the generic value. The record's {@code extractor} is {@code site:<name>} when the
 * body came from the profile's body selector, {@code generic} otherwise.
 *
 * <p>Text goes through {@link TextNormalizer} as everywhere; times are read with the profile's
 * {@code dateFormats} first, then as the generic extractor reads them, in the page's zone.
 * Stateless and thread-safe; the document is only read.
 */
public final class ProfileExtractor {

  /** A label before a value: {@code 來源: }, {@code Editor: }, {@code By }. */
  private static final Pattern LABEL = Pattern.compile("^\\s*(?:[^:：\\d]{1,12}[:：]|by\\s)\\s*",
      Pattern.CASE_INSENSITIVE);

  private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*");

  private final SiteProfile profile;
  private final List<DateTimeFormatter> formats;

  /** @param profile the site's profile; {@link SiteProfile#NONE} changes nothing */
  public ProfileExtractor(SiteProfile profile) {
    this.profile = Objects.requireNonNull(profile, "profile");
    List<DateTimeFormatter> list = new ArrayList<>();
    for (String pattern : profile.dateFormats()) {
      list.add(new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
          .toFormatter(Locale.ROOT));
    }
    this.formats = List.copyOf(list);
  }

  /** {@code generic} with the fields the profile's selectors find on {@code doc}. */
  public ArticleRecord article(Document doc, PageContext ctx, ArticleRecord generic) {
    Element root = doc;
    String title = text(root, profile.title()).orElse(generic.title());
    OffsetDateTime published = time(root, profile.published(), ctx)
        .orElse(generic.published());
    OffsetDateTime modified = time(root, profile.modified(), ctx)
        .orElse(generic.modified());
    if (modified != null && published != null && modified.isEqual(published)) {
      modified = null; // as the generic extractor: an update equal to publication says nothing
    }
    List<String> authors = authors(root).orElse(generic.authors());
    String editor = labelled(root, profile.editor(), LabeledLines::editor)
        .orElse(generic.editor());
    String source = labelled(root, profile.source(), LabeledLines::source)
        .orElse(generic.source());
    String section = text(root, profile.section()).orElse(generic.section());
    Optional<String> body = body(root);
    List<RelatedItem> related = profile.related() == null ? generic.related()
        : orElse(related(root, profile.related()), generic.related());
    return new ArticleRecord(generic.site(), generic.url(), generic.canonicalUrl(),
        generic.fetchedAt(), generic.status(), title, published, modified, authors, editor,
        source, section, generic.language(), generic.charset(), generic.description(),
        generic.image(),
        body.orElse(generic.body()), related,
        body.isPresent() ? "site:" + ctx.site() : generic.extractor(), generic.warc(),
        generic.robots());
  }

  /** {@code generic} with the profile's listing items, when its item selector finds any. */
  public ListingRecord listing(Document doc, PageContext ctx, ListingRecord generic) {
    SiteProfile.Items spec = profile.listing();
    if (spec == null) {
      return generic;
    }
    List<ListingItem> items = new ArrayList<>();
    Set<String> urls = new LinkedHashSet<>();
    for (Element item : items(doc, spec)) {
      Optional<String> url = link(item, spec);
      if (url.isEmpty() || !urls.add(url.get())) {
        continue; // each URL once, as the generic listing
      }
      Optional<String> title = spec.title() != null ? text(item, spec.title()) : linkText(item, spec);
      if (title.isEmpty()) {
        continue;
      }
      items.add(new ListingItem(title.get(), url.get(),
          time(item, spec.time(), ctx).orElse(null),
          text(item, spec.section()).orElse(null), comments(item, spec.comments())));
    }
    return items.isEmpty() ? generic
        : new ListingRecord(generic.site(), generic.url(), generic.fetchedAt(),
            generic.charset(), items, generic.warc()).withRobots(generic.robots());
  }

  private Optional<List<String>> authors(Element root) {
    if (profile.authors() == null) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    for (Element e : root.select(profile.authors().evaluator())) {
      value(e, profile.authors()).map(ProfileExtractor::stripLabel)
          .filter(n -> !n.isEmpty() && !names.contains(n)).ifPresent(names::add);
    }
    return names.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(names));
  }

  private Optional<String> body(Element root) {
    if (profile.body() == null) {
      return Optional.empty();
    }
    Elements containers = root.select(profile.body().evaluator());
    // a container inside another one found is read with it, not twice
    containers.removeIf(e -> e.parents().stream().anyMatch(containers::contains));
    if (containers.isEmpty()) {
      return Optional.empty();
    }
    Set<Element> dropped = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (CssQuery q : profile.drop()) {
      for (Element container : containers) {
        dropped.addAll(container.select(q.evaluator()));
      }
    }
    List<String> paragraphs = BodyText.paragraphs(containers, dropped::contains);
    return paragraphs.isEmpty() ? Optional.empty() : Optional.of(String.join("\n\n", paragraphs));
  }

  private List<RelatedItem> related(Element root, SiteProfile.Items spec) {
    List<RelatedItem> out = new ArrayList<>();
    Set<String> urls = new LinkedHashSet<>();
    for (Element item : items(root, spec)) {
      Optional<String> url = link(item, spec);
      Optional<String> title = spec.title() != null ? text(item, spec.title()) : linkText(item, spec);
      if (url.isPresent() && title.isPresent() && urls.add(url.get())) {
        out.add(new RelatedItem(title.get(), url.get(), comments(item, spec.comments())));
      }
    }
    return out;
  }

  /** The item elements, inside the block(s) when there is a block selector. */
  private static List<Element> items(Element root, SiteProfile.Items spec) {
    if (spec.block() == null) {
      return root.select(spec.item().evaluator());
    }
    // nested blocks find the same items: each once, in page order
    Set<Element> out = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    List<Element> ordered = new ArrayList<>();
    for (Element block : root.select(spec.block().evaluator())) {
      for (Element item : block.select(spec.item().evaluator())) {
        if (out.add(item)) {
          ordered.add(item);
        }
      }
    }
    return ordered;
  }

  /** The absolute http(s) URL of the item's link. */
  private static Optional<String> link(Element item, SiteProfile.Items spec) {
    Element a = linkElement(item, spec);
    if (a == null) {
      return Optional.empty();
    }
    String attribute = spec.link() != null && spec.link().attribute() != null
        ? spec.link().attribute() : "href";
    String url = a.absUrl(attribute);
    return url.startsWith("http://") || url.startsWith("https://") ? Optional.of(url)
        : Optional.empty();
  }

  private static Optional<String> linkText(Element item, SiteProfile.Items spec) {
    Element a = linkElement(item, spec);
    return a == null ? Optional.empty() : nonEmpty(TextNormalizer.normalize(a.text()));
  }

  private static Element linkElement(Element item, SiteProfile.Items spec) {
    if (spec.link() == null) {
      return item.is("a[href]") ? item : item.selectFirst("a[href]");
    }
    return item.selectFirst(spec.link().evaluator());
  }

  /** The first number in the element's text ({@code 評論 51}, {@code 1,204 comments}). */
  private static Integer comments(Element item, CssQuery query) {
    Optional<String> text = text(item, query);
    if (text.isEmpty()) {
      return null;
    }
    Matcher m = NUMBER.matcher(text.get());
    if (!m.find()) {
      return null;
    }
    try {
      return Integer.valueOf(m.group().replace(",", ""));
    } catch (NumberFormatException e) {
      return null; // more digits than any comment count: not a count
    }
  }

  /** The value of the first element the query finds, normalized; empty when none or blank. */
  private static Optional<String> text(Element root, CssQuery query) {
    if (query == null) {
      return Optional.empty();
    }
    Element e = root.selectFirst(query.evaluator());
    return e == null ? Optional.empty() : value(e, query);
  }

  private static Optional<String> value(Element e, CssQuery query) {
    String raw;
    if (query.attribute() != null) {
      raw = e.attr(query.attribute());
    } else if (e.normalName().equals("meta")) {
      raw = e.attr("content");
    } else {
      raw = e.text();
    }
    return nonEmpty(TextNormalizer.normalize(raw));
  }

  /** Editor, source: the labelled value ({@code 責任編輯: 連政}), else the text after a label. */
  private static Optional<String> labelled(Element root, CssQuery query,
      java.util.function.Function<String, Optional<String>> label) {
    return text(root, query).map(t -> label.apply(t).orElse(stripLabel(t)))
        .flatMap(ProfileExtractor::nonEmpty);
  }

  private static String stripLabel(String text) {
    return LABEL.matcher(text).replaceFirst("").strip();
  }

  /**
   * A time: a {@code datetime} or {@code content} attribute when the element has one and the
   * query names none, else its text; the profile's formats first, then the generic reading,
   * then a relative time ({@code 3小時前}) against the fetch time.
   */
  private Optional<OffsetDateTime> time(Element root, CssQuery query, PageContext ctx) {
    ZoneId zone = ctx.zone();
    if (query == null) {
      return Optional.empty();
    }
    Element e = root.selectFirst(query.evaluator());
    if (e == null) {
      return Optional.empty();
    }
    String raw;
    if (query.attribute() != null) {
      raw = e.attr(query.attribute());
    } else if (e.hasAttr("datetime")) {
      raw = e.attr("datetime");
    } else if (e.normalName().equals("meta")) {
      raw = e.attr("content");
    } else {
      raw = e.text();
    }
    String text = TextNormalizer.normalize(raw);
    Optional<OffsetDateTime> formatted = formatted(text, zone);
    if (formatted.isPresent()) {
      return formatted;
    }
    Optional<OffsetDateTime> parsed = DateParser.parse(text, zone);
    return parsed.isPresent() ? parsed : RelativeTimes.find(text, ctx.fetchedAt(), zone);
  }

  /** The first place in {@code text} where one of the profile's formats reads a date. */
  private Optional<OffsetDateTime> formatted(String text, ZoneId zone) {
    for (DateTimeFormatter format : formats) {
      for (int i = 0; i < text.length(); i++) {
        if (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
          continue; // start at a word's beginning only
        }
        ParsePosition at = new ParsePosition(i);
        TemporalAccessor t;
        try {
          t = format.parseUnresolved(text, at);
        } catch (DateTimeParseException e) {
          continue;
        }
        if (t == null || at.getErrorIndex() >= 0) {
          continue;
        }
        Optional<OffsetDateTime> time = resolve(format, text.substring(i, at.getIndex()), zone);
        if (time.isPresent()) {
          return time;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<OffsetDateTime> resolve(DateTimeFormatter format, String text,
      ZoneId zone) {
    try {
      TemporalAccessor t = format.parse(text);
      if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
        return Optional.of(OffsetDateTime.from(t));
      }
      LocalDate date = LocalDate.from(t);
      LocalTime time = t.isSupported(ChronoField.HOUR_OF_DAY) ? LocalTime.from(t) : LocalTime.MIN;
      return Optional.of(LocalDateTime.of(date, time).atZone(zone).toOffsetDateTime());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> nonEmpty(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  private static <T> List<T> orElse(List<T> list, List<T> fallback) {
    return list.isEmpty() ? fallback : list;
  }
}
