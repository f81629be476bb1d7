package org.gazette.charset;

import java.nio.charset.Charset;
import java.util.Optional;
import org.gazette.charset.CharsetChoice.Source;

/**
 * The one place that decides which encoding an HTML body is read in, for the crawl and for
 * {@code gazette extract} alike.
 *
 * <ol>
 *   <li>A byte order mark (UTF-8, UTF-16, UTF-32, as jsoup reads them) decides.
 *   <li>Else the declared encoding: the Content-Type header's charset, else the page's meta tag
 *       ({@link MetaCharset}), read as browsers read labels ({@link Encoding#forLabel}).
 *   <li>The declaration stands unless the bytes show it wrong. Well-formed UTF-8 with non-ASCII
 *       characters is UTF-8 whatever the label says: legacy text almost never forms it, while a
 *       UTF-8 page behind a server's default {@code ISO-8859-1} header or a template's stale meta
 *       is common. A multi-byte declaration (UTF-8, GB18030, Big5, ...) is wrong when the bytes
 *       are not valid in it (UTF-8 may have a few stray bytes); then the detector's guess is
 *       taken if it fits the bytes better. A single-byte declaration fits any bytes, so it is
 *       only questioned when the bytes look double-byte, and only a multi-byte guess that fits
 *       them without error replaces it.
 *   <li>Nothing declared: UTF-8 when the bytes are (mostly) UTF-8, pure ASCII included, else the
 *       detector's guess ({@link Detection}), else windows-1252.
 * </ol>
 *
 * <p>Cheap for the common page: one pass over the first {@value #CHECK_BYTES} bytes counts what
 * {@link ByteStats} needs; a second decoding pass checks a declared legacy encoding; the detector
 * runs only when a declaration is missing or does not fit, on the first {@value
 * Detection#DETECT_BYTES} bytes. Stateless and thread-safe.
 */
public final class PageCharset {

  /** How much of the body the bytes are checked on: deep enough to reach a page's text. */
  static final int CHECK_BYTES = 256 * 1024;

  private PageCharset() {}

  /**
   * The encoding to read {@code body} in.
   *
   * @param contentType the response's Content-Type, or null (a file)
   */
  public static CharsetChoice decide(byte[] body, String contentType) {
    Optional<Encoding> bom = bom(body);
    if (bom.isPresent()) {
      return new CharsetChoice(bom.get(), Source.BOM);
    }
    int length = Math.min(body.length, CHECK_BYTES);
    ByteStats stats = ByteStats.of(body, length);
    Optional<Encoding> header = Encoding.fromContentType(contentType);
    Optional<Encoding> declared = header.isPresent() ? header : MetaCharset.find(body);
    if (declared.isEmpty()) {
      if (stats.mostlyUtf8()) {
        return new CharsetChoice(Encoding.UTF_8,
            stats.utf8Sequences() > 0 ? Source.DETECTED : Source.DEFAULT);
      }
      Encoding guess = better(body, length, stats, Encoding.UTF_8, stats.utf8Errors())
          .orElse(Encoding.WINDOWS_1252);
      return new CharsetChoice(guess, Source.DETECTED);
    }
    Encoding label = declared.get();
    CharsetChoice asDeclared =
        new CharsetChoice(label, header.isPresent() ? Source.HEADER : Source.META);
    boolean utf8Fits = stats.utf8Sequences() > 0 && stats.mostlyUtf8();
    if (label.equals(Encoding.UTF_8)) {
      return stats.mostlyUtf8() ? asDeclared
          : detected(better(body, length, stats, label, stats.utf8Errors()), asDeclared);
    }
    if (label.singleByte()) {
      if (utf8Fits) {
        return new CharsetChoice(Encoding.UTF_8, Source.DETECTED);
      }
      if (stats.looksDoubleByte()) {
        return detected(Detection.detect(body, length, stats)
            .filter(g -> !g.singleByte() && ByteStats.errors(g, body, length) == 0), asDeclared);
      }
      return asDeclared;
    }
    if (stats.validUtf8WithNonAscii()) {
      return new CharsetChoice(Encoding.UTF_8, Source.DETECTED);
    }
    int errors = ByteStats.errors(label, body, length);
    if (errors == 0) {
      return asDeclared;
    }
    if (utf8Fits) {
      return new CharsetChoice(Encoding.UTF_8, Source.DETECTED);
    }
    return detected(better(body, length, stats, label, errors), asDeclared);
  }

  /** The detector's guess when it differs from {@code baseline} and has fewer errors. */
  private static Optional<Encoding> better(byte[] body, int length, ByteStats stats,
      Encoding baseline, int baselineErrors) {
    return Detection.detect(body, length, stats)
        .filter(g -> !g.equals(baseline))
        .filter(g -> ByteStats.errors(g, body, length) < baselineErrors);
  }

  private static CharsetChoice detected(Optional<Encoding> guess, CharsetChoice otherwise) {
    return guess.filter(g -> !g.equals(otherwise.encoding()))
        .map(g -> new CharsetChoice(g, Source.DETECTED)).orElse(otherwise);
  }

  /**
   * The encoding a byte order mark names, checked as jsoup checks it (UTF-32 first, whose
   * little-endian mark begins like UTF-16's), since jsoup lets a mark override the charset given.
   */
  static Optional<Encoding> bom(byte[] b) {
    if (startsWith(b, 0x00, 0x00, 0xfe, 0xff)) {
      return Optional.of(unicode("UTF-32BE", "UTF-32"));
    }
    if (startsWith(b, 0xff, 0xfe, 0x00, 0x00)) {
      return Optional.of(unicode("UTF-32LE", "UTF-32"));
    }
    if (startsWith(b, 0xfe, 0xff)) {
      return Optional.of(unicode("UTF-16BE", "UTF-16"));
    }
    if (startsWith(b, 0xff, 0xfe)) {
      return Optional.of(unicode("UTF-16LE", "UTF-16"));
    }
    if (startsWith(b, 0xef, 0xbb, 0xbf)) {
      return Optional.of(Encoding.UTF_8);
    }
    return Optional.empty();
  }

  /** Named by byte order, decoded by the charset that reads the mark (as jsoup does). */
  private static Encoding unicode(String name, String decoder) {
    Charset cs = Charset.forName(decoder);
    return new Encoding(name, cs, cs);
  }

  /** Whether the body starts so, bytes past its end read as 0, as jsoup reads them. */
  private static boolean startsWith(byte[] b, int... prefix) {
    for (int i = 0; i < prefix.length; i++) {
      if ((i < b.length ? b[i] & 0xff : 0) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
