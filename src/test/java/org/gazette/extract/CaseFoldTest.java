package org.gazette.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseFoldTest {

  @ParameterizedTest(name = "[{index}] {0} @{1} {2}")
  @CsvSource({
      "Veröffentlicht am, 0, veröffentlicht, true",
      "VERÖFFENTLICHT, 0, veröffentlicht, true",
      "x PUBLIÉ le, 2, publié, true",
      "publie, 0, publié, false",
      "related-news, 1, elated, true",
      "shareRECOMMEND, 6, ecommend, true",
      "date, 0, datum, false",
      "up-date, 3, date, true",
      "Dat@, 0, data, false",
      "da, 0, date, false",
      "'', 0, date, false"})
  void matchesAsRegionMatchesIgnoringCaseDoes(String text, int at, String word,
      boolean matches) {
    assertThat(CaseFold.matchesAt(text, at, word)).isEqualTo(matches);
    assertThat(CaseFold.matchesAt(text, at, word))
        .isEqualTo(text.regionMatches(true, at, word, 0, word.length()));
  }
}
