package org.gazette.extract;

import java.util.List;

/**
 * Runs of four words of a text, as hashes: how article-extraction scorers compare texts (the
 * shingles of the ScrapingHub benchmark), and so how a copy of a paragraph is recognized whatever
 * its line breaks and punctuation. A word is a run of letters, digits and underscores; a text of
 * fewer than four words gives one run of them all.
 */
final class WordRuns {

  static final int WORDS = 4;

  private WordRuns() {}

  /** Adds the hashes of the runs of {@code text}, in order, to {@code out}. */
  static void of(String text, List<Long> out) {
    long[] window = new long[WORDS];
    int words = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      int c = text.codePointAt(i);
      if (!isWordChar(c)) {
        i += Character.charCount(c);
        continue;
      }
      long h = 1125899906842597L;
      while (i < n) {
        c = text.codePointAt(i);
        if (!isWordChar(c)) {
          break;
        }
        h = 31 * h + Character.toLowerCase(c);
        i += Character.charCount(c);
      }
      window[words % WORDS] = h;
      words++;
      if (words >= WORDS) {
        out.add(hash(window, words));
      }
    }
    if (words > 0 && words < WORDS) {
      out.add(hash(window, words));
    }
  }

  private static long hash(long[] window, int words) {
    int count = Math.min(words, WORDS);
    long h = count;
    for (int k = words - count; k < words; k++) {
      h = h * 0x9E3779B97F4A7C15L + window[k % WORDS];
    }
    return h;
  }

  private static boolean isWordChar(int c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
