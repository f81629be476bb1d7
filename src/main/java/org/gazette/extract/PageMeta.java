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
import org.jsoup.select.Elements;

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

  /** The content of the first non-blank meta tag named, by property, name or itemprop. */
  static Optional<String> meta(Document doc, String... names) {
    return metaTag(doc, names).map(m -> m.attr("content"));
  }

  /** The first meta tag with a non-blank content named, by property, name or itemprop. */
  static Optional<Element> metaTag(Document doc, String... names) {
    Elements metas = doc.getElementsByTag("meta");
    for (String name : names) {
      for (Element m : metas) {
        boolean named = name.equalsIgnoreCase(m.attr("property"))
            || name.equalsIgnoreCase(m.attr("name")) || name.equalsIgnoreCase(m.attr("itemprop"));
        if (named && !m.attr("content").isBlank()) {
          return Optional.of(m);
        }
      }
    }
    return Optional.empty();
  }

  /** og:title, else the h1 matching {@code <title>}, else {@code <title>} minus the site name. */
  static String title(Document doc) {
    Optional<String> og = meta(doc, "og:title", "twitter:title");
    if (og.isPresent()) {
      return TextNormalizer.normalizeOrNull(og.get());
    }
    String site = meta(doc, "og:site_name").map(TextNormalizer::normalize).orElse("");
    String fromTag = stripSiteName(TextNormalizer.normalize(doc.title()), site);
    Element h1 = fromTag.isEmpty() ? doc.selectFirst("h1") : heading(doc, "h1", fromTag, 0.5);
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

  /** The element of the given tags whose text is most like the text given, or null. */
  static Element heading(Document doc, String tags, String text, double minSimilarity) {
    if (text == null) {
      return null;
    }
    String want = lettersOnly(text);
    Element best = null;
    double bestScore = minSimilarity;
    for (Element h : doc.select(tags)) {
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
  static String language(Document doc) {
    String lang = doc.selectFirst("html") == null ? "" : doc.selectFirst("html").attr("lang");
    if (lang.isBlank()) {
      Element httpEquiv = doc.selectFirst("meta[http-equiv=content-language]");
      lang = httpEquiv != null ? httpEquiv.attr("content")
          : meta(doc, "language", "dc.language", "og:locale").orElse("");
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

  /** {@code rel=canonical}, absolute, else null. */
  static String canonical(Document doc) {
    Element link = doc.selectFirst("link[rel=canonical][href]");
    String abs = link == null ? "" : link.absUrl("href");
    return abs.isEmpty() ? null : abs;
  }

  /** og:image or twitter:image, absolute, else JSON-LD image. */
  static String image(Document doc, JsonLd ld) {
    Optional<String> meta = metaTag(doc, "og:image", "og:image:url", "twitter:image")
        .map(m -> m.absUrl("content"))
        .filter(u -> !u.isEmpty());
    return meta.or(() -> ld.text("image").map(u -> resolve(doc, u))).orElse(null);
  }

  /** The description meta, else og:description, twitter:description, JSON-LD description. */
  static String description(Document doc, JsonLd ld) {
    return meta(doc, "description", "og:description", "twitter:description")
        .or(() -> ld.text("description"))
        .map(TextNormalizer::normalizeOrNull)
        .orElse(null);
  }

  /** article:section, else JSON-LD articleSection, else the breadcrumb's last section. */
  static String section(Document doc, JsonLd ld, String title) {
    Optional<String> stated = meta(doc, "article:section").or(() -> ld.text("articleSection"));
    if (stated.isPresent()) {
      return TextNormalizer.normalizeOrNull(stated.get());
    }
    Element crumbs = breadcrumb(doc);
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
  static List<String> authors(Document doc, JsonLd ld) {
    Set<String> names = new LinkedHashSet<>();
    meta(doc, "author", "article:author", "dc.creator", "byl", "parsely-author")
        .filter(a -> !a.startsWith("http"))
        .ifPresent(a -> addNames(names, a));
    ld.authors().forEach(a -> addNames(names, a));
    if (names.isEmpty()) {
      Elements bylines = doc.select("a[rel=author], [itemprop=author], .byline, .author");
      for (Element e : bylines) {
        Element name = e.selectFirst("[itemprop=name]");
        addNames(names, (name != null ? name : e).text());
      }
    }
    return new ArrayList<>(names);
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

  private static Element breadcrumb(Document doc) {
    Element marked = doc.selectFirst("[itemtype*=BreadcrumbList], nav[aria-label~=(?i)breadcrumb]");
    if (marked != null) {
      return marked;
    }
    for (Element e : doc.select("[class], [id]")) {
      String names = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
      if (CRUMBS.matcher(names).matches()) {
        return e;
      }
    }
    return null;
  }

  private static String resolve(Document doc, String url) {
    Element probe = doc.createElement("a").attr("href", url);
    probe.setBaseUri(doc.location());
    String abs = probe.absUrl("href");
    return abs.isEmpty() ? null : abs;
  }

  private static String lettersOnly(String s) {
    return s.replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(Locale.ROOT);
  }
}
