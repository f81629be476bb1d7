package org.gazette.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One HTTP request and its response, byte for byte as they crossed the wire.
 *
 * <p>{@code response} holds the status line, the header block and the body exactly as received,
 * transfer chunking and content encoding included; {@code payload} is the entity body with the
 * chunking removed but still content-encoded (what WARC-Payload-Digest is computed over).
 *
 * @param uri the URI requested
 * @param date when the request was sent (WARC-Date of both records)
 * @param ip the address connected to (WARC-IP-Address)
 * @param request the request line and headers as sent
 * @param response status line, headers and body as received
 * @param bodyOffset index in {@code response} where the body starts (after the blank line)
 * @param status the HTTP status code
 * @param headers the response headers, in order
 * @param payload the entity body after removing transfer chunking, before content decoding
 * @param truncation whether and why the body was cut short
 * @param elapsedMillis time from connect to the last byte read
 */
public record HttpExchange(
    URI uri,
    Instant date,
    InetAddress ip,
    byte[] request,
    byte[] response,
    int bodyOffset,
    int status,
    List<HttpHeader> headers,
    byte[] payload,
    Truncation truncation,
    long elapsedMillis) {

  public HttpExchange {
    headers = List.copyOf(headers);
  }

  /** The first value of a response header, matched without regard to case. */
  public Optional<String> header(String name) {
    for (HttpHeader h : headers) {
      if (h.name().equalsIgnoreCase(name)) {
        return Optional.of(h.value());
      }
    }
    return Optional.empty();
  }

  /** The media type of the response without parameters, lower case, or empty. */
  public Optional<String> mediaType() {
    return header("Content-Type")
        .map(v -> v.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
        .filter(v -> !v.isEmpty());
  }
}
