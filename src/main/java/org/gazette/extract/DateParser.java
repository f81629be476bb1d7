package org.gazette.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the date-times news pages print: ISO-8601 and RFC 1123 values of meta tags, and free
 * text such as {@code 2020-03-18 22:36:10}, {@code 2020/3/18 22:36}, {@code 2020年3月18日 22:36},
 * {@code March 18, 2020 10:36 PM} or {@code 18 Mar 2020}.
 *
 * <p>A time that carries an offset keeps it; a page-local time is read in the zone given and
 * gets that zone's offset at that instant. Never throws on bad input: it finds nothing.
 */
public final class DateParser {

  private static final String TIME =
      "(?<h>\\d{1,2})\\s*[:：時时点點]\\s*(?<mi>\\d{2})(?:\\s*[:：分]\\s*(?<s>\\d{2})"
          + "(?<frac>\\.\\d{1,9})?)?(?:\\s*秒)?(?:\\s*(?<ampm>[AaPp]\\.?[Mm]\\.?))?"
          + "(?<off>Z|[+-]\\d{2}:?\\d{2}|\\s?(?:UTC|GMT)(?:[+-]\\d{1,2}(?::?\\d{2})?)?)?";

  /** 2020-03-18, 2020/3/18, 2020.03.18, 2020年3月18日; time after a space, T, comma or 日. */
  private static final Pattern NUMERIC =
      Pattern.compile(
          "(?<!\\d)(?<y>(?:19|20)\\d{2})\\s*[-/.年]\\s*(?<mo>\\d{1,2})\\s*[-/.月]\\s*"
              + "(?<d>\\d{1,2})(?!\\d)(?:\\s*[日号號])?"
              + "(?:(?:\\s*T\\s*|\\s*[,，]\\s*|\\s+|(?<=[日号號]))"
              + TIME
              + ")?(?!\\d)");

  private static final String MONTH =
      "(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";

  private static final String EN_TIME = "(?:(?:\\s*,\\s*|\\s+)(?:at\\s+)?" + TIME + ")?(?!\\d)";

  /** March 18, 2020 10:36 PM. */
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile(
          "\\b" + MONTH + "\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y>\\d{4})" + EN_TIME,
          Pattern.CASE_INSENSITIVE);

  /** Between a date and its time in European text: {@code , 14:09}, {@code um 14:09}. */
  private static final String EU_TIME =
      "(?:(?:\\s*[,|/-]\\s*|\\s+)(?:(?:at|um|à|a las|às|alle|o)\\s+)?" + TIME + ")?(?!\\d)";

  /**
   * Month names of the languages after English that news pages are most often written in
   * (German, French, Spanish, Portuguese, Italian, Dutch, Polish), with their abbreviations;
   * English ones are in {@link #MONTH}. Each row is a month.
   */
  private static final List<List<String>> LOCAL_MONTHS = List.of(
      List.of("januar", "jänner", "janvier", "janv", "enero", "ene", "janeiro", "gennaio", "gen",
          "januari", "stycznia", "styczeń", "sty"),
      List.of("februar", "feber", "février", "févr", "fév", "febrero", "fevereiro", "fev",
          "febbraio", "februari", "lutego", "luty", "lut"),
      List.of("märz", "mär", "maerz", "mars", "marzo", "março", "marco", "maart", "marca",
          "marzec"),
      List.of("avril", "avr", "abril", "abr", "aprile", "kwietnia", "kwiecień", "kwi"),
      List.of("mai", "mayo", "maio", "maggio", "mei", "maja", "maj"),
      List.of("juni", "juin", "junio", "junho", "giugno", "czerwca", "czerwiec", "cze"),
      List.of("juli", "juillet", "juil", "julio", "julho", "luglio", "lipca", "lipiec", "lip"),
      List.of("août", "aout", "agosto", "ago", "augustus", "sierpnia", "sierpień", "sie"),
      List.of("septembre", "septiembre", "setiembre", "setembro", "settembre", "set",
          "września", "wrzesień", "wrz"),
      List.of("oktober", "okt", "octobre", "octubre", "outubro", "out", "ottobre", "ott",
          "października", "październik", "paź"),
      List.of("novembre", "noviembre", "novembro", "listopada", "listopad", "lis"),
      List.of("dezember", "dez", "décembre", "déc", "diciembre", "dic", "dezembro", "dicembre",
          "grudnia", "grudzień", "gru"));

  /** Every month name, lower case, to its number. */
  private static final Map<String, Integer> MONTH_NUMBERS = monthNumbers();

  /** Any month name of {@link #MONTH_NUMBERS}, the longest first so that none stops short. */
  private static final String ANY_MONTH = "(?<mon>" + MONTH_NUMBERS.keySet().stream()
      .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(m -> m))
      .collect(Collectors.joining("|")) + ")\\.?(?![\\p{L}])";

  /** 18 March 2020 22:36, the RFC 1123 order as well. */
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile(
          "(?<!\\d)(?<d>\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + ",?\\s+(?<y>\\d{4})" + EN_TIME,
          Pattern.CASE_INSENSITIVE);

  /**
   * {@link #DAY_MONTH_YEAR} in English and the European languages: {@code 5. November 2021,
   * 14:09}, {@code 5 de noviembre de 2021}, {@code 1er mai 2019}, {@code 5 listopada 2021}.
   */
  private static final Pattern LOCAL_DAY_MONTH_YEAR =
      Pattern.compile(
          "(?<![\\d.])(?<d>\\d{1,2})(?:st|nd|rd|th|er|º|\\.)?\\s*(?:de\\s+|of\\s+)?" + ANY_MONTH
              + "(?:\\s+de)?,?\\s+(?<y>\\d{4})" + EU_TIME,
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /**
   * 18.03.2020 and 18.3.2020, 22:36: the day first, as Central Europe writes it; a dotted date is
   * never the American month first. Two-digit years are {@link #SHORT_DOTTED_DAY_MONTH_YEAR}.
   */
  private static final Pattern DOTTED_DAY_MONTH_YEAR =
      Pattern.compile(
          "(?<![\\d.])(?<d>\\d{1,2})\\.\\s?(?<mo>\\d{1,2})\\.\\s?(?<y>(?:19|20)\\d{2})(?![\\d.]\\d)"
              + EU_TIME);

  /**
   * 18.03.20, 22:36: the two-digit year German datelines print ({@code 28.01.22}); day and month
   * with two digits each, as such datelines write them, so that section and version numbers
   * ({@code 3.1.2}) are not read.
   */
  private static final Pattern SHORT_DOTTED_DAY_MONTH_YEAR =
      Pattern.compile(
          "(?<![\\d.])(?<d>\\d{2})\\.(?<mo>\\d{2})\\.(?<y>\\d{2})(?![\\d]|\\.\\d)" + EU_TIME);

  /** Which forms of free text to read. */
  enum Forms {
    /** ISO-like, Chinese and English dates: what listings and bylines are tuned on. */
    BASIC(List.of(NUMERIC, MONTH_DAY_YEAR, DAY_MONTH_YEAR)),
    /**
     * And the day-first dates of Europe and Latin America, {@code 18.03.2020}, {@code 5. November
     * 2021}, {@code 5 de noviembre de 2021}: for an article's own dateline. Listings do not read
     * them: more dated teasers would make stories with a "more news" box into listings.
     */
    EUROPEAN(List.of(NUMERIC, MONTH_DAY_YEAR, LOCAL_DAY_MONTH_YEAR, DOTTED_DAY_MONTH_YEAR,
        SHORT_DOTTED_DAY_MONTH_YEAR));

    private final List<Pattern> patterns;

    Forms(List<Pattern> patterns) {
      this.patterns = patterns;
    }
  }

  /** Where a match of a pattern may start. */
  private interface Start {
    boolean possibleAt(String text, int i);
  }

  /**
   * For each pattern of {@link Forms}, a cheap test that holds wherever one of its matches
   * starts: a year for NUMERIC, a month's first three letters for MONTH_DAY_YEAR, a digit for the
   * day-first ones. The patterns are tried only there; tried at every position, as {@link
   * Matcher#find()} does, they cost about 100 ns per character of text.
   */
  private static Start start(Pattern p) {
    if (p == NUMERIC) {
      return (text, i) -> i + 1 < text.length()
          && ((text.charAt(i) == '1' && text.charAt(i + 1) == '9')
              || (text.charAt(i) == '2' && text.charAt(i + 1) == '0'));
    }
    return p == MONTH_DAY_YEAR ? DateParser::monthAt
        : (text, i) -> text.charAt(i) >= '0' && text.charAt(i) <= '9';
  }

  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

  /** A date-time found in text, with where it was found. */
  record Match(OffsetDateTime time, int start, int end, boolean hasTime) {}

  private DateParser() {}

  /**
   * Reads a whole value, as found in a meta tag, a {@code datetime} attribute or JSON-LD. Falls
   * back to the first date-time in the value.
   */
  public static Optional<OffsetDateTime> parse(String value, ZoneId zone) {
    return parse(value, zone, Forms.BASIC);
  }

  /** {@link #parse(String, ZoneId)}, falling back to the forms given. */
  static Optional<OffsetDateTime> parse(String value, ZoneId zone, Forms forms) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.strip();
    OffsetDateTime plain = plainOffsetDateTime(v);
    if (plain != null) {
      return Optional.of(plain);
    }
    try {
      return Optional.of(OffsetDateTime.parse(v));
    } catch (DateTimeParseException notOffset) {
      // try the next form
    }
    try {
      return Optional.of(ZonedDateTime.parse(v).toOffsetDateTime());
    } catch (DateTimeParseException notZoned) {
      // try the next form
    }
    try {
      return Optional.of(
          ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime());
    } catch (DateTimeParseException notRfc1123) {
      // try the next form
    }
    try {
      return Optional.of(LocalDateTime.parse(v).atZone(zone).toOffsetDateTime());
    } catch (DateTimeParseException notLocal) {
      List<Match> found = findAll(v, zone, Integer.MAX_VALUE, forms);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).time());
    }
  }

  /**
   * What {@code OffsetDateTime.parse} gives for the form meta tags and {@code <time>} use most,
   * {@code 2024-03-23T10:59:00Z} or {@code 2024-03-23T10:59:00+08:00}, read by hand; null for any
   * other text, and for a value out of range, which are left to it. Its formatter costs more
   * than the rest of reading a page's times.
   */
  private static OffsetDateTime plainOffsetDateTime(String v) {
    int n = v.length();
    if ((n != 20 && n != 25) || !digitsAt(v, 0, 4) || v.charAt(4) != '-' || !digitsAt(v, 5, 2)
        || v.charAt(7) != '-' || !digitsAt(v, 8, 2) || v.charAt(10) != 'T' || !digitsAt(v, 11, 2)
        || v.charAt(13) != ':' || !digitsAt(v, 14, 2) || v.charAt(16) != ':'
        || !digitsAt(v, 17, 2)) {
      return null;
    }
    char sign = v.charAt(19);
    boolean utc = n == 20 && sign == 'Z';
    boolean offset = n == 25 && (sign == '+' || sign == '-') && digitsAt(v, 20, 2)
        && v.charAt(22) == ':' && digitsAt(v, 23, 2);
    if (!utc && !offset) {
      return null;
    }
    try {
      ZoneOffset zone = utc ? ZoneOffset.UTC
          : sign == '+' ? ZoneOffset.ofHoursMinutes(number(v, 20, 2), number(v, 23, 2))
          : ZoneOffset.ofHoursMinutes(-number(v, 20, 2), -number(v, 23, 2));
      return OffsetDateTime.of(number(v, 0, 4), number(v, 5, 2), number(v, 8, 2),
          number(v, 11, 2), number(v, 14, 2), number(v, 17, 2), 0, zone);
    } catch (DateTimeException outOfRange) {
      return null;
    }
  }

  /** True if the text has {@code count} ASCII digits from {@code from}. */
  private static boolean digitsAt(String v, int from, int count) {
    for (int i = from; i < from + count; i++) {
      if (v.charAt(i) < '0' || v.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** The number the ASCII digits from {@code from} write. */
  private static int number(String v, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      value = value * 10 + (v.charAt(i) - '0');
    }
    return value;
  }

  /** The first date-time in free text. */
  public static Optional<OffsetDateTime> find(String text, ZoneId zone) {
    return findFirst(text, zone).map(Match::time);
  }

  /** The first date-time in free text, with its position. */
  static Optional<Match> findFirst(String text, ZoneId zone) {
    List<Match> all = findAll(text, zone);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /** Every date-time in free text, in text order. */
  static List<Match> findAll(String text, ZoneId zone) {
    return findAll(text, zone, Integer.MAX_VALUE);
  }

  /**
   * {@link #findAll(String, ZoneId)} for callers that only need to know whether there are more
   * than {@code atMost} date-times: it stops looking at {@code atMost}, and then the ones it
   * returns are not necessarily the first. Saves reading all of a long text full of dates.
   */
  static List<Match> findAll(String text, ZoneId zone, int atMost) {
    return findAll(text, zone, atMost, Forms.BASIC);
  }

  /** Every date-time in free text of the forms given, in text order. */
  static List<Match> findAll(String text, ZoneId zone, Forms forms) {
    return findAll(text, zone, Integer.MAX_VALUE, forms);
  }

  private static List<Match> findAll(String text, ZoneId zone, int atMost, Forms forms) {
    List<Match> found = new ArrayList<>();
    boolean may = text != null
        && (mayHoldDate(text) || (forms == Forms.EUROPEAN && mayHoldShortDate(text)));
    if (!may) {
      return found;
    }
    for (Pattern pattern : forms.patterns) {
      // what find() would do, trying only where a match may start: the regions are transparent,
      // so lookbehinds and \b see the text before them
      Matcher m = pattern.matcher(text).useTransparentBounds(true);
      Start start = start(pattern);
      for (int i = 0; i < text.length() && found.size() < atMost; i++) {
        if (start.possibleAt(text, i) && m.region(i, text.length()).lookingAt()) {
          toMatch(m, zone).ifPresent(found::add);
          i = m.end() - 1; // the next match starts after this one, as with find()
        }
      }
    }
    found.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return forms == Forms.BASIC ? found : withoutOverlaps(found);
  }

  /** The matches minus any that starts inside the one before: two forms read the same date. */
  private static List<Match> withoutOverlaps(List<Match> sorted) {
    List<Match> kept = new ArrayList<>(sorted.size());
    for (Match m : sorted) {
      if (kept.isEmpty() || m.start() >= kept.get(kept.size() - 1).end()) {
        kept.add(m);
      }
    }
    return kept;
  }

  /**
   * False if the text cannot hold a date-time: it has no four digits in a row, and every form
   * read here has a four-digit year. Most text handed in (whole listing items, every line of a
   * story) has none: this skips the three regexes, which try every position of the text.
   */
  static boolean mayHoldDate(String text) {
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      run = c >= '0' && c <= '9' ? run + 1 : 0; // the patterns' \d is ASCII only
      if (run == 4) {
        return true;
      }
    }
    return false;
  }

  /** False if the text cannot hold a {@code dd.mm.yy} date: it has no six digits. */
  private static boolean mayHoldShortDate(String text) {
    int digits = 0;
    for (int i = 0; i < text.length() && digits < 6; i++) {
      char c = text.charAt(i);
      digits += c >= '0' && c <= '9' ? 1 : 0;
    }
    return digits >= 6;
  }

  /**
   * The months' first three letters as numbers (see {@link #letterKey}), for {@link #monthAt}:
   * it is asked at every letter of the text, where a set of strings would mean a substring each.
   */
  private static final boolean[] MONTH_KEYS = new boolean[32 * 32 * 32];

  static {
    for (String month : MONTHS) {
      MONTH_KEYS[letterKey(month, 0)] = true;
    }
  }

  /**
   * True if the three characters at {@code i} are a month's first three letters in any case, as
   * the patterns compare them (their case-insensitivity is ASCII only).
   */
  private static boolean monthAt(String text, int i) {
    if (i + 3 > text.length()) {
      return false;
    }
    int key = letterKey(text, i);
    return key >= 0 && MONTH_KEYS[key];
  }

  /** Three ASCII letters at {@code i}, any case, as a number below 32768; -1 if they are not. */
  private static int letterKey(String text, int i) {
    int key = 0;
    for (int k = 0; k < 3; k++) {
      char c = text.charAt(i + k);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      } else if (c < 'a' || c > 'z') {
        return -1;
      }
      key = key * 32 + (c - 'a');
    }
    return key;
  }

  private static Optional<Match> toMatch(Matcher m, ZoneId zone) {
    try {
      LocalDate date =
          LocalDate.of(year(m.group("y")), month(m), Integer.parseInt(m.group("d")));
      boolean hasTime = m.group("h") != null;
      LocalDateTime local = date.atTime(hasTime ? time(m) : LocalTime.MIDNIGHT);
      String off = m.group("off");
      OffsetDateTime time =
          off == null
              ? local.atZone(zone).toOffsetDateTime()
              : local.atOffset(offset(off));
      return Optional.of(new Match(time, m.start(), m.end(), hasTime));
    } catch (DateTimeException | NumberFormatException invalid) {
      // 2020-13-45 and the like: not a date, keep looking
      return Optional.empty();
    }
  }

  /** The year; a two-digit one is this century's up to 69, as most readers take it. */
  private static int year(String digits) {
    int year = Integer.parseInt(digits);
    return digits.length() != 2 ? year : year <= 69 ? 2000 + year : 1900 + year;
  }

  private static int month(Matcher m) {
    boolean numeric = m.pattern() == NUMERIC || m.pattern() == DOTTED_DAY_MONTH_YEAR
        || m.pattern() == SHORT_DOTTED_DAY_MONTH_YEAR;
    if (numeric) {
      return Integer.parseInt(m.group("mo"));
    }
    String name = m.group("mon").toLowerCase(Locale.ROOT);
    Integer local = MONTH_NUMBERS.get(name);
    return local != null ? local : MONTHS.indexOf(name.substring(0, 3)) + 1;
  }

  private static Map<String, Integer> monthNumbers() {
    Map<String, Integer> numbers = new HashMap<>();
    String[] english = {"january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december"};
    for (int i = 0; i < 12; i++) {
      numbers.put(english[i], i + 1);
      numbers.put(english[i].substring(0, 3), i + 1); // MONTHS is not set yet
      for (String name : LOCAL_MONTHS.get(i)) {
        numbers.put(name, i + 1);
      }
    }
    numbers.put("sept", 9);
    return numbers;
  }

  private static LocalTime time(Matcher m) {
    int hour = Integer.parseInt(m.group("h"));
    String ampm = m.group("ampm");
    if (ampm != null) {
      if (hour < 1 || hour > 12) {
        throw new DateTimeException("hour " + hour + " with " + ampm);
      }
      hour = hour % 12 + (Character.toLowerCase(ampm.charAt(0)) == 'p' ? 12 : 0);
    }
    int second = m.group("s") == null ? 0 : Integer.parseInt(m.group("s"));
    String frac = m.group("frac");
    int nanos = frac == null ? 0 : Integer.parseInt((frac.substring(1) + "00000000").substring(0, 9));
    return LocalTime.of(hour, Integer.parseInt(m.group("mi")), second, nanos);
  }

  private static ZoneOffset offset(String raw) {
    String s = raw.strip().replace("UTC", "").replace("GMT", "");
    if (s.isEmpty() || s.equals("Z")) {
      return ZoneOffset.UTC;
    }
    if (s.matches("[+-]\\d{3,4}")) {
      // +0800 and +800: ZoneOffset.of wants +08:00 or +0800
      s = s.charAt(0) + String.format("%04d", Integer.parseInt(s.substring(1)));
    }
    return ZoneOffset.of(s);
  }
}
