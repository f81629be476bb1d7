package org.gazette.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.nodes.Element;

/**
 * Words looked for in class and id names ({@code related-news}, {@code shareBar}): the names are
 * split into lower-case words of ASCII letters and digits, and a word matches when it is one of
 * the words given, or starts with a word given with a trailing {@code *} ({@code related*}
 * matches {@code relatednews}). A set lookup per word: a regex alternation of some eighty words,
 * tried on every word of every element's names, was a tenth of the extraction.
 *
 * <p>Thread-safe. Answers are remembered by names: a page repeats a few names on many elements,
 * and a site's pages share their templates.
 */
final class NameWords {

  /** Names remembered at most; then they are forgotten and remembered anew. */
  private static final int REMEMBERED = 10_000;

  /** The whole words. */
  private final WordTable wordTable;
  private final List<String> prefixes = new ArrayList<>();
  private final Map<String, Boolean> answers = new ConcurrentHashMap<>();
  /** The length of the longest whole word: a longer word can only match a prefix. */
  private final int longestWord;

  /** @param spec lower-case words separated by spaces; {@code word*} for words starting so */
  private NameWords(String spec) {
    Set<String> words = new HashSet<>();
    for (String w : spec.trim().split("\\s+")) {
      if (w.endsWith("*")) {
        prefixes.add(w.substring(0, w.length() - 1));
      } else {
        words.add(w);
      }
    }
    longestWord = words.stream().mapToInt(String::length).max().orElse(0);
    wordTable = new WordTable(words);
  }

  static NameWords of(String spec) {
    return new NameWords(spec);
  }

  /**
   * True if a word of the element's class or id names matches. Each is looked up on its own (a
   * word never spans the two): the attribute values are the page's strings, whose hashes are
   * kept, rather than a new string joining them for every question.
   */
  boolean inNames(Element e) {
    return inNames(e.className()) || inNames(e.id());
  }

  /**
   * True if a word of the names matches. Words are the runs of ASCII letters and digits, split
   * again at camelCase humps (a lower case letter, then an upper case one), and lower-cased.
   * Split by hand: the regex {@code [^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])} cost more than the
   * matching.
   *
   * @param names class and id names, separated by spaces
   */
  boolean inNames(String names) {
    if (names.isEmpty()) {
      return false; // most elements have no class or no id: no map lookup for them
    }
    Boolean known = answers.get(names);
    if (known == null) {
      known = split(names);
      if (answers.size() >= REMEMBERED) {
        answers.clear();
      }
      answers.put(names, known);
    }
    return known;
  }

  private boolean split(String names) {
    int start = -1;
    int hash = 0; // the hash of the word so far, lower-cased: String.hashCode's
    char previous = ' ';
    int length = names.length();
    for (int i = 0; i <= length; i++) {
      char c = i < length ? names.charAt(i) : ' ';
      boolean wordChar = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      boolean hump = wordChar && start >= 0 && c >= 'A' && c <= 'Z'
          && previous >= 'a' && previous <= 'z';
      if (start >= 0 && (!wordChar || hump)) {
        if (matches(names, start, i, hash)) {
          return true;
        }
        start = -1;
      }
      if (wordChar) {
        if (start < 0) {
          start = i;
          hash = 0;
        }
        hash = 31 * hash + lower(c);
      }
      previous = c;
    }
    return false;
  }

  /**
   * True if the word {@code names[start, end)}, lower-cased, is one of the words or starts with
   * one of the prefixes. Its characters are ASCII letters and digits: lower-casing is ASCII's.
   * Compared in place: a new string per word, for a set lookup, was a fifth of the names' cost.
   *
   * @param hash the word's hash, lower-cased, as {@link String#hashCode} gives it
   */
  private boolean matches(String names, int start, int end, int hash) {
    int length = end - start;
    if (length <= longestWord && wordTable.contains(names, start, length, hash)) {
      return true;
    }
    for (String prefix : prefixes) {
      if (length >= prefix.length() && startsWith(names, start, prefix)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(String names, int start, String prefix) {
    for (int k = 0; k < prefix.length(); k++) {
      if (lower(names.charAt(start + k)) != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }
}
