package org.gazette.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Content decoding stops at its limit, so a small compressed body cannot fill the heap. */
class ContentDecoderTest {
  static final long EXPANDED = 64L << 20;
  static final long LIMIT = 1 << 20;

  static HttpExchange exchange(String encoding, byte[] payload) throws Exception {
    return new HttpExchange(URI.create("http://example.org/bomb"), Instant.now(),
        InetAddress.getLoopbackAddress(), new byte[0], payload, 0, 200,
        List.of(new HttpHeader("Content-Encoding", encoding)), payload, Truncation.NONE, 1);
  }

  static byte[] zeros(java.io.OutputStream out, ByteArrayOutputStream bytes) throws Exception {
    try (out) {
      byte[] block = new byte[64 * 1024];
      for (long left = EXPANDED; left > 0; left -= block.length) {
        out.write(block);
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void gzipBombIsDecodedOnlyToTheLimit() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] bomb = zeros(new GZIPOutputStream(bytes), bytes);
    assertThat(bomb.length).isLessThan((int) (EXPANDED / 500));

    assertThat(ContentDecoder.decode(exchange("gzip", bomb), LIMIT)).hasSize((int) LIMIT);
  }

  @Test
  void rawDeflateBombIsDecodedOnlyToTheLimit() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] bomb = zeros(new DeflaterOutputStream(bytes,
        new Deflater(Deflater.BEST_COMPRESSION, true)), bytes);

    assertThat(ContentDecoder.decode(exchange("deflate", bomb), LIMIT)).hasSize((int) LIMIT);
  }

  @Test
  void gzipBodyCutMidStreamKeepsWhatDecoded() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] whole = zeros(new GZIPOutputStream(bytes), bytes);
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);

    assertThat(ContentDecoder.decode(exchange("gzip", cut), EXPANDED).length)
        .isPositive().isLessThan((int) EXPANDED);
  }
}
