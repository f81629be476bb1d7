package org.gazette.archive;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The SURT key of a URL as pywb, cdxj-indexer and the Wayback Machine compute it (the Python {@code
 * surt} package with its defaults): {@code http://www.Example.com:80/A/?b=2&a=1#top} becomes {@code
 * com,example)/a?a=1&b=2}. A CDXJ index is sorted on it and pywb looks URLs up by it, so it has to
 * be computed exactly as they do.
 *
 * <p>Written here rather than taken from a library: the Java implementation
 * (org.netpreserve.commons:webarchive-commons) brings Hadoop-era dependencies into the jar for
 * these few rules. The rules kept are those of IA's canonicalizer: scheme, user info, fragment and
 * default port dropped; host lowercased, trailing dots and a leading {@code www}, {@code www2}...
 * label dropped, labels reversed and joined by commas; percent-escapes decoded and only what must
 * be re-escaped; {@code .} and {@code ..} segments and empty segments removed; session ids ({@code
 * jsessionid=} and the like) cut out; path and query lowercased, a trailing slash dropped, query
 * parameters sorted and an empty query dropped. Not kept: IDNA conversion of non-ASCII hosts (a
 * WARC-Target-URI is ASCII already) and numeric IP forms such as {@code http://3279880203/}.
 */
public final class Surt {

  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  // IA's session ids, cut out so that one page crawled in two sessions has one key
  private static final List<Pattern> QUERY_SESSION_IDS =
      Stream.of(
              "jsessionid=[0-9a-z]{32}",
              "phpsessid=[0-9a-z]{32}",
              "sid=[0-9a-z]{32}",
              "aspsessionid[a-z]{8}=[a-z]{24}",
              "cfid=[^&]+&cftoken=[^&]+")
          .map(id -> Pattern.compile("^(.*)(?:" + id + ")(?:&(.*))?$", Pattern.CASE_INSENSITIVE))
          .toList();

  // ASP.NET cookieless sessions: /(S(24 chars))/page.aspx and /(24 chars)/page.aspx
  private static final List<Pattern> PATH_SESSION_IDS =
      Stream.of(
              "^(.*/)(\\((?:[a-z]\\([0-9a-z]{24}\\))+\\)/)([^?]+\\.aspx.*)$",
              "^(.*/)(\\([0-9a-z]{24}\\)/)([^?]+\\.aspx.*)$")
          .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE))
          .toList();

  private static final Pattern EDGE_DOTS = Pattern.compile("^\\.+|\\.+$");
  private static final Pattern WWW = Pattern.compile("^www\\d*\\.");

  private Surt() {}

  /**
   * The SURT key of {@code url}; a URL that is not hierarchical with a host ({@code mailto:},
   * {@code dns:}) or does not parse is returned as it is, as the Python package does.
   */
  public static String of(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      return url;
    }
    String authority = uri.getRawAuthority();
    if (uri.isOpaque() || authority == null) {
      return url;
    }
    // from the raw authority, not URI.getHost(), which is null for names such as my_host.example
    String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
    int colon = hostPort.lastIndexOf(':');
    String port = "";
    if (colon > hostPort.lastIndexOf(']')) {
      port = hostPort.substring(colon + 1);
      hostPort = hostPort.substring(0, colon);
    }
    // a port past 65535 is no port: such a URL does not parse, and is its own key
    if (!allDigits(port) || port.length() > 5 || hostPort.isEmpty()
        || (!port.isEmpty() && Integer.parseInt(port) > 65_535)) {
      return url;
    }
    StringBuilder key = new StringBuilder(host(hostPort));
    if (!port.isEmpty() && Integer.parseInt(port) != defaultPort(uri.getScheme())) {
      key.append(':').append(Integer.parseInt(port));
    }
    key.append(')').append(path(uri.getRawPath())).append(query(uri.getRawQuery()));
    return key.toString();
  }

  private static String host(String host) {
    String h = EDGE_DOTS.matcher(unescape(host).toLowerCase(Locale.ROOT)).replaceAll("");
    h = WWW.matcher(h).replaceFirst("");
    List<String> labels = new ArrayList<>(Arrays.asList(h.split("\\.", -1)));
    Collections.reverse(labels);
    return String.join(",", labels);
  }

  private static String path(String rawPath) {
    List<String> kept = new ArrayList<>();
    String[] segments = unescape(rawPath == null ? "" : rawPath).split("/", -1);
    for (String segment : segments) {
      if (segment.equals("..")) {
        if (!kept.isEmpty()) {
          kept.remove(kept.size() - 1);
        }
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        kept.add(segment);
      }
    }
    // "/a/b/" and "/a/b" are one key: a trailing slash is dropped, except the root's
    String path = "/" + escapeOnce(String.join("/", kept)).toLowerCase(Locale.ROOT);
    if (path.indexOf('(') < 0) {
      return path; // both session forms are in parentheses: most paths are told apart here
    }
    for (Pattern sessionId : PATH_SESSION_IDS) {
      Matcher m = sessionId.matcher(path);
      if (m.matches()) {
        path = m.group(1) + m.group(3);
      }
    }
    return path;
  }

  private static String query(String rawQuery) {
    if (rawQuery == null) {
      return "";
    }
    String query = escapeOnce(unescape(rawQuery));
    for (Pattern sessionId : QUERY_SESSION_IDS) {
      Matcher m = sessionId.matcher(query);
      if (m.matches()) {
        query = m.group(1) + (m.group(2) == null ? "" : m.group(2));
      }
    }
    return query.isEmpty() ? "" : "?" + sortQuery(query.toLowerCase(Locale.ROOT));
  }

  /** Parameters sorted as Python sorts (name, value) tuples: by name, then value. */
  private static String sortQuery(String query) {
    List<String[]> params = new ArrayList<>();
    for (String param : query.split("&", -1)) {
      params.add(param.split("=", 2));
    }
    params.sort(
        Comparator.<String[], String>comparing(p -> p[0])
            .thenComparing(p -> p.length > 1 ? "=" + p[1] : ""));
    List<String> joined = params.stream().map(p -> String.join("=", p)).toList();
    return String.join("&", joined);
  }

  /** Decodes percent-escapes until none is left; bytes are kept one char each (Latin-1). */
  private static String unescape(String s) {
    if (s.indexOf('%') < 0 && isLatin1(s)) {
      return s; // nothing to decode: the usual case, without the byte round trip
    }
    String current = s;
    while (true) {
      String next = unescapeOnce(current);
      if (next.equals(current)) {
        return current;
      }
      current = next;
    }
  }

  private static String unescapeOnce(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    byte[] in = s.getBytes(StandardCharsets.ISO_8859_1);
    for (int i = 0; i < in.length; i++) {
      int hi = i + 2 < in.length ? Character.digit(in[i + 1], 16) : -1;
      int lo = i + 2 < in.length ? Character.digit(in[i + 2], 16) : -1;
      if (in[i] == '%' && hi >= 0 && lo >= 0) {
        out.write(hi * 16 + lo);
        i += 2;
      } else {
        out.write(in[i]);
      }
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  /** Escapes controls, space, {@code #}, {@code %} and every byte above ASCII, as IA does. */
  private static String escapeOnce(String s) {
    if (!needsEscape(s)) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (byte b : s.getBytes(StandardCharsets.ISO_8859_1)) {
      int c = b & 0xff;
      if (c <= 0x20 || c >= 0x7f || c == '#' || c == '%') {
        out.write('%');
        out.write(HEX[c >> 4]);
        out.write(HEX[c & 0xf]);
      } else {
        out.write(c);
      }
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  /** Whether {@link #escapeOnce} would change {@code s}. */
  private static boolean needsEscape(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == '#' || c == '%') {
        return true;
      }
    }
    return false;
  }

  /** Whether the Latin-1 round trip of {@link #unescapeOnce} keeps {@code s} as it is. */
  private static boolean isLatin1(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0xff) {
        return false;
      }
    }
    return true;
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static int defaultPort(String scheme) {
    return switch (scheme.toLowerCase(Locale.ROOT)) {
      case "http" -> 80;
      case "https" -> 443;
      default -> -1;
    };
  }
}
