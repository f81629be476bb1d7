package org.gazette.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.gazette.sample.SampleNewsSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generic extractor on the bundled sample site, fetched over loopback as a crawl would. */
class SampleSiteExtractionTest {

  private static final ZoneId ZONE = ZoneId.of(SampleNewsSite.TIME_ZONE);

  private static SampleNewsSite site;
  private static final HttpClient http = HttpClient.newHttpClient();
  private final PageExtractor extractor = new PageExtractor();

  @BeforeAll
  static void startSite() throws Exception {
    site = SampleNewsSite.start("127.0.0.1", 0);
  }

  @AfterAll
  static void stopSite() {
    if (site != null) {
      site.close();
    }
  }

  @Test
  void extractsTheSeedArticle() throws Exception {
    Document doc = get(SampleNewsSite.SEED_ARTICLE_PATH);
    ArticleRecord article = extractor.extractArticle(doc, context(doc));

    assertThat(extractor.classify(doc)).isEqualTo(PageKind.ARTICLE);
    assertThat(article.title()).isEqualTo("拉夫羅夫:感謝中方迅速及時回應俄方的采購需求")
        .isEqualTo(TextNormalizer.normalize(SampleNewsSite.SEED_ARTICLE_TITLE));
    assertThat(RecordJson.format(article.published())).isEqualTo("2020-03-18T22:36:10+08:00");
    List<String> paragraphs = List.of(article.body().split("\n\n"));
    assertThat(paragraphs).hasSize(5);
    assertThat(paragraphs.get(0))
        .isEqualTo("據外交部網站消息,2020年3月18日,國務委員兼外長王毅應約同俄羅斯外長拉夫羅夫通電話。");
    assertThat(paragraphs.get(4)).startsWith("拉夫羅夫表示");
    assertThat(article.body()).doesNotContain("最后更新", "來源", "責任編輯", "分享到", "廣告",
        "評論", "相關推薦", "最新聞", "熱點推薦", "Copyright", "全球視野", "首頁");
    assertThat(article.editor()).isEqualTo("連政");
    assertThat(article.source()).isEqualTo("外交部網站");
    assertThat(article.language()).isEqualTo("zh-Hant");
    assertThat(article.related()).extracting(RelatedItem::comments)
        .containsExactly(51, 141, 158, 78, 8);
    assertThat(article.related().get(1).url())
        .isEqualTo(site.baseUri().resolve("/news/2020/03/18/537024.shtml").toString());
  }

  @Test
  void extractsTheFirstListingPage() throws Exception {
    Document doc = get("/list/1.html");
    ListingRecord listing = extractor.extractListing(doc, context(doc));

    assertThat(extractor.classify(doc)).isEqualTo(PageKind.LISTING);
    assertThat(listing.items()).hasSize(14);
    ListingItem first = listing.items().get(0);
    assertThat(first.title()).isEqualTo("拉夫羅夫:感謝中方迅速及時回應俄方的采購需求");
    assertThat(first.url())
        .isEqualTo(site.baseUri().resolve(SampleNewsSite.SEED_ARTICLE_PATH).toString());
    assertThat(RecordJson.format(first.time())).isEqualTo("2020-03-18T22:36:00+08:00");
    assertThat(first.section()).isEqualTo("中國外交");
    assertThat(listing.items()).filteredOn(i -> i.title().startsWith("澳大利亞"))
        .singleElement().satisfies(i -> assertThat(i.section()).isNull());
  }

  @Test
  void readsLegacyEncodedPagesWithPrintedTimesOnly() throws Exception {
    for (String path : List.of(SampleNewsSite.GBK_PAGE_PATH, SampleNewsSite.BIG5_PAGE_PATH)) {
      Document doc = get(path);
      ArticleRecord article = extractor.extractArticle(doc, context(doc));
      assertThat(extractor.classify(doc)).as(path).isEqualTo(PageKind.ARTICLE);
      assertThat(article.published()).as(path).isNotNull();
      assertThat(article.published().getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
      assertThat(article.body()).as(path).isNotBlank();
    }
    Document gbk = get(SampleNewsSite.GBK_PAGE_PATH);
    assertThat(extractor.extractArticle(gbk, context(gbk)).title())
        .isEqualTo(SampleNewsSite.GBK_PAGE_TITLE);
  }

  private static Document get(String path) throws Exception {
    URI uri = site.baseUri().resolve(path);
    HttpResponse<byte[]> response = http.send(
        HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    // charset from the page's own meta, as the GBK and Big5 pages declare it only there
    return Jsoup.parse(new ByteArrayInputStream(response.body()), null, uri.toString());
  }

  private static PageContext context(Document doc) {
    return new PageContext("sample", doc.location(), Instant.now(), 200, ZONE, null);
  }
}
