package org.gazette.extract;

import java.util.Map;

/**
 * A fixed map of lower-case ASCII words to non-zero bit masks, looked up by a span of a longer
 * string, lower-cased, and the span's hash: the same answer as {@code
 * words.get(span.toLowerCase())} without making a string of the span. {@link NameWords} asks it
 * about every word of every element's names.
 *
 * <p>Open addressing with linear probing over a table at most a quarter full. Immutable, so
 * thread-safe.
 */
final class WordTable {

  private final String[] slots;
  private final long[] values;
  private final int mask;

  /** @param words lower-case ASCII words and their masks (not zero) */
  WordTable(Map<String, Long> words) {
    int size = Integer.highestOneBit(Math.max(4, words.size() * 4) - 1) << 1;
    slots = new String[size];
    values = new long[size];
    mask = size - 1;
    for (Map.Entry<String, Long> word : words.entrySet()) {
      int i = slot(word.getKey().hashCode());
      while (slots[i] != null && !slots[i].equals(word.getKey())) {
        i = (i + 1) & mask;
      }
      slots[i] = word.getKey();
      values[i] = word.getValue();
    }
  }

  /**
   * The mask of {@code text[start, start + length)}, lower-cased (ASCII only), if it is one of
   * the words; else 0.
   *
   * @param hash that span's hash lower-cased, as {@link String#hashCode} gives it
   */
  long get(String text, int start, int length, int hash) {
    for (int i = slot(hash); slots[i] != null; i = (i + 1) & mask) {
      String word = slots[i];
      if (word.hashCode() == hash && word.length() == length && sameLowered(word, text, start)) {
        return values[i];
      }
    }
    return 0;
  }

  private int slot(int hash) {
    return (hash ^ (hash >>> 16)) & mask;
  }

  private static boolean sameLowered(String word, String text, int start) {
    for (int k = 0; k < word.length(); k++) {
      char c = text.charAt(start + k);
      char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
      if (lower != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
