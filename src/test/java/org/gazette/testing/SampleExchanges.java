package org.gazette.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.gazette.fetch.HttpExchange;
import org.gazette.fetch.HttpHeader;
import org.gazette.fetch.Truncation;

/**
 * Hand-built {@link HttpExchange}s, byte for byte as a server would send them, for tests that
 * archive, extract or store captures without a network.
 */
public final class SampleExchanges {

  /** When every sample exchange happened. */
  public static final Instant DATE = Instant.parse("2026-11-26T10:00:00.123Z");

  /** The address every sample exchange connected to (TEST-NET-1, RFC 5737). */
  public static final InetAddress IP = address(192, 0, 2, 10);

  private SampleExchanges() {}

  /** A 200 response with {@code Content-Length}, body as is. */
  public static HttpExchange plain(String uri, String html) {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 200 OK\r\n"
            + "Content-Type: text/html; charset=utf-8\r\n"
            + "Content-Length: "
            + body.length
            + "\r\n\r\n";
    return exchange(uri, 200, head, body, body, Truncation.NONE);
  }

  /**
   * A 200 response with {@code Content-Length} whose body is {@code body} as is, in whatever
   * charset, under {@code contentType} (null: no Content-Type header).
   */
  public static HttpExchange bytes(String uri, String contentType, byte[] body) {
    String head = "HTTP/1.1 200 OK\r\n"
        + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
        + "Content-Length: " + body.length + "\r\n\r\n";
    return exchange(uri, 200, head, body, body, Truncation.NONE);
  }

  /**
   * A 200 response, gzip content-encoded, sent in chunks: the block holds the chunk framing, the
   * payload is the de-chunked, still gzipped body.
   */
  public static HttpExchange chunkedGzip(String uri, String html) {
    byte[] gzipped = gzip(html.getBytes(StandardCharsets.UTF_8));
    String head =
        "HTTP/1.1 200 OK\r\n"
            + "Content-Type: text/html; charset=utf-8\r\n"
            + "Content-Encoding: gzip\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n";
    return exchange(uri, 200, head, chunk(gzipped, 7), gzipped, Truncation.NONE);
  }

  /** A response that promised {@code declaredLength} bytes and was cut at {@code body}. */
  public static HttpExchange truncated(String uri, int declaredLength, String body) {
    byte[] partial = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 200 OK\r\n"
            + "Content-Type: text/html\r\n"
            + "Content-Length: "
            + declaredLength
            + "\r\n\r\n";
    return exchange(uri, 200, head, partial, partial, Truncation.LENGTH);
  }

  /** A 404 with a small body. */
  public static HttpExchange notFound(String uri) {
    byte[] body = "not found".getBytes(StandardCharsets.US_ASCII);
    String head = "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n\r\n";
    return exchange(uri, 404, head, body, body, Truncation.NONE);
  }

  /**
   * A response of {@code status} (with its reason phrase) and {@code extraHeaders} (each line
   * ending in CRLF), text body.
   */
  public static HttpExchange status(String uri, int status, String reason, String extraHeaders,
      String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + status + " " + reason + "\r\n" + extraHeaders
        + "Content-Type: text/html; charset=utf-8\r\nContent-Length: " + bytes.length
        + "\r\n\r\n";
    return exchange(uri, status, head, bytes, bytes, Truncation.NONE);
  }

  /** The GET request gazette would send for {@code uri}. */
  public static byte[] request(URI uri) {
    String path = uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      path += "?" + uri.getRawQuery();
    }
    String request =
        "GET "
            + path
            + " HTTP/1.1\r\n"
            + "Host: "
            + uri.getHost()
            + "\r\n"
            + "User-Agent: gazette/test (+https://example.org/crawler)\r\n"
            + "Accept-Encoding: gzip\r\n\r\n";
    return request.getBytes(StandardCharsets.US_ASCII);
  }

  /** {@code data} gzip-compressed. */
  public static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** {@code data} in HTTP/1.1 chunked framing, {@code size} bytes a chunk. */
  public static byte[] chunk(byte[] data, int size) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < data.length; i += size) {
      int n = Math.min(size, data.length - i);
      out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(data, i, n);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  private static HttpExchange exchange(
      String uri, int status, String head, byte[] body, byte[] payload, Truncation truncation) {
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] response = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, response, 0, headBytes.length);
    System.arraycopy(body, 0, response, headBytes.length, body.length);
    URI target = URI.create(uri);
    return new HttpExchange(
        target,
        DATE,
        IP,
        request(target),
        response,
        headBytes.length,
        status,
        headers(head),
        payload,
        truncation,
        42);
  }

  private static List<HttpHeader> headers(String head) {
    List<HttpHeader> headers = new ArrayList<>();
    String[] lines = head.split("\r\n");
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.add(
          new HttpHeader(lines[i].substring(0, colon), lines[i].substring(colon + 1).trim()));
    }
    return headers;
  }

  private static InetAddress address(int a, int b, int c, int d) {
    try {
      return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
