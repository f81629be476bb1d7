package org.gazette.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a response is framed on the wire, against a server that sends exact bytes. */
class ResponseFramingTest {
  static HttpExchange fetch(String response, long maxBody) throws Exception {
    try (RawServer server = new RawServer(response.getBytes(StandardCharsets.ISO_8859_1))) {
      return new HttpFetcher(new FetchOptions("gazette-test/1.0 (+https://example.org/bot)",
          Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5), maxBody, true))
          .get(server.uri("/p"), List.of());
    }
  }

  static byte[] wireBody(HttpExchange ex) {
    return Arrays.copyOfRange(ex.response(), ex.bodyOffset(), ex.response().length);
  }

  @Test
  void bodyWithoutLengthCutAtTheLimitKeepsWireAndPayloadEqual() throws Exception {
    HttpExchange ex = fetch("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + "x".repeat(500),
        100);

    assertThat(ex.truncation()).isEqualTo(Truncation.LENGTH);
    assertThat(ex.payload()).hasSize(100);
    // the payload digest is computed over the payload; the wire copy must hold the same bytes
    assertThat(wireBody(ex)).isEqualTo(ex.payload());
  }

  @Test
  void interimResponsesStayOnTheWireAndTheFinalOneCounts() throws Exception {
    HttpExchange ex = fetch("HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n"
        + "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", 100);

    assertThat(ex.status()).isEqualTo(200);
    assertThat(ex.payload()).asString(StandardCharsets.US_ASCII).isEqualTo("hello");
    assertThat(new String(ex.response(), StandardCharsets.ISO_8859_1))
        .startsWith("HTTP/1.1 103 Early Hints\r\n");
    assertThat(ex.header("Content-Length")).contains("5");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "5, 5 | hello | NONE",
      "abc  | hello world | NONE",
      "5, 6 | hello world | NONE",
      "20   | hello world | DISCONNECT",
  })
  void readsOddContentLengths(String contentLength, String body, Truncation truncation)
      throws Exception {
    HttpExchange ex = fetch("HTTP/1.1 200 OK\r\nContent-Length: " + contentLength + "\r\n\r\n"
        + "hello world", 100);

    assertThat(ex.status()).isEqualTo(200);
    assertThat(new String(ex.payload(), StandardCharsets.US_ASCII)).isEqualTo(body);
    assertThat(ex.truncation()).isEqualTo(truncation);
  }

  @Test
  void emptyGzipBodyDecodesToNothing() throws Exception {
    HttpExchange ex = fetch(
        "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 0\r\n\r\n", 100);

    assertThat(ContentDecoder.decode(ex, 100)).isEmpty();
  }
}
