package org.gazette.extract;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;

/**
 * An article's publication and update times, from the most explicit source to the least: meta
 * tags; elements marked by microdata or blog-engine classes; {@code <time datetime>} near the
 * title; JSON-LD; the date in the address; a date-time printed near the title such as {@code
 * 最后更新: 2020-03-18 22:36:10} or {@code 5. November 2021}, then in the header before it, in
 * an element named as a date, at the start of the body; any {@code <time>}; a title that opens
 * with a date. A publication time before 1995 or after the fetch is passed over.
 */
final class Datelines {

  /** Published and modified; either may be null. */
  record Times(OffsetDateTime published, OffsetDateTime modified) {}

  /** Meta names, properties and itemprops of the publication time, the surest first. */
  private static final String[] PUBLISHED_META = {
    "article:published_time", "og:published_time", "og:article:published_time", "published_time",
    "datePublished", "pubdate", "publishdate", "publish_date", "publish-date", "dc.date.issued",
    "dcterms.created", "dc.date", "dcterms.date", "sailthru.date", "parsely-pub-date", "date",
    // what htmldate reads besides: CMS, Dublin Core, citation and Open Graph variants
    "article:published", "article:published_date", "article:post_date", "article.published",
    "article:publicationdate", "og:pubdate", "og:publish_date", "og:datepublished",
    "og:article:published", "dc.date.created", "dc.created", "dc.date.publication", "dc:created",
    "dc:date", "dcterms.issued", "citation_publication_date", "citation_date",
    "publication_date", "published_date", "published-date", "publisheddate", "publish_time",
    "date_published", "datecreated", "dateposted", "date_created", "originalpublicationdate",
    "article_date_original", "content_create_date", "dcsext.articlefirstpublished",
    "cxenseparse:recs:publishtime", "cxenseparse:publishtime", "rnews:datepublished",
    "shareaholic:article_published_time", "mediator_published_time", "vr:published_time",
    "vr:published-time", "bt:pubdate", "rbpubdate", "displaydate", "pdate", "ptime",
    "twt-published-at"
  };

  private static final String[] MODIFIED_META = {
    "article:modified_time", "og:updated_time", "og:article:modified_time", "modified_time",
    "dateModified", "dc.date.modified", "dcterms.modified", "last-modified", "lastmod",
    "article:modified", "article:modified_date", "article:post_modified", "og:modified_time",
    "dc.modified", "updated_time", "dateUpdate", "lastmodified", "modificationdate", "bt:moddate",
    "utime"
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
   * @param urls the page's addresses (its own, canonical, og:url), for a date in the path
   * @param latest no publication time is after this (the fetch time, a day's grace); may be null
   */
  static Times find(PageElements page, TextShare share, JsonLd ld, Element anchor,
      Element container, Boilerplate chrome, ZoneId zone, List<String> urls, Instant latest) {
    // read only when what the page states leaves a time open: it takes the text of every
    // element from the title to the end of the body
    Element from = anchor != null ? anchor : container;
    Supplier<Near> near = once(() -> near(page, share, from, container, chrome, zone));
    Supplier<Optional<OffsetDateTime>> header = once(() -> header(page, share, from, chrome, zone));
    Supplier<Optional<OffsetDateTime>> printed =
        () -> Optional.ofNullable(near.get().published);
    // what the page states first, then where it prints a date, the surest place first; each
    // source is read only when those before it gave no plausible time
    OffsetDateTime published = new Plausible(latest).first(List.of(
        () -> fromMeta(page, PUBLISHED_META, zone),
        () -> marked(page, from, container, chrome, zone, false),
        () -> Optional.ofNullable(near.get().timeElement),
        () -> ld.text("datePublished").flatMap(v -> parse(v, zone)),
        () -> fromUrl(urls, zone).map(day -> timeOfDay(day, List.of(printed, header))),
        printed,
        header,
        () -> marked(page, from, container, chrome, zone, true),
        () -> named(page, share, chrome, zone),
        () -> labelled(page, share, chrome, zone),
        () -> lead(container, zone),
        () -> anyTime(page, chrome, zone),
        () -> titled(page, anchor, zone)));
    OffsetDateTime modified = fromMeta(page, MODIFIED_META, zone)
        .or(() -> attribute(page.select("time", MODIFIED_TIME), zone))
        .or(() -> ld.text("dateModified").flatMap(v -> parse(v, zone)))
        .orElseGet(() -> near.get().modified);
    return new Times(published, modified);
  }

  private static Optional<OffsetDateTime> parse(String value, ZoneId zone) {
    return DateParser.parse(value, zone, DateParser.Forms.EUROPEAN);
  }

  /** Publication times a page can have: not before the web's news, not after the fetch. */
  private record Plausible(Instant latest) {

    private static final int EARLIEST_YEAR = 1995;

    /** The first plausible time the sources give, tried in turn; null if none. */
    OffsetDateTime first(List<Supplier<Optional<OffsetDateTime>>> sources) {
      for (Supplier<Optional<OffsetDateTime>> source : sources) {
        Optional<OffsetDateTime> t = source.get().filter(this::holds);
        if (t.isPresent()) {
          return t.get();
        }
      }
      return null;
    }

    boolean holds(OffsetDateTime t) {
      return t.getYear() >= EARLIEST_YEAR && (latest == null || !t.toInstant().isAfter(latest));
    }
  }

  /**
   * The time a printed dateline gives on the day an address gives, else that day at midnight:
   * an address has the day only.
   */
  private static OffsetDateTime timeOfDay(OffsetDateTime day,
      List<Supplier<Optional<OffsetDateTime>>> printed) {
    for (Supplier<Optional<OffsetDateTime>> source : printed) {
      Optional<OffsetDateTime> t = source.get();
      if (t.isPresent() && t.get().toLocalDate().equals(day.toLocalDate())) {
        return t.get();
      }
    }
    return day;
  }

  /** The date in the path of the first of the page's addresses that has one, at midnight. */
  private static Optional<OffsetDateTime> fromUrl(List<String> urls, ZoneId zone) {
    for (String url : urls) {
      Optional<java.time.LocalDate> date = UrlDates.date(url);
      if (date.isPresent()) {
        return Optional.of(date.get().atStartOfDay(zone).toOffsetDateTime());
      }
    }
    return Optional.empty();
  }

  /**
   * Elements marked as the publication time by microdata or by the class names blog engines
   * give it ({@code entry-date}, {@code published}): the value in their {@code datetime}, {@code
   * content} or {@code title}, else their text.
   */
  private static final Evaluator MARKED = PageElements.selector(
      "[itemprop=datePublished], [itemprop=dateCreated], time[pubdate], time.entry-date[datetime],"
          + " time.published[datetime], abbr.published[title], .published");

  /**
   * The first marked time between the title and the end of the body; out of it, only a {@code
   * <time>} marked as the publication time, unless {@code anywhere}. A sidebar's or a teaser's
   * marked time is as likely there as the story's, so it comes after the story's printed
   * dateline.
   */
  private static Optional<OffsetDateTime> marked(PageElements page, Element title,
      Element container, Boilerplate chrome, ZoneId zone, boolean anywhere) {
    int start = Math.max(0, page.indexOf(title));
    int end = storyEnd(page, title, container);
    Optional<OffsetDateTime> elsewhere = Optional.empty();
    for (Element e : page.selectAttributed(MARKED, Datelines::mayBeMarked)) {
      if (e.normalName().equals("meta") || (!e.normalName().equals("time") && chrome.skipped(e))) {
        continue; // meta tags were read; a teaser's marked date is another story's
      }
      int at = page.indexOf(e);
      boolean inStory = at >= start && at < end;
      if (!inStory && !anywhere && !(elsewhere.isEmpty() && PUBLISHED_TIME.matches(e, e))) {
        continue;
      }
      Optional<OffsetDateTime> t = markedTime(e, zone);
      if (t.isPresent() && inStory) {
        return t;
      }
      elsewhere = elsewhere.or(() -> t);
    }
    return elsewhere;
  }

  /**
   * True for an element {@link #MARKED} may match: every alternative needs an {@code itemprop},
   * a {@code pubdate}, or the class {@code published} or {@code entry-date}. Told by its
   * attributes, so the selector's alternatives run on few of the page's elements.
   */
  private static boolean mayBeMarked(Element e) {
    if (e.hasAttr("itemprop") || e.hasAttr("pubdate")) {
      return true;
    }
    String names = e.attr("class").toLowerCase(Locale.ROOT);
    return names.contains("published") || names.contains("entry-date");
  }

  /** Where the story ends in {@link PageElements#all}: the body's end, else a window on. */
  private static int storyEnd(PageElements page, Element from, Element container) {
    int start = page.indexOf(from);
    int bodyStart = page.indexOf(container);
    return bodyStart >= 0 && bodyStart >= start ? bodyStart + page.subtree(container).size()
        : start + WINDOW;
  }

  /** The time in a marked element's {@code datetime}, {@code content} or {@code title}, or text. */
  private static Optional<OffsetDateTime> markedTime(Element e, ZoneId zone) {
    for (String attribute : new String[] {"datetime", "content", "title"}) {
      if (e.hasAttr(attribute)) {
        Optional<OffsetDateTime> t = parse(e.attr(attribute), zone);
        if (t.isPresent()) {
          return t;
        }
      }
    }
    String text = TextNormalizer.normalize(e.text());
    return text.length() <= MAX_DATELINE ? parse(text, zone) : Optional.empty();
  }

  /** How far before the title an article's header reaches: kicker, breadcrumb, dateline. */
  private static final int HEADER_WINDOW = 40;

  /**
   * A time in the article's header before the title: the {@code <time datetime>} or the printed
   * date closest to the title, in the elements just before it.
   */
  private static Optional<OffsetDateTime> header(PageElements page, TextShare share, Element title,
      Boilerplate chrome, ZoneId zone) {
    int at = page.indexOf(title);
    if (at < 0) {
      return Optional.empty();
    }
    List<Element> all = page.all();
    for (int i = at - 1; i >= Math.max(0, at - HEADER_WINDOW); i--) {
      Element e = all.get(i);
      if (chrome.skipped(e)) {
        continue;
      }
      Optional<OffsetDateTime> t = timeIn(e, share, zone);
      if (t.isPresent()) {
        return t;
      }
    }
    return Optional.empty();
  }

  /**
   * Words of class and id names of the elements that print a page's date, found anywhere in a
   * name ({@code newsdate}, {@code metabar}). Tested as substrings of the lower-cased names: a
   * case-insensitive alternation, walked over every element's names, was a twelfth of the
   * extraction.
   */
  private static final List<String> DATE_NAMES = List.of("date", "datum", "time", "publish",
      "posted", "submitted", "created", "byline", "meta", "fecha", "subline");

  /** Names of the update time: its element is not where the publication time is printed. */
  private static final List<String> UPDATE_NAMES = List.of("updat", "modif");

  /** True if the element's class or id names contain one of the words (lower-case ASCII). */
  private static boolean namesContain(Element e, List<String> words) {
    return containsAny(e.className(), words) || containsAny(e.id(), words);
  }

  private static boolean containsAny(String names, List<String> words) {
    if (names.isEmpty()) {
      return false;
    }
    String lower = names.toLowerCase(Locale.ROOT); // itself when already lower-case
    for (String word : words) {
      if (lower.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first date printed in an element whose class or id says it holds one ({@code
   * entry-meta-date}, {@code news-date}, {@code byline}), anywhere outside chrome: where the
   * title or the body could not be found, or the date is printed away from them.
   */
  private static Optional<OffsetDateTime> named(PageElements page, TextShare share,
      Boilerplate chrome,
      ZoneId zone) {
    for (Element e : page.attributed()) {
      if (!namesContain(e, DATE_NAMES) || namesContain(e, UPDATE_NAMES)
          || e.normalName().equals("meta") || chrome.skipped(e)) {
        continue;
      }
      Optional<OffsetDateTime> t = timeIn(e, share, zone);
      if (t.isPresent()) {
        return t;
      }
    }
    return Optional.empty();
  }

  /** Labels of the publication date: {@code Erschienen am:}, {@code Published on}. */
  private static final Pattern PUBLISHED_LABEL = Pattern.compile(
      "(?<!\\p{L})(?:veröffentlicht|erschienen|erstellt|publiziert|datum|published|posted"
          + "|publicado|publié|publicación|fecha)(?:\\s+(?:am|on|el|le|em))?\\s*:?\\s*$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /**
   * The words {@link #PUBLISHED_LABEL} starts with, to pass over most elements cheaply: every
   * element's own text is asked. By their first letter, lower-case: the text is scanned once,
   * and a word is tried only where its first letter stands, ignoring case; a lower-cased copy of
   * every text node, for substring tests, was most of this rule's cost.
   */
  private static final String[][] LABEL_WORDS = byFirstLetter(List.of("veröffentlicht",
      "erschienen", "erstellt", "publiziert", "published", "posted", "publicado", "publié",
      "publicación", "fecha", "datum", "date"));

  private static String[][] byFirstLetter(List<String> words) {
    String[][] table = new String[26][0];
    for (String w : words) {
      String[] row = table[w.charAt(0) - 'a'];
      row = java.util.Arrays.copyOf(row, row.length + 1);
      row[row.length - 1] = w;
      table[w.charAt(0) - 'a'] = row;
    }
    return table;
  }

  /**
   * True if the element's own text holds a label word. Asked of every short element: one text
   * node is read as it is, without building the own text; the own text is built where joining
   * changes words (several text nodes, as around a comment, or a soft hyphen or zero-width
   * space inside a word, which jsoup drops).
   */
  private static boolean ownTextHasLabelWord(Element e) {
    TextNode only = null;
    for (int i = 0; i < e.childNodeSize(); i++) {
      if (e.childNode(i) instanceof TextNode t) {
        if (only != null) {
          return hasLabelWord(e.ownText());
        }
        only = t;
      }
    }
    if (only == null) {
      return false;
    }
    String text = only.getWholeText();
    return text.indexOf('\u00ad') >= 0 || text.indexOf('\u200b') >= 0
        ? hasLabelWord(e.ownText()) : hasLabelWord(text);
  }

  /** True if the text holds one of {@link #LABEL_WORDS}, in any case. */
  private static boolean hasLabelWord(String text) {
    for (int i = 0; i < text.length(); i++) {
      int letter = (text.charAt(i) | 0x20) - 'a'; // ASCII letters of either case, and only they
      if (letter < 0 || letter >= 26) {
        continue;
      }
      for (String word : LABEL_WORDS[letter]) {
        if (CaseFold.matchesAt(text, i, word)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A bare {@code Date:} labels the publication only as the line's first word: after other
   * words it is a release, expiry or event date ({@code Release date: 5 March 2021}).
   */
  private static final Pattern DATE_LABEL =
      Pattern.compile("\\s*dated?\\s*:\\s*", Pattern.CASE_INSENSITIVE);

  /**
   * A date printed right after a publication label ({@code Erschienen am: 01.11.2023}), anywhere
   * outside chrome: the label says what the date is wherever it stands, often below the story.
   */
  private static Optional<OffsetDateTime> labelled(PageElements page, TextShare share,
      Boilerplate chrome, ZoneId zone) {
    for (Element e : page.all()) {
      // an element surely longer than a dateline is passed over unread: its line would be
      // itself, too long; most of a page's text is in such paragraphs
      if (share.minNormalizedLength(e) > MAX_DATELINE || !ownTextHasLabelWord(e)) {
        continue;
      }
      Element line = e.text().length() < MAX_DATELINE && e.parent() != null
          && e.parent().text().length() <= MAX_DATELINE ? e.parent() : e; // label in a span
      String text = TextNormalizer.normalize(line.text());
      if (text.length() > MAX_DATELINE || chrome.skipped(e)) {
        continue;
      }
      for (DateParser.Match m : DateParser.findAll(text, zone, DateParser.Forms.EUROPEAN)) {
        String before = text.substring(Math.max(0, m.start() - 30), m.start());
        if (PUBLISHED_LABEL.matcher(before).find()
            || DATE_LABEL.matcher(text.substring(0, m.start())).matches()) {
          return Optional.of(m.time());
        }
      }
    }
    return Optional.empty();
  }

  /** How far into the body's first lines a dateline may start: {@code BERLIN, 5. Mai 2021 –}. */
  private static final int LEAD_START = 30;

  /** How many of the body's first lines may open with the dateline. */
  private static final int LEAD_LINES = 2;

  /**
   * A date that opens one of the body's first lines, as press releases and agency stories print
   * it ({@code 01.02.2022 – Der Arbeitsmarkt ...}, {@code Pressemitteilung vom 25. Januar 2022 |
   * Berlin – ...}): such a line is too long to be read as a dateline.
   */
  private static Optional<OffsetDateTime> lead(Element container, ZoneId zone) {
    if (container == null) {
      return Optional.empty();
    }
    int lines = 0;
    for (Element e : container.getAllElements()) {
      if (!PageElements.hasOwnText(e)) {
        continue;
      }
      String text = TextNormalizer.normalize(e.text());
      List<DateParser.Match> dates =
          DateParser.findAll(text.substring(0, Math.min(text.length(), LEAD_START + 40)), zone,
              DateParser.Forms.EUROPEAN);
      if (!dates.isEmpty() && dates.get(0).start() <= LEAD_START
          && isDateline(text, dates.get(0))) {
        return Optional.of(dates.get(0).time());
      }
      if (++lines >= LEAD_LINES) {
        break;
      }
    }
    return Optional.empty();
  }

  /** A dash or bar after the date, as datelines end: "Am 24. Februar 2022 marschierte" is story. */
  private static final Pattern DATELINE_END = Pattern.compile("\\s*[-–—|:]");

  /** A four-digit year: "Version 10.11.12 ships today" is no dateline. */
  private static final Pattern FULL_YEAR = Pattern.compile("\\d{4}");

  /** True if the date opening a body line ends a dateline, not a sentence's first words. */
  private static boolean isDateline(String text, DateParser.Match date) {
    return FULL_YEAR.matcher(text.substring(date.start(), date.end())).find()
        && DATELINE_END.matcher(text).region(date.end(), text.length()).lookingAt();
  }

  /**
   * The date a title opens with, as press offices and event pages title their stories ({@code
   * 23.01.2022 - Wierer jubelt}, {@code 08.11.2021 | Fachtag}): the headline, og:title or
   * {@code <title>}.
   */
  private static Optional<OffsetDateTime> titled(PageElements page, Element headline,
      ZoneId zone) {
    List<String> titles = new java.util.ArrayList<>();
    if (headline != null) {
      titles.add(headline.text());
    }
    PageMeta.meta(page, "og:title").ifPresent(titles::add);
    titles.add(page.document().title());
    for (String title : titles) {
      List<DateParser.Match> dates =
          DateParser.findAll(TextNormalizer.normalize(title), zone, DateParser.Forms.EUROPEAN);
      if (!dates.isEmpty() && dates.get(0).start() == 0) {
        return Optional.of(dates.get(0).time());
      }
    }
    return Optional.empty();
  }

  /** The first {@code <time datetime>} outside chrome, wherever it is: the last resort. */
  private static Optional<OffsetDateTime> anyTime(PageElements page, Boilerplate chrome,
      ZoneId zone) {
    for (Element e : page.withTag("time")) {
      if (e.hasAttr("datetime") && !chrome.skipped(e)) {
        Optional<OffsetDateTime> t = parse(e.attr("datetime"), zone);
        if (t.isPresent()) {
          return t;
        }
      }
    }
    return Optional.empty();
  }

  /** The time of a {@code <time datetime>}, else of the element's printed dateline. */
  private static Optional<OffsetDateTime> timeIn(Element e, TextShare share, ZoneId zone) {
    if (e.normalName().equals("time") && e.hasAttr("datetime")) {
      Optional<OffsetDateTime> t = parse(e.attr("datetime"), zone);
      if (t.isPresent()) {
        return t;
      }
    }
    return printedIn(e, share, zone);
  }

  /** The publication time of a short element's dateline, if it is one. */
  private static Optional<OffsetDateTime> printedIn(Element e, TextShare share, ZoneId zone) {
    if (!PageElements.mayHaveOwnText(e) && e.childrenSize() > 3) {
      return Optional.empty(); // a block of blocks: its children are looked at in turn
    }
    if (share.minNormalizedLength(e) > 3 * MAX_DATELINE || !share.mayHoldDate(e)) {
      return Optional.empty(); // surely too long, or too few digits, told without its text
    }
    String text = e.text();
    if (text.length() > 3 * MAX_DATELINE) {
      return Optional.empty();
    }
    Near near = new Near();
    printed(TextNormalizer.normalize(text), zone, near);
    return Optional.ofNullable(near.published);
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

  private static final Evaluator MODIFIED_TIME =
      PageElements.selector("time[itemprop=dateModified]");

  /** A {@code <time>} marked as the publication time: trusted wherever it stands. */
  private static final Evaluator PUBLISHED_TIME =
      PageElements.selector("time[itemprop=datePublished], time[pubdate]");

  private static Optional<OffsetDateTime> fromMeta(PageElements page, String[] names,
      ZoneId zone) {
    return PageMeta.meta(page, names).flatMap(v -> parse(v, zone));
  }

  private static Optional<OffsetDateTime> attribute(List<Element> times, ZoneId zone) {
    for (Element t : times) {
      Optional<OffsetDateTime> parsed =
          DateParser.parse(t.hasAttr("datetime") ? t.attr("datetime") : t.text(), zone,
              DateParser.Forms.EUROPEAN);
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
        near.timeElement = parse(e.attr("datetime"), zone).orElse(null);
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
    List<DateParser.Match> matches = DateParser.findAll(line, zone, DateParser.Forms.EUROPEAN);
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
