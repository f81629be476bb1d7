package org.gazette.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameWordsTest {

  private static final NameWords WORDS = NameWords.of("ad ads related* hot");

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiterString = "=>",
      textBlock = """
          ad-box              => true
          main ADS            => true
          relatedNews         => true
          related_news        => true
          story-related       => true
          has-relatedposts    => true
          hotNews             => true
          adapter             => false
          hotter              => false
          unrelated           => false
          shadow head         => false
          ''                  => false
          """)
  void matchesWholeWordsAndPrefixes(String names, boolean matches) {
    assertThat(WORDS.inNames(names)).isEqualTo(matches);
  }

  @Test
  void readsAnElementsClassAndIdAsOneListOfNames() {
    Element e = new Element("div").attr("class", " story main").attr("id", "adSlot");
    assertThat(WORDS.inNames(e)).isTrue();
    assertThat(WORDS.inNames(e.attr("id", "sidebar"))).isFalse();
    // the class ends and the id begins a new word: no hump across them
    assertThat(WORDS.inNames(new Element("div").attr("class", "x").attr("id", "Ad"))).isTrue();
    assertThat(WORDS.inNames(new Element("p"))).isFalse();
  }

  @Test
  void setsShareOneLookupOfTheNamesAndAnswerEachForItself() {
    NameWords hot = NameWords.of("hot");
    NameWords news = NameWords.of("news* story");
    Element e = new Element("div").attr("class", "hot-box").attr("id", "newsList");
    long names = NameWords.names(e);
    assertThat(WORDS.in(names)).isTrue();
    assertThat(hot.in(names)).isTrue();
    assertThat(news.in(names)).isTrue();
    // names looked up before a set was made are looked up again for it
    long before = NameWords.names(new Element("div").attr("class", "latest"));
    assertThat(NameWords.current(before)).isTrue();
    NameWords latest = NameWords.of("latest");
    assertThat(latest.in(before)).isFalse();
    assertThat(NameWords.current(before)).isFalse(); // a value kept from before is asked again
    assertThat(latest.inNames(new Element("div").attr("class", "latest"))).isTrue();
    assertThat(hot.inNames("story")).isFalse();
    assertThat(news.inNames("story")).isTrue();
  }
}
