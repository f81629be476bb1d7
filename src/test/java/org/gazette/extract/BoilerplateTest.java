package org.gazette.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BoilerplateTest {

  @ParameterizedTest(name = "class=\"{0}\"")
  @CsvSource({
    "ad-banner, true",
    "adBox, true",
    "adsbygoogle, true",
    "share-box, true",
    "comment-list, true",
    "relatedNews, true",
    "recommend-module, true",
    "hot-news, true",
    "breadcrumb, true",
    "footer, true",
    "right-sidebar, true",
    "commentary, false",
    "adapter, false",
    "header, false",
    "content all-txt, false",
    "shadow, false",
    "article-body, false",
  })
  void judgesClassNamesByWholeWords(String className, boolean noise) {
    Document doc = Jsoup.parse("<div class='" + className + "'>x</div>");
    assertThat(Boilerplate.hasNoiseName(doc.selectFirst("div"))).isEqualTo(noise);
  }

  @Test
  void skipsDescendantsOfChrome() {
    Document doc = Jsoup.parse("<nav><ul><li><a>x</a></li></ul></nav><div><p>story</p></div>");
    Boilerplate chrome = new Boilerplate(Set.of(), false);
    assertThat(chrome.skipped(doc.selectFirst("a"))).isTrue();
    assertThat(chrome.skipped(doc.selectFirst("p"))).isFalse();
  }

  @Test
  void keepsHeadersOnlyWhenAsked() {
    Document doc = Jsoup.parse("<article><header><time>t</time></header></article>");
    assertThat(new Boilerplate(Set.of(), false).skipped(doc.selectFirst("time"))).isTrue();
    assertThat(new Boilerplate(Set.of(), true).skipped(doc.selectFirst("time"))).isFalse();
  }

  @Test
  void neverDropsTheStoryForItsClassName() {
    Document doc = Jsoup.parse("<div class='main has-sidebar'><h1>t</h1><p>story</p></div>");
    assertThat(new Boilerplate(Set.of(), false).skipped(doc.selectFirst("p"))).isFalse();
  }
}
