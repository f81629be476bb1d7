package org.gazette.extract;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans text taken from pages before it goes into a record: Unicode NFC, invisible characters
 * removed, whitespace collapsed and trimmed, and the pinyin a Chinese converter leaves behind
 * removed ({@code 及時(shí)} becomes {@code 及時}).
 *
 * <p>The archive keeps pages as served; only records are normalized.
 */
public final class TextNormalizer {

  /**
   * A Han character followed by one parenthesized lowercase syllable. Whether the syllable really
   * is pinyin is checked in code ({@link #isPinyin}), which keeps real parentheses.
   */
  private static final Pattern HAN_THEN_PARENS =
      Pattern.compile("(\\p{IsHan})[(（]([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,7})[)）]");

  /** A toneless syllable of Hanyu Pinyin, ü written as v. */
  private static final Pattern SYLLABLE =
      Pattern.compile(
          "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
              + "(?:iang|iong|uang|ueng|ang|eng|ong|ian|iao|uai|uan|van|ing|ai|ei|ao|ou|an|en|er"
              + "|ia|ie|iu|in|ua|uo|ui|un|ve|vn|ue|a|o|e|i|u|v|ê)"
              + "|m|n|ng|hm|hng");

  private static final String TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";
  private static final String TONELESS = "aaaaeeeeiiiioooouuuuvvvvnnnm";

  /**
   * {@link #CHAR_CLASS} bits: {@link #isInvisible}, {@link #isSpace}, {@link #UNNORMALIZED},
   * then the weight.
   */
  private static final int INVISIBLE = 1;
  private static final int SPACE = 2;
  /**
   * A character that {@link #weightIfNormalized} rejects wherever it stands: invisible, a space
   * other than {@code ' '}, a parenthesis, or not {@link #isSurelyComposed surely composed}.
   */
  private static final int UNNORMALIZED = 4;
  private static final int WEIGHT_SHIFT = 3;

  /**
   * For every character of the Basic Multilingual Plane but surrogates: whether it is invisible,
   * a space, and its {@link #weight}, worked out at load by the tests below, then looked up.
   * These run on every character of every page; the script lookup behind the weight of one
   * character alone is a binary search.
   */
  private static final byte[] CHAR_CLASS = new byte[Character.MAX_VALUE + 1];

  static {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      int k = (isInvisible((char) c) ? INVISIBLE : 0) | (isSpace((char) c) ? SPACE : 0);
      if (isInvisible((char) c) || (isSpace((char) c) && c != ' ') || c == '(' || c == '（'
          || !isSurelyComposed((char) c)) {
        k |= UNNORMALIZED;
      }
      if (!Character.isSurrogate((char) c)) {
        k |= codePointWeight(c) << WEIGHT_SHIFT;
      }
      CHAR_CLASS[c] = (byte) k;
    }
  }

  private TextNormalizer() {}

  /**
   * Normalizes one line of text; line breaks become spaces.
   *
   * @return the cleaned text, empty if nothing visible is left, null for null
   */
  public static String normalize(String text) {
    if (text == null) {
      return null;
    }
    if (weightIfNormalized(text) >= 0) {
      // the usual case, told in one pass where the steps below read the text four times
      return text;
    }
    // invisible characters go before composing: one between a letter and its combining mark (e,
    // U+200B, U+0301) would block NFC and leave the pair apart, not NFC, once it is removed
    String s = foldSpaces(text);
    s = surelyComposed(s) || Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s
        : Normalizer.normalize(s, Normalizer.Form.NFC);
    // the pinyin pattern needs a parenthesis; most text has none, and the regex is not free
    return s.indexOf('(') < 0 && s.indexOf('（') < 0 ? s : removePinyin(s);
  }

  /**
   * True if the text is NFC for its characters alone: each is below U+0300 (where combining
   * marks start), a CJK unified ideograph, CJK punctuation before U+302A or a fullwidth ASCII
   * form. Each is NFC itself, has combining class 0 and is no composition's second part (checked
   * against Java's tables for every code point), so a text of them is NFC: no need to ask {@link
   * Normalizer}, whose check cost more than the rest of normalizing. False says nothing.
   */
  private static boolean surelyComposed(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isSurelyComposed(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** True for a character {@link #surelyComposed} accepts. */
  private static boolean isSurelyComposed(char c) {
    return c < 0x300 || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3000 && c <= 0x3029)
        || (c >= 0xFF01 && c <= 0xFF5E);
  }

  /**
   * Drops invisible characters, makes each run of spaces one space and trims,
   * in one pass: this runs on every text node of every page, where two regex replacements cost
   * more than the rest of the extraction.
   */
  private static String foldSpaces(String s) {
    if (isFolded(s)) {
      return s; // the usual case: no copy
    }
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    boolean changed = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int k = CHAR_CLASS[c];
      if ((k & INVISIBLE) != 0) {
        changed = true;
        continue;
      }
      if ((k & SPACE) != 0) {
        // a lone ' ' between words is kept as is; anything else is a change
        changed |= c != ' ' || space || out.length() == 0 || i == s.length() - 1;
        space = true;
      } else {
        if (space && out.length() > 0) {
          out.append(' ');
        }
        space = false;
        out.append(c);
      }
    }
    return changed ? out.toString() : s;
  }

  /** True if {@link #foldSpaces} would leave the text as it is. */
  private static boolean isFolded(String s) {
    int n = s.length();
    if (n > 0 && (isSpace(s.charAt(0)) || isSpace(s.charAt(n - 1)))) {
      return false;
    }
    boolean space = false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      int k = CHAR_CLASS[c];
      if ((k & INVISIBLE) != 0) {
        return false;
      }
      boolean isSpace = (k & SPACE) != 0;
      if (isSpace && (c != ' ' || space)) {
        return false;
      }
      space = isSpace;
    }
    return true;
  }

  /**
   * Invisible characters with no meaning in text: C0 controls other than whitespace (NUL among
   * them), DEL, C1 controls other than NEL (what windows-1252 bytes become when a page is read as
   * Latin-1), soft hyphen, zero-width space, word joiner, BOM. ZWNJ and ZWJ (U+200C, U+200D)
   * stay: Persian and Indic spelling and emoji sequences need them.
   */
  private static boolean isInvisible(char c) {
    return (c <= 0x08) || (c >= 0x0E && c <= 0x1F) || (c >= 0x7F && c <= 0x84)
        || (c >= 0x86 && c <= 0x9F) || c == 0x00AD || c == 0x180E || c == 0x200B || c == 0x2060
        || c == 0xFEFF;
  }

  /** True for a character {@link #normalize} drops or folds: invisible, or a space. */
  static boolean isBlank(char c) {
    return (CHAR_CLASS[c] & (INVISIBLE | SPACE)) != 0;
  }

  /**
   * ASCII whitespace plus NBSP and the other Unicode spaces, ideographic space included, and the
   * Unicode line breaks: NEL (U+0085) as well as U+2028 and U+2029, since a line break left in a
   * value could be a whole field (fuzzing found an editor named U+0085).
   */
  private static boolean isSpace(char c) {
    return (c >= 0x09 && c <= 0x0D) || c == ' ' || c == 0x0085 || c == 0x00A0 || c == 0x1680
        || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F
        || c == 0x205F || c == 0x3000;
  }

  /** A text as {@link #normalize} returns it, and its {@link #weight}. */
  record Weighed(String text, int weight) {}

  /**
   * {@link #normalize} the text and {@link #weight} the result. Most lines are normalized
   * already: for them one pass over the text tells so and weighs it, where normalizing and
   * weighing read it three times over.
   *
   * @param text not null
   */
  static Weighed normalizeWeighed(String text) {
    int w = weightIfNormalized(text);
    if (w >= 0) {
      return new Weighed(text, w);
    }
    String s = normalize(text);
    return new Weighed(s, weight(s));
  }

  /**
   * The weight of a text that {@link #normalize} surely leaves as it is, else -1: one that
   * {@link #isFolded is folded}, {@link #surelyComposed is surely composed} and has no
   * parenthesis (the pinyin remover's cue). Such a text has no surrogates, which are not surely
   * composed, so its weight is that of each of its chars.
   */
  private static int weightIfNormalized(String s) {
    int n = s.length();
    if (n > 0 && (isSpace(s.charAt(0)) || isSpace(s.charAt(n - 1)))) {
      return -1;
    }
    int w = 0;
    boolean space = false;
    byte[] latin1 = latin1(s);
    for (int i = 0; i < n; i++) {
      int c = latin1 != null ? latin1[i] & 0xFF : s.charAt(i);
      if (c == '?') {
        c = s.charAt(i); // a char beyond Latin-1, or a question mark
      }
      // one table bit for the tests of each character alone; only a space after a space is left
      int k = CHAR_CLASS[c];
      boolean isSpace = (k & SPACE) != 0;
      if ((k & UNNORMALIZED) != 0 || (isSpace && space)) {
        return -1;
      }
      space = isSpace;
      w += k >> WEIGHT_SHIFT;
    }
    return w;
  }

  /**
   * The text's chars as Latin-1 bytes, where each char beyond Latin-1 is a {@code ?}, for loops
   * over every char: under the crawl's C1 compiler charAt is a call with two checks per char,
   * where a copy of a Latin-1 string's bytes is one array copy. A {@code ?} byte is either char:
   * read it with charAt. Null for a text that starts beyond Latin-1 (Chinese), whose bytes would
   * be made char by char, and for one with a surrogate pair, which is one byte: read them with
   * charAt.
   */
  static byte[] latin1(String s) {
    if (s.isEmpty() || s.charAt(0) > 0xFF) {
      return null;
    }
    byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
    return bytes.length == s.length() ? bytes : null;
  }

  /** Like {@link #normalize}, but null when nothing visible is left. */
  static String normalizeOrNull(String text) {
    String s = normalize(text);
    return s == null || s.isEmpty() ? null : s;
  }

  /**
   * How much text a string holds, for comparing blocks across scripts: a Han, kana or Hangul
   * character counts three (about one English word), any other visible character one.
   */
  static int weight(String text) {
    int w = 0;
    byte[] latin1 = latin1(text);
    for (int i = 0; i < text.length(); i++) {
      char c = latin1 != null && latin1[i] != '?' ? (char) (latin1[i] & 0xFF) : text.charAt(i);
      if (Character.isSurrogate(c)) {
        // a pair is one character beyond the BMP; a lone surrogate counts as one on its own
        int cp = text.codePointAt(i);
        i += Character.charCount(cp) - 1;
        w += codePointWeight(cp);
      } else {
        w += CHAR_CLASS[c] >> WEIGHT_SHIFT;
      }
    }
    return w;
  }

  /** The {@link #weight} of a char that is not a surrogate; 0 for a surrogate. */
  static int charWeight(char c) {
    return CHAR_CLASS[c] >> WEIGHT_SHIFT;
  }

  /** The weight of one code point: 3 for Han, kana and Hangul, 0 for spaces, else 1. */
  static int codePointWeight(int cp) {
    // no Han, kana or Hangul below U+1100: skips the script lookup for most text
    if (cp >= 0x1100 && isCjk(cp)) {
      return 3;
    }
    return !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) ? 1 : 0;
  }

  /**
   * True if the text holds the word (lower case ASCII) in any case of its ASCII letters: what a
   * pattern compiled {@link Pattern#CASE_INSENSITIVE} matches.
   */
  static boolean containsIgnoringAsciiCase(String text, String word) {
    if (word.isEmpty()) {
      return true;
    }
    char first = word.charAt(0);
    int last = text.length() - word.length();
    for (int i = 0; i <= last; i++) {
      // the first letter alone rules out nearly every position: test it before the loop
      char c0 = text.charAt(i);
      if (c0 >= 'A' && c0 <= 'Z') {
        c0 = (char) (c0 + ('a' - 'A'));
      }
      if (c0 != first) {
        continue;
      }
      int k = 1;
      while (k < word.length()) {
        char c = text.charAt(i + k);
        if (c >= 'A' && c <= 'Z') {
          c = (char) (c + ('a' - 'A'));
        }
        if (c != word.charAt(k)) {
          break;
        }
        k++;
      }
      if (k == word.length()) {
        return true;
      }
    }
    return false;
  }

  private static boolean isCjk(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL;
  }

  /** Removes pinyin in parentheses after Han characters, leaving other parentheses alone. */
  static String removePinyin(String s) {
    if (!hasHanThenParenthesis(s)) {
      return s; // the regex scans every position; a parenthesis after Han is rare
    }
    Matcher m = HAN_THEN_PARENS.matcher(s);
    if (!m.find()) {
      return s;
    }
    return m.reset().replaceAll(TextNormalizer::keepHanDropPinyin);
  }

  /** True if an opening parenthesis follows a Han character: {@link #HAN_THEN_PARENS} may match. */
  private static boolean hasHanThenParenthesis(String s) {
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c == '(' || c == '（')
          && Character.UnicodeScript.of(s.codePointBefore(i)) == Character.UnicodeScript.HAN) {
        return true;
      }
    }
    return false;
  }

  private static String keepHanDropPinyin(MatchResult m) {
    String kept = isPinyin(m.group(2)) ? m.group(1) : m.group();
    return Matcher.quoteReplacement(kept);
  }

  /**
   * True for one pinyin syllable with a tone mark. The mark is required: the converter always
   * writes one, and without it English glosses such as {@code 筆(pen)} would look like pinyin.
   */
  static boolean isPinyin(String syllable) {
    StringBuilder toneless = new StringBuilder(syllable.length());
    boolean toned = false;
    for (char c : syllable.toCharArray()) {
      int i = TONED.indexOf(c);
      toned |= i >= 0;
      toneless.append(i >= 0 ? TONELESS.charAt(i) : c == 'ü' ? 'v' : c);
    }
    return toned && SYLLABLE.matcher(toneless).matches();
  }
}
