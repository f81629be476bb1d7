package org.gazette.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gazette.discover.Fixtures.at;
import static org.gazette.discover.Fixtures.bytes;
import static org.gazette.discover.Fixtures.uri;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FeedReaderTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final FeedReader reader = new FeedReader(SHANGHAI);

  @Test
  void readsRss2ItemsWithTheirLinksTitlesAndDates() {
    Feed feed = reader.read(uri("https://news.example.com/rss/world.xml"), bytes("rss2.xml"));

    assertThat(feed.urls()).containsExactly(
        new DiscoveredUrl(uri("https://news.example.com/world/2020/03/18/borders.html"),
            null, "US & Canada close border to non-essential traffic", at("2020-03-18T14:36:10Z")),
        // relative link, HTML in CDATA
        new DiscoveredUrl(uri("https://news.example.com/internation/2020_03_18_541914.shtml"),
            null, "Exclusive: Lavrov thanks China", at("2020-03-18T14:36:10Z")),
        // guid as permalink; CST on a Shanghai site is China Standard Time
        new DiscoveredUrl(uri("https://news.example.com/business/2020/03/18/markets.html"),
            null, "Markets fall again", at("2020-03-18T01:15:00Z")),
        // link wrapped in white space; dc:date
        new DiscoveredUrl(uri("https://news.example.com/europe/2020/03/17/dc.html"),
            null, "Dates in Dublin Core", at("2020-03-17T19:00:00Z")));
    assertThat(feed.problems()).containsExactly("item 5 has no usable link");
  }

  @Test
  void readsCstAsUsCentralWhenTheSiteZoneIsUnknown() {
    Feed feed = new FeedReader().read(
        uri("https://news.example.com/rss/world.xml"), bytes("rss2.xml"));

    assertThat(feed.urls().get(2).published()).isEqualTo(at("2020-03-18T15:15:00Z"));
  }

  @Test
  void readsRss1RdfItems() {
    Feed feed = reader.read(uri("https://www.example.org/rdf/index.rdf"), bytes("rss1-rdf.xml"));

    assertThat(feed.problems()).isEmpty();
    assertThat(feed.urls()).containsExactly(
        new DiscoveredUrl(
            uri("https://www.example.org/us/2021/06/02/heat-wave.html?utm_source=rss"),
            null, "Heat wave strains the power grid", at("2021-06-02T13:30:00Z")),
        // no link: rdf:about names the item
        new DiscoveredUrl(uri("https://www.example.org/us/2021/06/01/power-grid.html"),
            null, "Grid operators ask for calm", at("2021-06-01T18:00:00Z")));
  }

  @Test
  void readsAtomEntries() {
    Feed feed = reader.read(uri("https://blog.example.net/feeds/atom.xml"), bytes("atom.xml"));

    assertThat(feed.urls()).containsExactly(
        // relative to the feed's xml:base; type="html" title unescaped and stripped
        new DiscoveredUrl(uri("https://blog.example.net/posts/2020/03/spring.html"),
            at("2020-03-19T01:00:00Z"), "Spring arrives early & warm",
            at("2020-03-18T14:36:10Z")),
        // the text/html alternate wins over the JSON one; a text title stays as written
        new DiscoveredUrl(uri("https://blog.example.net/2020/03/second.html"),
            at("2020-03-17T10:00:00Z"), "Plain <text> title", null),
        // the entry's own xml:base
        new DiscoveredUrl(uri("https://mirror.example.net/archive/third.html"),
            at("2020-03-16T10:00:00.500Z"), "Third", null),
        // no link, but the id is the permalink
        new DiscoveredUrl(uri("https://blog.example.net/posts/2020/03/by-id.html"),
            at("2020-03-15T10:00:00Z"), "Only an id", null));
    assertThat(feed.problems()).containsExactly("entry 5 has no usable link");
  }

  @Test
  void honoursAGbkXmlDeclaration() {
    Feed feed = reader.read(uri("http://news.example.cn/rss/society.xml"), bytes("gbk-rss.xml"));

    assertThat(feed.problems()).isEmpty();
    assertThat(feed.urls()).containsExactly(
        new DiscoveredUrl(uri("http://news.example.cn/society/2020-03/10/c_1125690001.htm"),
            null, "北京：社区防疫工作有序推进", at("2020-03-10T10:20:00Z")),
        // Date.toString() format, as Java-built feeds write it
        new DiscoveredUrl(uri("http://news.example.cn/society/2020-03/10/c_1125690002.htm"),
            null, "上海发布最新出行提示", at("2020-03-10T01:05:00Z")));
  }

  @Test
  void keepsTheItemsBeforeTheCutOfATruncatedFeed() {
    byte[] rss = bytes("rss2.xml");
    String text = new String(rss, StandardCharsets.UTF_8);
    byte[] cut = Arrays.copyOf(rss, text.indexOf("Markets fall again"));

    Feed feed = reader.read(uri("https://news.example.com/rss/world.xml"), cut);

    assertThat(feed.urls()).extracting(DiscoveredUrl::url).containsExactly(
        uri("https://news.example.com/world/2020/03/18/borders.html"),
        uri("https://news.example.com/internation/2020_03_18_541914.shtml"));
  }

  @Test
  void dropsALinkCutByTheEndOfTheDocument() {
    byte[] rss = bytes("rss2.xml");
    String text = new String(rss, StandardCharsets.UTF_8);
    byte[] cut = Arrays.copyOf(rss, text.indexOf("/europe/2020/03/17/dc.html"));

    Feed feed = reader.read(uri("https://news.example.com/rss/world.xml"), cut);

    assertThat(feed.urls()).extracting(DiscoveredUrl::url).containsExactly(
        uri("https://news.example.com/world/2020/03/18/borders.html"),
        uri("https://news.example.com/internation/2020_03_18_541914.shtml"),
        uri("https://news.example.com/business/2020/03/18/markets.html"));
    assertThat(feed.problems()).containsExactly("item 4 has no usable link");
  }

  @Test
  void aSitemapIsNotAFeed() {
    Feed feed = reader.read(
        uri("https://news.example.com/sitemaps/news.xml"), bytes("news-sitemap.xml"));

    assertThat(feed.urls()).isEmpty();
    assertThat(feed.problems()).containsExactly("not a feed: the root element is <urlset>");
  }

  @Test
  void brokenXmlGivesNoUrlsAndAProblem() {
    Feed feed = reader.read(uri("https://news.example.com/rss/world.xml"), bytes("broken.xml"));

    assertThat(feed.urls()).isEmpty();
    assertThat(feed.problems()).first().isEqualTo("not a feed: the root element is <br>");
  }

  @Test
  void anHtmlPageIsNotAFeed() {
    Feed feed = reader.read(
        uri("https://news.example.com/rss/world.xml"), bytes("html-error-page.html"));

    assertThat(feed.urls()).isEmpty();
    assertThat(feed.problems()).first().isEqualTo("not a feed: the root element is <html>");
  }

  @Test
  void emptyAndBinaryContentGiveAProblem() {
    Feed empty = reader.read(uri("https://news.example.com/rss.xml"), new byte[0]);
    Feed binary = reader.read(
        uri("https://news.example.com/rss.xml"), new byte[] {0, 1, 2, (byte) 0xFF, 0x7F});

    assertThat(empty.urls()).isEmpty();
    assertThat(empty.problems()).containsExactly("empty document");
    assertThat(binary.urls()).isEmpty();
    assertThat(binary.problems()).first().isEqualTo("not a feed: no XML elements");
  }

  @Test
  void capsTheProblemsOfAFeedFullOfBadItems() {
    StringBuilder rss = new StringBuilder("<rss><channel>");
    for (int i = 0; i < 30; i++) {
      rss.append("<item><title>no link</title></item>");
    }
    rss.append("</channel></rss>");

    Feed feed = reader.read(
        uri("https://news.example.com/rss.xml"), rss.toString().getBytes(StandardCharsets.UTF_8));

    assertThat(feed.problems()).hasSize(Problems.MAX + 1).endsWith("... and 10 more");
  }
}
