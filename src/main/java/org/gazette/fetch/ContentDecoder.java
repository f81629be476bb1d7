package org.gazette.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Undoes Content-Encoding for parsing; the archive keeps the encoded bytes. Decoding stops at a
 * limit so a small compressed body cannot expand without bound.
 */
public final class ContentDecoder {
  private ContentDecoder() {}

  /** The decoded body, at most {@code maxBytes} long; the payload itself when not encoded. */
  public static byte[] decode(HttpExchange exchange, long maxBytes) throws IOException {
    String encoding = exchange.header("Content-Encoding").orElse("identity")
        .trim().toLowerCase(Locale.ROOT);
    byte[] payload = exchange.payload();
    if (payload.length == 0) {
      return payload; // an empty body says Content-Encoding: gzip but has no gzip header
    }
    switch (encoding) {
      case "", "identity", "none":
        return payload;
      case "gzip", "x-gzip":
        return drain(new GZIPInputStream(new ByteArrayInputStream(payload), 8192), maxBytes);
      case "deflate":
        return inflate(payload, maxBytes);
      default:
        throw new IOException("unsupported Content-Encoding: " + encoding);
    }
  }

  private static byte[] inflate(byte[] payload, long maxBytes) throws IOException {
    try {
      return drain(new InflaterInputStream(new ByteArrayInputStream(payload)), maxBytes);
    } catch (IOException zlibHeaderMissing) {
      // many servers send raw deflate without the zlib header the RFC asks for
      return drain(new InflaterInputStream(new ByteArrayInputStream(payload), new Inflater(true)),
          maxBytes);
    }
  }

  private static byte[] drain(InputStream in, long maxBytes) throws IOException {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[16 * 1024];
      int n;
      try {
        while (out.size() < maxBytes && (n = in.read(buf, 0, (int) Math.min(buf.length, maxBytes - out.size()))) > 0) {
          out.write(buf, 0, n);
        }
      } catch (java.io.EOFException truncatedStream) {
        // a body cut at the size limit ends mid-stream: keep what decoded
      }
      return out.toByteArray();
    }
  }
}
