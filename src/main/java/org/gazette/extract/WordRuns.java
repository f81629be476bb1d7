package org.gazette.extract;

import java.util.Arrays;

/**
 * Runs of four words of a text, as hashes: how article-extraction scorers compare texts (the
 * shingles of the ScrapingHub benchmark), and so how a copy of a paragraph is recognized whatever
 * its line breaks and punctuation. A word is a run of letters, digits and underscores; a text of
 * fewer than four words gives one run of them all. Hashes are kept in primitive arrays: every
 * kept line of every page is taken apart, and boxed longs in a HashSet cost more than the rest.
 */
final class WordRuns {

  static final int WORDS = 4;

  private final long[] window = new long[WORDS];
  private long[] runs = new long[64];
  private int size;

  /**
   * Takes {@code text} apart, in place of the text taken before. ASCII is read without the
   * code point tables (its letters, digits and lower case told by range): most text is mostly
   * ASCII, and the tables' lookups, three per character, were most of the cost.
   */
  void of(String text) {
    size = 0;
    int words = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      long h = 1125899906842597L;
      boolean inWord = false;
      while (i < n) {
        char ch = text.charAt(i);
        int c;
        int lower;
        if (ch < 0x80) {
          c = ch;
          boolean upper = c >= 'A' && c <= 'Z';
          if (!(upper || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
            i++;
            if (inWord) {
              break;
            }
            continue;
          }
          lower = upper ? c + ('a' - 'A') : c;
          i++;
        } else {
          c = text.codePointAt(i);
          if (!isWordChar(c)) {
            i += Character.charCount(c);
            if (inWord) {
              break;
            }
            continue;
          }
          lower = Character.toLowerCase(c);
          i += Character.charCount(c);
        }
        h = 31 * h + lower;
        inWord = true;
      }
      if (!inWord) {
        break; // the text ended in non-word characters
      }
      window[words % WORDS] = h;
      words++;
      if (words >= WORDS) {
        add(hash(words));
      }
    }
    if (words > 0 && words < WORDS) {
      add(hash(words));
    }
  }

  /** The runs of the text taken apart last. */
  int size() {
    return size;
  }

  long get(int i) {
    return runs[i];
  }

  private void add(long run) {
    if (size == runs.length) {
      runs = Arrays.copyOf(runs, size * 2);
    }
    runs[size++] = run;
  }

  private long hash(int words) {
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

  /** A set of run hashes: open addressing over a long array (0 marks a free slot). */
  static final class Set {
    private long[] slots = new long[256];
    private int count;
    private boolean hasZero;

    boolean contains(long run) {
      if (run == 0) {
        return hasZero;
      }
      int mask = slots.length - 1;
      for (int i = mix(run) & mask; ; i = (i + 1) & mask) {
        if (slots[i] == run) {
          return true;
        }
        if (slots[i] == 0) {
          return false;
        }
      }
    }

    void add(long run) {
      if (run == 0) {
        hasZero = true;
        return;
      }
      if (2 * (count + 1) > slots.length) {
        grow();
      }
      int mask = slots.length - 1;
      for (int i = mix(run) & mask; ; i = (i + 1) & mask) {
        if (slots[i] == run) {
          return;
        }
        if (slots[i] == 0) {
          slots[i] = run;
          count++;
          return;
        }
      }
    }

    private void grow() {
      long[] old = slots;
      slots = new long[old.length * 2];
      count = 0;
      for (long run : old) {
        if (run != 0) {
          add(run);
        }
      }
    }

    private static int mix(long run) {
      long h = run * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 32));
    }
  }
}
