package org.gazette.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.gazette.testing.SampleExchanges;
import org.junit.jupiter.api.Test;

/** {@link HttpBlock}: status, media type and payload of a response block. */
class HttpBlockTest {

  @Test
  void readsStatusMediaTypeAndPlainBody() {
    HttpBlock http =
        parse("HTTP/1.1 404 Not Found\r\nContent-Type: Text/Plain ; charset=x\r\n\r\nnope");

    assertThat(http.status()).isEqualTo(404);
    assertThat(http.mediaType()).contains("Text/Plain");
    assertThat(text(http.payload())).isEqualTo("nope");
  }

  @Test
  void removesChunkingButNotContentEncoding() {
    byte[] gzipped = SampleExchanges.gzip("<p>hi</p>".getBytes(StandardCharsets.UTF_8));
    byte[] head =
        "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    byte[] body = SampleExchanges.chunk(gzipped, 5);
    byte[] block = new byte[head.length + body.length];
    System.arraycopy(head, 0, block, 0, head.length);
    System.arraycopy(body, 0, block, head.length, body.length);

    assertThat(HttpBlock.parse(block).orElseThrow().payload()).isEqualTo(gzipped);
  }

  @Test
  void keepsTheChunksThatArrivedOfABodyCutShort() {
    HttpBlock http =
        parse("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n4;ext=1\r\nabcd\r\n6\r\nef");

    assertThat(text(http.payload())).isEqualTo("abcdef");
  }

  @Test
  void hasNoStatusWithoutAStatusLine() {
    assertThat(parse("GET / HTTP/1.1\r\nHost: x\r\n\r\n").status()).isEqualTo(-1);
    assertThat(HttpBlock.parse(new byte[0])).isEmpty();
  }

  @Test
  void readsAHeadCutByTheEndOfTheBlockWithoutABody() {
    // as the fetcher reads a connection closed inside the head (the record is WARC-Truncated)
    HttpBlock http = parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nNo-End: yet");

    assertThat(http.status()).isEqualTo(200);
    assertThat(http.payload()).isEmpty();
  }

  @Test
  void skipsInterimResponsesAsTheFetcherDoes() {
    HttpBlock http = parse("HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
        + "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\nhello");

    assertThat(http.status()).isEqualTo(200);
    assertThat(http.mediaType()).contains("text/html");
    assertThat(text(http.payload())).isEqualTo("hello");
  }

  private static HttpBlock parse(String block) {
    return HttpBlock.parse(block.getBytes(StandardCharsets.ISO_8859_1)).orElseThrow();
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
