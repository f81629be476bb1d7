package org.gazette.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gazette.config.CssQuery;
import org.gazette.config.SiteProfile;
import org.gazette.config.SiteProfile.Region;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Which region a link is in, from the page's structure and the site's selectors. */
class LinkRegionsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      <nav><a>x</a></nav>                                              | NAVIGATION
      <div class="main-menu"><a>x</a></div>                            | NAVIGATION
      <ol class="breadcrumb"><li><a>x</a></li></ol>                    | NAVIGATION
      <header id="masthead"><a>x</a></header>                          | NAVIGATION
      <header><a>x</a></header>                                        | NAVIGATION
      <article><header><a>x</a></header></article>                     | OTHER
      <article><footer><a>x</a></footer></article>                     | OTHER
      <div class="post-nav"><a>x</a></div>                             | OTHER
      <footer><div class="links"><a>x</a></div></footer>               | FOOTER
      <div class="footer-content"><a>x</a></div>                       | FOOTER
      <div id="copyright"><a>x</a></div>                               | FOOTER
      <div class="ad ad-side"><a>x</a></div>                           | ADS
      <div class="sponsored-links"><a>x</a></div>                      | ADS
      <p><a rel="sponsored">x</a></p>                                  | ADS
      <div class="add-comment download"><a>x</a></div>                 | OTHER
      <div class="pagination"><a>x</a></div>                           | PAGINATION
      <div id="pages"><a>x</a></div>                                   | PAGINATION
      <div class="page"><p><a>x</a></p></div>                          | OTHER
      <div class="hot-news"><a>x</a></div>                             | HOT
      <div id="most-read"><a>x</a></div>                               | HOT
      <div class="related-articles"><a>x</a></div>                     | RELATED
      <nav><div class="pagination"><a>x</a></div></nav>                | PAGINATION
      <footer><div class="ad"><a>x</a></div></footer>                  | ADS
      <div class="story-body"><p><a>x</a></p></div>                   | OTHER
      """)
  void readsThePageStructure(String html, Region expected) {
    Document doc = Jsoup.parse("<body>" + html + "</body>");
    Element a = doc.selectFirst("a");

    assertThat(LinkRegions.of(doc, SiteProfile.NONE).of(a)).isEqualTo(expected);
  }

  @Test
  void profileSelectorsMarkBeforeClassNames() {
    Document doc = Jsoup.parse("<body><div class=\"nav\"><ul class=\"latest\">"
        + "<li><a id=\"l\">x</a></li></ul><span class=\"next\"><a id=\"p\">2</a></span>"
        + "<a id=\"n\">home</a></div></body>");
    SiteProfile profile = new SiteProfile(null, null, null, null, null, null, null, null,
        List.of(), null, null,
        new SiteProfile.Items(CssQuery.parse("ul.latest"), CssQuery.parse("li"), null, null,
            null, null, null),
        CssQuery.parse("span.next"), List.of(), null);

    LinkRegions regions = LinkRegions.of(doc, profile);

    assertThat(regions.of(doc.getElementById("l"))).isEqualTo(Region.LISTING);
    assertThat(regions.of(doc.getElementById("p"))).isEqualTo(Region.PAGINATION);
    assertThat(regions.of(doc.getElementById("n"))).isEqualTo(Region.NAVIGATION);
  }

  @Test
  void readsALinkTenThousandElementsDeep() {
    Document doc = Jsoup.parse("<body><nav>" + "<div>".repeat(10_000) + "<a>x</a></nav></body>");

    assertThat(LinkRegions.of(doc, SiteProfile.NONE).of(doc.selectFirst("a")))
        .isEqualTo(Region.NAVIGATION);
  }
}
