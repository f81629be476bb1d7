package org.gazette.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gazette.discover.Fixtures.at;
import static org.gazette.discover.Fixtures.bytes;
import static org.gazette.discover.Fixtures.uri;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SitemapReaderTest {

  private static final String NEWS_SITEMAP = "https://news.example.com/sitemaps/news.xml";

  private final SitemapReader reader = new SitemapReader();

  @Test
  void readsNewsTitlesAndPublicationDates() {
    Sitemap sitemap = reader.read(uri(NEWS_SITEMAP), bytes("news-sitemap.xml"));

    assertThat(sitemap.isIndex()).isFalse();
    assertThat(sitemap.problems()).isEmpty();
    assertThat(sitemap.urls()).containsExactly(
        new DiscoveredUrl(
            uri("https://news.example.com/internation/2020_03_18_541914.shtml"),
            at("2020-03-18T15:05:00Z"),
            "拉夫罗夫：感谢中方迅速及时回应俄方的采购需求",
            at("2020-03-18T14:36:10Z")),
        new DiscoveredUrl(
            uri("https://news.example.com/world/2020/03/18/borders.html?from=sitemap&p=1"),
            null,
            "US & Canada close border to non-essential traffic",
            at("2020-03-18T06:15:00Z")),
        new DiscoveredUrl(
            uri("https://m.example.com/a/2020/03/17/hello.html"),
            at("2020-03-17T00:00:00Z"),
            null,
            null));
  }

  @Test
  void keepsUrlsOutsideTheSitemapFolderAndHost() {
    // strict mode would drop all three: none lies under https://news.example.com/sitemaps/
    Sitemap sitemap = reader.read(uri(NEWS_SITEMAP), bytes("news-sitemap.xml"));

    assertThat(sitemap.urls()).extracting(u -> u.url().getHost())
        .containsExactly("news.example.com", "news.example.com", "m.example.com");
  }

  @Test
  void readsASitemapIndex() {
    Sitemap sitemap = reader.read(
        uri("https://news.example.com/sitemap-index.xml"), bytes("sitemap-index.xml"));

    assertThat(sitemap.isIndex()).isTrue();
    assertThat(sitemap.urls()).isEmpty();
    assertThat(sitemap.problems()).isEmpty();
    assertThat(sitemap.sitemaps()).containsExactly(
        uri("https://news.example.com/sitemaps/news.xml"),
        uri("https://static.example-cdn.com/news/sitemap-2020-03.xml.gz"),
        uri("https://news.example.com/sitemaps/sections.txt"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "https://news.example.com/sitemap.xml.gz",
      "https://news.example.com/sitemap?page=1"})
  void unzipsGzipFoundByItsMagicBytes(String url) {
    Sitemap sitemap = reader.read(uri(url), bytes("sitemap.xml.gz"));

    assertThat(sitemap.problems()).isEmpty();
    assertThat(sitemap.urls()).containsExactly(
        new DiscoveredUrl(uri("https://news.example.com/china/2020/03/10/c_1125690001.htm"),
            at("2020-03-10T10:20:00Z"), null, null),
        new DiscoveredUrl(uri("https://news.example.com/china/2020/03/10/c_1125690002.htm"),
            null, null, null));
  }

  @Test
  void readsAGzUrlWhoseBytesTheHttpClientAlreadyUnzipped() throws IOException {
    byte[] unzipped =
        new GZIPInputStream(new ByteArrayInputStream(bytes("sitemap.xml.gz"))).readAllBytes();

    Sitemap sitemap = reader.read(uri("https://news.example.com/sitemap.xml.gz"), unzipped);

    assertThat(sitemap.problems()).isEmpty();
    assertThat(sitemap.urls()).hasSize(2);
  }

  @Test
  void unzipsASitemapGzippedTwice() throws IOException {
    byte[] twice = gzip(bytes("sitemap.xml.gz"));

    Sitemap sitemap = reader.read(uri("https://news.example.com/sitemap.xml.gz"), twice);

    assertThat(sitemap.urls()).hasSize(2);
  }

  @Test
  void readsAPlainTextSitemap() {
    Sitemap sitemap =
        reader.read(uri("https://news.example.com/sitemap.txt"), bytes("sitemap.txt"));

    assertThat(sitemap.isIndex()).isFalse();
    assertThat(sitemap.urls()).extracting(DiscoveredUrl::url).containsExactly(
        uri("https://news.example.com/internation/2020_03_18_541914.shtml"),
        uri("https://news.example.com/world/2020/03/18/borders.html"),
        // written raw in the file (港澳 通关.html): encoded as a browser would
        uri("https://news.example.com/china/2020/03/18/"
            + "%E6%B8%AF%E6%BE%B3%20%E9%80%9A%E5%85%B3.html"));
    assertThat(sitemap.urls()).allSatisfy(u -> {
      assertThat(u.title()).isNull();
      assertThat(u.lastModified()).isNull();
    });
  }

  @Test
  void keepsTheUrlsBeforeTheCutOfATruncatedSitemap() {
    Sitemap sitemap = reader.read(
        uri("https://news.example.com/sitemap.xml"), bytes("truncated-sitemap.xml"));

    assertThat(sitemap.urls()).containsExactly(
        new DiscoveredUrl(uri("https://news.example.com/world/2020/03/18/borders.html"),
            at("2020-03-18T14:36:10Z"), null, null),
        // its lastmod is cut ("2020-03-1"): not read as 1 March
        new DiscoveredUrl(uri("https://news.example.com/world/2020/03/18/second.html"),
            null, null, null));
    assertThat(sitemap.problems()).singleElement().asString()
        .startsWith("malformed XML at line ").endsWith(": read leniently");
  }

  @Test
  void dropsAUrlCutByTheEndOfTheDocument() {
    String xml = "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
        + "<url><loc>https://news.example.com/a.html</loc></url>"
        + "<url><loc>https://news.example.com/world/2020/03/1";

    Sitemap sitemap = reader.read(uri("https://news.example.com/sitemap.xml"),
        xml.getBytes(StandardCharsets.UTF_8));

    assertThat(sitemap.urls()).extracting(DiscoveredUrl::url)
        .containsExactly(uri("https://news.example.com/a.html"));
  }

  @Test
  void readsEveryUrlOfASitemapThatIsNotWellFormed() {
    Sitemap sitemap = reader.read(uri(NEWS_SITEMAP), bytes("sloppy-news-sitemap.xml"));

    assertThat(sitemap.urls()).containsExactly(
        new DiscoveredUrl(uri("https://news.example.com/list.php?id=541914&page=1"),
            at("2020-03-18T15:05:00Z"), null, null),
        new DiscoveredUrl(uri("https://news.example.com/internation/2020_03_18_541915.shtml"),
            null, "Lavrov thanks China & more", at("2020-03-18T14:36:10Z")),
        new DiscoveredUrl(uri("https://news.example.com/internation/2020_03_18_541916.shtml"),
            null, null, null));
    assertThat(sitemap.problems()).singleElement().asString()
        .startsWith("malformed XML at line 7, column ");
  }

  @Test
  void readsASitemapIndexThatIsNotWellFormed() {
    String xml = "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
        + "<sitemap><loc>https://news.example.com/sitemap.php?section=world&page=1</loc></sitemap>"
        + "<sitemap><loc>https://news.example.com/sitemap.php?section=china&page=1</loc></sitemap>"
        + "</sitemapindex>";

    Sitemap sitemap = reader.read(uri("https://news.example.com/sitemap-index.xml"),
        xml.getBytes(StandardCharsets.UTF_8));

    assertThat(sitemap.isIndex()).isTrue();
    assertThat(sitemap.sitemaps()).containsExactly(
        uri("https://news.example.com/sitemap.php?section=world&page=1"),
        uri("https://news.example.com/sitemap.php?section=china&page=1"));
  }

  @Test
  void recodesANewsSitemapDeclaredInGbk() {
    Sitemap sitemap = reader.read(
        uri("http://news.example.cn/sitemap-news.xml"), bytes("gbk-news-sitemap.xml"));

    assertThat(sitemap.problems()).isEmpty();
    assertThat(sitemap.urls()).containsExactly(new DiscoveredUrl(
        uri("http://news.example.cn/society/2020-03/10/c_1125690001.htm"),
        null, "北京：社区防疫工作有序推进", at("2020-03-10T10:20:00Z")));
  }

  @Test
  void readsAnRssFeedUsedAsASitemapWithTheFeedReader() {
    Sitemap sitemap = new SitemapReader(ZoneId.of("Asia/Shanghai"))
        .read(uri("https://news.example.com/rss/world.xml"), bytes("rss2.xml"));

    assertThat(sitemap.isIndex()).isFalse();
    assertThat(sitemap.urls()).isEqualTo(new FeedReader(ZoneId.of("Asia/Shanghai"))
        .read(uri("https://news.example.com/rss/world.xml"), bytes("rss2.xml")).urls());
    // not crawler-commons' reading, which makes https://news.example.com/rss/12345 of
    // <guid isPermaLink="false">12345</guid>
    assertThat(sitemap.urls()).extracting(DiscoveredUrl::url)
        .doesNotContain(uri("https://news.example.com/rss/12345"));
    assertThat(sitemap.problems()).containsExactly("item 5 has no usable link");
  }

  @Test
  void readsAGzippedAtomFeedUsedAsASitemap() {
    Sitemap sitemap = reader.read(
        uri("https://blog.example.net/feeds/atom.xml.gz"), gzip(bytes("atom.xml")));

    // the alternate links, not crawler-commons' last link of each entry (an MP3, a self link)
    assertThat(sitemap.urls()).extracting(DiscoveredUrl::url).containsExactly(
        uri("https://blog.example.net/posts/2020/03/spring.html"),
        uri("https://blog.example.net/2020/03/second.html"),
        uri("https://mirror.example.net/archive/third.html"),
        uri("https://blog.example.net/posts/2020/03/by-id.html"));
  }

  @Test
  void readsAnRss1FeedUsedAsASitemap() {
    Sitemap sitemap = reader.read(
        uri("https://www.example.org/rdf/index.rdf"), bytes("rss1-rdf.xml"));

    assertThat(sitemap.urls()).extracting(DiscoveredUrl::url).containsExactly(
        uri("https://www.example.org/us/2021/06/02/heat-wave.html?utm_source=rss"),
        uri("https://www.example.org/us/2021/06/01/power-grid.html"));
  }

  @Test
  void brokenXmlGivesNoUrlsAndAProblem() {
    Sitemap sitemap = reader.read(uri("https://news.example.com/sitemap.xml"), bytes("broken.xml"));

    assertThat(sitemap.urls()).isEmpty();
    assertThat(sitemap.sitemaps()).isEmpty();
    assertThat(sitemap.problems()).hasSize(2);
    assertThat(sitemap.problems().get(0)).startsWith("malformed XML at line 3");
    assertThat(sitemap.problems().get(1)).isEqualTo("not a sitemap: the root element is <br>");
  }

  @Test
  void anHtmlPageIsNotASitemap() {
    Sitemap sitemap = reader.read(
        uri("https://news.example.com/sitemap.xml"), bytes("html-error-page.html"));

    assertThat(sitemap.urls()).isEmpty();
    assertThat(sitemap.problems()).containsExactly(
        "not a sitemap: neither XML nor a plain-text list of URLs");
  }

  @Test
  void xmlOfAnotherKindIsNotASitemap() {
    byte[] xml = "<?xml version=\"1.0\"?><config><url>https://x.example/</url></config>"
        .getBytes(StandardCharsets.UTF_8);

    Sitemap sitemap = reader.read(uri("https://news.example.com/sitemap.xml"), xml);

    assertThat(sitemap.urls()).isEmpty();
    assertThat(sitemap.problems()).containsExactly(
        "not a sitemap: XML without a urlset, sitemapindex, rss or feed root element");
  }

  @Test
  void emptyAndBinaryContentGiveAProblem() {
    Sitemap empty = reader.read(uri("https://news.example.com/sitemap.xml"), new byte[0]);
    Sitemap binary = reader.read(
        uri("https://news.example.com/sitemap.xml"), new byte[] {0, 1, 2, (byte) 0xFF, 0x7F});

    assertThat(empty.urls()).isEmpty();
    assertThat(empty.problems()).containsExactly("empty document");
    assertThat(binary.urls()).isEmpty();
    assertThat(binary.problems()).hasSize(1);
  }

  @Test
  void aGzipHeaderAloneGivesProblemsNotAnException() {
    Sitemap sitemap = reader.read(
        uri("https://news.example.com/sitemap.xml.gz"), new byte[] {0x1F, (byte) 0x8B});

    assertThat(sitemap.urls()).isEmpty();
    assertThat(sitemap.problems())
        .containsExactly("gzip data cut short: read what was there", "no content after gunzip");
  }

  @Test
  void refusesARelativeSitemapUrl() {
    assertThatThrownBy(() -> reader.read(uri("/sitemap.xml"), bytes("news-sitemap.xml")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/sitemap.xml");
  }

  @Test
  void aCutGzipStreamKeepsWhatItHeld() {
    byte[] gz = bytes("sitemap.xml.gz");
    byte[] cut = Arrays.copyOf(gz, gz.length - 20);

    Sitemap sitemap = reader.read(uri("https://news.example.com/sitemap.xml.gz"), cut);

    assertThat(sitemap.problems()).first().asString().startsWith("gzip data cut short");
    assertThat(sitemap.urls()).extracting(DiscoveredUrl::url)
        .contains(uri("https://news.example.com/china/2020/03/10/c_1125690001.htm"));
  }

  @Test
  void stopsUnzippingAtTheLimit() {
    byte[] big = new byte[4096];
    Arrays.fill(big, (byte) ' ');
    Problems problems = new Problems();

    byte[] out = SitemapBytes.gunzip(gzip(big), 1000, problems);

    assertThat(out).hasSize(1000);
    assertThat(problems.list()).singleElement().asString().startsWith("larger than ");
  }

  private static byte[] gzip(byte[] data) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
        gz.write(data);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
