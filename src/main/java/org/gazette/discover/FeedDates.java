package org.gazette.discover;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date-times feeds carry: RFC 822/1123 ({@code Wed, 18 Mar 2020 14:36:10 GMT}, two-digit
 * years, named or numeric zones), ISO 8601 / W3C ({@code 2020-03-18T22:36:10+08:00}, also with a
 * space for the T or {@code +0800}) and what Java's {@code Date.toString()} writes ({@code Wed Mar
 * 18 22:36:10 CST 2020}), which Java-built Chinese feeds often publish.
 *
 * <p>Zone names are ambiguous: {@code CST} is US Central in RFC 822 but China Standard Time in
 * most Chinese feeds. A name that is the site zone's own abbreviation is read in the site zone
 * (so {@code CST} on an Asia/Shanghai site is +08:00); any other name follows RFC 822, then the
 * JDK's short zone ids. A time without a zone is read in the site zone. Never throws: a value it
 * cannot read gives null.
 */
final class FeedDates {

  private static final String TIME =
      "(?<h>\\d{1,2}):(?<mi>\\d{2})(?::(?<s>\\d{2})(?<frac>[.,]\\d{1,9})?)?";
  private static final String ZONE =
      "(?<zone>[+-]\\d{2}:?\\d{2}|[A-Za-z]{1,5}(?:[+-]\\d{1,2}(?::?\\d{2})?)?)";

  /** RFC 822 and its relatives: [Wed,] 18 Mar 2020 [14:36[:10] [zone]]. */
  private static final Pattern RFC_822 = Pattern.compile(
      "(?:[A-Za-z]{2,9}\\.?,?\\s*)?(?<d>\\d{1,2})[\\s-]+(?<mon>[A-Za-z]{3,9})\\.?[\\s-]+"
          + "(?<y>\\d{2}|\\d{4})(?:\\s+" + TIME + "\\s*" + ZONE + "?)?");

  /** Date.toString(): Wed Mar 18 22:36:10 CST 2020. */
  private static final Pattern JAVA_DATE = Pattern.compile(
      "[A-Za-z]{3}\\s+(?<mon>[A-Za-z]{3})\\s+(?<d>\\d{1,2})\\s+" + TIME + "\\s+" + ZONE
          + "\\s+(?<y>\\d{4})");

  /** ISO 8601 / W3C datetime: 2020-03-18[T22:36[:10[.5]]][Z|+08:00|+0800]. */
  private static final Pattern ISO = Pattern.compile(
      "(?<y>\\d{4})-(?<mo>\\d{1,2})-(?<d>\\d{1,2})(?:(?:T|\\s+)" + TIME + ")?\\s*"
          + "(?<zone>Z|[+-]\\d{2}(?::?\\d{2})?|UTC|GMT)?");

  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

  /** Read as UTC before anything else, so a London site's "GMT" does not become BST. */
  private static final Set<String> UNIVERSAL = Set.of("UT", "UTC", "GMT", "Z");

  /** RFC 822 section 5.1; military letters other than Z are left out, their sign was botched. */
  private static final Map<String, Integer> RFC_822_ZONES = Map.of(
      "EST", -5, "EDT", -4, "CST", -6, "CDT", -5,
      "MST", -7, "MDT", -6, "PST", -8, "PDT", -7);

  private FeedDates() {}

  /** The instant {@code value} names, or null if it is blank or unreadable. */
  static Instant parse(String value, ZoneId siteZone) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      Matcher m;
      if ((m = ISO.matcher(v)).matches()) {
        LocalDate date = LocalDate.of(num(m, "y"), num(m, "mo"), num(m, "d"));
        return at(date, time(m), m.group("zone"), siteZone);
      }
      if ((m = RFC_822.matcher(v)).matches() || (m = JAVA_DATE.matcher(v)).matches()) {
        int month = month(m.group("mon"));
        if (month == 0) {
          return null;
        }
        LocalDate date = LocalDate.of(year(m.group("y")), month, num(m, "d"));
        return at(date, time(m), m.group("zone"), siteZone);
      }
    } catch (DateTimeException outOfRange) {
      // 31 February and the like: unreadable
    }
    return null;
  }

  private static LocalTime time(Matcher m) {
    if (m.group("h") == null) {
      return LocalTime.MIDNIGHT;
    }
    int seconds = m.group("s") == null ? 0 : num(m, "s");
    String frac = m.group("frac");
    int nanos =
        frac == null ? 0 : Integer.parseInt((frac.substring(1) + "00000000").substring(0, 9));
    return LocalTime.of(num(m, "h"), num(m, "mi"), seconds, nanos);
  }

  private static Instant at(LocalDate date, LocalTime time, String zone, ZoneId siteZone) {
    LocalDateTime local = LocalDateTime.of(date, time);
    ZoneId z = zone == null ? siteZone : zone(zone, siteZone);
    return z == null ? null : local.atZone(z).toInstant();
  }

  private static ZoneId zone(String name, ZoneId siteZone) {
    char first = name.charAt(0);
    if (first == '+' || first == '-') {
      String digits = name.replace(":", "");
      int minutes = digits.length() > 3 ? Integer.parseInt(digits.substring(3)) : 0;
      return ZoneOffset.ofHoursMinutes(
          Integer.parseInt(digits.substring(0, 3)), first == '-' ? -minutes : minutes);
    }
    String upper = name.toUpperCase(Locale.ROOT);
    if (UNIVERSAL.contains(upper)) {
      return ZoneOffset.UTC;
    }
    if (isAbbreviationOf(upper, siteZone)) {
      return siteZone;
    }
    Integer hours = RFC_822_ZONES.get(upper);
    if (hours != null) {
      return ZoneOffset.ofHours(hours);
    }
    try {
      // GMT+8, UTC+08:00, and the JDK's three-letter ids (JST, IST, ...)
      return ZoneId.of(upper, ZoneId.SHORT_IDS);
    } catch (DateTimeException unknown) {
      return null;
    }
  }

  /** Whether the site zone calls itself {@code name}: CST in Shanghai, Taipei or Chicago. */
  private static boolean isAbbreviationOf(String name, ZoneId siteZone) {
    if (siteZone instanceof ZoneOffset) {
      return false;
    }
    TimeZone tz = TimeZone.getTimeZone(siteZone);
    return name.equals(tz.getDisplayName(false, TimeZone.SHORT, Locale.US))
        || name.equals(tz.getDisplayName(true, TimeZone.SHORT, Locale.US))
        || name.equals(siteZone.getDisplayName(TextStyle.SHORT, Locale.US));
  }

  private static int month(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    return key.length() < 3 ? 0 : MONTHS.indexOf(key.substring(0, 3)) + 1;
  }

  private static int year(String digits) {
    int y = Integer.parseInt(digits);
    if (digits.length() == 2) {
      return y < 50 ? 2000 + y : 1900 + y;
    }
    return y;
  }

  private static int num(Matcher m, String group) {
    return Integer.parseInt(m.group(group));
  }
}
