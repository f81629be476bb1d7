package org.gazette.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules for single values, shared by the loader (which reports with file and line) and by the
 * records' constructors (which guard values built in code, such as command line overrides).
 */
final class Values {

  static final String DURATION_HINT = "use ISO-8601 like PT1S or 500ms, 2s, 30m";
  static final String SIZE_HINT = "use a number of bytes or 500KB, 10MB, 1GB";

  // Whole numbers only: "1.5s" looks precise but invites rounding questions; PT1.5S is there.
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,15})\\s*(ms|s|m|h|d)");
  // Binary multiples, as the JVM's -Xmx reads them; KiB and friends say the same unambiguously.
  private static final Pattern SIZE =
      Pattern.compile("(\\d{1,19})\\s*(b|kb|mb|gb|tb|kib|mib|gib|tib)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s;()<>]+\\.[^\\s;()<>]+");
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
  // Site names, node ids and WARC prefixes end up in file names: keep them portable.
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private Values() {}

  /**
   * {@code PT1S}, {@code P7D} (ISO-8601, as {@link Duration#parse}) or a whole number with one of
   * {@code ms s m h d}; a bare {@code 0} is zero. Null when {@code text} is none of these.
   */
  static Duration parseDuration(String text) {
    String s = text.strip();
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = SHORT_DURATION.matcher(s);
    try {
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        switch (m.group(2)) {
          case "ms":
            return Duration.ofMillis(n);
          case "s":
            return Duration.ofSeconds(n);
          case "m":
            return Duration.ofMinutes(n);
          case "h":
            return Duration.ofHours(n);
          default:
            return Duration.ofDays(n);
        }
      }
      if (s.matches("(?i)[-+]?P.*")) {
        return Duration.parse(s);
      }
    } catch (DateTimeParseException | ArithmeticException e) {
      return null;
    }
    return null;
  }

  /** Bytes from {@code 1048576}, {@code 500KB}, {@code 10MB}, {@code 1GB}; null when not a size. */
  static Long parseSize(String text) {
    Matcher m = SIZE.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
    int shift;
    switch (unit.charAt(0)) {
      case 'k':
        shift = 10;
        break;
      case 'm':
        shift = 20;
        break;
      case 'g':
        shift = 30;
        break;
      case 't':
        shift = 40;
        break;
      default:
        shift = 0;
    }
    try {
      return Math.multiplyExact(Long.parseLong(m.group(1)), 1L << shift);
    } catch (ArithmeticException | NumberFormatException e) {
      return null;
    }
  }

  /**
   * Null when {@code userAgent} may be sent, else why not. It travels as an HTTP header, hence one
   * line of printable ASCII; and a polite crawler tells site owners how to reach its operator.
   */
  static String userAgentProblem(String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      return "must not be empty: name the crawler and a contact, like "
          + quote(Defaults.USER_AGENT);
    }
    for (int i = 0; i < userAgent.length(); i++) {
      char c = userAgent.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return "must be one line of printable ASCII (it is sent as an HTTP header): "
            + quote(userAgent);
      }
    }
    if (!URL.matcher(userAgent).find() && !EMAIL.matcher(userAgent).find()) {
      return "has no contact: add a URL or an e-mail address where site owners can reach you,"
          + " like " + quote(Defaults.USER_AGENT);
    }
    return null;
  }

  /** Null when {@code name} may be part of a file name, else why not. */
  static String nameProblem(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      return "must be letters, digits, '.', '_' or '-', starting with a letter or digit (it"
          + " becomes part of file names): " + quote(name);
    }
    return null;
  }

  /** Throws IllegalArgumentException naming {@code key} when {@code problem} is not null. */
  static void check(String key, String problem) {
    if (problem != null) {
      throw new IllegalArgumentException(key + ": " + problem);
    }
  }

  /** Throws IllegalArgumentException naming {@code key} unless {@code ok}. */
  static void check(String key, boolean ok, String problem) {
    if (!ok) {
      throw new IllegalArgumentException(key + ": " + problem);
    }
  }

  /** The candidate closest to a misspelt {@code word}, or null when none is close. */
  static String closest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Math.max(2, word.length() / 3) + 1;
    for (String c : candidates) {
      int d = distance(word.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
      // as many edits as the word has letters is another word, not a typo ("8" is not "GB")
      if (d < bestDistance && d < word.length()) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Levenshtein distance; the strings here are short keys and zone names. */
  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** {@code "text"}, shortened when long, so that messages stay one readable line. */
  static String quote(String text) {
    if (text == null) {
      return "null";
    }
    String s = text.length() > 100 ? text.substring(0, 97) + "..." : text;
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' || c == '"') {
        sb.append('\\').append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c < 0x20 || c == 0x7f) {
        // a NUL or an escape sequence would garble the terminal the message is printed on
        sb.append(String.format("\\u%04X", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
