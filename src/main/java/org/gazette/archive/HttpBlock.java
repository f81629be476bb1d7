package org.gazette.archive;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The HTTP message in an {@code application/http} block, read back: start line, header fields and
 * the payload, which is the entity body with {@code Transfer-Encoding: chunked} framing removed but
 * content coding left as is, the bytes {@code WARC-Payload-Digest} is computed over by gazette,
 * jwarc, warcio and pywb alike.
 */
final class HttpBlock {

  /** The chunk-size line and the line after chunk data that the fetcher reads at most. */
  private static final int MAX_CHUNK_SIZE_LINE = 1024;

  private static final int MAX_CHUNK_END_LINE = 16;

  private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]+");

  /** A header field as received: any name, any value. */
  private record Header(String name, String value) {}

  private final byte[] block;
  private final String startLine;
  private final List<Header> headers;
  private final int bodyStart;

  private HttpBlock(byte[] block, String startLine, List<Header> headers, int bodyStart) {
    this.block = block;
    this.startLine = startLine;
    this.headers = headers;
    this.bodyStart = bodyStart;
  }

  /**
   * Parses the head of the message in {@code block}: lines ended by LF or CRLF up to the first
   * empty one, as HTTP readers accept them. Header lines without a colon are skipped.
   *
   * <p>Interim responses ({@code 100 Continue}, {@code 103 Early Hints}) before the final one are
   * skipped, as gazette's fetcher skips them while keeping them in the record: the payload is
   * the final response's body. Read as the message, an Early Hints head made the payload digest
   * of every such record fail verification (found by ResponseReaderFuzzTest).
   *
   * @return empty if the block has no head at all
   */
  static Optional<HttpBlock> parse(byte[] block) {
    Optional<HttpBlock> head = parse(block, 0);
    while (head.isPresent() && head.get().isInterim() && head.get().bodyStart < block.length) {
      head = parse(block, head.get().bodyStart);
    }
    return head;
  }

  /**
   * The head starting at {@code from}, with the rest of the block as its body. A head that the
   * block ends inside is read as far as it goes, with no body, as gazette's fetcher reads a
   * connection closed there (and marks the record WARC-Truncated); refusing it made the records of
   * such responses fail verification.
   */
  private static Optional<HttpBlock> parse(byte[] block, int from) {
    List<String> lines = new ArrayList<>();
    int p = from;
    while (true) {
      int lf = indexOf(block, (byte) '\n', p);
      if (lf < 0) {
        if (p < block.length) {
          lines.add(new String(block, p, block.length - p, StandardCharsets.ISO_8859_1));
        }
        p = block.length;
        break;
      }
      int end = lf > p && block[lf - 1] == '\r' ? lf - 1 : lf;
      String line = new String(block, p, end - p, StandardCharsets.ISO_8859_1);
      p = lf + 1;
      if (line.isEmpty()) {
        break;
      }
      lines.add(line);
    }
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    List<Header> headers = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.add(
            new Header(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
      }
    }
    return Optional.of(new HttpBlock(block, lines.get(0), headers, p));
  }

  /**
   * True for a 1xx head other than 101 (Switching Protocols), which another response follows;
   * the code read as gazette's fetcher reads it ({@code ResponseReader}), so that both skip the
   * same heads.
   */
  private boolean isInterim() {
    String[] parts = startLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      return false;
    }
    try {
      int code = Integer.parseInt(parts[1].trim());
      return code >= 100 && code < 200 && code != 101;
    } catch (NumberFormatException notACode) {
      return false;
    }
  }

  /** The status code of a response's status line, or -1 if it has none. */
  int status() {
    String[] parts = startLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
      return -1;
    }
    return Integer.parseInt(parts[1]);
  }

  /** The first value of a header field, the name matched without regard to case. */
  Optional<String> header(String name) {
    return headers.stream()
        .filter(f -> f.name().equalsIgnoreCase(name))
        .map(Header::value)
        .findFirst();
  }

  /** The media type of the body, without parameters: {@code text/html}. */
  Optional<String> mediaType() {
    return header("Content-Type").map(v -> v.split("[;\\s]", 2)[0].strip());
  }

  /** The payload: the body, de-chunked when sent chunked. */
  byte[] payload() {
    boolean chunked =
        header("Transfer-Encoding")
            .map(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))
            .orElse(false);
    if (!chunked) {
      return Arrays.copyOfRange(block, bodyStart, block.length);
    }
    return dechunk();
  }

  /**
   * Removes chunk framing as gazette's fetcher does when it makes the payload: leniently, the
   * payload of a body cut short (WARC-Truncated) being the data of the chunks that arrived.
   */
  private byte[] dechunk() {
    ByteArrayOutputStream payload = new ByteArrayOutputStream(block.length - bodyStart);
    int p = bodyStart;
    while (p < block.length) {
      int lf = indexOf(block, (byte) '\n', p);
      if (lf < 0 || lf - p > MAX_CHUNK_SIZE_LINE) {
        break; // no whole size line, or one longer than the fetcher reads
      }
      String sizeLine = new String(block, p, lf - p, StandardCharsets.ISO_8859_1);
      long size = chunkSize(sizeLine);
      if (size <= 0) {
        break; // the last chunk, or framing too broken to follow
      }
      int data = lf + 1;
      int n = (int) Math.min(size, block.length - data);
      payload.write(block, data, n);
      if (n < size) {
        break;
      }
      // the CRLF after the chunk data; the fetcher gives up on more than a few bytes before it
      int next = indexOf(block, (byte) '\n', data + n);
      if (next >= 0 && next - (data + n) > MAX_CHUNK_END_LINE) {
        break;
      }
      p = next < 0 ? block.length : next + 1;
    }
    return payload.toByteArray();
  }

  /**
   * The size of a chunk from its size line, exactly as gazette's fetcher reads it
   * ({@code ResponseReader.chunkSize}): hex digits only (no sign), any number of leading zeros,
   * and more than 15 significant digits a size larger than any block; -1 when the line is not a
   * size. Reading it otherwise made records of legal responses ({@code 0000000000000005}) fail
   * their payload digest (found by ResponseReaderFuzzTest).
   */
  static long chunkSize(String line) {
    int semicolon = line.indexOf(';');
    String hex = (semicolon >= 0 ? line.substring(0, semicolon) : line).trim();
    if (!HEX.matcher(hex).matches()) {
      return -1;
    }
    String digits = hex.replaceFirst("^0+(?=.)", "");
    return digits.length() > 15 ? Long.MAX_VALUE : Long.parseLong(digits, 16);
  }

  private static int indexOf(byte[] data, byte b, int from) {
    for (int i = from; i < data.length; i++) {
      if (data[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
