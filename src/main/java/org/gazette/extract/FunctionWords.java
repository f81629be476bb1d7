package org.gazette.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * The function words {@link Languages} votes with, each in one language's list: a word common to
 * two languages belongs to the first listed. Looked up straight from the chars of a text, so that
 * reading a text's words makes no string of each.
 *
 * <p>Immutable once built, so thread-safe.
 */
final class FunctionWords {

  /** Slots of the open-addressing table: a power of two, several times the words. */
  private static final int SLOTS = 1024;

  private final List<String> languages = new ArrayList<>();
  private final char[][] words = new char[SLOTS][];
  /** The index in {@link #languages} of each slot's word. */
  private final int[] wordLanguages = new int[SLOTS];
  /** The {@link String#hashCode} of each slot's word. */
  private final int[] hashes = new int[SLOTS];
  private int longest;

  /**
   * Adds a language's words; the first language added with a word keeps it.
   *
   * @param list lower-case words separated by single spaces
   */
  FunctionWords add(String language, String list) {
    int index = languages.size();
    languages.add(language);
    for (String w : list.split(" ")) {
      char[] word = w.toCharArray();
      if (language(word, 0, word.length) >= 0) {
        continue; // listed already: the first language keeps it
      }
      int slot = slotOf(w.hashCode());
      while (words[slot] != null) {
        slot = (slot + 1) & (SLOTS - 1);
      }
      words[slot] = word;
      hashes[slot] = w.hashCode();
      wordLanguages[slot] = index;
      longest = Math.max(longest, word.length);
    }
    return this;
  }

  /** The languages, in the order added: the indices {@link #language} returns. */
  List<String> languages() {
    return languages;
  }

  /** The length of the longest word: longer runs of letters need no lookup. */
  int longest() {
    return longest;
  }

  /**
   * The language of the word {@code text[start..end)} lowered char by char ({@link
   * Character#toLowerCase(int)}), an index of {@link #languages}, or -1. Nothing is made of the
   * word: most words of a text are not function words, and their empty slot says so.
   */
  int language(char[] text, int start, int end) {
    if (end - start > longest) {
      return -1;
    }
    int h = 0;
    for (int i = start; i < end; i++) {
      h = 31 * h + lower(text[i]);
    }
    for (int slot = slotOf(h); words[slot] != null; slot = (slot + 1) & (SLOTS - 1)) {
      if (hashes[slot] == h && isWord(words[slot], text, start, end)) {
        return wordLanguages[slot];
      }
    }
    return -1;
  }

  private static boolean isWord(char[] word, char[] text, int start, int end) {
    if (word.length != end - start) {
      return false;
    }
    for (int i = start; i < end; i++) {
      if (word[i - start] != lower(text[i])) {
        return false;
      }
    }
    return true;
  }

  private static char lower(char c) {
    if (c < 128) {
      return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
    return (char) Character.toLowerCase((int) c);
  }

  /** The first slot to try for a word of this {@link String#hashCode}. */
  private static int slotOf(int hash) {
    return (hash ^ (hash >>> 16)) & (SLOTS - 1);
  }
}
