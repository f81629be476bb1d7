package org.gazette.extract;

/**
 * Comparisons ignoring case, made in place: the rules that scan every element's names or text
 * for a few words ({@link Datelines}' labels, {@link RelatedFinder}'s related names) would
 * otherwise lower-case a copy of each, or call {@code regionMatches} ignoring case at every
 * place a word's first letter stands, which cost more than the rest of those rules.
 */
final class CaseFold {

  private CaseFold() {}

  /**
   * True if {@code text} holds {@code word} at {@code at}, ignoring case. The word is lower
   * case: its ASCII letters are compared by their bit of case, its other characters ({@code
   * ö}, {@code é}) with the text's lower-cased.
   */
  static boolean matchesAt(String text, int at, String word) {
    if (at + word.length() > text.length()) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      char w = word.charAt(k);
      char c = text.charAt(at + k);
      if (w < 0x80 ? (c | 0x20) != w : Character.toLowerCase(c) != w) {
        return false;
      }
    }
    return true;
  }
}
