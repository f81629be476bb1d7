package org.gazette.crawl;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Makes one URL of the many spellings of a page, so that none of them is fetched twice and no
 * session id or tracking tag turns one page into endless ones: crawler-commons'
 * BasicURLNormalizer (lower-case scheme and host, no default port, no fragment, dot segments
 * resolved, percent-encoding made canonical, query parameters sorted) with session and tracking
 * parameters removed, in the query and as {@code ;jsessionid=} path parameters.
 */
final class UrlNormalizer {
  /** Query parameters that name a session or a campaign, never a page. */
  private static final List<String> DROPPED = List.of(
      "jsessionid", "phpsessid", "aspsessionid", "sessionid", "session_id", "cfid", "cftoken",
      "oscsid", "zenid", "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content",
      "fbclid", "gclid");

  // servlet containers put the session in the path: /story.html;jsessionid=0A1B?x=1
  private static final Pattern PATH_SESSION = Pattern.compile(
      ";(?:jsessionid|phpsessid|sessionid|sid)=[^/?#;]*", Pattern.CASE_INSENSITIVE);

  private static final BasicURLNormalizer NORMALIZER = BasicURLNormalizer.newBuilder()
      .queryParamsToRemove(spellings()).build();

  private UrlNormalizer() {}

  /** The normal form of {@code url}, or null when it is not a URL gazette can fetch. */
  static String normalize(String url) {
    if (url == null) {
      return null;
    }
    String cleaned = url.indexOf(';') < 0 ? url : PATH_SESSION.matcher(url).replaceAll("");
    return NORMALIZER.filter(cleaned);
  }

  // BasicURLNormalizer compares names exactly; sites write these in every case
  private static Set<String> spellings() {
    Set<String> names = new TreeSet<>();
    for (String n : DROPPED) {
      names.add(n);
      names.add(n.toUpperCase(Locale.ROOT));
    }
    names.addAll(List.of("JSessionID", "PHPSessID", "ASPSESSIONID", "SessionId", "sessionId",
        "CFId", "CFToken", "osCsid", "zenId"));
    return names;
  }
}
