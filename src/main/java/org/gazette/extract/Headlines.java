package org.gazette.extract;

import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/** What related blocks and listings have in common: headline links and comment counts. */
final class Headlines {

  /** {@code 評論 51}, {@code 评论(51)}, {@code Comments (34)}. */
  static final Pattern LABEL_FIRST =
      Pattern.compile(
          "(?:評論|评论|留言|跟帖|comments?)\\s*[:：]?\\s*[(（]?\\s*(\\d[\\d,]*)\\s*[)）]?",
          Pattern.CASE_INSENSITIVE);

  /**
   * {@code 51 comments}, {@code 35条评论}; tried second, and never right after a time, so that
   * {@code 19:14 評論 5} gives 5, not 14.
   */
  static final Pattern COUNT_FIRST =
      Pattern.compile(
          "(?<![\\d,.:：])(\\d[\\d,]*)\\s*(?:條評論|条评论|則評論|则评论|評論|评论|comments?)",
          Pattern.CASE_INSENSITIVE);

  /** Below this {@link TextNormalizer#weight}, link text is a label (More, 更多), not a title. */
  private static final int MIN_TITLE_WEIGHT = 10;

  private Headlines() {}

  /** True for a link whose text reads as a headline and whose target is a web page. */
  static boolean isHeadline(Element a) {
    return headlineUrl(a, title(a), new LinkResolver()).isPresent();
  }

  /**
   * The {@link #url} of a link that {@link #isHeadline is a headline}, else empty.
   *
   * @param title the link's {@link #title}, which the caller may have already
   * @param links the page's resolver
   */
  static Optional<String> headlineUrl(Element a, String title, LinkResolver links) {
    // the text first: resolving the URL costs more, and most links that are not headlines
    // (menus, "More") fail on their text
    if (!a.normalName().equals("a")
        || TextNormalizer.weight(title) < MIN_TITLE_WEIGHT || isCommentCount(title)) {
      return Optional.empty();
    }
    return url(a, links);
  }

  /** The link's absolute http(s) URL without its fragment, if it has one. */
  static Optional<String> url(Element a) {
    return url(a, new LinkResolver());
  }

  /** {@link #url(Element)}, resolved by the page's resolver. */
  static Optional<String> url(Element a, LinkResolver links) {
    String abs = links.absUrl(a, "href");
    if (!abs.startsWith("http://") && !abs.startsWith("https://")) {
      return Optional.empty();
    }
    int hash = abs.indexOf('#');
    return Optional.of(hash < 0 ? abs : abs.substring(0, hash));
  }

  /** The normalized headline text of a link. */
  static String title(Element a) {
    return TextNormalizer.normalize(a.text());
  }

  /** The first comment count in text, or null. */
  static Integer comments(String text) {
    if (!hasDigit(text)) {
      return null;
    }
    int keyword = firstKeyword(text);
    if (keyword < 0) {
      return null; // both patterns need one of the words
    }
    // each pattern looked for from where its first match can start at the earliest, not from
    // every position of the text before: the same first match
    int[] m = labelFirst(text, keyword);
    if (m == null) {
      m = countFirst(text, countFrom(text, keyword));
      if (m == null) {
        return null;
      }
    }
    String digits = text.substring(m[2], m[3]).replace(",", "");
    try {
      return Integer.valueOf(digits);
    } catch (NumberFormatException tooLarge) {
      return null;
    }
  }

  /**
   * Where the first of the words that both patterns need starts ({@code 評論 评论 留言 跟帖}, or
   * {@code comment} in any case of its ASCII letters, as {@code CASE_INSENSITIVE} matches it), or
   * -1. A {@link #LABEL_FIRST} match starts at one of them, so none starts before.
   */
  private static int firstKeyword(String text) {
    for (int i = 0; i + 1 < text.length(); i++) {
      char c = text.charAt(i);
      char next = text.charAt(i + 1);
      if ((c == '評' && next == '論') || (c == '评' && next == '论') || (c == '留' && next == '言')
          || (c == '跟' && next == '帖')
          || ((c == 'c' || c == 'C') && isCommentAt(text, i))) {
        return i;
      }
    }
    return -1;
  }

  /** True if {@code comment} stands at i, in any case of its ASCII letters. */
  private static boolean isCommentAt(String text, int i) {
    if (i + COMMENT.length() > text.length()) {
      return false;
    }
    for (int k = 0; k < COMMENT.length(); k++) {
      char c = text.charAt(i + k);
      if (c != COMMENT.charAt(k) && c != COMMENT.charAt(k) - ('a' - 'A')) {
        return false;
      }
    }
    return true;
  }

  private static final String COMMENT = "comment";

  /**
   * The earliest start of a {@link #COUNT_FIRST} match, given the first keyword: its words start
   * there or one before ({@code 條評論}), and only digits, commas and whitespace ({@code [\d,]*\s*})
   * come between a match's start and its word. Found by stepping back over those.
   */
  private static int countFrom(String text, int keyword) {
    int from = keyword;
    if (from > 0 && "條条則则".indexOf(text.charAt(from - 1)) >= 0) {
      from--;
    }
    while (from > 0 && isDigitCommaOrSpace(text.charAt(from - 1))) {
      from--;
    }
    return from;
  }

  /** {@code [\d,\s]} of a pattern without UNICODE_CHARACTER_CLASS: ASCII only. */
  private static boolean isDigitCommaOrSpace(char c) {
    return (c >= '0' && c <= '9') || c == ',' || c == ' ' || c == '\t' || c == '\n'
        || c == 0x0B || c == '\f' || c == '\r';
  }

  /** Text with its comment counts cut out. */
  static String withoutComments(String text) {
    if (!hasDigit(text) || firstKeyword(text) < 0) {
      return text; // neither pattern can match: no replacing, which copies the text twice
    }
    return blanked(blanked(text, true), false);
  }

  /**
   * False if the text has no ASCII digit, so no count: both patterns need one. Most text has
   * none, and the patterns are tried at every position.
   */
  private static boolean hasDigit(String text) {
    byte[] latin1 = TextNormalizer.latin1(text);
    if (latin1 != null) {
      // a char beyond Latin-1 is a '?' there, never a digit: no char needs reading again
      for (byte b : latin1) {
        if (b >= '0' && b <= '9') {
          return true;
        }
      }
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        return true;
      }
    }
    return false;
  }

  /*
   * LABEL_FIRST and COUNT_FIRST matched by hand, as the patterns match (the crawl's C1 compiler
   * runs java.util.regex several times slower, and every related item and listing entry is
   * read). Neither pattern can backtrack into another match: each part is followed by a part
   * that cannot take its characters, so the greedy reading is the only one. Their \s is ASCII
   * whitespace, their \d ASCII digits, their CASE_INSENSITIVE ASCII only. The patterns stay the
   * definition: HeadlinesTest checks the hand matching against them (a rule changed there must
   * be changed here too).
   */

  /**
   * The leftmost {@link #LABEL_FIRST} match at or after from, as {start, end, group start, group
   * end}, or null.
   */
  private static int[] labelFirst(String text, int from) {
    int n = text.length();
    for (int p = from; p < n; p++) {
      int i = labelWordEnd(text, p);
      if (i < 0) {
        continue;
      }
      i = spacesEnd(text, i);
      if (i < n && (text.charAt(i) == ':' || text.charAt(i) == '：')) {
        i = spacesEnd(text, i + 1);
      }
      if (i < n && (text.charAt(i) == '(' || text.charAt(i) == '（')) {
        i = spacesEnd(text, i + 1);
      }
      if (i < n && isAsciiDigit(text.charAt(i))) {
        int digitsEnd = digitsEnd(text, i + 1);
        int end = spacesEnd(text, digitsEnd);
        if (end < n && (text.charAt(end) == ')' || text.charAt(end) == '）')) {
          end++;
        }
        return new int[] {p, end, i, digitsEnd};
      }
    }
    return null;
  }

  /**
   * The leftmost {@link #COUNT_FIRST} match at or after from, as {start, end, group start, group
   * end}, or null.
   */
  private static int[] countFirst(String text, int from) {
    int n = text.length();
    for (int p = from; p < n; p++) {
      if (!isAsciiDigit(text.charAt(p)) || (p > 0 && ":：,.".indexOf(text.charAt(p - 1)) >= 0)
          || (p > 0 && isAsciiDigit(text.charAt(p - 1)))) {
        continue; // (?<![\d,.:：])(\d
      }
      int digitsEnd = digitsEnd(text, p + 1);
      int end = countWordEnd(text, spacesEnd(text, digitsEnd));
      if (end >= 0) {
        return new int[] {p, end, p, digitsEnd};
      }
    }
    return null;
  }

  /** Where {@code 評論|评论|留言|跟帖|comments?} ends if it starts at i, else -1. */
  private static int labelWordEnd(String text, int i) {
    if (i + 1 < text.length()) {
      char c = text.charAt(i);
      char next = text.charAt(i + 1);
      if ((c == '評' && next == '論') || (c == '评' && next == '论') || (c == '留' && next == '言')
          || (c == '跟' && next == '帖')) {
        return i + 2;
      }
    }
    return commentEnd(text, i);
  }

  /** Where {@code 條評論|条评论|則評論|则评论|評論|评论|comments?} ends if it starts at i, else -1. */
  private static int countWordEnd(String text, int i) {
    int n = text.length();
    if (i + 2 < n) {
      char c = text.charAt(i);
      if (((c == '條' || c == '則') && text.charAt(i + 1) == '評' && text.charAt(i + 2) == '論')
          || ((c == '条' || c == '则') && text.charAt(i + 1) == '评'
              && text.charAt(i + 2) == '论')) {
        return i + 3;
      }
    }
    if (i + 1 < n) {
      char c = text.charAt(i);
      char next = text.charAt(i + 1);
      if ((c == '評' && next == '論') || (c == '评' && next == '论')) {
        return i + 2;
      }
    }
    return commentEnd(text, i);
  }

  /** Where {@code comments?} in any case of its ASCII letters ends if it starts at i, else -1. */
  private static int commentEnd(String text, int i) {
    if (!isCommentAt(text, i)) {
      return -1;
    }
    int end = i + COMMENT.length();
    return end < text.length() && (text.charAt(end) == 's' || text.charAt(end) == 'S')
        ? end + 1 : end;
  }

  /** [\d,]* from i: where it ends. */
  private static int digitsEnd(String text, int i) {
    while (i < text.length() && (isAsciiDigit(text.charAt(i)) || text.charAt(i) == ',')) {
      i++;
    }
    return i;
  }

  /** \s* from i: where it ends. */
  private static int spacesEnd(String text, int i) {
    while (i < text.length() && isAsciiSpace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  /**
   * The text with each match of LABEL_FIRST (else COUNT_FIRST) replaced by two spaces, as the
   * pattern's {@code matcher(text).replaceAll("  ")}: the same text when none matches.
   */
  private static String blanked(String text, boolean labelFirst) {
    StringBuilder out = null;
    int last = 0;
    for (int[] m = labelFirst ? labelFirst(text, 0) : countFirst(text, 0); m != null;
        m = labelFirst ? labelFirst(text, m[1]) : countFirst(text, m[1])) {
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, last, m[0]).append("  ");
      last = m[1];
    }
    return out == null ? text : out.append(text, last, text.length()).toString();
  }

  /** True for link text that is only a comment count ({@code 評論 51}), not a headline. */
  private static boolean isCommentCount(String text) {
    return withoutComments(text).isBlank();
  }
}
