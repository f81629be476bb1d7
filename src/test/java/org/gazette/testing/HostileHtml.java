package org.gazette.testing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of hostile HTML for the fuzz tests of the extractor and the crawl's parser:
 * pages built from the parts news pages have (meta tags, JSON-LD, datelines, labelled lines,
 * headline lists, related blocks, breadcrumbs) filled with wrong, odd and extreme values, cut and
 * nested in ways no browser would repair the same twice: deep nesting, unclosed and stray tags,
 * NUL bytes and bad character references, huge attributes, charsets named in meta tags that the
 * bytes do not follow, broken JSON-LD, impossible dates, relative and malformed URLs.
 *
 * <p>Also plain arbitrary text and bytes: the structured pages reach the extractor's logic, the
 * arbitrary ones its edges.
 */
public final class HostileHtml {

  /** The URL pages are fetched from in these tests; relative links resolve against it. */
  public static final String PAGE_URL = "https://news.example.com/world/2024/05/story.html";

  private HostileHtml() {}

  /** Text of any Unicode characters, lone surrogates and NUL included. */
  public static Arbitrary<String> anyText(int maxLength) {
    return Arbitraries.strings().all().ofMaxLength(maxLength);
  }

  /** A page as text: structured hostile HTML most of the time, arbitrary text otherwise. */
  public static Arbitrary<String> pages() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, structuredPages()),
        Tuple.of(1, anyText(3000)),
        Tuple.of(1, tagSoup()));
  }

  /**
   * A page as bytes off the wire: a page encoded in a charset its meta tag may or may not name,
   * or arbitrary bytes.
   */
  public static Arbitrary<byte[]> pageBytes() {
    Arbitrary<Charset> charsets = Arbitraries.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
        StandardCharsets.UTF_16BE, StandardCharsets.ISO_8859_1, Charset.forName("GBK"),
        Charset.forName("Big5"), Charset.forName("Shift_JIS"), Charset.forName("UTF-32"));
    Arbitrary<byte[]> encoded = Combinators.combine(pages(), charsets,
            Arbitraries.of("", "\uFEFF"))
        .as((page, charset, bom) -> (bom + page).getBytes(charset));
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(4000);
    return Arbitraries.frequencyOf(Tuple.of(4, encoded), Tuple.of(1, random));
  }

  /** Tags and text thrown together with no structure at all. */
  public static Arbitrary<String> tagSoup() {
    return Arbitraries.oneOf(
            Arbitraries.of("<", ">", "</", "/>", "<a", "<p>", "</p>", "<div", "</div>", "=",
                "\"", "'", "<!--", "-->", "<![CDATA[", "]]>", "<script>", "</script>",
                "<table>", "<td>", "<svg>", "<math>", "<template>", "<plaintext>", "&", "&#",
                "\u0000", "<meta charset=", "<title>", "<time datetime=", "<br/>", "<html>",
                "<body>", "<frameset>", "<noscript>", "<textarea>", "href=", " "),
            Arbitraries.strings().all().ofMaxLength(8),
            dates(), urls())
        .list().ofMaxSize(120)
        .map(parts -> String.join("", parts));
  }

  /** A page built from the parts of news pages, filled with hostile values. */
  public static Arbitrary<String> structuredPages() {
    Arbitrary<String> head = headPart().list().ofMaxSize(10).map(HostileHtml::concat);
    Arbitrary<String> body = bodyPart().list().ofMaxSize(25).map(HostileHtml::concat);
    return Combinators.combine(
            Arbitraries.of("<!DOCTYPE html>", "", "<?xml version=\"1.0\"?>", "<!doctype x>"),
            languages().map(l -> "<html lang=\"" + l + "\">"),
            head, body,
            Arbitraries.of("</body></html>", "", "</html>", "</div></div>", "<p>"),
            Arbitraries.of(true, true, false))
        .as((doctype, html, h, b, tail, withHead) -> doctype + html
            + (withHead ? "<head>" + h + "</head><body>" : h) + b + tail);
  }

  // ---- the head -------------------------------------------------------------------------------

  private static Arbitrary<String> headPart() {
    Arbitrary<String> metaName = Arbitraries.of("og:title", "twitter:title", "og:site_name",
        "description", "og:description", "og:type", "article:published_time",
        "article:modified_time", "og:updated_time", "datePublished", "dateModified", "pubdate",
        "date", "author", "article:author", "byl", "og:image", "twitter:image", "article:section",
        "language", "dc.language", "og:locale", "robots", "gazette", "last-modified", "lastmod");
    Arbitrary<String> attribute = Arbitraries.of("property", "name", "itemprop", "NAME");
    Arbitrary<String> metaValue = Arbitraries.oneOf(text(), dates(), urls(),
        Arbitraries.of("article", "website", "ARTICLE", "noindex, nofollow", "none"));
    Arbitrary<String> meta = Combinators.combine(attribute, metaName, metaValue)
        .as((attr, name, value) -> "<meta " + attr + "=\"" + name + "\" content=\""
            + escapeAttribute(value) + "\">");
    Arbitrary<String> charset = charsetNames().flatMap(cs -> Arbitraries.of(
        "<meta charset=\"" + cs + "\">", "<meta charset=" + cs + ">",
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=" + cs + "\">",
        "<meta http-equiv=Content-Type content='charset=" + cs + "'>"));
    Arbitrary<String> title = text().map(t -> "<title>" + t + "</title>");
    Arbitrary<String> canonical = urls().map(u -> "<link rel=\"canonical\" href=\""
        + escapeAttribute(u) + "\">");
    Arbitrary<String> language = languages().map(l ->
        "<meta http-equiv=\"content-language\" content=\"" + l + "\">");
    Arbitrary<String> base = urls().map(u -> "<base href=\"" + escapeAttribute(u) + "\">");
    return Arbitraries.frequencyOf(
        Tuple.of(6, meta), Tuple.of(2, charset), Tuple.of(2, title), Tuple.of(2, canonical),
        Tuple.of(1, language), Tuple.of(1, base), Tuple.of(3, jsonLdScript()));
  }

  /** A JSON-LD script: an article description, right, odd or broken. */
  public static Arbitrary<String> jsonLdScript() {
    return Combinators.combine(jsonLd(), Arbitraries.of("application/ld+json",
            "application/ld+json ", "APPLICATION/LD+JSON"))
        .as((json, type) -> "<script type=\"" + type + "\">" + json + "</script>");
  }

  private static Arbitrary<String> jsonLd() {
    Arbitrary<String> type = Arbitraries.of("\"NewsArticle\"", "\"Article\"", "\"BlogPosting\"",
        "\"Report\"", "[\"Thing\",\"NewsArticle\"]", "5", "null", "{}", "[]", "\"\"",
        "\"WebPage\"", "[[\"Article\"]]");
    Arbitrary<String> date = dates().map(HostileHtml::jsonString);
    Arbitrary<String> name = text().map(HostileHtml::jsonString);
    Arbitrary<String> author = Arbitraries.oneOf(name,
        name.map(n -> "{\"@type\":\"Person\",\"name\":" + n + "}"),
        name.list().ofMaxSize(4).map(ns -> "[" + String.join(",", ns) + "]"),
        Arbitraries.of("[{\"name\":null},7,{}]", "{\"name\":{\"x\":1}}", "true", "[]"));
    Arbitrary<String> image = Arbitraries.oneOf(urls().map(HostileHtml::jsonString),
        urls().map(u -> "{\"url\":" + jsonString(u) + "}"),
        urls().map(u -> "[" + jsonString(u) + ",1]"), Arbitraries.of("{\"name\":\"x\"}", "3"));
    Arbitrary<String> fields = Combinators.combine(type, date, date, author, image, name)
        .as((t, published, modified, a, i, section) -> "\"@type\":" + t
            + ",\"datePublished\":" + published + ",\"dateModified\":" + modified
            + ",\"author\":" + a + ",\"image\":" + i + ",\"articleSection\":" + section);
    Arbitrary<String> object = fields.map(f -> "{" + f + "}");
    Arbitrary<String> graph = object.list().ofMaxSize(3)
        .map(os -> "{\"@context\":\"https://schema.org\",\"@graph\":[" + String.join(",", os)
            + "]}");
    Arbitrary<String> broken = Arbitraries.oneOf(
        object.map(o -> o.substring(0, o.length() / 2)),
        object.map(o -> "// comment\n" + o.replace("}", ",}")),
        object.map(o -> o.replace('"', '\'')),
        Arbitraries.integers().between(1, 3000).map(n -> "[".repeat(n) + "]".repeat(n)),
        Arbitraries.integers().between(1, 3000).map(n -> "{\"a\":".repeat(n) + "1"),
        Arbitraries.of("", "null", "1e999999999", "\"\\ud800\"", "{\"@type\":\"Article\"",
            "<!-- {} -->", "]]>", "{\"@graph\":{\"@graph\":{\"@type\":\"Article\"}}}",
            "{\"datePublished\":\"2020-03-18\u0000\"}", "{} {\"@type\":\"NewsArticle\"}"),
        text());
    return Arbitraries.frequencyOf(Tuple.of(4, object), Tuple.of(2, graph), Tuple.of(3, broken),
        Tuple.of(1, object.list().ofMaxSize(3).map(os -> "[" + String.join(",", os) + "]")));
  }

  // ---- the body -------------------------------------------------------------------------------

  private static Arbitrary<String> bodyPart() {
    Arbitrary<String> paragraph = Combinators.combine(text(), Arbitraries.of("</p>", "", "</P>"))
        .as((t, close) -> "<p>" + t + close);
    Arbitrary<String> story = storyText().list().ofMinSize(1).ofMaxSize(6)
        .map(ps -> "<div class=\"article-body\">" + ps.stream().map(p -> "<p>" + p + "</p>")
            .reduce("", String::concat) + "</div>");
    Arbitrary<String> open = Arbitraries.of("<div>", "<div class=\"content\">", "<span>",
        "<table><tr><td>", "<ul><li>", "<article>", "<section id=\"main\">", "<header>",
        "<nav>", "<aside class=\"sidebar\">", "<footer>", "<h1>", "<h2>", "<b>", "<font>",
        "<div class=\"related\">", "<div id=\"comments\">", "<blockquote>", "<pre>",
        "<figure><figcaption>", "<form>", "<select><option>", "<frameset>", "<svg><foreignObject>",
        "<math><mi>", "<template>", "<noscript>", "<textarea>", "<title>", "<plaintext>");
    Arbitrary<String> close = Arbitraries.of("</div>", "</span>", "</p>", "</td>", "</table>",
        "</li>", "</ul>", "</h1>", "</body>", "</html>", "</head>", "</article>", "</a>",
        "</template>", "</svg>", "</select>", "</frameset>", "</br>", "</>");
    Arbitrary<String> heading = Combinators.combine(Arbitraries.of("h1", "h2", "h3"), text())
        .as((h, t) -> "<" + h + ">" + t + "</" + h + ">");
    Arbitrary<String> link = Combinators.combine(urls(), text(), Arbitraries.of("", "", "</a>"))
        .as((u, t, c) -> "<a href=\"" + escapeAttribute(u) + "\">" + t + "</a>" + c);
    Arbitrary<String> time = Combinators.combine(dates(), text(),
            Arbitraries.of("", " itemprop=\"datePublished\"", " pubdate", " itemprop=dateModified"))
        .as((d, t, attr) -> "<time datetime=\"" + escapeAttribute(d) + "\"" + attr + ">" + t
            + "</time>");
    Arbitrary<String> dateline = Combinators.combine(
            Arbitraries.of("最后更新: ", "發布時間：", "Published ", "Updated: ", "", "時間:",
                "Last updated "),
            dates(), Arbitraries.of("", " 來源: 新華社", " 更新時間: 2020-03-19 08:00", " ET"))
        .as((label, d, tail) -> "<div class=\"info\">" + label + d + tail + "</div>");
    Arbitrary<String> labelled = Combinators.combine(
            Arbitraries.of("責任編輯: ", "责任编辑：", "來源: ", "Source: ", "作者: ", "By ",
                "記者 ", "Editor: "),
            text())
        .as((label, v) -> "<span>" + label + v + "</span>");
    Arbitrary<String> related = Combinators.combine(
            Arbitraries.of("相關推薦", "Related stories", "猜你喜歡", "You may also like", "Related"),
            headlineItems())
        .as((h, items) -> "<h3>" + h + "</h3><ul>" + items + "</ul>");
    Arbitrary<String> listing = headlineItems().map(items -> "<ul class=\"list\">" + items
        + "</ul>");
    Arbitrary<String> breadcrumb = text().list().ofMaxSize(4).map(names -> {
      StringBuilder b = new StringBuilder("<div class=\"breadcrumb\"><a href=\"/\">首頁</a>");
      names.forEach(n -> b.append(" &gt; <a href=\"/s/\">").append(n).append("</a>"));
      return b.append("</div>").toString();
    });
    Arbitrary<String> deep = Combinators.combine(
            Arbitraries.integers().between(1, 1200), Arbitraries.of("div", "span", "b", "td",
                "p", "a href=/x", "li", "table"),
            storyText(), Arbitraries.of(true, false))
        .as((n, tag, t, closed) -> ("<" + tag + ">").repeat(n) + t
            + (closed ? ("</" + tag.split(" ")[0] + ">").repeat(n) : ""));
    Arbitrary<String> hugeAttribute = Combinators.combine(
            Arbitraries.of("class", "id", "href", "datetime", "content", "lang"),
            Arbitraries.integers().between(10_000, 100_000),
            Arbitraries.of("x", "a ", "related ", "\u0000", "2020-03-18 ", "&amp;", "\""))
        .as((attr, n, unit) -> "<div " + attr + "=\"" + unit.repeat(n / unit.length())
            + "\">" + "text</div>");
    Arbitrary<String> references = Arbitraries.of("&#0;", "&#xD800;", "&#1114112;", "&amp",
        "&nbsp;", "&#x10FFFF;", "&#128;", "&#x0d;", "&notit;", "&#xFFFE;", "&;", "&#",
        "&#99999999999999999999;").list().ofMaxSize(8).map(HostileHtml::concat);
    return Arbitraries.frequencyOf(
        Tuple.of(6, paragraph), Tuple.of(4, story), Tuple.of(4, open), Tuple.of(3, close),
        Tuple.of(3, heading), Tuple.of(4, link), Tuple.of(3, time), Tuple.of(3, dateline),
        Tuple.of(3, labelled), Tuple.of(2, related), Tuple.of(3, listing), Tuple.of(1, breadcrumb),
        Tuple.of(1, deep), Tuple.of(1, hugeAttribute), Tuple.of(2, references),
        Tuple.of(2, jsonLdScript()), Tuple.of(1, headPart()), Tuple.of(1, tagSoup()));
  }

  /** List items of headline links, each with a time and maybe a section and comment count. */
  private static Arbitrary<String> headlineItems() {
    Arbitrary<String> item = Combinators.combine(urls(), storyText(), dates(),
            Arbitraries.of("", " 美國一夢", " - 國際", " | Politics", " 評論 51", " 35条评论",
                " Comments (2147483648)", " 評論 99999999999"),
            Arbitraries.of("li", "div", "p"))
        .as((u, t, d, tail, tag) -> "<" + tag + "><a href=\"" + escapeAttribute(u) + "\">"
            + t + "</a> <span>" + d + "</span>" + tail + "</" + tag + ">");
    return item.list().ofMaxSize(12).map(HostileHtml::concat);
  }

  // ---- values ---------------------------------------------------------------------------------

  /** Short text, often with what text normalizing must handle. */
  public static Arbitrary<String> text() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, storyText()),
        Tuple.of(2, Arbitraries.strings().all().ofMaxLength(40)),
        Tuple.of(2, Arbitraries.of(
            "e\u0301te\u0301", "A\u030Angstro\u0308m", "\u1100\u1161\u11A8", "\u0000\u0000",
            "及時(shí)", "筆(pen)", "a\u200Bb\u00ADc\uFEFF", "\u202Eevil\u202C", "\uD800",
            "\r\n\t  \u3000", "  ", "", "\u0085\u2028\u2029", "ﬁ ligature", "Ω\u0308\u0323",
            "<b>bold</b>", "&lt;script&gt;", "\"quoted\" 'single'", "%00%0d%0a")),
        Tuple.of(1, Arbitraries.strings().withChars("abc ,.。、").ofMinLength(200)
            .ofMaxLength(2000)));
  }

  /** Text long enough to count as story text, with punctuation that makes it vote. */
  private static Arbitrary<String> storyText() {
    Arbitrary<String> sentence = Arbitraries.of(
        "據外交部網站消息，2020年3月18日，國務委員兼外長王毅應約同俄羅斯外長拉夫羅夫通電話。",
        "The storm moved north overnight, cutting power to thousands of homes, officials said.",
        "Les négociations ont repris mardi, a indiqué le ministère, sans plus de détails.",
        "Це речення містить кирилицю, коми та крапки, як і звичайний текст новини.",
        "拉夫羅夫表示，在習近平主席領導下，中方采取了強有力舉措，疫情得到有效控制。",
        "e\u0301 composed later, NFC must compose it, and this sentence is long enough.");
    return Combinators.combine(sentence.list().ofMinSize(1).ofMaxSize(4),
            Arbitraries.of("", "", "\u0000", "\u200B", "<br>", "<a href=\"/x\">link</a>",
                " 2020-03-18 22:36 ", "&nbsp;"))
        .as((s, noise) -> String.join(noise.isEmpty() ? " " : noise, s));
  }

  /** Date-times as pages print them: right, local, odd, impossible and extreme. */
  public static Arbitrary<String> dates() {
    Arbitrary<String> wellFormed = Arbitraries.of(
        "2020-03-18T22:36:10+08:00", "2020-03-18T22:36:10Z", "2020-03-18T22:36:10.123456789-05:00",
        "2020-03-18T22:36:10", "2020-03-18 22:36:10", "2020-03-18", "2020/3/18 22:36",
        "2020年3月18日 22:36", "2020年3月18日22時36分", "March 18, 2020 10:36 PM",
        "18 Mar 2020 22:36 GMT+8", "Wed, 18 Mar 2020 22:36:10 GMT", "2020-03-18T22:36:10+0800",
        "2020-03-18T22:36+08:00[Asia/Shanghai]", "2020.03.18 22:36 UTC+5:30",
        "2021-06-02 at 9:05 a.m.");
    Arbitrary<String> wrong = Arbitraries.of(
        "2020-13-45", "2020-02-30T10:00:00Z", "9999-99-99T99:99:99", "2020-03-18T25:61:61",
        "2020-03-18T22:36:10+25:00", "2020-03-18T22:36:10+18:00", "2020-03-18T22:36:10-18:00",
        "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
        "+999999999-12-31T23:59:59.999999999-18:00", "-999999999-01-01T00:00:00+18:00",
        "+999999999-12-31T23:59:59.999999999", "-999999999-01-01T00:00", "0000-01-01T00:00:00Z",
        "1900-01-01", "2099-12-31 23:59:59", "0 AM", "13:00 PM", "March 32, 2020", "18 Foo 2020",
        "2020-03-18T22:36:10.1234567891Z", "2020-03-18 12:00 GMT+99", "2020-03-18 12:00 UTC-1:30",
        "2020-03-18T22:36:10 GMT+0800", "yesterday", "", "  ", "NaN",
        "2020-03-18T22:36:10+08:00\u0000");
    Arbitrary<String> composed = Combinators.combine(
            Arbitraries.integers().between(1890, 2110), Arbitraries.integers().between(0, 13),
            Arbitraries.integers().between(0, 32), Arbitraries.integers().between(0, 25),
            Arbitraries.integers().between(0, 61),
            Arbitraries.of("", "Z", "+08:00", "-0530", " GMT", " UTC+8", "+1400", "-12:00"),
            Arbitraries.of("-", "/", ".", "年"))
        .as((y, mo, d, h, mi, off, sep) -> y + sep + mo + (sep.equals("年") ? "月" : sep) + d
            + (sep.equals("年") ? "日 " : " ") + h + ":" + (mi < 10 ? "0" : "") + mi + off);
    return Arbitraries.frequencyOf(Tuple.of(3, wellFormed), Tuple.of(3, wrong),
        Tuple.of(3, composed), Tuple.of(1, Arbitraries.strings().all().ofMaxLength(30)));
  }

  /** URLs as pages write them: absolute, relative, scheme-relative, broken and hostile. */
  public static Arbitrary<String> urls() {
    Arbitrary<String> good = Arbitraries.of(
        "https://news.example.com/world/2024/05/other.html", "/world/a.html", "b.html",
        "../../up.html", "?page=2", "#comments", "//cdn.example.net/img/a.jpg",
        "https://news.example.com/world/2024/05/story.html", "http://例子.测试/路径?q=値",
        "https://news.example.com:8443/a/b?x=1&y=2#frag", "HTTPS://NEWS.EXAMPLE.COM/CAPS",
        "/images/lead%20photo.jpg", "https://user:pass@news.example.com/", "https://[::1]:80/v6",
        "/新闻/列表?page=2", "/p%2d1/p%2d2/?q=f", "/%7e/a?b=c&d=e");
    Arbitrary<String> bad = Arbitraries.of(
        "javascript:alert(1)", "mailto:desk@example.com", "data:text/html,<b>x</b>", "", " ",
        "http://[broken", "http://a b/c", "%zz", "http:///nohost", "https://news.example.com/%",
        "ftp://ftp.example.com/f", "file:///etc/passwd", "http://\u0000/", "\u0000",
        "https://news.example.com/\r\ninjected", "http://x/\u202E", "::::",
        "http://256.256.256.256/",
        "https://news.example.com/" + "a".repeat(5000), "tel:+1-555", "about:blank",
        "https://news.example.com/path\tWith\nBreaks", "\\\\server\\share", "http:/one-slash");
    Arbitrary<String> random = Arbitraries.strings().all().ofMaxLength(30);
    return Arbitraries.frequencyOf(Tuple.of(4, good), Tuple.of(2, linkUrls()), Tuple.of(3, bad),
        Tuple.of(1, random));
  }

  /**
   * Well-formed links whose path and query mix what URL normalizing rewrites: non-ASCII text,
   * unreserved characters written percent-encoded, escapes in either case, spaces.
   */
  public static Arbitrary<String> linkUrls() {
    Arbitrary<String> token = Arbitraries.of("a", "Z", "0", "-", "_", "~", "%2d", "%7e", "%41",
        "%e8%b7%af", "%E8%B7%AF", "é", "路", "新闻", "ツ", " ", "%20", "+", "!", "'", "(", ")");
    Arbitrary<String> word = token.list().ofMinSize(1).ofMaxSize(3).map(HostileHtml::concat);
    Arbitrary<String> path = word.list().ofMaxSize(4).map(ws -> "/" + String.join("/", ws));
    Arbitrary<String> query = Combinators.combine(word, word).as((k, v) -> k + "=" + v)
        .list().ofMinSize(1).ofMaxSize(3).map(ps -> "?" + String.join("&", ps));
    return Combinators.combine(
            Arbitraries.of("https://news.example.com", "http://例子.测试",
                "https://News.Example.COM:443", ""),
            path, Arbitraries.oneOf(query, Arbitraries.just("")),
            Arbitraries.of("", "", "#frag"))
        .as((origin, p, q, fragment) -> origin + p + q + fragment);
  }

  /** Language tags, right and wrong. */
  public static Arbitrary<String> languages() {
    return Arbitraries.oneOf(
        Arbitraries.of("zh-Hant", "zh-TW", "zh_hant_tw", "zh-Hans-CN", "en", "en-GB", "ja", "",
            "x-private", "i-klingon", "und", "123", "zh-Hant-TW-u-ca-chinese", "zh, en", "-",
            "en--US", "qaa-Qaaa-QM-x-southern", "EN_us", "\u0000", "ﬁ"),
        Arbitraries.strings().all().ofMaxLength(12));
  }

  /** Charset names, known, unknown and malformed. */
  public static Arbitrary<String> charsetNames() {
    return Arbitraries.oneOf(
        Arbitraries.of("utf-8", "UTF-8", "gbk", "gb2312", "big5", "Big5-HKSCS", "shift_jis",
            "euc-kr", "iso-8859-1", "windows-1252", "utf-16", "utf-16le", "utf-32", "UTF-7",
            "x-unknown", "", "\"", "utf-8\"", "../../etc", "ISO-2022-JP", "x-user-defined",
            "unicode-1-1-utf-8", "US-ASCII", "IBM037", "cp1047", "x-UTF-16LE-BOM", "gb18030"),
        Arbitraries.strings().all().ofMaxLength(12));
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static String concat(List<String> parts) {
    return String.join("", parts);
  }

  private static String escapeAttribute(String value) {
    return value.replace("\"", "&quot;");
  }

  /** A JSON string literal of any text, escaped as JSON wants (lone surrogates kept). */
  private static String jsonString(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
