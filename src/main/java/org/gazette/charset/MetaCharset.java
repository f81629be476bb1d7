package org.gazette.charset;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The encoding a page declares in its first bytes: {@code <meta charset>}, {@code <meta
 * http-equiv="Content-Type" content="...; charset=...">}, or an XML declaration's {@code
 * encoding}. A light prescan, as browsers do before parsing: tags are found in the bytes read as
 * ASCII, comments skipped, the first declaration gazette can read wins.
 */
final class MetaCharset {

  /**
   * How far to look. Browsers look at 1 KB; jsoup, which gazette used before, at 5 KB; portal
   * pages with long inline scripts before their meta need a little more.
   */
  static final int PRESCAN_BYTES = 8 * 1024;

  private static final Pattern ATTRIBUTE = Pattern.compile(
      "([^\\s=/>\"']+)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>\"']+))?");
  private static final Pattern XML_ENCODING = Pattern.compile(
      "^\\s*<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([^\"']+)[\"']", Pattern.CASE_INSENSITIVE);

  private MetaCharset() {}

  /** The first encoding the page's meta tags (or XML declaration) name that gazette can read. */
  static Optional<Encoding> find(byte[] body) {
    // ISO-8859-1 keeps one char per byte, so positions and ASCII markup read the same in any
    // ASCII-compatible encoding
    String head = new String(body, 0, Math.min(body.length, PRESCAN_BYTES),
        StandardCharsets.ISO_8859_1);
    Matcher xml = XML_ENCODING.matcher(head);
    if (xml.find()) {
      Optional<Encoding> declared = Encoding.forLabel(xml.group(1));
      if (declared.isPresent()) {
        return declared;
      }
    }
    int i = 0;
    while ((i = head.indexOf('<', i)) >= 0) {
      if (head.startsWith("<!--", i)) {
        int end = head.indexOf("-->", i + 4);
        if (end < 0) {
          return Optional.empty();
        }
        i = end + 3;
        continue;
      }
      if (!head.regionMatches(true, i + 1, "meta", 0, 4) || i + 5 >= head.length()
          || !isTagNameEnd(head.charAt(i + 5))) {
        i++;
        continue;
      }
      int end = tagEnd(head, i + 5);
      Optional<Encoding> declared = declared(head.substring(i + 5, end));
      if (declared.isPresent()) {
        return declared;
      }
      i = end;
    }
    return Optional.empty();
  }

  /** The encoding one meta tag's attributes declare. */
  private static Optional<Encoding> declared(String attributes) {
    String charset = null;
    String httpEquiv = null;
    String content = null;
    Matcher m = ATTRIBUTE.matcher(attributes);
    while (m.find()) {
      String name = m.group(1).toLowerCase(Locale.ROOT);
      String value = unquote(m.group(2));
      switch (name) {
        case "charset" -> charset = charset == null ? value : charset;
        case "http-equiv" -> httpEquiv = httpEquiv == null ? value : httpEquiv;
        case "content" -> content = content == null ? value : content;
        default -> { }
      }
    }
    if (charset != null) {
      return Encoding.forLabel(charset);
    }
    if (httpEquiv != null && httpEquiv.strip().equalsIgnoreCase("content-type")) {
      return Encoding.label(content).flatMap(Encoding::forLabel);
    }
    return Optional.empty();
  }

  /** Where a tag whose name ends before {@code from} ends: after its {@code >}, quotes skipped. */
  private static int tagEnd(String s, int from) {
    char quote = 0;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return i + 1;
      }
    }
    return s.length();
  }

  private static boolean isTagNameEnd(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' || c == '>';
  }

  private static String unquote(String v) {
    if (v == null) {
      return null;
    }
    if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'')) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }
}
