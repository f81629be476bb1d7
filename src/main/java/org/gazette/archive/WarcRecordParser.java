package org.gazette.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Parses one record (ISO 28500 section 4): the version line, named fields up to the blank line, a
 * block of exactly {@code Content-Length} bytes and the CRLF CRLF that ends every record. Strict:
 * anything else is a {@link WarcFormatException}, as a verifier must be.
 */
final class WarcRecordParser {

  /** The largest block read into memory: far above gazette's bodies (10 MB by default). */
  static final int MAX_BLOCK = 512 * 1024 * 1024;

  /** The first read of a block: the whole block for all but the largest pages. */
  private static final int FIRST_BLOCK_STEP = 8 * 1024 * 1024;

  private static final int MAX_LINE = 64 * 1024;
  private static final int MAX_HEADER = 1024 * 1024;

  private final RecordInput in;
  private final long offset;
  private final long start;

  private WarcRecordParser(RecordInput in, long offset) {
    this.in = in;
    this.offset = offset;
    this.start = in.position();
  }

  /**
   * Parses the record at the current position of {@code in}.
   *
   * @param offset the offset problems are reported at (the record's, or its gzip member's)
   * @return the record, its offset {@code offset} and length unknown (-1); empty if {@code in} is
   *     at its end
   */
  static Optional<ParsedRecord> parse(RecordInput in, long offset) throws IOException {
    if (in.atEnd()) {
      return Optional.empty();
    }
    return Optional.of(new WarcRecordParser(in, offset).record());
  }

  private ParsedRecord record() throws IOException {
    String version = line();
    if (!version.matches("WARC/\\d+\\.\\d+")) {
      throw problem("no WARC version line (found \"" + abbreviate(version) + "\")");
    }
    List<WarcField> fields = fields();
    byte[] block = block((int) contentLength(fields));
    byte[] end = new byte[4];
    int n = in.readFully(end, 0, 4);
    if (n < 4 && isPrefixOfCrlfCrlf(end, n)) {
      throw WarcFormatException.truncated(
          offset, "record ends before the CRLF CRLF after its block");
    }
    if (n < 4 || end[0] != '\r' || end[1] != '\n' || end[2] != '\r' || end[3] != '\n') {
      throw problem("no CRLF CRLF after the block: Content-Length does not match the block");
    }
    return new ParsedRecord(offset, -1, version, fields, block);
  }

  /**
   * The block of {@code length} bytes, read in steps that double while bytes keep coming: memory
   * follows the bytes the file holds, not the length its header declares. Allocating the declared
   * length at once let a hundred-byte file claiming {@code Content-Length: 536870912} cost 512 MiB
   * (found by WarcRepairFuzzTest), enough to run a verify or a repair out of memory.
   */
  private byte[] block(int length) throws IOException {
    byte[] block = new byte[Math.min(length, FIRST_BLOCK_STEP)];
    int got = in.readFully(block, 0, block.length);
    while (got == block.length && got < length) {
      block = Arrays.copyOf(block, (int) Math.min(length, 2L * block.length));
      got += in.readFully(block, got, block.length - got);
    }
    if (got < length) {
      throw WarcFormatException.truncated(
          offset, "record ends inside its block, after " + got + " of " + length + " bytes");
    }
    return block;
  }

  private List<WarcField> fields() throws IOException {
    List<WarcField> fields = new ArrayList<>();
    for (String line = line(); !line.isEmpty(); line = line()) {
      if (in.position() - start > MAX_HEADER) {
        throw problem("record header longer than " + MAX_HEADER + " bytes");
      }
      boolean continuation = line.charAt(0) == ' ' || line.charAt(0) == '\t';
      if (continuation && !fields.isEmpty()) {
        // a folded value (WARC 1.1 section 4): joined to the line before with one space
        WarcField last = fields.remove(fields.size() - 1);
        fields.add(field(last.name(), last.value() + " " + line.strip()));
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw problem("header line is not \"name: value\": \"" + abbreviate(line) + "\"");
      }
      fields.add(field(line.substring(0, colon), line.substring(colon + 1).strip()));
    }
    return fields;
  }

  private WarcField field(String name, String value) throws WarcFormatException {
    try {
      return new WarcField(name, value);
    } catch (IllegalArgumentException e) {
      throw problem("bad header field: " + e.getMessage());
    }
  }

  private long contentLength(List<WarcField> fields) throws WarcFormatException {
    String value =
        fields.stream()
            .filter(f -> f.name().equalsIgnoreCase(WarcHeaders.CONTENT_LENGTH))
            .map(WarcField::value)
            .findFirst()
            .orElseThrow(() -> problem("no Content-Length"));
    if (!value.matches("\\d{1,18}")) {
      throw problem("Content-Length is not a number: \"" + abbreviate(value) + "\"");
    }
    long length = Long.parseLong(value);
    if (length > MAX_BLOCK) {
      throw problem("block of " + length + " bytes is too large to read (limit " + MAX_BLOCK + ")");
    }
    return length;
  }

  /** One line without its CRLF; a line must end with CRLF. */
  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(80);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw WarcFormatException.truncated(offset, "record ends inside its header");
      }
      if (line.size() >= MAX_LINE) {
        throw problem("header line longer than " + MAX_LINE + " bytes");
      }
      line.write(b);
    }
    byte[] bytes = line.toByteArray();
    if (bytes.length == 0 || bytes[bytes.length - 1] != '\r') {
      throw problem("header line not ended by CRLF");
    }
    return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
  }

  private WarcFormatException problem(String message) {
    return new WarcFormatException(offset, message);
  }

  private static boolean isPrefixOfCrlfCrlf(byte[] end, int n) {
    for (int i = 0; i < n; i++) {
      if (end[i] != (i % 2 == 0 ? '\r' : '\n')) {
        return false;
      }
    }
    return true;
  }

  static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "...";
  }
}
