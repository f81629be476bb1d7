package org.gazette.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gazette.config.ConfigLoader;
import org.gazette.config.SiteConfig;
import org.gazette.extract.ArticleRecord;
import org.gazette.extract.ListingItem;
import org.gazette.extract.ListingRecord;
import org.gazette.extract.PageKind;
import org.gazette.extract.RelatedItem;
import org.gazette.extract.TextNormalizer;
import org.gazette.fetch.HttpHeader;
import org.gazette.records.HttpPage;
import org.gazette.records.PageRecords;
import org.gazette.records.SiteRules;
import org.gazette.sample.SampleContent.Article;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo site's profile (config/sites/demo.yaml, as shipped) against what the sample site
 * knows it wrote: every field of every article and listing page, exactly. The pages are served
 * over loopback and go through the record maker a crawl uses.
 */
class DemoProfileTest {

  private static final ZoneId ZONE = ZoneId.of(SampleNewsSite.TIME_ZONE);

  private static SampleNewsSite site;
  private static SampleContent content;
  private static SiteRules rules;
  private static final HttpClient http = HttpClient.newHttpClient();
  private final PageRecords records = new PageRecords("gazette");

  @BeforeAll
  static void start() throws Exception {
    site = SampleNewsSite.start("127.0.0.1", 0);
    content = SampleContent.load();
    SiteConfig demo = ConfigLoader.load(Path.of("config")).sites().get("demo");
    rules = SiteRules.of(demo);
  }

  @AfterAll
  static void stop() {
    if (site != null) {
      site.close();
    }
  }

  @Test
  void everyArticleFieldIsExact() throws Exception {
    assertThat(content.articles()).hasSize(SampleNewsSite.ARTICLE_COUNT);
    for (Article a : content.articles()) {
      ArticleRecord r = (ArticleRecord) record(a.path(), PageKind.ARTICLE);
      String url = url(a.path());
      String page = a.path();
      assertThat(r.extractor()).as(page).isEqualTo("site:demo");
      assertThat(r.title()).as(page).isEqualTo(TextNormalizer.normalize(a.title()));
      assertThat(r.published()).as(page).isEqualTo(a.updated().atZone(ZONE).toOffsetDateTime());
      assertThat(r.modified()).as(page).isNull();
      assertThat(r.authors()).as(page).isEmpty();
      assertThat(r.editor()).as(page).isEqualTo(a.editor());
      assertThat(r.source()).as(page).isEqualTo(a.source());
      // the breadcrumb trail's end: the column, or 滾動新聞 for an article without one
      String rolling = SampleContent.labels(a.simplified() ? "zh-Hans" : "zh-Hant").get("rolling");
      assertThat(r.section()).as(page).isEqualTo(a.column() != null ? a.column() : rolling);
      assertThat(r.language()).as(page).isEqualTo(a.simplified() ? "zh-Hans" : "zh-Hant");
      assertThat(r.canonicalUrl()).as(page).isEqualTo(url);
      assertThat(r.image()).as(page).isEqualTo(url("/img/logo.gif"));
      assertThat(r.body()).as(page).isEqualTo(String.join("\n\n",
          a.paragraphs().stream().map(TextNormalizer::normalize).toList()));
      List<RelatedItem> related = new ArrayList<>();
      for (Article x : content.related(a)) {
        related.add(new RelatedItem(TextNormalizer.normalize(x.title()), url(x.path()),
            x.comments()));
      }
      assertThat(r.related()).as(page).isEqualTo(related);
    }
  }

  @Test
  void everyListingItemIsExact() throws Exception {
    List<Article> newestFirst = content.articles();
    for (int n = 1; n <= content.pageCount(); n++) {
      ListingRecord r = (ListingRecord) record("/list/" + n + ".html", PageKind.LISTING);
      assertThat(r.items()).as("page " + n)
          .isEqualTo(items(SampleContent.page(newestFirst, n), true));
    }
    ListingRecord front = (ListingRecord) record("/", PageKind.LISTING);
    List<ListingItem> expected = new ArrayList<>();
    Article focus = newestFirst.get(0);
    expected.add(new ListingItem(TextNormalizer.normalize(focus.title()), url(focus.path()),
        null, null, null)); // the focus story prints no time
    expected.addAll(items(newestFirst.subList(1, 11), true));
    assertThat(front.items()).isEqualTo(expected);
  }

  private List<ListingItem> items(List<Article> articles, boolean withTimes) {
    List<ListingItem> out = new ArrayList<>();
    for (Article a : articles) {
      // listings print the minute only
      out.add(new ListingItem(TextNormalizer.normalize(a.title()), url(a.path()),
          withTimes ? a.updated().withSecond(0).atZone(ZONE).toOffsetDateTime() : null,
          a.column(), null));
    }
    return out;
  }

  private Object record(String path, PageKind kind) throws Exception {
    URI uri = site.baseUri().resolve(path);
    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    List<HttpHeader> headers = new ArrayList<>();
    for (Map.Entry<String, List<String>> h : response.headers().map().entrySet()) {
      h.getValue().forEach(v -> headers.add(new HttpHeader(h.getKey(), v)));
    }
    PageRecords.Result result = records.extract(
        new HttpPage(uri.toString(), Instant.now(), 200, headers, response.body(), null),
        rules, false);
    assertThat(result.kind()).as(path).isEqualTo(kind);
    return result.record();
  }

  private static String url(String path) {
    return site.baseUri().resolve(path).toString();
  }
}
