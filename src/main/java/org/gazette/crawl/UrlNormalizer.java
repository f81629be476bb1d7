package org.gazette.crawl;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The one URL normalizer of a crawl (links, feeds, sitemaps, seeds, redirect targets), so that
 * one page has one URL and no session id or tracking tag turns one page into endless ones:
 * crawler-commons' BasicURLNormalizer (lower-case scheme and host, no default port, no fragment,
 * dot segments resolved, percent-encoding made canonical, query parameters sorted) with session
 * and tracking parameters removed, in the query and as {@code ;jsessionid=} path parameters, made
 * safe to call on any URL a page can hold.
 *
 * <p>crawler-commons 1.4 finds the query of a URL at its index before the path was normalized
 * (crawler-commons issue 559; 1.6 still throws). When normalizing changes the path's length, the
 * query is cut at the wrong place: a path with non-ASCII characters ({@code /新闻/列表?page=2},
 * common on the news sites gazette crawls) became an invalid URL ({@code /%E6%9?%B0...}), an
 * unreserved character written percent-encoded ({@code /p%2d1/?q=f}) a wrong one ({@code
 * /p-1/?q?f}), and two of them threw {@link StringIndexOutOfBoundsException} out of the page
 * parser, losing the whole page (found by JsoupHtmlParserFuzzTest). So the path is normalized
 * first, alone, and the query after it, once the path no longer changes.
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

  // A site's links repeat from page to page (menus, listings, related blocks): the normal forms of
  // the last few thousand are kept, so each is worked out about once a run instead of once a
  // page. Cleared when full, which costs only hits; long URLs are not kept, so a hostile page
  // cannot fill memory with them.
  private static final int CACHED = 4096;
  private static final int LONGEST_CACHED = 512; // URL and normal form: at most about 7 MB in all
  private static final java.util.concurrent.ConcurrentHashMap<String, java.util.Optional<String>>
      KNOWN = new java.util.concurrent.ConcurrentHashMap<>();

  private UrlNormalizer() {}

  /**
   * The normal form of {@code url}, or null when it is not a URL gazette can fetch: not http(s)
   * or file as crawler-commons judges it, or not a valid {@link URI} afterwards (the fetcher
   * would refuse it).
   */
  static String normalize(String url) {
    if (url == null) {
      return null;
    }
    if (url.length() > LONGEST_CACHED) {
      return normalizeUncached(url);
    }
    java.util.Optional<String> known = KNOWN.get(url);
    if (known == null) {
      known = java.util.Optional.ofNullable(normalizeUncached(url));
      if (known.map(String::length).orElse(0) > LONGEST_CACHED) {
        return known.get(); // percent-encoding can make a URL nine times longer
      }
      if (KNOWN.size() >= CACHED) {
        KNOWN.clear();
      }
      KNOWN.put(url, known);
    }
    return known.orElse(null);
  }

  private static String normalizeUncached(String url) {
    String normalized;
    try {
      String trimmed = url.trim(); // as crawler-commons trims it
      int hash = trimmed.indexOf('#');
      // the fragment is dropped anyway; spaces left before it or before the query are encoded,
      // or normalizing the path alone would trim them off
      String withoutFragment =
          encodeControlsAndSpaces(hash < 0 ? trimmed : trimmed.substring(0, hash));
      if (withoutFragment.indexOf(';') >= 0) {
        withoutFragment = PATH_SESSION.matcher(withoutFragment).replaceAll("");
      }
      int query = withoutFragment.indexOf('?');
      if (query < 0) {
        normalized = NORMALIZER.filter(withoutFragment);
      } else {
        String head = NORMALIZER.filter(withoutFragment.substring(0, query));
        normalized = head == null ? null
            : NORMALIZER.filter(head + withoutFragment.substring(query));
      }
    } catch (RuntimeException normalizerFailure) {
      return null; // a link the normalizer cannot handle is dropped, like one it rejects
    }
    if (normalized == null) {
      return null;
    }
    try {
      new URI(normalized);
      return normalized;
    } catch (URISyntaxException notAUri) {
      return null;
    }
  }

  /** Spaces and control characters percent-encoded, as the normalizer encodes them. */
  private static String encodeControlsAndSpaces(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= ' ') {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      } else {
        out.append(c);
      }
    }
    return out.toString();
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
