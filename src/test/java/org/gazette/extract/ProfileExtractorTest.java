package org.gazette.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.gazette.config.CssQuery;
import org.gazette.config.SiteProfile;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Site profiles laid over the generic extractor, field by field. */
class ProfileExtractorTest {

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  private static final String PAGE = """
      <html lang="ja"><head><title>Headline | Site</title>
      <meta property="og:title" content="Headline">
      <meta name="pubdate" content="2021-06-02T09:15:00+09:00">
      </head><body>
      <div class="top"><a href="/">Home</a></div>
      <h1 class="x-title">The  real <b>headline</b></h1>
      <p class="when">掲載 2021年6月2日 9時15分</p>
      <p class="updated">Aktualisiert: 05.07.2021 10:30 Uhr</p>
      <p class="byline">By Hanako Sato</p><p class="byline">By Taro Yamada</p>
      <div class="story">
        <p>First paragraph of the story, long enough to look like one.</p>
        <div class="ad">Buy things now</div>
        <p>Second<br>line after a break.</p>
        <figure><img src="a.jpg"><figcaption>Caption text</figcaption></figure>
        <script>var x = 1;</script>
      </div>
      <ul class="more"><li><a href="/a/1">One story</a> <span>12 comments</span></li>
        <li><a href="/a/2">Two story</a></li><li><a href="/a/1">One story again</a></li></ul>
      </body></html>""";

  private final PageExtractor generic = new PageExtractor();

  private static SiteProfile profile(String title, String published, String authors,
      String body, List<String> drop, SiteProfile.Items related, List<String> formats) {
    return new SiteProfile(q(title), q(published), null, q(authors), null, null, null, q(body),
        drop.stream().map(CssQuery::parse).toList(), related, null, null, null, formats, null);
  }

  private static CssQuery q(String s) {
    return s == null ? null : CssQuery.parse(s);
  }

  private static ArticleRecord article(SiteProfile p) {
    Document doc = Jsoup.parse(PAGE, "https://news.example.jp/a/0");
    PageContext ctx = new PageContext("jp", doc.location(), null, null, TOKYO, null);
    return new ProfileExtractor(p).article(doc, ctx, new PageExtractor().extractArticle(doc, ctx));
  }

  @Test
  void readsEveryFieldItsSelectorsFind() {
    SiteProfile.Items related = new SiteProfile.Items(q("ul.more"), q("li"), null, null, null,
        null, q("span"));
    ArticleRecord r = article(profile("h1.x-title", "p.when", "p.byline", "div.story",
        List.of(".ad", "figcaption"), related, List.of("yyyy年M月d日 H時m分")));

    assertThat(r.title()).isEqualTo("The real headline");
    assertThat(r.published()).isEqualTo(OffsetDateTime.parse("2021-06-02T09:15:00+09:00"));
    assertThat(r.authors()).containsExactly("Hanako Sato", "Taro Yamada");
    assertThat(r.body()).isEqualTo("First paragraph of the story, long enough to look like one."
        + "\n\nSecond\n\nline after a break.");
    assertThat(r.related()).containsExactly(
        new RelatedItem("One story", "https://news.example.jp/a/1", 12),
        new RelatedItem("Two story", "https://news.example.jp/a/2", null));
    assertThat(r.extractor()).isEqualTo("site:jp");
  }

  @Test
  void leavesFieldsWhoseSelectorsFindNothingToTheGenericExtractor() {
    Document doc = Jsoup.parse(PAGE, "https://news.example.jp/a/0");
    PageContext ctx = new PageContext("jp", doc.location(), null, null, TOKYO, null);
    ArticleRecord plain = generic.extractArticle(doc, ctx);

    ArticleRecord r = article(profile("h1.missing", null, null, "div.missing", List.of(), null,
        List.of()));

    assertThat(r.title()).isEqualTo(plain.title());
    assertThat(r.body()).isEqualTo(plain.body()).isNotBlank();
    assertThat(r.published()).isEqualTo(plain.published());
    assertThat(r.extractor()).isEqualTo("generic");
    assertThat(r).isEqualTo(plain);
  }

  @Test
  void readsAnAttributeWhenTheSelectorNamesOne() {
    ArticleRecord r = article(profile("meta[property=og:title]@content",
        "meta[name=pubdate]", null, null, List.of(), null, List.of()));

    assertThat(r.title()).isEqualTo("Headline");
    assertThat(r.published()).isEqualTo(OffsetDateTime.parse("2021-06-02T09:15:00+09:00"));
  }

  @Test
  void readsTheSiteDateFormatsInTheSiteZone() {
    // day first with dots: a format only the site's list knows
    ArticleRecord withFormat = article(profile(null, "p.updated", null, null, List.of(), null,
        List.of("yyyy-MM-dd", "dd.MM.yyyy HH:mm")));
    assertThat(withFormat.published())
        .isEqualTo(OffsetDateTime.parse("2021-07-05T10:30:00+09:00"));

    ArticleRecord without = article(profile(null, "p.updated", null, null, List.of(), null,
        List.of()));
    assertThat(without.published()).as("the generic reading: the page's meta")
        .isEqualTo(OffsetDateTime.parse("2021-06-02T09:15:00+09:00"));
  }

  @Test
  void readsListingItemsWithTimesSectionsAndCounts() {
    String html = """
        <ul id="l">
          <li><a href="/n/1">First</a><i>2021-06-02 09:15</i><em>World</em><b>评论 1,204</b></li>
          <li><a href="/n/2">Second</a><i>3小時前</i></li>
          <li><span>no link</span></li>
          <li><a href="/n/1">First again</a></li>
        </ul>""";
    Document doc = Jsoup.parse(html, "https://news.example.cn/");
    PageContext ctx = new PageContext("cn", doc.location(),
        java.time.Instant.parse("2021-06-02T04:00:00Z"), 200, ZoneId.of("+08:00"), null);
    SiteProfile p = new SiteProfile(null, null, null, null, null, null, null, null, List.of(),
        null, null, new SiteProfile.Items(null, q("#l > li"), null, null, q("i"), q("em"),
            q("b")), null, List.of(), null);

    ListingRecord r = new ProfileExtractor(p)
        .listing(doc, ctx, new ListingRecord("cn", doc.location(), null, "UTF-8", List.of(), null));

    assertThat(r.items()).containsExactly(
        new ListingItem("First", "https://news.example.cn/n/1",
            OffsetDateTime.parse("2021-06-02T09:15:00+08:00"), "World", 1204),
        new ListingItem("Second", "https://news.example.cn/n/2",
            OffsetDateTime.parse("2021-06-02T09:00:00+08:00"), null, null));
  }
}
