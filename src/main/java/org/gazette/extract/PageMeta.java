package org.gazette.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
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

  /** {@link #title(PageElements, JsonLd)} without JSON-LD. */
  static String title(PageElements page) {
    return title(page, null);
  }

  /** An h1 must be this much like a stated title to be taken for the headline. */
  private static final double H1_SIMILARITY = 0.5;

  /**
   * The headline: the h1 that og:title, the JSON-LD headline or {@code <title>} repeats (the
   * page's visible wording, with its own dashes and quotes), else og:title, else the JSON-LD
   * headline, else {@code <title>}; each without the site's name around it. An og:title that is
   * only the site's name says nothing.
   */
  static String title(PageElements page, JsonLd ld) {
    SiteNames names = SiteNames.of(page);
    String rawOg = TextNormalizer.normalize(meta(page, "og:title", "twitter:title").orElse(""));
    String rawHeadline = TextNormalizer.normalize(ld == null ? "" : ld.text("headline").orElse(""));
    String rawTag = TextNormalizer.normalize(page.document().title());
    List<Element> h1s = new ArrayList<>();
    for (Element h : page.withTag("h1")) {
      String text = TextNormalizer.normalize(h.text());
      if (names.isSiteName(text)) {
        continue; // the logo's heading
      }
      if (linksHome(page, h)) {
        // a heading that links to the home page is the site's logo: its text is the site's
        // name, to cut from the titles too ("Headline | Site" and <h1><a href="/">Site</a></h1>)
        names = names.with(text);
        continue;
      }
      h1s.add(h);
    }
    String og = stated(names, rawOg);
    String headline = stated(names, rawHeadline);
    String tag = stated(names, rawTag);
    String site = meta(page, "og:site_name").map(TextNormalizer::normalize).orElse("");
    String tagPart = stripSiteName(rawTag, site);
    Element h1 = null;
    double best = H1_SIMILARITY;
    for (String stated : List.of(og, headline, tag)) {
      if (stated.isEmpty()) {
        continue;
      }
      String want = lettersOnly(stated);
      for (Element h : h1s) {
        double score = similarity(lettersOnly(TextNormalizer.normalize(h.text())), want);
        if (score > best || (h1 == null && score >= best)) {
          h1 = h;
          best = score;
        }
      }
    }
    if (h1 == null) {
      // the longest part of <title> split at every separator: "Headline – Deck" worded
      // differently on the page still finds its h1 by the headline
      h1 = heading(h1s, tagPart, H1_SIMILARITY);
    }
    if (h1 != null) {
      return TextNormalizer.normalizeOrNull(h1.text());
    }
    if (!og.isEmpty()) {
      return og;
    }
    if (!headline.isEmpty()) {
      return headline;
    }
    if (!tag.isEmpty() && !tag.equals(rawTag)) {
      return tag; // the site's name was found and cut: the rest is the headline, dashes and all
    }
    if (tagPart.isEmpty()) {
      List<Element> all = page.withTag("h1");
      return all.isEmpty() ? null : TextNormalizer.normalizeOrNull(all.get(0).text());
    }
    return tagPart;
  }

  /** True if the element holds a link to the site's home page ({@code href="/"}, rel=home). */
  private static boolean linksHome(PageElements page, Element e) {
    for (Element a : e.getElementsByTag("a")) {
      if ("home".equalsIgnoreCase(a.attr("rel"))) {
        return true;
      }
      if (a.attr("href").strip().equals("/")) {
        return true;
      }
      String href = page.absUrl(a, "href");
      try {
        java.net.URI uri = new java.net.URI(href);
        String path = uri.getRawPath();
        if (uri.getHost() != null && (path == null || path.isEmpty() || path.equals("/"))
            && uri.getRawQuery() == null && uri.getRawFragment() == null) {
          return true;
        }
      } catch (java.net.URISyntaxException bad) {
        // not a link to anywhere
      }
    }
    return false;
  }

  /** A stated title, normalized, without the site's name; empty if it is only the name. */
  private static String stated(SiteNames names, String raw) {
    String text = TextNormalizer.normalize(raw);
    return names.isSiteName(text) ? "" : names.strip(text);
  }

  /** How alike two texts of letters are: 1 if equal, else the shorter's share if one holds the other. */
  private static double similarity(String have, String want) {
    if (have.isEmpty() || want.isEmpty()) {
      return 0;
    }
    if (have.equals(want)) {
      return 1.0;
    }
    return have.contains(want) || want.contains(have)
        ? (double) Math.min(have.length(), want.length()) / Math.max(have.length(), want.length())
        : 0;
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
      double score = similarity(lettersOnly(TextNormalizer.normalize(h.text())), want);
      if (score == 0) {
        continue;
      }
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

  /** {@link #authors(PageElements, JsonLd, Supplier)} without printed bylines. */
  static List<String> authors(PageElements page, JsonLd ld) {
    return authors(page, ld, List::of);
  }

  /**
   * The authors: meta author and JSON-LD persons, else the byline markup, else the first printed
   * byline among the lines given ({@link Bylines}). A source that names only the site, a desk
   * or a login handle gives way to the next; if none names a person, the first that names
   * anyone is taken.
   *
   * @param lines the page's short lines that start like a byline, in page order; asked for only
   *     when the page states no person (finding them walks the whole body)
   */
  static List<String> authors(PageElements page, JsonLd ld, Supplier<List<String>> lines) {
    SiteNames site = SiteNames.of(page);
    List<String> stated = new ArrayList<>();
    meta(page, "author", "article:author", "dc.creator", "byl", "parsely-author")
        .filter(a -> !a.startsWith("http"))
        .ifPresent(a -> stated.addAll(Bylines.names(a)));
    ld.authors().forEach(a -> stated.addAll(Bylines.names(a)));
    List<String> first = List.of();
    for (int source = 0; source < 3; source++) {
      List<String> found = switch (source) {
        case 0 -> stated;
        case 1 -> Bylines.marked(page);
        default -> Bylines.printed(lines.get());
      };
      List<String> people = Bylines.people(found, site);
      if (!people.isEmpty()) {
        return people;
      }
      if (first.isEmpty()) {
        first = Bylines.anyone(found);
      }
    }
    return new ArrayList<>(first);
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
