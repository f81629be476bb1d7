package org.gazette.charset;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A character encoding as gazette reads pages in it.
 *
 * <p>Browsers decode a few legacy labels with a superset, since real pages labelled with the
 * narrow name use the wider repertoire (a gb2312 page with GBK-only characters, a shift_jis page
 * with NEC circled digits, an euc-kr page with UHC syllables); gazette does the same, following
 * the WHATWG encoding spec, and names the encoding as that spec does.
 *
 * @param name the name the records carry: "UTF-8", "GB18030", "Big5", "Shift_JIS", "EUC-KR",
 *     "windows-1252", ..., else the JDK's canonical name
 * @param decoder the JDK charset that decodes the page
 * @param strict the JDK charset whose errors show that bytes are not in this encoding; narrower
 *     than the decoder only for Big5: plain Big5 rejects twice as many GBK characters as its
 *     HKSCS superset does (96 against 43 of GB2312's 3760 common ones), so a GBK page labelled
 *     big5 shows sooner
 */
public record Encoding(String name, Charset decoder, Charset strict) {

  public static final Encoding UTF_8 = of("UTF-8", "UTF-8");
  public static final Encoding WINDOWS_1252 = of("windows-1252", "windows-1252");
  public static final Encoding GB18030 = of("GB18030", "GB18030");
  public static final Encoding BIG5 = new Encoding("Big5", Charset.forName("Big5-HKSCS"),
      Charset.forName("Big5"));
  public static final Encoding SHIFT_JIS = of("Shift_JIS", "windows-31j");
  public static final Encoding EUC_KR = of("EUC-KR", "x-windows-949");

  private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([^\"';\\s]+)",
      Pattern.CASE_INSENSITIVE);

  /** Labels of the families browsers read with a superset (WHATWG encoding spec, section 4.2). */
  private static final Map<String, Encoding> LABELS = new HashMap<>();

  static {
    label(UTF_8, "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8",
        "x-unicode20utf8");
    label(GB18030, "gb18030", "gbk", "gb2312", "gb_2312", "gb_2312-80", "chinese", "csgb2312",
        "csiso58gb231280", "iso-ir-58", "x-gbk", "cp936", "ms936", "windows-936", "euc-cn");
    label(BIG5, "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5", "cp950", "ms950",
        "windows-950", "x-windows-950");
    label(SHIFT_JIS, "shift_jis", "shift-jis", "sjis", "x-sjis", "csshiftjis", "ms932", "ms_kanji",
        "windows-31j", "windows-932", "cp932");
    label(EUC_KR, "euc-kr", "cseuckr", "csksc56011987", "iso-ir-149", "korean", "ks_c_5601-1987",
        "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949", "x-windows-949", "cp949", "uhc");
    label(WINDOWS_1252, "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1",
        "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "cp819", "ibm819",
        "csisolatin1", "iso-ir-100", "us-ascii", "ascii", "ansi_x3.4-1968");
  }

  public Encoding {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(decoder, "decoder");
    Objects.requireNonNull(strict, "strict");
  }

  /**
   * The encoding a label names: a superset where browsers use one, else the JDK's charset of that
   * name; empty for a label the JDK does not know, and for UTF-16 and UTF-32 (a page really in
   * one of those starts with a byte order mark; one labelled so without it is ASCII-compatible
   * bytes, as the label could not even be read otherwise).
   */
  public static Optional<Encoding> forLabel(String label) {
    if (label == null) {
      return Optional.empty();
    }
    String key = label.strip().toLowerCase(Locale.ROOT);
    Encoding known = LABELS.get(key);
    if (known != null) {
      return Optional.of(known);
    }
    if (key.isEmpty() || key.startsWith("utf-16") || key.startsWith("utf-32")
        || key.startsWith("utf16") || key.startsWith("utf32") || key.startsWith("ucs")) {
      return Optional.empty();
    }
    try {
      if (!Charset.isSupported(key)) {
        return Optional.empty();
      }
      Charset cs = Charset.forName(key);
      Encoding wide = LABELS.get(cs.name().toLowerCase(Locale.ROOT)); // e.g. "EUC_KR", "Big5"
      return Optional.of(wide != null ? wide : new Encoding(cs.name(), cs, cs));
    } catch (IllegalCharsetNameException e) {
      return Optional.empty();
    }
  }

  /** The encoding a Content-Type's {@code charset} parameter names, if gazette can read it. */
  public static Optional<Encoding> fromContentType(String contentType) {
    return label(contentType).flatMap(Encoding::forLabel);
  }

  /** The raw {@code charset} parameter of a Content-Type (or a meta's content), if any. */
  static Optional<String> label(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    Matcher m = CHARSET.matcher(contentType);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * Whether every character is one byte: such an encoding accepts any bytes, so only the shape of
   * the bytes can show it is the wrong one.
   */
  public boolean singleByte() {
    try {
      return strict.newEncoder().maxBytesPerChar() <= 1.0f;
    } catch (UnsupportedOperationException e) {
      return false; // decode-only charsets (ISO-2022-CN) are multi-byte
    }
  }

  private static Encoding of(String name, String charset) {
    Charset cs = Charset.forName(charset);
    return new Encoding(name, cs, cs);
  }

  private static void label(Encoding encoding, String... labels) {
    for (String l : labels) {
      LABELS.put(l, encoding);
    }
  }
}
