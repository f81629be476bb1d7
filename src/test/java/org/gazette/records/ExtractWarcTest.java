package org.gazette.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.gazette.archive.RevisitRecord;
import org.gazette.archive.RevisitTarget;
import org.gazette.archive.WarcLocation;
import org.gazette.archive.WarcWriter;
import org.gazette.archive.WarcWriterOptions;
import org.gazette.archive.Warcinfo;
import org.gazette.config.ConfigLoader;
import org.gazette.config.GazetteConfig;
import org.gazette.extract.ArticleRecord;
import org.gazette.extract.ListingRecord;
import org.gazette.fetch.HttpExchange;
import org.gazette.fetch.HttpHeader;
import org.gazette.fetch.Truncation;
import org.gazette.testing.SampleExchanges;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which records of a WARC file {@code gazette extract} makes records of, and from what: real
 * WARC files written by gazette's writer, read back by {@link Reextraction}.
 */
class ExtractWarcTest {
  static final String UA = "gazette/1.0 (+https://example.org/crawler; ops@example.org)";
  static final Instant FIRST = Instant.parse("2026-11-26T10:00:00.123Z");
  static final Instant SECOND = Instant.parse("2026-11-27T10:00:00.456Z");

  @TempDir Path tmp;

  GazetteConfig config;
  final List<Object> records = new ArrayList<>();
  final List<String> problems = new ArrayList<>();
  final List<String> warnings = new ArrayList<>();

  @BeforeEach
  void config() throws Exception {
    Path dir = tmp.resolve("config");
    Files.createDirectories(dir.resolve("sites"));
    Files.writeString(dir.resolve("gazette.yaml"), "userAgent: \"" + UA + "\"\n");
    // "\.txt$" is a listing here, so a robots.txt read as a page would show as a record
    Files.writeString(dir.resolve("sites/portal.yaml"), String.join("\n",
        "seeds: [\"https://news.example.com/\"]",
        "timeZone: Asia/Shanghai",
        "listing: { urlPatterns: [\"/$\", \"\\\\.txt$\"] }",
        "article: { urlPatterns: [\"/news/\"] }",
        ""));
    config = ConfigLoader.load(dir);
  }

  Reextraction reextraction() {
    return new Reextraction(new PageRecords("gazette"), new Sites(config, null, null,
        warnings::add), 10 << 20, new Reextraction.Output() {
          @Override
          public void record(Object record) {
            records.add(record);
          }

          @Override
          public void problem(String message, Throwable cause) {
            problems.add(message);
          }

          @Override
          public void warning(String message) {
            warnings.add(message);
          }
        });
  }

  static String article(String title) {
    return "<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1>"
        + "<div class='story'><p>" + "這是一段足夠長的新聞正文，講述了發生的事情。".repeat(8)
        + "</p><p>第二段文字，記者在現場看到的情況。</p></div></body></html>";
  }

  static WarcWriter writer(Path dir, Instant now) {
    return new WarcWriter(new WarcWriterOptions(dir, Warcinfo.of("portal", "run", UA, "ops"))
        .prefix("portal").node("n1").clock(Clock.fixed(now, ZoneOffset.UTC)));
  }

  /** An exchange at {@code date}: status line and headers {@code head}, then {@code body}. */
  static HttpExchange exchange(String uri, Instant date, String head, byte[] body,
      Truncation truncation) {
    byte[] headBytes = (head + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    byte[] response = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, response, 0, headBytes.length);
    System.arraycopy(body, 0, response, headBytes.length, body.length);
    List<HttpHeader> headers = new ArrayList<>();
    String[] lines = head.split("\r\n");
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.add(new HttpHeader(lines[i].substring(0, colon), lines[i].substring(colon + 1)
          .trim()));
    }
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    URI target = URI.create(uri);
    return new HttpExchange(target, date, SampleExchanges.IP, SampleExchanges.request(target),
        response, headBytes.length, status, headers, body, truncation, 5);
  }

  static HttpExchange html(String uri, Instant date, String extraHeaders, String html) {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    return exchange(uri, date, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        + extraHeaders + "Content-Length: " + body.length + "\r\n", body, Truncation.NONE);
  }

  @Test
  void pagesAreTheHtmlResponsesTheCrawlParsesAndNothingElse() throws Exception {
    Path dir = tmp.resolve("warc");
    List<WarcLocation> kept = new ArrayList<>();
    try (WarcWriter w = writer(dir, FIRST)) {
      kept.add(w.write(html("https://news.example.com/news/1.html", FIRST, "",
          article("第一篇"))));
      kept.add(w.write(SampleExchanges.chunkedGzip("https://news.example.com/news/2.html",
          article("第二篇"))));
      byte[] notFound = article("找不到").getBytes(StandardCharsets.UTF_8);
      w.write(exchange("https://news.example.com/news/404.html", FIRST,
          "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n", notFound, Truncation.NONE));
      w.write(exchange("https://news.example.com/news/logo.gif", FIRST,
          "HTTP/1.1 200 OK\r\nContent-Type: image/gif\r\n", new byte[] {'G', 'I', 'F'},
          Truncation.NONE));
      w.write(html("https://news.example.com/robots.txt", FIRST, "", "<p>User-agent: *</p>"));
      byte[] cut = article("被截斷").getBytes(StandardCharsets.UTF_8);
      kept.add(w.write(exchange("https://news.example.com/news/3.html", FIRST,
          "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 99999\r\n",
          cut, Truncation.LENGTH)));
      w.write(exchange("https://news.example.com/news/4.html", FIRST,
          "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 99999\r\n",
          cut, Truncation.DISCONNECT));
      kept.add(w.write(html("https://news.example.com/", FIRST, "", "<ul><li>x</li></ul>")));
    }
    Path warc = onlyWarc(dir);

    reextraction().warc(warc);

    assertThat(problems).isEmpty();
    assertThat(records).hasSize(4);
    List<ArticleRecord> articles = records.stream().filter(ArticleRecord.class::isInstance)
        .map(ArticleRecord.class::cast).toList();
    assertThat(articles).extracting(ArticleRecord::url).containsExactly(
        "https://news.example.com/news/1.html", "https://news.example.com/news/2.html",
        "https://news.example.com/news/3.html");
    assertThat(articles).extracting(ArticleRecord::title).containsExactly("第一篇", "第二篇", "被截斷");
    assertThat(articles.get(1).body()).contains("記者在現場"); // de-chunked and gunzipped
    ArticleRecord first = articles.get(0);
    assertThat(first.site()).isEqualTo("portal");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.fetchedAt()).isEqualTo(FIRST);
    assertThat(first.warc().file()).isEqualTo(warc.getFileName().toString());
    assertThat(first.warc().offset()).isEqualTo(kept.get(0).offset());
    assertThat(first.warc().recordId()).isEqualTo(kept.get(0).recordId());
    assertThat(first.warc().payloadDigest()).isEqualTo(kept.get(0).payloadDigest());
    assertThat(records.get(3)).isInstanceOf(ListingRecord.class);
    assertThat(((ListingRecord) records.get(3)).warc().offset()).isEqualTo(kept.get(3).offset());
  }

  @Test
  void revisitsAreReadWithTheContentTheyReferToEvenInAnotherFile() throws Exception {
    Path dir = tmp.resolve("warc");
    String url = "https://news.example.com/news/1.html";
    HttpExchange original = html(url, FIRST, "ETag: \"v1\"\r\nX-Robots-Tag: noarchive\r\n",
        article("原文"));
    WarcLocation content;
    try (WarcWriter w = writer(dir, FIRST)) {
      content = w.write(original);
    }
    RevisitTarget target = new RevisitTarget(content.recordId(), url, FIRST,
        content.payloadDigest());
    // the same payload served again, now with other headers; then a 304 to a conditional GET
    HttpExchange same = html(url, SECOND, "ETag: \"v1\"\r\nX-Robots-Tag: nosnippet\r\n",
        article("原文"));
    HttpExchange notModified = exchange(url, SECOND.plusSeconds(60),
        "HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\n", new byte[0], Truncation.NONE);
    WarcLocation identical;
    WarcLocation unchanged;
    try (WarcWriter w = writer(dir, SECOND)) {
      identical = w.writeRevisit(same, RevisitRecord.Profile.IDENTICAL_PAYLOAD_DIGEST, target);
      unchanged = w.writeRevisit(notModified, RevisitRecord.Profile.SERVER_NOT_MODIFIED, target);
    }
    Path later;
    try (var files = Files.list(dir)) {
      later = files.filter(p -> p.toString().endsWith(".warc.gz")).sorted().toList().get(1);
    }

    reextraction().warc(later); // the first file is not named: found beside the second

    assertThat(problems).isEmpty();
    assertThat(records).hasSize(2).allMatch(ArticleRecord.class::isInstance);
    ArticleRecord again = (ArticleRecord) records.get(0);
    assertThat(again.title()).isEqualTo("原文");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.fetchedAt()).isEqualTo(SECOND);
    assertThat(again.robots()).containsExactly("nosnippet"); // the revisit's own headers
    assertThat(again.warc().offset()).isEqualTo(identical.offset());
    assertThat(again.warc().recordId()).isEqualTo(identical.recordId());
    assertThat(again.warc().payloadDigest()).isEqualTo(content.payloadDigest());
    ArticleRecord same304 = (ArticleRecord) records.get(1);
    assertThat(same304.title()).isEqualTo("原文");
    assertThat(same304.status()).isEqualTo(304);
    assertThat(same304.fetchedAt()).isEqualTo(SECOND.plusSeconds(60));
    assertThat(same304.robots()).containsExactly("noarchive"); // the stored response's headers
    assertThat(same304.warc().recordId()).isEqualTo(unchanged.recordId());
    assertThat(same304.warc().payloadDigest()).isEqualTo(content.payloadDigest());
  }

  @Test
  void aRevisitWhoseContentIsNowhereIsAProblemNamingFileAndOffset() throws Exception {
    Path dir = tmp.resolve("alone");
    String url = "https://news.example.com/news/9.html";
    WarcLocation at;
    try (WarcWriter w = writer(dir, SECOND)) {
      at = w.writeRevisit(html(url, SECOND, "", article("無")),
          RevisitRecord.Profile.IDENTICAL_PAYLOAD_DIGEST, new RevisitTarget(
              "<urn:uuid:00000000-0000-0000-0000-000000000000>", url, FIRST,
              "sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
    }
    Path warc = onlyWarc(dir);

    reextraction().warc(warc);

    assertThat(records).isEmpty();
    assertThat(problems).singleElement().asString()
        .startsWith(warc + ": offset " + at.offset() + ": cannot extract " + url)
        .contains("<urn:uuid:00000000-0000-0000-0000-000000000000>");
  }

  @Test
  void aHostInNoSiteGetsASiteNamedAfterItAndAGuessedZone() throws Exception {
    Path dir = tmp.resolve("warc");
    try (WarcWriter w = writer(dir, FIRST)) {
      // no zone in its time: read in the zone its language gives, as a bare-seed crawl reads it
      w.write(html("https://www.example.de/a/1.html", FIRST, "",
          article("Ein Artikel").replace("<html><head>", "<html lang='de'><head>"
              + "<meta property='og:type' content='article'>"
              + "<meta property='article:published_time' content='2020-03-18T22:36:10'>")));
    }

    reextraction().warc(onlyWarc(dir));

    assertThat(problems).isEmpty();
    assertThat(records).singleElement().isInstanceOf(ArticleRecord.class);
    ArticleRecord r = (ArticleRecord) records.get(0);
    assertThat(r.site()).isEqualTo("www.example.de");
    assertThat(r.published()).hasToString("2020-03-18T22:36:10+01:00");
  }

  static Path onlyWarc(Path dir) throws Exception {
    try (var files = Files.list(dir)) {
      List<Path> warcs = files.filter(p -> p.toString().endsWith(".warc.gz")).toList();
      assertThat(warcs).hasSize(1);
      return warcs.get(0);
    }
  }
}
