package org.gazette.extract;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.nodes.Element;

/**
 * Words looked for in class and id names ({@code related-news}, {@code shareBar}): the names are
 * split into lower-case words of ASCII letters and digits, and a word matches when it is one of
 * the words given, or starts with a word given with a trailing {@code *} ({@code related*}
 * matches {@code relatednews}). A set lookup per word: a regex alternation of some eighty words,
 * tried on every word of every element's names, was a tenth of the extraction.
 *
 * <p>Every set made has a bit, and names are split once for all of them: {@link #names} gives
 * the bits of the sets an element's names match, so a caller asking several sets about one
 * element ({@link Boilerplate}) looks its names up once, and {@link #in} tests a set's bit.
 * Answers are remembered by names: a page repeats a few names on many elements, and a site's
 * pages share their templates.
 *
 * <p>Thread-safe.
 */
final class NameWords {

  /** Names remembered at most; then they are forgotten and remembered anew. */
  private static final int REMEMBERED = 10_000;

  /** Bits 0 to 55 of a remembered mask are sets; the top byte is how many sets there were. */
  private static final int SETS_SHIFT = 56;

  private static final long SET_BITS = (1L << SETS_SHIFT) - 1;

  /** The words and prefixes of every set made, with the bits of the sets that hold them. */
  private static final Map<String, Long> ALL_WORDS = new HashMap<>();

  private static final Map<String, Long> ALL_PREFIXES = new HashMap<>();

  /** What names are matched against: replaced whole when a set is made. */
  private static volatile Vocabulary vocabulary = new Vocabulary(0, Map.of(), Map.of());

  private static final Map<String, Long> MASKS = new ConcurrentHashMap<>();

  private final long bit;

  /** @param spec lower-case words separated by spaces; {@code word*} for words starting so */
  private NameWords(String spec) {
    synchronized (ALL_WORDS) {
      int index = vocabulary.sets;
      if (index == SETS_SHIFT) {
        throw new IllegalStateException("more than " + SETS_SHIFT + " sets of name words");
      }
      bit = 1L << index;
      for (String w : spec.trim().split("\\s+")) {
        if (w.endsWith("*")) {
          ALL_PREFIXES.merge(w.substring(0, w.length() - 1), bit, (a, b) -> a | b);
        } else {
          ALL_WORDS.merge(w, bit, (a, b) -> a | b);
        }
      }
      vocabulary = new Vocabulary(index + 1, ALL_WORDS, ALL_PREFIXES);
    }
  }

  /**
   * A set of words, for a constant: each set takes one of 56 bits for the life of the JVM, and
   * making one makes every remembered answer be worked out again.
   */
  static NameWords of(String spec) {
    return new NameWords(spec);
  }

  /**
   * True if a word of the element's class or id names matches. Each is looked up on its own (a
   * word never spans the two): the attribute values are the page's strings, whose hashes are
   * kept, rather than a new string joining them for every question.
   */
  boolean inNames(Element e) {
    return in(names(e));
  }

  /**
   * True if a word of the names matches.
   *
   * @param names class and id names, separated by spaces
   */
  boolean inNames(String names) {
    return in(mask(names));
  }

  /** True if the bits {@link #names} gave include this set's. */
  boolean in(long names) {
    return (names & bit) != 0;
  }

  /**
   * The bits of the sets a word of the element's class or id names matches, for {@link #in}.
   * The top byte says how many sets had been made: a value kept for later is {@link #current}
   * while no set has been made since.
   */
  static long names(Element e) {
    long sets = (long) vocabulary.sets << SETS_SHIFT;
    return mask(e.className()) | mask(e.id()) | sets;
  }

  /** True if a value {@link #names} gave answers for every set made so far. */
  static boolean current(long names) {
    return (names >>> SETS_SHIFT) >= vocabulary.sets;
  }

  private static long mask(String names) {
    if (names.isEmpty()) {
      return 0; // most elements have no class or no id: no map lookup for them
    }
    Vocabulary v = vocabulary;
    Long known = MASKS.get(names);
    if (known != null && (known >>> SETS_SHIFT) >= v.sets) {
      return known & SET_BITS; // found when every set made so far was
    }
    long found = v.match(names);
    if (MASKS.size() >= REMEMBERED) {
      MASKS.clear();
    }
    MASKS.put(names, ((long) v.sets << SETS_SHIFT) | found);
    return found;
  }

  /** The words and prefixes of the sets made so far. Immutable. */
  private static final class Vocabulary {
    final int sets;
    final WordTable words;
    final String[] prefixes;
    final long[] prefixBits;
    /** The length of the longest whole word: a longer word can only match a prefix. */
    final int longestWord;

    Vocabulary(int sets, Map<String, Long> words, Map<String, Long> prefixes) {
      this.sets = sets;
      this.words = new WordTable(words);
      this.prefixes = prefixes.keySet().toArray(new String[0]);
      this.prefixBits = new long[this.prefixes.length];
      for (int i = 0; i < this.prefixes.length; i++) {
        prefixBits[i] = prefixes.get(this.prefixes[i]);
      }
      this.longestWord = words.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    /**
     * The bits of the sets a word of the names matches. Words are the runs of ASCII letters and
     * digits, split again at camelCase humps (a lower case letter, then an upper case one), and
     * lower-cased. Split by hand: the regex {@code [^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])} cost more
     * than the matching.
     */
    long match(String names) {
      long found = 0;
      int start = -1;
      int hash = 0; // the hash of the word so far, lower-cased: String.hashCode's
      char previous = ' ';
      int length = names.length();
      for (int i = 0; i <= length; i++) {
        char c = i < length ? names.charAt(i) : ' ';
        boolean wordChar =
            (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        boolean hump = wordChar && start >= 0 && c >= 'A' && c <= 'Z'
            && previous >= 'a' && previous <= 'z';
        if (start >= 0 && (!wordChar || hump)) {
          found |= word(names, start, i, hash);
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
      return found;
    }

    /**
     * The bits of the sets the word {@code names[start, end)}, lower-cased, is one of the words
     * of or starts with a prefix of. Its characters are ASCII letters and digits: lower-casing
     * is ASCII's. Compared in place: a new string per word, for a set lookup, was a fifth of the
     * names' cost.
     *
     * @param hash the word's hash, lower-cased, as {@link String#hashCode} gives it
     */
    private long word(String names, int start, int end, int hash) {
      int length = end - start;
      long found = length <= longestWord ? words.get(names, start, length, hash) : 0;
      for (int p = 0; p < prefixes.length; p++) {
        if (length >= prefixes[p].length() && startsWith(names, start, prefixes[p])) {
          found |= prefixBits[p];
        }
      }
      return found;
    }
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
