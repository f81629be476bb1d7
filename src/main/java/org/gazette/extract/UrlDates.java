package org.gazette.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date a story's address gives, as blogs and newspapers build them: {@code
 * /2019/10/16/title}, {@code /2019-10-16-title}, {@code /20191016-title}. A path with only a year
 * and a month ({@code /2019/10/}) gives none: a day is wanted.
 */
final class UrlDates {

  /** Year, month and day as separate segments or parts of one: /2019/10/16/, _2019-10-16. */
  private static final Pattern SEPARATED = Pattern.compile(
      "(?<![\\d])((?:199|20[0-3])\\d)[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\\d|3[01])"
          + "(?=[/_.-]|$)");

  /** The eight digits of a date at the start of a path segment: /20191016-title, /20191016/. */
  private static final Pattern COMPACT = Pattern.compile(
      "/((?:199|20[0-3])\\d)(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])(?=[/_.-]|$)");

  private UrlDates() {}

  /** The date in the URL's path, or empty; the host and the query are not read. */
  static Optional<LocalDate> date(String url) {
    String path = path(url);
    if (path.isEmpty()) {
      return Optional.empty();
    }
    Optional<LocalDate> separated = first(SEPARATED.matcher(path));
    return separated.isPresent() ? separated : first(COMPACT.matcher(path));
  }

  /**
   * The path, and for an archived copy ({@code web.archive.org/web/2014.../http://site/...})
   * the archived address's path: the 14-digit capture time is not the story's date.
   */
  private static String path(String url) {
    // a web address only: a saved file's folders (/data/2019/10/16/) are the archivist's dates
    if (url == null || !url.regionMatches(true, 0, "http", 0, 4)) {
      return "";
    }
    String rest = url;
    for (char c : new char[] {'?', '#'}) {
      int i = rest.indexOf(c);
      if (i >= 0) {
        rest = rest.substring(0, i);
      }
    }
    int scheme = rest.lastIndexOf("://");
    if (scheme >= 0) {
      rest = rest.substring(scheme + 3);
    }
    int slash = rest.indexOf('/');
    return slash < 0 ? "" : rest.substring(slash);
  }

  private static Optional<LocalDate> first(Matcher m) {
    while (m.find()) {
      try {
        return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
      } catch (DateTimeException invalid) {
        // 2019/02/30: not a date, keep looking
      }
    }
    return Optional.empty();
  }
}
