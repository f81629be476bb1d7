package org.gazette.discover;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Readies sitemap bytes for crawler-commons: unzips gzip (found by its magic bytes, whatever the
 * URL ends in, since an HTTP client may or may not have undone the compression already), tells
 * feeds apart, and recodes XML declared in another charset to UTF-8, which is all crawler-commons
 * decodes.
 */
final class SitemapBytes {

  /**
   * The sitemaps protocol caps a sitemap at 50 MB uncompressed; unzipping stops there, so a
   * small gzip bomb cannot fill the heap.
   */
  static final int MAX_BYTES = 50 * 1024 * 1024;

  private static final Pattern ENCODING = Pattern.compile(
      "^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

  /** What may come before the root element: white space, declaration, comments, doctype. */
  private static final Pattern ROOT = Pattern.compile(
      "\\A(?:\\s|<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*"
          + "<(?:[A-Za-z_][\\w.-]*:)?([A-Za-z_][\\w.-]*)",
      Pattern.DOTALL);

  private static final String UTF8_BOM_AS_LATIN1 = "\u00EF\u00BB\u00BF";

  private SitemapBytes() {}

  /** Whether the root element is an RSS, RDF (RSS 1.0) or Atom one; looks at the first 4 KB. */
  static boolean isFeed(byte[] xml) {
    String head = new String(xml, 0, Math.min(xml.length, 4096), StandardCharsets.ISO_8859_1);
    if (head.startsWith(UTF8_BOM_AS_LATIN1)) {
      head = head.substring(3);
    }
    Matcher m = ROOT.matcher(head);
    if (!m.find()) {
      return false;
    }
    String root = m.group(1).toLowerCase(Locale.ROOT);
    return root.equals("rss") || root.equals("rdf") || root.equals("feed");
  }

  static boolean isGzip(byte[] content) {
    return content.length >= 2 && (content[0] & 0xFF) == 0x1F && (content[1] & 0xFF) == 0x8B;
  }

  /**
   * {@code content} unzipped if it is gzip, twice if need be: a .xml.gz file served with
   * Content-Encoding: gzip arrives gzipped once more.
   */
  static byte[] unzip(byte[] content, Problems problems) {
    byte[] bytes = content;
    for (int i = 0; i < 2 && isGzip(bytes); i++) {
      bytes = gunzip(bytes, MAX_BYTES, problems);
    }
    return bytes;
  }

  static byte[] gunzip(byte[] gz, int maxBytes, Problems problems) {
    ByteArrayOutputStream out =
        new ByteArrayOutputStream((int) Math.min(maxBytes, gz.length * 8L));
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 8192)) {
      byte[] buf = new byte[16 * 1024];
      int n;
      while ((n = in.read(buf, 0, Math.min(buf.length, maxBytes - out.size()))) > 0) {
        out.write(buf, 0, n);
      }
      if (out.size() >= maxBytes && in.read() >= 0) {
        problems.add("larger than " + maxBytes + " bytes uncompressed: read the first "
            + maxBytes + " only");
      }
    } catch (EOFException cut) {
      problems.add("gzip data cut short: read what was there");
    } catch (IOException corrupt) {
      problems.add("gzip data corrupt (" + corrupt.getMessage() + "): read what was there");
    }
    return out.toByteArray();
  }

  /**
   * crawler-commons decodes uncompressed XML as UTF-8 whatever its declaration says; a GBK news
   * sitemap would lose every headline. Recoding here keeps them.
   */
  static byte[] toUtf8(byte[] xml, Problems problems) {
    String head = new String(xml, 0, Math.min(xml.length, 200), StandardCharsets.ISO_8859_1);
    Matcher m = ENCODING.matcher(head);
    if (!m.find()) {
      return xml;
    }
    try {
      Charset declared = Charset.forName(m.group(1));
      if (declared.equals(StandardCharsets.UTF_8) || declared.equals(StandardCharsets.US_ASCII)) {
        return xml;
      }
      return new String(xml, declared).getBytes(StandardCharsets.UTF_8);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      problems.add("unknown encoding \"" + m.group(1) + "\": read as UTF-8");
      return xml;
    }
  }
}
