package org.gazette.discover;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns the links written in sitemaps, feeds and pages into absolute {@link URI}s.
 *
 * <p>Publishers write what browsers accept, not what RFC 3986 allows: spaces, Chinese characters
 * in paths, a stray {@code |} in a query. Those are percent-encoded (as UTF-8, as browsers do)
 * before {@link URI} sees them; a {@code %} already followed by two hex digits is left alone so
 * nothing is encoded twice. Only http and https URLs with a host come out.
 */
final class Links {
  private static final String HEX = "0123456789ABCDEF";

  private Links() {}

  /** {@code href} made absolute against {@code base}; null if it is not a usable web URL. */
  static URI resolve(URI base, String href) {
    if (href == null) {
      return null;
    }
    String cleaned = encode(href);
    if (cleaned.isEmpty()) {
      return null;
    }
    try {
      URI ref = new URI(cleaned);
      URI abs = ref.isAbsolute() || base == null ? ref : against(base, ref, cleaned);
      return isWeb(abs) ? aboveRootDropped(abs) : null;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  /** An absolute link as written; null if it is not a usable web URL. */
  static URI parse(String absolute) {
    return resolve(null, absolute);
  }

  private static URI against(URI base, URI ref, String cleaned) throws URISyntaxException {
    if (base.getRawAuthority() != null && base.getRawPath().isEmpty()) {
      // URI.resolve glues "a.html" to "http://host" as "http://hosta.html"
      base = new URI(base.getScheme(), base.getRawAuthority(), "/", null, null);
    }
    if (cleaned.startsWith("?")) {
      // RFC 3986 keeps the base path for a query-only reference; URI.resolve (RFC 2396) drops
      // its last segment
      String path = base.getRawPath();
      return new URI(base.getScheme() + "://" + base.getRawAuthority() + path + cleaned);
    }
    return base.resolve(ref);
  }

  /** "../" past the root goes nowhere in a browser; URI.resolve keeps it as "/../". */
  private static URI aboveRootDropped(URI uri) {
    String path = uri.getRawPath();
    if (path == null || !path.startsWith("/../")) {
      return uri;
    }
    while (path.startsWith("/../")) {
      path = path.substring(3);
    }
    String s = uri.toString();
    int at = s.indexOf(uri.getRawPath(), s.indexOf("//") + 2);
    return URI.create(s.substring(0, at) + path + s.substring(at + uri.getRawPath().length()));
  }

  private static boolean isWeb(URI uri) {
    String scheme = uri.getScheme();
    if (scheme == null || uri.getHost() == null) {
      return false;
    }
    String s = scheme.toLowerCase(Locale.ROOT);
    return s.equals("http") || s.equals("https");
  }

  /**
   * Drops surrounding whitespace and the tabs and line breaks a wrapped link picks up (as the
   * WHATWG URL parser does), then percent-encodes what {@link URI} would reject.
   */
  static String encode(String href) {
    String s = asciiHost(href.strip().replaceAll("[\\t\\n\\r]", ""));
    StringBuilder out = new StringBuilder(s.length() + 16);
    boolean seenFragment = false;
    int authorityEnd = authorityEnd(s);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int len = Character.charCount(cp);
      if (cp == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
        out.append('%');
      } else if (cp == '#' && !seenFragment) {
        seenFragment = true;
        out.append('#');
      } else if ((cp == '[' || cp == ']') && i < authorityEnd) {
        out.append((char) cp); // an IPv6 literal host
      } else if (mustEncode(cp)) {
        appendEncoded(out, s.substring(i, i + len));
      } else {
        out.appendCodePoint(cp);
      }
      i += len;
    }
    return out.toString();
  }

  /** An internationalized host name in its ASCII (punycode) form, which {@link URI} accepts. */
  private static String asciiHost(String s) {
    int end = authorityEnd(s);
    int start = s.indexOf("//") + 2;
    if (end == 0 || s.substring(start, end).chars().allMatch(c -> c < 0x80)) {
      return s;
    }
    String authority = s.substring(start, end);
    int at = authority.lastIndexOf('@');
    int colon = authority.indexOf(':', at + 1);
    int hostEnd = colon < 0 ? authority.length() : colon;
    try {
      String host = IDN.toASCII(authority.substring(at + 1, hostEnd), IDN.ALLOW_UNASSIGNED);
      return s.substring(0, start) + authority.substring(0, at + 1) + host
          + authority.substring(hostEnd) + s.substring(end);
    } catch (IllegalArgumentException notAHostName) {
      return s;
    }
  }

  /** Where the authority of an absolute or network-path reference ends; 0 if there is none. */
  private static int authorityEnd(String s) {
    int start = s.indexOf("//");
    if (start < 0 || (start > 0 && s.charAt(start - 1) != ':')) {
      return 0;
    }
    int i = start + 2;
    while (i < s.length() && "/?#".indexOf(s.charAt(i)) < 0) {
      i++;
    }
    return i;
  }

  private static boolean mustEncode(int cp) {
    return cp <= 0x20 || cp >= 0x7F || "\"<>\\^`{|}%#[]".indexOf(cp) >= 0;
  }

  private static void appendEncoded(StringBuilder out, String chars) {
    for (byte b : chars.getBytes(StandardCharsets.UTF_8)) {
      out.append('%').append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
    }
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
