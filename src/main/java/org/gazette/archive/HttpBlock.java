package org.gazette.archive;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The HTTP message in an {@code application/http} block, read back: start line, header fields and
 * the payload, which is the entity body with {@code Transfer-Encoding: chunked} framing removed but
 * content coding left as is, the bytes {@code WARC-Payload-Digest} is computed over by gazette,
 * jwarc, warcio and pywb alike.
 */
final class HttpBlock {

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
   * @return empty if the block has no complete head
   */
  static Optional<HttpBlock> parse(byte[] block) {
    List<String> lines = new ArrayList<>();
    int p = 0;
    while (true) {
      int lf = indexOf(block, (byte) '\n', p);
      if (lf < 0) {
        return Optional.empty();
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
      if (lf < 0) {
        break;
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
      int next = indexOf(block, (byte) '\n', data + n); // the CRLF after the chunk data
      p = next < 0 ? block.length : next + 1;
    }
    return payload.toByteArray();
  }

  private static long chunkSize(String line) {
    int semicolon = line.indexOf(';');
    String hex = (semicolon >= 0 ? line.substring(0, semicolon) : line).strip();
    try {
      return hex.isEmpty() || hex.length() > 15 ? -1 : Long.parseLong(hex, 16);
    } catch (NumberFormatException e) {
      return -1;
    }
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
