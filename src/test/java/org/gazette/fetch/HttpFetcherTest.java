package org.gazette.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {
  private static final String TEXT = "<html><body><p>新聞 news</p></body></html>".repeat(50);
  private HttpServer server;
  private URI base;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/gzip-chunked", ex -> {
      byte[] gz = gzip(TEXT.getBytes(StandardCharsets.UTF_8));
      ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      ex.getResponseHeaders().add("Content-Encoding", "gzip");
      ex.sendResponseHeaders(200, 0); // 0: chunked
      try (OutputStream out = ex.getResponseBody()) {
        out.write(gz, 0, 10);
        out.flush();
        out.write(gz, 10, gz.length - 10);
      }
    });
    server.createContext("/plain", ex -> {
      byte[] body = TEXT.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("X-Agent", ex.getRequestHeaders().getFirst("User-Agent"));
      ex.sendResponseHeaders(404, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static HttpFetcher fetcher(long maxBody, boolean allowPrivate) {
    return new HttpFetcher(new FetchOptions("gazette-test/1.0 (+https://example.org/bot)",
        Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5), maxBody, allowPrivate));
  }

  @Test
  void keepsChunkingAndEncodingOnTheWireAndDecodesForParsing() throws Exception {
    HttpExchange ex = fetcher(1 << 20, true).get(base.resolve("gzip-chunked"), List.of());

    String head = new String(ex.response(), 0, ex.bodyOffset(), StandardCharsets.ISO_8859_1);
    assertThat(head).startsWith("HTTP/1.1 200").containsIgnoringCase("transfer-encoding: chunked");
    byte[] wireBody = java.util.Arrays.copyOfRange(ex.response(), ex.bodyOffset(), ex.response().length);
    // the chunk framing is on the wire, so the wire body is longer than the payload
    assertThat(wireBody.length).isGreaterThan(ex.payload().length);
    assertThat(new String(wireBody, StandardCharsets.ISO_8859_1)).startsWith("a\r\n");
    assertThat(ex.payload()).isEqualTo(gzip(TEXT.getBytes(StandardCharsets.UTF_8)));
    assertThat(new String(ContentDecoder.decode(ex, 1 << 20), StandardCharsets.UTF_8)).isEqualTo(TEXT);
    assertThat(ex.truncation()).isEqualTo(Truncation.NONE);
    assertThat(ex.ip().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(new String(ex.request(), StandardCharsets.ISO_8859_1))
        .startsWith("GET /gzip-chunked HTTP/1.1\r\n")
        .contains("User-Agent: gazette-test/1.0 (+https://example.org/bot)\r\n")
        .endsWith("\r\n\r\n");
  }

  @Test
  void cutsBodyAtSizeLimitAndSaysSo() throws Exception {
    HttpExchange ex = fetcher(100, true).get(base.resolve("plain"), List.of());

    assertThat(ex.status()).isEqualTo(404);
    assertThat(ex.payload()).hasSize(100);
    assertThat(ex.truncation()).isEqualTo(Truncation.LENGTH);
    assertThat(ex.header("x-agent")).contains("gazette-test/1.0 (+https://example.org/bot)");
  }

  @Test
  void refusesLoopbackUnlessAllowed() {
    assertThatThrownBy(() -> fetcher(100, false).get(base.resolve("plain"), List.of()))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("loopback")
        .hasMessageContaining("--allow-private")
        .extracting(e -> ((FetchException) e).kind())
        .isEqualTo(FetchException.Kind.ADDRESS_REFUSED);
  }

  @Test
  void reportsConnectionRefusedAsConnectFailure() throws Exception {
    server.stop(0);
    assertThatThrownBy(() -> fetcher(100, true).get(base.resolve("plain"), List.of()))
        .isInstanceOf(FetchException.class)
        .extracting(e -> ((FetchException) e).kind())
        .isEqualTo(FetchException.Kind.CONNECT);
  }

  private static byte[] gzip(byte[] data) throws java.io.IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }
}
