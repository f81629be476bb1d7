package org.gazette.sample;

import com.sun.net.httpserver.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.gazette.sample.SampleContent.Article;

/**
 * The sample site's URL space: every path mapped to a response prepared in advance (pages
 * rendered, encoded and gzipped up front), so that serving is a map lookup and the bytes of a
 * page are identical on every request. Immutable: a change to the site ({@link SampleEditor})
 * makes a new instance that shares every response it does not change.
 */
final class SampleRoutes {

  private static final String UTF8_HTML = "text/html; charset=utf-8";
  // A 1x1 transparent GIF: the logo and in-article pictures.
  private static final byte[] GIF = Base64.getDecoder()
      .decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

  /**
   * One prepared response.
   *
   * @param gzipped the body gzipped, or null if never sent encoded (robots.txt, images)
   * @param chunked send with chunked transfer coding instead of Content-Length
   * @param etag a weak validator, or null (then there is no Last-Modified either)
   */
  record Resource(byte[] body, byte[] gzipped, String type, boolean chunked, String etag,
      String lastModified) {

    /** RFC 9110 13.1: If-None-Match (weak comparison) wins over If-Modified-Since. */
    boolean notModified(Headers request) {
      if (etag == null) {
        return false;
      }
      String ifNoneMatch = request.getFirst("If-None-Match");
      if (ifNoneMatch != null) {
        for (String tag : ifNoneMatch.split(",")) {
          String t = tag.strip();
          if (t.equals("*") || t.replaceFirst("^W/", "").equals(etag.replaceFirst("^W/", ""))) {
            return true;
          }
        }
        return false;
      }
      String since = request.getFirst("If-Modified-Since");
      try {
        return since != null && !ZonedDateTime.parse(lastModified, HTTP_DATE)
            .isAfter(ZonedDateTime.parse(since, HTTP_DATE));
      } catch (RuntimeException e) {
        return false; // an unparsable date is ignored, as RFC 9110 asks
      }
    }
  }

  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

  private final SamplePages pages;
  private final Map<String, Resource> routes;
  private final Resource notFound;

  private SampleRoutes(SamplePages pages, Map<String, Resource> routes, Resource notFound) {
    this.pages = pages;
    this.routes = Map.copyOf(routes);
    this.notFound = notFound;
  }

  /** The routes of a freshly started site: the bundled articles and every other page. */
  static SampleRoutes initial(SampleContent content, URI baseUri, Duration crawlDelay) {
    checkConstants(content);
    SamplePages pages = new SamplePages(content, baseUri);
    Map<String, Resource> routes = new HashMap<>();
    routes.put("/robots.txt", new Resource(bytes(pages.robots(seconds(crawlDelay))), null,
        "text/plain; charset=utf-8", false, null, null));
    listings(pages, content.articles(), routes);
    for (Article a : content.articles()) {
      routes.put(a.path(), article(pages, a));
    }
    routes.put(SampleNewsSite.DISALLOWED_PATH,
        html(pages.plain("會員專區", "本頁面僅供會員訪問,robots.txt 禁止抓取。"), false));
    routes.put("/about.html",
        html(pages.plain("關於我們", "環球新聞網是 gazette 的示例新聞網站,內容僅供測試。"), false));
    routes.put("/contact.html",
        html(pages.plain("聯繫我們", "新聞熱線: 010-12345678,電子郵件: news@example.com"), false));
    routes.put("/img/logo.gif", new Resource(GIF, null, "image/gif", false, null, null));
    routes.put("/css/site.css", new Resource(bytes("body{font-family:sans-serif}.ad{color:#999}\n"),
        null, "text/css; charset=utf-8", false, null, null));
    byte[] missing = bytes(pages.plain("404 頁面不存在", "您訪問的頁面不存在或已被刪除。"));
    Resource notFound = new Resource(missing, gzip(missing), UTF8_HTML, false, null, null);
    return new SampleRoutes(pages, routes, notFound);
  }

  /**
   * These routes with {@code changed} served at its path (a new article, or a new version of one)
   * and the front page and listings rendered again from {@code newestFirst}, every article the
   * site now serves. Every other response is kept, byte for byte.
   */
  SampleRoutes with(Article changed, List<Article> newestFirst) {
    Map<String, Resource> next = new HashMap<>(routes);
    next.put(changed.path(), article(pages, changed));
    listings(pages, newestFirst, next);
    return new SampleRoutes(pages, next, notFound);
  }

  /** The response for {@code rawPath} (query ignored, as most sites do), or null. */
  Resource get(String rawPath) {
    return routes.get(rawPath);
  }

  Resource notFound() {
    return notFound;
  }

  /** True if the Accept-Encoding header lists gzip (or *) without q=0. */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
      String[] p = part.split(";");
      String coding = p[0].strip();
      boolean refused = p.length > 1 && p[1].strip().matches("q\\s*=\\s*0(\\.0*)?");
      if ((coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("*")) && !refused) {
        return true;
      }
    }
    return false;
  }

  /**
   * Encodes a page in its declared charset. Characters the charset lacks (pinyin tone marks in
   * Big5, © in GB2312) become numeric character references, as browsers and old CMSs do.
   */
  static byte[] encode(String html, String charsetLabel) {
    Charset charset = Charset.forName(charsetLabel);
    if (charset.equals(StandardCharsets.UTF_8)) {
      return html.getBytes(charset);
    }
    CharsetEncoder encoder = charset.newEncoder();
    StringBuilder out = new StringBuilder(html.length() + 256);
    html.codePoints().forEach(cp -> {
      String s = Character.toString(cp);
      out.append(encoder.canEncode(s) ? s : "&#" + cp + ";");
    });
    return out.toString().getBytes(charset);
  }

  /** The front page and every listing page of {@code newestFirst}, put into {@code routes}. */
  private static void listings(SamplePages pages, List<Article> newestFirst,
      Map<String, Resource> routes) {
    // Front page and listings change on every run of a real site: chunked, no validators.
    Resource front = html(pages.front(newestFirst), true);
    routes.put("/", front);
    routes.put("/index.html", front);
    for (int n = 1; n <= SampleContent.pageCount(newestFirst.size()); n++) {
      routes.put("/list/" + n + ".html", html(pages.listing(newestFirst, n), true));
    }
  }

  /** An article page, encoded in its charset, with validators derived from its bytes and time. */
  private static Resource article(SamplePages pages, Article a) {
    byte[] body = encode(pages.article(a), a.charset());
    // Legacy pages say their charset only in a meta tag, as many old CMSs do.
    String type = a.charset().equals("utf-8") ? UTF8_HTML : "text/html";
    // The body's hash in the ETag: an edit that changes the bytes changes the validator too.
    String etag = "W/\"" + a.id() + "-" + Integer.toHexString(Arrays.hashCode(body)) + "\"";
    String modified = HTTP_DATE.format(
        a.updated().atOffset(ZoneOffset.ofHours(8)).atZoneSameInstant(ZoneOffset.UTC));
    return new Resource(body, gzip(body), type, false, etag, modified);
  }

  private static Resource html(String html, boolean chunked) {
    byte[] body = bytes(html);
    return new Resource(body, gzip(body), UTF8_HTML, chunked, null, null);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gzip(byte[] body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length / 3);
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Crawl-delay in seconds, decimals only when needed: 2, 0.5. */
  private static String seconds(Duration d) {
    return d == null ? null
        : BigDecimal.valueOf(d.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
  }

  /** SampleNewsSite's constants are what tests rely on: fail at start rather than drift. */
  private static void checkConstants(SampleContent content) {
    Article seed = content.seed();
    Article gbk = content.byPath(SampleNewsSite.GBK_PAGE_PATH);
    Article gb2312 = content.byPath(SampleNewsSite.GB2312_PAGE_PATH);
    Article big5 = content.byPath(SampleNewsSite.BIG5_PAGE_PATH);
    boolean ok = content.articles().size() == SampleNewsSite.ARTICLE_COUNT
        && content.pageCount() == SampleNewsSite.LISTING_PAGE_COUNT
        && seed.path().equals(SampleNewsSite.SEED_ARTICLE_PATH)
        && seed.title().equals(SampleNewsSite.SEED_ARTICLE_TITLE)
        && gbk != null && gbk.charset().equals("gbk")
        && gbk.title().equals(SampleNewsSite.GBK_PAGE_TITLE)
        && gb2312 != null && gb2312.charset().equals("gb2312")
        && big5 != null && big5.charset().equals("big5")
        && big5.title().equals(SampleNewsSite.BIG5_PAGE_TITLE);
    if (!ok) {
      throw new IllegalStateException("sample site content and SampleNewsSite constants disagree");
    }
  }
}
