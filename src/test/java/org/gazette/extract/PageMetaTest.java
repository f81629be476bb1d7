package org.gazette.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageMetaTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiterString = "=>",
      textBlock = """
          zh-Hant      => zh-Hant
          zh-hant      => zh-Hant
          zh_TW        => zh-TW
          zh-hant-tw   => zh-Hant-TW
          EN-us        => en-US
          en           => en
          'en, fr'     => en
          ''           =>
          """)
  void normalizesLanguageTags(String raw, String tag) {
    assertThat(PageMeta.languageTag(raw)).isEqualTo(tag);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "=>",
      textBlock = """
          拉夫羅夫:感謝中方迅速及時回應俄方的采購需求_國際_環球觀察網 => 拉夫羅夫:感謝中方迅速及時回應俄方的采購需求
          Heat wave pushes grid to the limit | The Daily Example      => Heat wave pushes grid to the limit
          The Daily Example - Heat wave pushes grid to the limit      => Heat wave pushes grid to the limit
          武汉方舱医院全部休舱 – 示例新闻网                              => 武汉方舱医院全部休舱
          Covid-19 vaccine: what we know                              => Covid-19 vaccine: what we know
          """)
  void stripsTheSiteNameFromTitles(String title, String headline) {
    assertThat(PageMeta.stripSiteName(title, "")).isEqualTo(headline);
  }

  @Test
  void neverTakesTheStatedSiteNameForTheHeadline() {
    assertThat(PageMeta.stripSiteName("關於我們_環球新聞網", "環球新聞網")).isEqualTo("關於我們");
    Document doc = parse("<title>關於我們_環球新聞網</title>"
        + "<meta property='og:site_name' content='環球新聞網'>");
    assertThat(PageMeta.title(PageElements.of(doc))).isEqualTo("關於我們");
  }

  @Test
  void prefersOgTitle() {
    Document doc = parse("<title>A_Site</title><meta property='og:title' content='及時(shí)新聞'>"
        + "<h1>Other</h1>");
    assertThat(PageMeta.title(PageElements.of(doc))).isEqualTo("及時新聞");
  }

  @Test
  void takesTheH1MatchingTheTitleOverALogoH1() {
    Document doc = parse("<title>Storm closes schools across the region - Gazette</title>"
        + "<h1 class=logo>Gazette</h1><h1>Storm closes schools across the region</h1>");
    assertThat(PageMeta.title(PageElements.of(doc))).isEqualTo("Storm closes schools across the region");
  }

  @Test
  void fallsBackToTheTitleTagWhenNoH1Matches() {
    Document doc = parse("<title>Storm closes schools | Gazette</title><h1>Gazette</h1>");
    assertThat(PageMeta.title(PageElements.of(doc))).isEqualTo("Storm closes schools");
  }

  @Test
  void readsMetaByPropertyNameOrItemprop() {
    Document doc = parse("<meta name='description' content=' one '>"
        + "<meta itemprop='datePublished' content='2020-03-18'>");
    assertThat(PageMeta.meta(PageElements.of(doc), "og:description", "description")).hasValue(" one ");
    assertThat(PageMeta.meta(PageElements.of(doc), "datepublished")).hasValue("2020-03-18");
    assertThat(PageMeta.meta(PageElements.of(doc), "og:title")).isEmpty();
  }

  @Test
  void takesTheSectionFromTheBreadcrumbWithoutHome() {
    Document doc = parse("<div class='breadcrumb'><a href='/'>首頁</a> &gt; "
        + "<a href='/internation/'>國際</a> &gt; <span>正文</span></div>");
    assertThat(PageMeta.section(PageElements.of(doc), JsonLd.read(doc), "t")).isEqualTo("國際");
  }

  @Test
  void splitsAuthorListsAndDropsByPrefixes() {
    Document doc = parse("<meta name='author' content='By Jane Doe and Ali Khan'>");
    assertThat(PageMeta.authors(PageElements.of(doc), JsonLd.read(doc))).containsExactly("Jane Doe", "Ali Khan");
    Document chinese = parse("<meta name='author' content='李明，张华、王五'>");
    assertThat(PageMeta.authors(PageElements.of(chinese), JsonLd.read(chinese)))
        .containsExactly("李明", "张华", "王五");
  }

  @Test
  void ignoresProfileUrlsAsAuthorsAndReadsJsonLd() {
    Document doc = parse("<meta property='article:author' content='https://facebook.com/x'>"
        + "<script type='application/ld+json'>{\"@type\":\"NewsArticle\","
        + "\"author\":{\"@type\":\"Person\",\"name\":\"Jane Doe\"}}</script>");
    assertThat(PageMeta.authors(PageElements.of(doc), JsonLd.read(doc))).containsExactly("Jane Doe");
  }

  @Test
  void resolvesImagesAgainstThePage() {
    Document doc = parse("<meta property='og:image' content='/img/a.jpg'>");
    assertThat(PageMeta.image(PageElements.of(doc), JsonLd.read(doc))).isEqualTo("https://news.example.com/img/a.jpg");
    Document ld = parse("<script type='application/ld+json'>{\"@type\":\"NewsArticle\","
        + "\"image\":{\"@type\":\"ImageObject\",\"url\":\"/img/b.jpg\"}}</script>");
    assertThat(PageMeta.image(PageElements.of(ld), JsonLd.read(ld))).isEqualTo("https://news.example.com/img/b.jpg");
  }

  private static Document parse(String html) {
    return Jsoup.parse(html, "https://news.example.com/a/1.html");
  }
}
