package org.gazette.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PageElements picks what the document's own select and getAllElements would give. */
class PageElementsTest {

  private static final String PAGE = "<html lang=en><head><title>T</title>"
      + "<meta property='og:title' content='A'><meta name='OG:Title' content='B'>"
      + "<meta name='description' content='  '><meta itemprop='description' content='C'>"
      + "<link rel=canonical href='/c'></head><body><div class='x breadcrumb'><h1>H</h1>"
      + "<p>one <a href='/a'>a</a></p></div><section><h2>two</h2><a>no href</a>"
      + "<time itemprop=datePublished datetime='2020-03-18'>x</time></section>"
      + "<div id=related><h3>three</h3><a href='/b'>b</a></div></body></html>";

  private final Document doc = Jsoup.parse(PAGE, "https://news.example.com/a/1.html");
  private final PageElements page = PageElements.of(doc);

  @ParameterizedTest
  @ValueSource(strings = {"h1, h2, h3", "a[href]", "[class], [id]", "p, div, section",
      "time[itemprop=datePublished], time[pubdate]", "link[rel=canonical][href]", "meta",
      "h1, [itemprop=articleBody]"})
  void selectsWhatTheDocumentSelects(String css) {
    assertThat(page.select(PageElements.selector(css))).containsExactlyElementsOf(doc.select(css));
  }

  @Test
  void selectsByTagWhatTheDocumentSelects() {
    assertThat(page.select("a", PageElements.selector("a[href]")))
        .containsExactlyElementsOf(doc.select("a[href]"));
    assertThat(page.withTag("meta")).containsExactlyElementsOf(doc.getElementsByTag("meta"));
    assertThat(page.withTag("article")).isEmpty();
  }

  @Test
  void findsTagsAsASelectorOfTagNamesDoes() {
    assertThat(page.withTags(java.util.Set.of("h3", "p", "h1", "section")))
        .containsExactlyElementsOf(doc.select("h1, p, section, h3"));
  }

  @Test
  void listsEachSubtreeAsGetAllElementsDoes() {
    for (Element e : doc.getAllElements()) {
      assertThat(page.subtree(e)).containsExactlyElementsOf(e.getAllElements());
    }
    assertThat(page.subtree(new Element("p"))).isEmpty();
    assertThat(page.indexOf(null)).isEqualTo(-1);
  }

  @Test
  void findsMetaTagsByAnyNameIgnoringCaseAndSkipsBlankOnes() {
    assertThat(page.metaTag("og:title").map(m -> m.attr("content"))).hasValue("A");
    assertThat(page.metaTag("OG:TITLE").map(m -> m.attr("content"))).hasValue("A");
    // names are tried in turn; the blank description is passed over
    assertThat(page.metaTag("twitter:title", "description").map(m -> m.attr("content")))
        .hasValue("C");
    assertThat(page.metaTag("keywords")).isEmpty();
  }

  @Test
  void matchesMetaNamesAsEqualsIgnoreCaseDoes() {
    // dotless i and long s upper-case to I and S: equalsIgnoreCase takes them for i and s
    Document odd = Jsoup.parse("<meta name='tıtle' content='x'><meta name='ſite' content='y'>"
        + "<meta name='K' content='k'>");
    PageElements oddPage = PageElements.of(odd);
    for (String name : List.of("title", "site", "k", "K", "tıtle")) {
      String expected = odd.getElementsByTag("meta").stream()
          .filter(m -> name.equalsIgnoreCase(m.attr("name")))
          .map(m -> m.attr("content")).findFirst().orElse(null);
      assertThat(oddPage.metaTag(name).map(m -> m.attr("content")).orElse(null))
          .as(name).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"<p>text</p>", "<p> \n\t </p>", "<p>\u00a0&nbsp;</p>",
      "<p>\u200b\u00ad</p>", "<p>\u3000\u2003</p>", "<p>\u0001</p>", "<p><b>bold</b></p>",
      "<p> <b>bold</b> x</p>", "<p><br></p>", "<p>\u00a0<br>\u00a0y</p>", "<p>中</p>",
      "<p>\u200bz</p>", "<p><!-- c --></p>"})
  void tellsOwnTextAsOwnTextDoes(String html) {
    Element p = Jsoup.parse(html).selectFirst("p");
    assertThat(PageElements.hasOwnText(p)).as(html).isEqualTo(!p.ownText().isBlank());
  }

  @ParameterizedTest
  @ValueSource(strings = {"<p>By Jane</p>", "<p> \u00a0<b> </b><span>\u200bVon <a>Jo</a></span></p>",
      "<p><br>\n Text: Al</p>", "<p><img><i></i>x</p>", "<p>\u3000中</p>", "<p> </p>",
      "<p><!-- By -->Par</p>", "<p>\uFEFFVon</p>", "<p>\u2007\u202F\u0085\u180Ex</p>",
      "<p>\u0080<i>\u2060</i>y</p>"})
  void findsTheFirstCharacterOfTheText(String html) {
    Element p = Jsoup.parse(html).selectFirst("p");
    String text = TextNormalizer.normalize(p.text());
    assertThat(PageElements.firstVisibleChar(p)).as(html)
        .isEqualTo(text.isEmpty() ? (char) 0 : text.charAt(0));
  }
}
