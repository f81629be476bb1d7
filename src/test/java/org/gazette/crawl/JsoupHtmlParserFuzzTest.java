package org.gazette.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.crawler.exceptions.ParseException;
import edu.uci.ics.crawler4j.parser.HtmlParseData;
import edu.uci.ics.crawler4j.url.WebURL;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;
import org.apache.http.Header;
import org.apache.http.message.BasicHeader;
import org.gazette.archive.WarcField;
import org.gazette.extract.PageContext;
import org.gazette.extract.PageExtractor;
import org.gazette.extract.RecordJson;
import org.gazette.extract.ZoneGuess;
import org.gazette.testing.Fuzzing;
import org.gazette.testing.HostileHtml;

/**
 * Fuzzes the crawl's page parser, {@link JsoupHtmlParser}, on bytes as a server sends them
 * (hostile pages in any charset, arbitrary bytes) with any Content-Type and X-Robots-Tag, and
 * hands its document on to the extractor as {@link PageRecordWriter} does.
 *
 * <p>What the crawl relies on: parsing gives parse data or crawler4j's {@link ParseException},
 * nothing else; every outgoing URL is an absolute http(s) URL no longer than the limit, that
 * {@code java.net.URI} accepts (so that fetching it cannot fail as an invalid URL) and that can be
 * written into a metadata record's {@code outlink} field; the page's robots directives can be
 * written into its {@code page-robots} field; nofollow means no outgoing URL; and the extractor
 * makes a JSON record of whatever document came out.
 */
@AddLifecycleHook(Fuzzing.class)
class JsoupHtmlParserFuzzTest {

  private static final int MAX_URL_LENGTH = 2048;

  /** Far above what any page here needs; only a hang or a quadratic blow-up reaches it. */
  private static final Duration BUDGET = Duration.ofSeconds(20);

  @Property(tries = 120)
  void anyResponseParsesToDataTheCrawlCanStore(
      @ForAll("bodies") byte[] body, @ForAll("contentTypes") String contentType,
      @ForAll("robotsHeaders") List<String> xRobotsTags) {
    Page page = page(body, contentType, xRobotsTags);

    Optional<JsoupParseData> parsed = assertTimeoutPreemptively(BUDGET, () -> parse(page));

    Statistics.collect(parsed.isPresent() ? "parsed" : "parse error");
    Statistics.coverage(c -> c.check("parsed").percentage(p -> p > 50));
    parsed.ifPresent(data -> assertStorable(data, page));
  }

  @Property(tries = 300)
  void theHeaderCharsetIsOneTheJdkKnowsOrNone(@ForAll("contentTypes") String contentType) {
    java.util.Optional<org.gazette.charset.Encoding> encoding =
        org.gazette.charset.Encoding.fromContentType(contentType);

    encoding.ifPresent(e -> {
      assertThat(Charset.isSupported(e.decoder().name())).as(e.name()).isTrue();
      assertThat(contentType.toLowerCase()).contains("charset");
    });
  }

  @Property(tries = 300)
  void normalizingALinkKeepsItsHostPathAndQuery(@ForAll("links") String link) throws Exception {
    // a URL's leading and trailing spaces are not part of it (jsoup and the normalizer trim them)
    URI original = new URI(encoded(link.strip()));
    // as jsoup hands links over: made absolute, characters as the page wrote them
    String normalized = UrlNormalizer.normalize(
        link.startsWith("/") ? "https://news.example.com" + link : link);

    Statistics.collect(normalized == null ? "dropped" : "normalized");
    assertThat(normalized).as("%s normalized", link).isNotNull();
    URI uri = new URI(normalized);
    assertThat(uri.getHost()).isEqualToIgnoringCase(java.net.IDN.toASCII(original.getHost()));
    assertThat(decode(uri.getRawPath())).as("path of %s", normalized)
        .isEqualTo(decode(original.getRawPath().isEmpty() ? "/" : original.getRawPath()));
    // the normalizer sorts the parameters, so that one query has one URL
    assertThat(parameters(uri.getRawQuery())).as("query of %s", normalized)
        .isEqualTo(parameters(original.getRawQuery()));
    assertThat(uri.getRawFragment()).isNull();
  }

  /**
   * The links of {@code fuzz/crawl/links-whose-path-changes-length.http} as they must come out:
   * crawler-commons alone made the first an invalid URL, the third a wrong one ({@code ?q?f}) and
   * threw on the second, losing the page.
   */
  @Example
  void linksWhosePathChangesLengthKeepTheirQuery() throws Exception {
    Path fixture = Fuzzing.fixtures("crawl").stream()
        .filter(p -> p.getFileName().toString().equals("links-whose-path-changes-length.http"))
        .findFirst().orElseThrow();
    byte[] bytes = Files.readAllBytes(fixture);
    int split = indexOf(bytes, "\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    Page page = page(java.util.Arrays.copyOfRange(bytes, split + 4, bytes.length),
        "text/html; charset=utf-8", List.of());

    JsoupParseData data = parse(page).orElseThrow();

    assertThat(data.getOutgoingUrls()).extracting(WebURL::getURL).containsExactly(
        "https://news.example.com/%E6%96%B0%E9%97%BB/%E5%88%97%E8%A1%A8?page=2",
        "https://news.example.com/p-1/p-2/?q=f",
        "https://news.example.com/p-1/?q=f");
  }

  /** Every response that once made the crawl's parsing fail, under {@code fuzz/crawl/}. */
  @Example
  void replaysTheFixturesThatOnceFailed() throws Exception {
    for (Path fixture : Fuzzing.fixtures("crawl")) {
      // a fixture is a response head (header lines) and body, as the crawl saw them
      byte[] bytes = Files.readAllBytes(fixture);
      int split = indexOf(bytes, "\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String head = new String(bytes, 0, split, java.nio.charset.StandardCharsets.ISO_8859_1);
      byte[] body = java.util.Arrays.copyOfRange(bytes, split + 4, bytes.length);
      String contentType = "text/html";
      List<String> robots = new java.util.ArrayList<>();
      for (String line : head.split("\r\n")) {
        String name = line.substring(0, line.indexOf(':'));
        String value = line.substring(line.indexOf(':') + 1).trim();
        if (name.equalsIgnoreCase("Content-Type")) {
          contentType = value;
        } else if (name.equalsIgnoreCase("X-Robots-Tag")) {
          robots.add(value);
        }
      }
      Page page = page(body, contentType, robots);
      parse(page).ifPresent(data -> assertStorable(data, page));
    }
  }

  // ---- what the crawl needs -------------------------------------------------------------------

  private static Optional<JsoupParseData> parse(Page page) {
    try {
      HtmlParseData data = new JsoupHtmlParser(MAX_URL_LENGTH, "gazette")
          .parse(page, page.getWebURL().getURL());
      assertThat(data).isInstanceOf(JsoupParseData.class);
      return Optional.of((JsoupParseData) data);
    } catch (ParseException e) {
      return Optional.empty(); // the documented outcome of an unparseable page
    }
  }

  private static void assertStorable(JsoupParseData data, Page page) {
    assertThat(data.getContentCharset()).isNotBlank();
    assertThat(data.document()).isNotNull();
    for (WebURL link : data.getOutgoingUrls()) {
      String url = link.getURL();
      assertThat(url).as("outgoing URL").matches("(?s)https?://.+");
      assertThat(url.length()).as("length of %s", url).isLessThanOrEqualTo(MAX_URL_LENGTH);
      assertThatCode(() -> new URI(url)).as("%s is a URI the fetcher accepts", url)
          .doesNotThrowAnyException();
      // what PageRecordWriter.metadata writes for it
      assertThatCode(() -> new WarcField("outlink", url + " L " + link.getTag() + "/@href"))
          .as("outlink field of %s", url).doesNotThrowAnyException();
    }
    for (String directive : data.robotsDirectives()) {
      assertThat(directive).isNotBlank().isEqualTo(directive.toLowerCase(java.util.Locale.ROOT))
          .doesNotContain(",", " ");
    }
    assertThatCode(() -> new WarcField("page-robots", String.join(", ", data.robotsDirectives())))
        .as("page-robots field of %s", data.robotsDirectives()).doesNotThrowAnyException();
    if (data.robotsDirectives().contains("nofollow") || data.robotsDirectives().contains("none")) {
      assertThat(data.getOutgoingUrls()).as("links of a nofollow page").isEmpty();
    }
    // the record, as PageRecordWriter makes it of a page without configured URL patterns
    String url = page.getWebURL().getURL();
    ZoneId zone = ZoneGuess.of(data.document(), url).orElse(ZoneOffset.UTC);
    PageContext context = new PageContext("fuzz", url, Instant.EPOCH, 200, zone, null);
    PageExtractor extractor = new PageExtractor();
    Object record = switch (extractor.classify(data.document())) {
      case ARTICLE -> extractor.extractArticle(data.document(), context);
      case LISTING -> extractor.extractListing(data.document(), context);
      default -> null;
    };
    if (record != null) {
      assertThat(RecordJson.write(record)).doesNotContain("\n");
    }
  }

  private static Page page(byte[] body, String contentType, List<String> xRobotsTags) {
    WebURL url = new WebURL();
    url.setURL(HostileHtml.PAGE_URL);
    Page page = new Page(url);
    page.setContentData(body);
    page.setContentType(contentType);
    page.setFetchResponseHeaders(xRobotsTags.stream()
        .map(v -> new BasicHeader("X-Robots-Tag", v)).toArray(Header[]::new));
    return page;
  }

  private static int indexOf(byte[] data, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= data.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (data[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalArgumentException("no blank line after the head of the fixture");
  }

  /** A link made absolute against the page, with what URI refuses raw percent-encoded. */
  private static String encoded(String link) {
    String abs = link.startsWith("/") ? "https://news.example.com" + link : link;
    StringBuilder out = new StringBuilder();
    for (byte b : abs.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c > 0x20 && c < 0x7f) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    // the host as ASCII, as URI wants it
    return out.toString()
        .replace("%E4%BE%8B%E5%AD%90.%E6%B5%8B%E8%AF%95", "xn--fsqu00a.xn--0zwm56d");
  }

  /**
   * The decoded parameters of a query, sorted, {@code k=} written {@code k} as the normalizer
   * writes it; empty for none.
   */
  private static List<String> parameters(String rawQuery) {
    return rawQuery == null ? List.of()
        : java.util.Arrays.stream(rawQuery.split("&")).map(JsoupHtmlParserFuzzTest::decode)
            .map(p -> p.endsWith("=") ? p.substring(0, p.length() - 1) : p).sorted().toList();
  }

  /** Percent-escapes decoded as UTF-8 ({@code +} kept as it is); null stays null. */
  private static String decode(String raw) {
    if (raw == null) {
      return null;
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' && i + 2 < raw.length() && Character.digit(raw.charAt(i + 1), 16) >= 0
          && Character.digit(raw.charAt(i + 2), 16) >= 0) {
        bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  // ---- generators -----------------------------------------------------------------------------

  @Provide
  Arbitrary<byte[]> bodies() {
    return HostileHtml.pageBytes();
  }

  @Provide
  Arbitrary<String> links() {
    return HostileHtml.linkUrls();
  }

  @Provide
  Arbitrary<String> contentTypes() {
    Arbitrary<String> withCharset = HostileHtml.charsetNames().flatMap(cs -> Arbitraries.of(
        "text/html; charset=" + cs, "text/html;charset=\"" + cs + "\"", "text/html; CHARSET = '"
            + cs + "'", "application/xhtml+xml; charset=" + cs + "; q=1"));
    return Arbitraries.frequencyOf(
        Tuple.of(4, withCharset),
        Tuple.of(2, Arbitraries.of("text/html", "", "application/octet-stream", "text/plain",
            "text/html; charset=", "charset=utf-8", "text/html; charset=\"\"")),
        Tuple.of(1, Arbitraries.strings().all().ofMaxLength(40)));
  }

  /** X-Robots-Tag values as servers send them, for all agents or one, right or wrong. */
  @Provide
  Arbitrary<List<String>> robotsHeaders() {
    Arbitrary<String> directive = Arbitraries.of("noindex", "nofollow", "none", "noarchive",
        "NOFOLLOW", "max-snippet:20", "unavailable_after: 25 Jun 2010 15:00:00 PST", "");
    Arbitrary<String> agent = Arbitraries.of("", "gazette: ", "GAZETTE:", "otherbot: ",
        "gazette, otherbot: ", ": ");
    Arbitrary<String> value = Combinators.combine(agent, directive.list().ofMaxSize(3),
            Arbitraries.of(", ", ",", " ", "\t", "\u0000", "\u000B", ";"))
        .as((a, ds, sep) -> a + String.join(sep, ds));
    return Arbitraries.oneOf(value, Arbitraries.strings().all().ofMaxLength(30))
        .list().ofMaxSize(3);
  }
}
