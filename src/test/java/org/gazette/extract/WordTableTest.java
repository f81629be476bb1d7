package org.gazette.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WordTableTest {

  private static final Set<String> WORDS = Set.of("ad", "ads", "nav", "sidebar", "a1");
  /** Each word's mask is its length: a lookup must give the word's own value. */
  private static final WordTable TABLE = new WordTable(
      WORDS.stream().collect(Collectors.toMap(w -> w, w -> (long) w.length())));

  /** What the table answers must be what a set answers for the span lower-cased. */
  private static boolean contains(String text, int start, int end) {
    String span = text.substring(start, end).toLowerCase(Locale.ROOT);
    long value = TABLE.get(text, start, end - start, span.hashCode());
    assertThat(value).isIn(0L, (long) span.length());
    return value != 0;
  }

  @Test
  void findsSpansLowerCased() {
    assertThat(contains("main-SideBar", 5, 12)).isTrue();
    assertThat(contains("xADSx", 1, 4)).isTrue();
    assertThat(contains("A1", 0, 2)).isTrue();
  }

  @Test
  void answersAsTheSetDoes() {
    for (String text : List.of("ad-ads_adv nav navs sidebar sidebars a1 a2", "ADVERT NAV Sidebar")) {
      for (int start = 0; start < text.length(); start++) {
        for (int end = start; end <= text.length(); end++) {
          String span = text.substring(start, end).toLowerCase(Locale.ROOT);
          assertThat(contains(text, start, end)).as(span).isEqualTo(WORDS.contains(span));
        }
      }
    }
  }

  @Test
  void emptyTableHoldsNothing() {
    WordTable empty = new WordTable(Map.of());
    assertThat(empty.get("ad", 0, 2, "ad".hashCode())).isZero();
  }
}
