package org.gazette.archive;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * One named field, {@code name: value}: a line of a record header, or of an {@code
 * application/warc-fields} block (warcinfo, metadata).
 *
 * <p>Names must be HTTP tokens and values may not contain CR, LF or NUL, so that no value taken
 * from a web page or a config file can end a header early or forge a field.
 *
 * @param name the field name, e.g. {@code WARC-Type} or {@code software}
 * @param value the field value, UTF-8 when written
 */
public record WarcField(String name, String value) {

  public WarcField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, () -> "value of field " + name);
    if (name.isEmpty() || !isToken(name)) {
      throw new IllegalArgumentException("not a valid WARC field name: \"" + name + "\"");
    }
    if (breaksLine(value)) {
      throw new IllegalArgumentException("line break or NUL in value of WARC field " + name);
    }
  }

  // plain loops, not chars() streams: a metadata record makes a field per outlink, and the
  // streams were 1.4 % of a crawl's CPU
  private static boolean isToken(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (!isTokenChar(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean breaksLine(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n' || c == 0) {
        return true;
      }
    }
    return false;
  }

  /** Encodes fields as an {@code application/warc-fields} block: UTF-8, each line ending CRLF. */
  public static byte[] encode(List<WarcField> fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (WarcField field : fields) {
      out.writeBytes(field.toLine().getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  /**
   * One field whose value is already UTF-8 bytes, as a line of an {@code application/warc-fields}
   * block, CRLF included: the same bytes as {@link #encode} gives for it. For a large value made
   * elsewhere, such as a page's JSON record in its metadata record, which is then neither decoded
   * nor encoded again; it is checked as a value given as text is.
   *
   * @throws IllegalArgumentException if {@code name} is not a token, or the value holds CR, LF
   *     or NUL
   */
  public static byte[] line(String name, byte[] utf8Value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(utf8Value, () -> "value of field " + name);
    if (name.isEmpty() || !isToken(name)) {
      throw new IllegalArgumentException("not a valid WARC field name: \"" + name + "\"");
    }
    // in UTF-8 these bytes stand only for themselves, never inside another character
    for (byte b : utf8Value) {
      if (b == '\r' || b == '\n' || b == 0) {
        throw new IllegalArgumentException("line break or NUL in value of WARC field " + name);
      }
    }
    byte[] head = (name + ": ").getBytes(StandardCharsets.US_ASCII);
    byte[] line = new byte[head.length + utf8Value.length + 2];
    System.arraycopy(head, 0, line, 0, head.length);
    System.arraycopy(utf8Value, 0, line, head.length, utf8Value.length);
    line[line.length - 2] = '\r';
    line[line.length - 1] = '\n';
    return line;
  }

  /** The field as one line, CRLF included. */
  String toLine() {
    return name + ": " + value + "\r\n";
  }

  // RFC 9110 section 5.6.2 tchar
  private static boolean isTokenChar(int c) {
    return c > 32 && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
  }
}
