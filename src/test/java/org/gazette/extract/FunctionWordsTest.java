package org.gazette.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Function words looked up from the chars of a text. */
class FunctionWordsTest {

  private final FunctionWords words = new FunctionWords()
      .add("en", "the of and")
      .add("fr", "le la que the");

  private static int language(FunctionWords words, String text, int start, int end) {
    return words.language(text.toCharArray(), start, end);
  }

  @Test
  void findsAWordInsideATextInAnyCase() {
    assertThat(language(words, "x The y", 2, 5)).isZero();
    assertThat(language(words, "LA", 0, 2)).isEqualTo(1);
  }

  @Test
  void aWordListedTwiceBelongsToTheFirstLanguage() {
    assertThat(language(words, "the", 0, 3)).isZero();
  }

  @Test
  void otherWordsHaveNone() {
    assertThat(language(words, "then", 0, 4)).isEqualTo(-1);
    assertThat(language(words, "th", 0, 2)).isEqualTo(-1);
    assertThat(language(words, "", 0, 0)).isEqualTo(-1);
  }

  @Test
  void knowsItsLongestWord() {
    assertThat(words.longest()).isEqualTo(3);
    assertThat(words.languages()).containsExactly("en", "fr");
  }
}
