package org.gazette.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WordRunsTest {

  /**
   * The runs as the definition gives them: words are runs of code points that are letters,
   * digits or underscores, lower-cased; each run hashes its last four words (all of them in a
   * text of fewer).
   */
  private static List<Long> expected(String text) {
    List<Long> words = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int c = text.codePointAt(i);
      if (!Character.isLetterOrDigit(c) && c != '_') {
        i += Character.charCount(c);
        continue;
      }
      long h = 1125899906842597L;
      while (i < text.length()) {
        c = text.codePointAt(i);
        if (!Character.isLetterOrDigit(c) && c != '_') {
          break;
        }
        h = 31 * h + Character.toLowerCase(c);
        i += Character.charCount(c);
      }
      words.add(h);
    }
    List<Long> runs = new ArrayList<>();
    for (int end = Math.min(words.size(), WordRuns.WORDS); end <= words.size() && end > 0;
        end++) {
      int count = Math.min(end, WordRuns.WORDS);
      long h = count;
      for (int k = end - count; k < end; k++) {
        h = h * 0x9E3779B97F4A7C15L + words.get(k);
      }
      runs.add(h);
    }
    return runs;
  }

  private static List<Long> runs(String text) {
    WordRuns runs = new WordRuns();
    runs.of("an earlier text, taken apart first");
    runs.of(text);
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      out.add(runs.get(i));
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ...  ", "one", "Two words!", "The Quick brown FOX jumps_over",
      "  -- leading and trailing punctuation, five words --  ", "Größere Übel, señor: ça va",
      "Straße STRASSE straße", "中文的新聞 報道 第二段 第三段 第四段", "emoji 😀 between 𝐁𝐨𝐥𝐝 words x",
      "İstanbul ΣΊΣΥΦΟΣ Ǆemal", "digits 2020 and ٣٤ and 12_34 end"})
  void runsAreTheDefinitions(String text) {
    assertThat(runs(text)).as(text).isEqualTo(expected(text));
  }

  @Test
  void aCopyWithOtherCaseAndPunctuationHasTheSameRuns() {
    assertThat(runs("The council met on Monday, and voted: yes."))
        .isEqualTo(runs("the Council met on\nMonday and voted yes"));
    assertThat(runs("one two three four five")).hasSize(2);
  }
}
