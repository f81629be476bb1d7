package org.gazette.extract;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times news pages print relative to when they were served: {@code 3小時前}, {@code 5分钟前},
 * {@code 剛剛}, {@code 昨天 14:30}, {@code 2 hours ago}, {@code yesterday}. They are read against
 * the fetch time, in the page's zone, to the minute (the page never says more).
 */
final class RelativeTimes {

  private static final Pattern CJK_AGO = Pattern.compile(
      "(\\d{1,4})\\s*(秒鐘|秒钟|秒|分鐘|分钟|分|小時|小时|個小時|个小时|天|日|周|週|星期|個月|个月|月|年)\\s*(?:之)?前");

  private static final Pattern EN_AGO = Pattern.compile(
      "\\b(\\d{1,4}|an?|one)\\s+(sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?"
          + "|years?)\\s+ago\\b", Pattern.CASE_INSENSITIVE);

  /** A day word, perhaps with a time: 昨天 14:30, yesterday at 2:30. */
  private static final Pattern DAY_WORD = Pattern.compile(
      "(今天|今日|昨天|昨日|前天|\\btoday\\b|\\byesterday\\b)(?:\\s*(?:at\\s*)?(\\d{1,2})[:：](\\d{2}))?",
      Pattern.CASE_INSENSITIVE);

  private static final Pattern JUST_NOW = Pattern.compile("剛剛|刚刚|\\bjust now\\b",
      Pattern.CASE_INSENSITIVE);

  private RelativeTimes() {}

  /**
   * True for a character every relative time has one of, as {@link #mayHold} looks for them: 前,
   * 天, 日, 剛, 刚, or the g of ago, the y of day, the j of just now, in either case.
   */
  static boolean isMark(char c) {
    return c == '前' || c == '天' || c == '日' || c == '剛' || c == '刚' || c == 'g' || c == 'G'
        || c == 'y' || c == 'Y' || c == 'j' || c == 'J';
  }

  /** Cheap test before the patterns: false when the text cannot hold a relative time. */
  static boolean mayHold(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '前' || c == '天' || c == '日' || c == '剛' || c == '刚') {
        return true;
      }
    }
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.contains("ago") || lower.contains("day") || lower.contains("just now");
  }

  /** The first relative time in {@code text}, read against {@code reference}. */
  static Optional<OffsetDateTime> find(String text, Instant reference, ZoneId zone) {
    return match(text, reference, zone).map(DateParser.Match::time);
  }

  /** The first relative time in {@code text}, with where it is printed. */
  static Optional<DateParser.Match> match(String text, Instant reference, ZoneId zone) {
    if (text == null || reference == null || text.isEmpty()) {
      return Optional.empty();
    }
    ZonedDateTime now = reference.atZone(zone).truncatedTo(ChronoUnit.MINUTES);
    // each pattern is tried only when the text has the word it cannot match without: they are
    // tried on whole listing items, most of which have none
    Matcher m = CJK_AGO.matcher(text);
    if (text.indexOf('前') >= 0 && m.find()) {
      return at(m, back(now, Long.parseLong(m.group(1)), unit(m.group(2))));
    }
    m = EN_AGO.matcher(text);
    if (TextNormalizer.containsIgnoringAsciiCase(text, "ago") && m.find()) {
      String n = m.group(1).toLowerCase(Locale.ROOT);
      long amount = n.equals("a") || n.equals("an") || n.equals("one") ? 1 : Long.parseLong(n);
      return at(m, back(now, amount, unit(m.group(2).toLowerCase(Locale.ROOT))));
    }
    m = DAY_WORD.matcher(text);
    if (mayHoldDayWord(text) && m.find()) {
      String word = m.group(1).toLowerCase(Locale.ROOT);
      int daysBack = switch (word) {
        case "昨天", "昨日", "yesterday" -> 1;
        case "前天" -> 2;
        default -> 0;
      };
      ZonedDateTime day = now.minusDays(daysBack);
      if (m.group(2) != null) {
        int hour = Integer.parseInt(m.group(2));
        int minute = Integer.parseInt(m.group(3));
        if (hour > 23 || minute > 59) {
          return Optional.empty();
        }
        return at(m, day.with(LocalTime.of(hour, minute)).toOffsetDateTime());
      }
      return at(m, day.truncatedTo(ChronoUnit.DAYS).toOffsetDateTime());
    }
    m = JUST_NOW.matcher(text);
    if ((text.contains("剛剛") || text.contains("刚刚")
        || TextNormalizer.containsIgnoringAsciiCase(text, "just now")) && m.find()) {
      return at(m, now.toOffsetDateTime());
    }
    return Optional.empty();
  }

  /** False if the text cannot hold a {@link #DAY_WORD}. */
  private static boolean mayHoldDayWord(String text) {
    return text.indexOf('今') >= 0 || text.indexOf('昨') >= 0 || text.contains("前天")
        || TextNormalizer.containsIgnoringAsciiCase(text, "today")
        || TextNormalizer.containsIgnoringAsciiCase(text, "yesterday");
  }

  private static Optional<DateParser.Match> at(Matcher m, OffsetDateTime time) {
    return Optional.of(new DateParser.Match(time, m.start(), m.end(), true));
  }

  private static OffsetDateTime back(ZonedDateTime now, long amount, ChronoUnit unit) {
    ZonedDateTime t = switch (unit) {
      case SECONDS, MINUTES, HOURS -> now.minus(Duration.of(amount, unit));
      case DAYS -> now.minus(Period.ofDays((int) amount));
      case WEEKS -> now.minus(Period.ofWeeks((int) amount));
      case MONTHS -> now.minus(Period.ofMonths((int) amount));
      default -> now.minus(Period.ofYears((int) amount));
    };
    return t.toOffsetDateTime();
  }

  private static ChronoUnit unit(String word) {
    if (word.startsWith("秒") || word.startsWith("sec")) {
      return ChronoUnit.SECONDS;
    }
    if (word.startsWith("分") || word.startsWith("min")) {
      return ChronoUnit.MINUTES;
    }
    if (word.contains("小時") || word.contains("小时") || word.startsWith("h")) {
      return ChronoUnit.HOURS;
    }
    if (word.equals("天") || word.equals("日") || word.startsWith("day")) {
      return ChronoUnit.DAYS;
    }
    if (word.equals("周") || word.equals("週") || word.equals("星期") || word.startsWith("week")) {
      return ChronoUnit.WEEKS;
    }
    if (word.contains("月") || word.startsWith("month")) {
      return ChronoUnit.MONTHS;
    }
    return ChronoUnit.YEARS;
  }
}
