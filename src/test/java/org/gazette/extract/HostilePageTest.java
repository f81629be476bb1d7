package org.gazette.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gazette.extract.Fixtures.SHANGHAI;

import java.time.ZoneOffset;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Pages built to make per-link or per-element work add up, and the sharing of one {@link
 * PageAnalysis} between classifying and extracting. No timings are asserted (the machine may be
 * busy); docs/benchmarks.md gives them.
 */
class HostilePageTest {

  private final PageExtractor extractor = new PageExtractor();

  /** 50,000 dated headlines in one list: every link climbs through the same few ancestors. */
  @Test
  void aListingOfFiftyThousandLinksIsRead() {
    int n = 50_000;
    StringBuilder html = new StringBuilder("<html><head><title>All news</title></head><body><ul>");
    for (int i = 0; i < n; i++) {
      html.append("<li><a href='/news/").append(i).append(".html'>Headline number ").append(i)
          .append(" about the city council</a> <span>2020-03-18 22:")
          .append(String.format("%02d", i % 60)).append("</span></li>\n");
    }
    html.append("</ul></body></html>");
    Document doc = Jsoup.parse(html.toString(), "https://news.example.com/all/");
    PageAnalysis page = new PageAnalysis(doc);

    assertThat(extractor.classify(page)).isEqualTo(PageKind.LISTING);
    ListingRecord listing = extractor.extractListing(page,
        Fixtures.context("https://news.example.com/all/", ZoneOffset.UTC));
    assertThat(listing.items()).hasSize(n);
    ListingItem last = listing.items().get(n - 1);
    assertThat(last.title()).isEqualTo("Headline number 49999 about the city council");
    assertThat(last.url()).isEqualTo("https://news.example.com/news/49999.html");
    assertThat(RecordJson.format(last.time())).isEqualTo("2020-03-18T22:19:00Z");
  }

  /**
   * 10,000 nested blocks, each with a sentence and a link (jsoup nests the first 512 and puts
   * the rest side by side): used to take minutes, every link's ancestors' whole text taken.
   */
  @Test
  void tenThousandNestedBlocksAreRead() {
    StringBuilder html = new StringBuilder("<html><head><title>Deep</title></head><body>"
        + "<h1>Deep</h1>");
    for (int i = 0; i < 10_000; i++) {
      html.append("<div><p>Sentence number ").append(i).append(" of a story that goes on.</p>"
          + "<a href='/n/").append(i).append("'>A link to story ").append(i).append("</a>");
    }
    Document doc = Jsoup.parse(html.append("</body></html>").toString(),
        "https://news.example.com/deep");
    PageContext ctx = Fixtures.context("https://news.example.com/deep", ZoneOffset.UTC);

    ArticleRecord article = extractor.extractArticle(doc, ctx);
    assertThat(article.title()).isEqualTo("Deep");
    assertThat(article.body()).contains("Sentence number 9999 of a story that goes on.");
    assertThat(extractor.extractListing(doc, ctx).items()).isEmpty(); // no dates: no listing
  }

  /** Classifying first, on the same analysis, changes nothing in the record. */
  @Test
  void oneAnalysisForClassifyAndExtractGivesTheSameRecord() {
    PageContext ctx = Fixtures.context(Fixtures.PORTAL_ARTICLE_URL, SHANGHAI);
    ArticleRecord alone = extractor.extractArticle(
        Fixtures.load(Fixtures.PORTAL_ARTICLE, Fixtures.PORTAL_ARTICLE_URL), ctx);
    PageAnalysis page =
        new PageAnalysis(Fixtures.load(Fixtures.PORTAL_ARTICLE, Fixtures.PORTAL_ARTICLE_URL));

    assertThat(extractor.classify(page)).isEqualTo(PageKind.ARTICLE);
    assertThat(extractor.extractArticle(page, ctx)).isEqualTo(alone);
    assertThat(alone.related()).isNotEmpty();
  }

  /** A page parsed without a base URI gets the context's URL before its links are read. */
  @Test
  void aMissingBaseUriIsSetBeforeLinksAreRead() {
    String html = Fixtures.load(Fixtures.PORTAL_LISTING, Fixtures.PORTAL_LISTING_URL).outerHtml();
    PageAnalysis page = new PageAnalysis(Jsoup.parse(html));
    extractor.classify(page); // links resolve to nothing without a base
    ListingRecord listing = extractor.extractListing(page,
        Fixtures.context(Fixtures.PORTAL_LISTING_URL, SHANGHAI));
    List<ListingItem> items = listing.items();
    assertThat(items).isNotEmpty();
    assertThat(items.get(0).url()).startsWith("https://news.example.com/");
  }
}
