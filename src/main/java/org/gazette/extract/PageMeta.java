package org.gazette.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

/**
 * The fields a page states about itself in its head and markup: title, canonical URL, image,
 * description, language, section, authors.
 */
final class PageMeta {

  /** Separators between a headline and the site name in {@code <title>}. */
  private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s*[_|–—]\\s*|\\s+-\\s+");

  private static final Pattern AUTHOR_SEPARATOR =
      Pattern.compile("\\s*(?:[,，;；、&]|\\band\\b|\\s和\\s)\\s*", Pattern.CASE_INSENSITIVE);

  private static final Pattern BY_PREFIX =
      Pattern.compile("^(?:by|written by|作者|記者|记者)\\s*[:：]?\\s*", Pattern.CASE_INSENSITIVE);

  private static final Pattern HOME = Pattern.compile("(?i)首頁|首页|主頁|主页|home|homepage|网站首页");

  /** Class and id names of a breadcrumb; compiled once, as it is tried on every element. */
  private static final Pattern CRUMBS = Pattern.compile(".*\\b(breadcrumbs?|crumbs?)\\b.*");

  private PageMeta() {}

  /**
   * The page's {@code <body>} (or {@code <frameset>}), or null when the parser made none, as for
   * a page that ends inside {@code <head>}. Unlike {@link Document#body()}, which adds a body to
   * such a document, this only reads it: the extractor promises not to change the document.
   */
  static Element body(Document doc) {
    for (Element html : doc.children()) {
      if (html.normalName().equals("html")) {
        for (Element child : html.children()) {
          if (child.normalName().equals("body") || child.normalName().equals("frameset")) {
            return child;
          }
        }
      }
    }
    return null;
  }

  /**
   * The content of the first non-blank meta tag named, by property, name or itemprop, ignoring
   * case; the names are tried in turn.
   */
  static Optional<String> meta(PageElements page, String... names) {
    return page.metaTag(names).map(m -> m.attr("content"));
  }

  /** og:title, else the h1 matching {@code <title>}, else {@code <title>} minus the site name. */
  static String title(PageElements page) {
    Optional<String> og = meta(page, "og:title", "twitter:title");
    if (og.isPresent()) {
      return TextNormalizer.normalizeOrNull(og.get());
    }
    String site = meta(page, "og:site_name").map(TextNormalizer::normalize).orElse("");
    String fromTag = stripSiteName(TextNormalizer.normalize(page.document().title()), site);
    List<Element> h1s = page.withTag("h1");
    Element h1 = fromTag.isEmpty() ? (h1s.isEmpty() ? null : h1s.get(0))
        : heading(h1s, fromTag, 0.5);
    if (h1 != null && !h1.text().isBlank()) {
      return TextNormalizer.normalizeOrNull(h1.text());
    }
    return fromTag.isEmpty() ? null : fromTag;
  }

  /**
   * The longest part of a title split at its separators, not counting the site name when the
   * page states it: the headline ({@code 標題_國際_環球觀察網}, {@code Headline | Site}).
   */
  static String stripSiteName(String title, String siteName) {
    String best = "";
    for (String part : TITLE_SEPARATOR.split(title)) {
      String p = part.strip();
      if (p.length() > best.length() && !p.equals(siteName)) {
        best = p;
      }
    }
    return best;
  }

  private static final Set<String> H1_TO_H3 = Set.of("h1", "h2", "h3");

  /** The h1, h2 or h3 whose text is most like the text given, or null. */
  static Element heading(PageElements page, String text, double minSimilarity) {
    return heading(page.withTags(H1_TO_H3), text, minSimilarity);
  }

  /** The heading whose text is most like the text given, or null. */
  private static Element heading(List<Element> headings, String text, double minSimilarity) {
    if (text == null) {
      return null;
    }
    String want = lettersOnly(text);
    Element best = null;
    double bestScore = minSimilarity;
    for (Element h : headings) {
      String have = lettersOnly(TextNormalizer.normalize(h.text()));
      if (have.isEmpty() || want.isEmpty()) {
        continue;
      }
      double score = have.equals(want) ? 1.0
          : have.contains(want) || want.contains(have)
              ? (double) Math.min(have.length(), want.length()) / Math.max(have.length(), want.length())
              : 0;
      if (score >= bestScore && (best == null || score > bestScore)) {
        best = h;
        bestScore = score;
      }
    }
    return best;
  }

  /** BCP 47 language from {@code <html lang>}, else the language meta tags. */
  static String language(PageElements page) {
    List<Element> html = page.withTag("html");
    String lang = html.isEmpty() ? "" : html.get(0).attr("lang");
    if (lang.isBlank()) {
      Element httpEquiv = page.selectFirst("meta", CONTENT_LANGUAGE);
      lang = httpEquiv != null ? httpEquiv.attr("content")
          : meta(page, "language", "dc.language", "og:locale").orElse("");
    }
    return languageTag(lang);
  }

  /** {@code zh_tw} to {@code zh-TW}, {@code zh-hant} to {@code zh-Hant}; null if no language. */
  static String languageTag(String raw) {
    String s = raw == null ? "" : raw.strip().split("[,\\s]")[0].replace('_', '-');
    if (s.isEmpty()) {
      return null;
    }
    String tag = Locale.forLanguageTag(s).toLanguageTag();
    return tag.equals("und") ? null : tag;
  }

  private static final Evaluator CONTENT_LANGUAGE =
      PageElements.selector("meta[http-equiv=content-language]");

  private static final Evaluator CANONICAL = PageElements.selector("link[rel=canonical][href]");

  /** {@code rel=canonical}, absolute, else null. */
  static String canonical(PageElements page) {
    Element link = page.selectFirst("link", CANONICAL);
    String abs = link == null ? "" : page.absUrl(link, "href");
    return abs.isEmpty() ? null : abs;
  }

  /** og:image or twitter:image, absolute, else JSON-LD image. */
  static String image(PageElements page, JsonLd ld) {
    Optional<String> meta = page.metaTag("og:image", "og:image:url", "twitter:image")
        .map(m -> page.absUrl(m, "content"))
        .filter(u -> !u.isEmpty());
    return meta.or(() -> ld.text("image").map(u -> resolve(page, u))).orElse(null);
  }

  /** The description meta, else og:description, twitter:description, JSON-LD description. */
  static String description(PageElements page, JsonLd ld) {
    return meta(page, "description", "og:description", "twitter:description")
        .or(() -> ld.text("description"))
        .map(TextNormalizer::normalizeOrNull)
        .orElse(null);
  }

  /** article:section, else JSON-LD articleSection, else the breadcrumb's last section. */
  static String section(PageElements page, JsonLd ld, String title) {
    Optional<String> stated = meta(page, "article:section").or(() -> ld.text("articleSection"));
    if (stated.isPresent()) {
      return TextNormalizer.normalizeOrNull(stated.get());
    }
    Element crumbs = breadcrumb(page);
    if (crumbs == null) {
      return null;
    }
    String section = null;
    for (Element a : crumbs.select("a")) {
      String text = TextNormalizer.normalize(a.text());
      if (!text.isEmpty() && !HOME.matcher(text).matches() && !text.equals(title)) {
        section = text;
      }
    }
    return section;
  }

  /** Meta author, JSON-LD authors, rel=author links, byline elements, {@code 作者:} lines. */
  static List<String> authors(PageElements page, JsonLd ld) {
    Set<String> names = new LinkedHashSet<>();
    meta(page, "author", "article:author", "dc.creator", "byl", "parsely-author")
        .filter(a -> !a.startsWith("http"))
        .ifPresent(a -> addNames(names, a));
    ld.authors().forEach(a -> addNames(names, a));
    if (names.isEmpty()) {
      for (Element e : page.attributed()) {
        if (!isByline(e)) {
          continue;
        }
        Element name = e.selectFirst("[itemprop=name]");
        addNames(names, (name != null ? name : e).text());
      }
    }
    return new ArrayList<>(names);
  }

  /**
   * What the selector {@code a[rel=author], [itemprop=author], .byline, .author} matches, tested
   * by hand: jsoup's evaluators scanned the class names once per class and looked each attribute
   * up apart, on every element with attributes, for a few percent of the extraction.
   */
  private static boolean isByline(Element e) {
    // attr is "" when the attribute is missing; values are compared ignoring case, as jsoup does
    return (e.normalName().equals("a") && "author".equalsIgnoreCase(e.attr("rel")))
        || "author".equalsIgnoreCase(e.attr("itemprop")) || hasBylineClass(e.attr("class"));
  }

  /**
   * {@code e.hasClass("byline") || e.hasClass("author")} in one scan of the class attribute: the
   * names are split at whitespace ({@link Character#isWhitespace}) and compared ignoring case;
   * both are six characters long.
   */
  private static boolean hasBylineClass(String classes) {
    int start = -1;
    for (int i = 0; i <= classes.length(); i++) {
      if (i == classes.length() || Character.isWhitespace(classes.charAt(i))) {
        if (start >= 0 && i - start == 6
            && (classes.regionMatches(true, start, "byline", 0, 6)
                || classes.regionMatches(true, start, "author", 0, 6))) {
          return true;
        }
        start = -1;
      } else if (start < 0) {
        start = i;
      }
    }
    return false;
  }

  /** Where the names of a byline end: a bar or bullet before the date or the source. */
  private static final Pattern BYLINE_END = Pattern.compile("\\s[|·•]\\s|\\s[|·•]$");

  private static void addNames(Set<String> names, String raw) {
    String text = BY_PREFIX.matcher(TextNormalizer.normalize(raw)).replaceFirst("");
    // a byline goes on with the date: "Jane Doe | June 2, 2021 10:36 PM"
    int cut = text.length();
    java.util.regex.Matcher separator = BYLINE_END.matcher(text);
    if (separator.find()) {
      cut = separator.start();
    }
    Optional<DateParser.Match> date = DateParser.findFirst(text, java.time.ZoneOffset.UTC);
    if (date.isPresent()) {
      cut = Math.min(cut, date.get().start());
    }
    text = text.substring(0, cut);
    for (String name : AUTHOR_SEPARATOR.split(text)) {
      String n = name.strip();
      if (!n.isEmpty() && n.length() <= 60) {
        names.add(n);
      }
    }
  }

  private static final Evaluator MARKED_BREADCRUMB =
      PageElements.selector("[itemtype*=BreadcrumbList], nav[aria-label~=(?i)breadcrumb]");

  private static Element breadcrumb(PageElements page) {
    // only an element with an itemtype or a nav can match
    List<Element> marked = page.selectAttributed(MARKED_BREADCRUMB,
        e -> e.hasAttr("itemtype") || e.normalName().equals("nav"));
    if (!marked.isEmpty()) {
      return marked.get(0);
    }
    for (Element e : page.attributed()) { // an element without attributes has neither
      if (!e.hasAttr("class") && !e.hasAttr("id")) {
        continue; // what [class], [id] selects
      }
      // every match has "crumb" in it, in a class or the id: the regex only runs where it may
      // match (no other character lower-cases to these letters)
      if (!TextNormalizer.containsIgnoringAsciiCase(e.className(), "crumb")
          && !TextNormalizer.containsIgnoringAsciiCase(e.id(), "crumb")) {
        continue;
      }
      String names = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
      if (CRUMBS.matcher(names).matches()) {
        return e;
      }
    }
    return null;
  }

  private static String resolve(PageElements page, String url) {
    Document doc = page.document();
    Element probe = doc.createElement("a").attr("href", url);
    probe.setBaseUri(doc.location());
    // the page's resolver, which has the base parsed already, rather than probe.absUrl
    String abs = page.absUrl(probe, "href");
    return abs.isEmpty() ? null : abs;
  }

  /** The letters and numbers of the text (Unicode categories L and N), lower case. */
  private static String lettersOnly(String s) {
    StringBuilder kept = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      if (c < 0x80) {
        // ASCII, most of the text: its letters and digits are all it has of L and N, told
        // without the two Unicode table lookups below
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
          kept.append(c);
        }
        i++;
        continue;
      }
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER
          || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER) {
        kept.appendCodePoint(cp);
      }
    }
    return kept.toString().toLowerCase(Locale.ROOT);
  }
}
