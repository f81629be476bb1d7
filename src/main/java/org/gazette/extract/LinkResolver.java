package org.gazette.extract;

import java.net.MalformedURLException;
import java.net.URL;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Element;

/**
 * Resolves a page's links to absolute URLs with the same result as jsoup's {@link
 * Element#absUrl}, but parsing the base URI once per page rather than once per link: absUrl
 * strips and parses the base for every call, which cost more than the rest of the per-link work
 * on pages of hundreds of links.
 *
 * <p>Not thread-safe: one per page, as {@link PageAnalysis} keeps it.
 */
public final class LinkResolver {

  private String base;
  /** The base parsed, or null when it is no URL (then only absolute links resolve). */
  private URL baseUrl;
  /** {@link #origin} of {@link #baseUrl}, once asked for. */
  private String origin;

  /** {@code e.absUrl(attribute)}. */
  public String absUrl(Element e, String attribute) {
    if (!e.hasAttr(attribute)) {
      return "";
    }
    return resolve(e.baseUri(), e.attr(attribute));
  }

  /**
   * What {@link StringUtil#resolve(String, String)} returns, from the same steps: control
   * characters stripped from both (browsers ignore them), the link resolved against the parsed
   * base by jsoup's {@link StringUtil#resolve(URL, String)}, an {@code http:} or {@code https:}
   * URL without a host dropped, a link with a scheme Java has no handler for ({@code tel:}) kept
   * as it is, anything else that fails to parse ({@code http://[bad}) dropped.
   */
  private String resolve(String baseUri, String link) {
    String b = withoutControlChars(baseUri);
    String rel = withoutControlChars(link);
    if (!b.equals(base)) {
      base = b;
      origin = null;
      try {
        baseUrl = new URL(b);
      } catch (MalformedURLException notUrl) {
        baseUrl = null;
      }
    }
    if (baseUrl != null && hasHttpHost(baseUrl) && isPlainPath(rel)) {
      return origin(baseUrl) + rel;
    }
    try {
      return baseUrl == null
          ? requireHost(new URL(rel)).toExternalForm()
          : resolve(baseUrl, rel).toExternalForm();
    } catch (MalformedURLException e) {
      return startsWithScheme(rel) && !hasHttpScheme(rel) ? rel : "";
    }
  }

  /**
   * {@link StringUtil#resolve(URL, String)} for a link already without control characters: its
   * steps, without its regexes (it strips the control characters again with one, which was most
   * of the cost of resolving a link).
   */
  private static URL resolve(URL base, String rel) throws MalformedURLException {
    // Java resolves "?q" against "/path/file" to "/path/?q"; browsers keep the file
    String link = rel.startsWith("?") ? base.getPath() + rel : rel;
    URL url = new URL(base, link);
    String file = withoutLeadingDotSegments(url.getFile());
    if (url.getRef() != null) {
      file = file + "#" + url.getRef();
    }
    return requireHost(new URL(url.getProtocol(), url.getHost(), url.getPort(), file));
  }

  /**
   * True for a link that is a plain absolute path ({@code /news/2024/1.html}): a slash, then
   * only ASCII letters, digits, {@code /-_.~}, with no {@code //} and no dot right after a slash
   * (no {@code .} or {@code ..} segment). Resolved against an http(s) base with a host, such a
   * link is the base's scheme, host and port, then the link as it is: {@link #resolve(URL,
   * String)} parses two URLs to get there, and most links of a page are such paths.
   */
  private static boolean isPlainPath(String rel) {
    if (rel.isEmpty() || rel.charAt(0) != '/') {
      return false;
    }
    for (int i = 0; i < rel.length(); i++) {
      char c = rel.charAt(i);
      boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~' || c == '/';
      if (!plain || (c == '/' && i + 1 < rel.length()
          && (rel.charAt(i + 1) == '/' || rel.charAt(i + 1) == '.'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasHttpHost(URL base) {
    return isHttpScheme(base.getProtocol()) && !base.getHost().isEmpty();
  }

  /**
   * What {@code new URL(protocol, host, port, file).toExternalForm()} puts before the file, as
   * {@link #resolve(URL, String)} rebuilds a resolved link: scheme, host, port if any.
   */
  private String origin(URL base) {
    if (origin == null) {
      origin = base.getProtocol() + "://" + base.getHost()
          + (base.getPort() == -1 ? "" : ":" + base.getPort());
    }
    return origin;
  }

  /** An {@code http:} or {@code https:} URL with a host; no request can go to one without. */
  private static URL requireHost(URL url) throws MalformedURLException {
    if (isHttpScheme(url.getProtocol()) && url.getHost().isEmpty()) {
      throw new MalformedURLException("no host: " + url);
    }
    return url;
  }

  private static boolean isHttpScheme(String scheme) {
    return scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https");
  }

  /** Whether the text up to the first colon is {@code http} or {@code https}, in any case. */
  private static boolean hasHttpScheme(String link) {
    int colon = link.indexOf(':');
    return colon > 0 && isHttpScheme(link.substring(0, colon));
  }

  /**
   * The path with the {@code ./} and {@code ../} segments right after its leading slash dropped
   * ({@code /../a} is {@code /a}), which Java keeps when resolving against a bare host: what
   * jsoup's {@code ^/(?>(?>\.\.?/)+)} replaced by {@code /} does.
   */
  private static String withoutLeadingDotSegments(String path) {
    if (!path.startsWith("/")) {
      return path;
    }
    int end = 1;
    while (true) {
      if (path.startsWith("./", end)) {
        end += 2;
      } else if (path.startsWith("../", end)) {
        end += 3;
      } else {
        break;
      }
    }
    return end == 1 ? path : "/" + path.substring(end);
  }

  /** The text without characters U+0000 to U+001F; the same string when it has none. */
  private static String withoutControlChars(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) > 0x1F) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int k = 0; k < s.length(); k++) {
      if (s.charAt(k) > 0x1F) {
        out.append(s.charAt(k));
      }
    }
    return out.toString();
  }

  /**
   * True if the text starts with a URI scheme and a colon, as jsoup tests it: an ASCII letter,
   * then ASCII letters, digits and the characters {@code +,-.} (its class {@code [+-.]} is a
   * range, which takes in the comma).
   */
  private static boolean startsWithScheme(String s) {
    if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ':') {
        return true;
      }
      if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || (c >= '+' && c <= '.'))) {
        return false;
      }
    }
    return false;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
