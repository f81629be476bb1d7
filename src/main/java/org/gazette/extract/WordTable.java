package org.gazette.extract;

import java.util.Collection;

/**
 * A fixed set of lower-case ASCII words, looked up by a span of a longer string, lower-cased, and
 * the span's hash: the same answer as {@code words.contains(span.toLowerCase())} without making a
 * string of the span. {@link NameWords} asks it about every word of every element's names.
 *
 * <p>Open addressing with linear probing over a table at most a quarter full. Immutable, so
 * thread-safe.
 */
final class WordTable {

  private final String[] slots;
  private final int mask;

  /** @param words lower-case ASCII words */
  WordTable(Collection<String> words) {
    int size = Integer.highestOneBit(Math.max(4, words.size() * 4) - 1) << 1;
    slots = new String[size];
    mask = size - 1;
    for (String word : words) {
      int i = slot(word.hashCode());
      while (slots[i] != null && !slots[i].equals(word)) {
        i = (i + 1) & mask;
      }
      slots[i] = word;
    }
  }

  /**
   * True if {@code text[start, start + length)}, lower-cased (ASCII only), is one of the words.
   *
   * @param hash that span's hash lower-cased, as {@link String#hashCode} gives it
   */
  boolean contains(String text, int start, int length, int hash) {
    for (int i = slot(hash); slots[i] != null; i = (i + 1) & mask) {
      String word = slots[i];
      if (word.hashCode() == hash && word.length() == length && sameLowered(word, text, start)) {
        return true;
      }
    }
    return false;
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
