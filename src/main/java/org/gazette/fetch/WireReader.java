package org.gazette.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Reads an HTTP response from a socket and keeps a copy of every byte consumed, so the WARC
 * response record holds exactly what came over the wire. A total deadline bounds the whole read:
 * each blocking read waits at most until the deadline, which defeats servers that trickle bytes.
 */
final class WireReader {
  private final InputStream in;
  private final Socket socket;
  private final long readTimeoutMillis;
  private final long deadlineNanos;
  /** The TCP socket to acknowledge reads on at once, null when the platform cannot. */
  private Socket quickAck;
  private final ByteArrayOutputStream wire = new ByteArrayOutputStream(16 * 1024);
  private final byte[] buffer = new byte[16 * 1024];
  private int pos;
  private int limit;

  /**
   * @param socket the connection, TLS or plain
   * @param tcp the TCP socket under it ({@code socket} itself when plain)
   */
  WireReader(Socket socket, Socket tcp, long readTimeoutMillis, long deadlineNanos)
      throws IOException {
    this(socket.getInputStream(), socket, readTimeoutMillis, deadlineNanos);
    this.quickAck = QuickAck.isSupported(tcp) ? tcp : null;
  }

  /** Reads stored bytes: no socket, no time limits. */
  WireReader(InputStream in) {
    this(in, null, 0, Long.MAX_VALUE);
  }

  private WireReader(InputStream in, Socket socket, long readTimeoutMillis, long deadlineNanos) {
    this.socket = socket;
    this.in = in;
    this.readTimeoutMillis = readTimeoutMillis;
    this.deadlineNanos = deadlineNanos;
  }

  /** Every byte consumed so far. */
  byte[] wireBytes() {
    return wire.toByteArray();
  }

  int wireLength() {
    return wire.size();
  }

  /** Whether every byte read from the stream so far was consumed (none read ahead). */
  boolean drained() {
    return pos == limit;
  }

  /**
   * A line up to CRLF (or bare LF), without the line end, decoded as ISO-8859-1; null at end of
   * stream before any byte.
   */
  String readLine(int maxBytes) throws IOException {
    // scans the buffer and copies whole runs: a byte at a time through the two streams was a
    // few per cent of a crawl's CPU (ByteArrayOutputStream.write(int) is synchronized)
    ByteArrayOutputStream spill = null; // the start of a line that spans refills
    while (true) {
      if (pos == limit && !fill()) {
        return spill == null || spill.size() == 0 ? null : spill.toString(StandardCharsets.ISO_8859_1);
      }
      int start = pos;
      int end = start;
      while (end < limit && buffer[end] != '\n') {
        end++;
      }
      int had = spill == null ? 0 : spill.size();
      if (had + (end - start) > maxBytes) {
        // consumed as a byte-by-byte read would have: up to the first byte past the limit
        int taken = maxBytes - had + 1;
        wire.write(buffer, start, taken);
        pos = start + taken;
        throw new IOException("line longer than " + maxBytes + " bytes");
      }
      if (end == limit) {
        if (spill == null) {
          spill = new ByteArrayOutputStream(160);
        }
        spill.write(buffer, start, end - start);
        wire.write(buffer, start, end - start);
        pos = limit;
        continue;
      }
      wire.write(buffer, start, end + 1 - start);
      pos = end + 1;
      if (spill == null) {
        int n = end > start && buffer[end - 1] == '\r' ? end - 1 - start : end - start;
        return new String(buffer, start, n, StandardCharsets.ISO_8859_1);
      }
      spill.write(buffer, start, end - start);
      byte[] bytes = spill.toByteArray();
      int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
      return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
    }
  }

  /** Whether more bytes follow, without consuming (or recording) any. */
  boolean hasMore() throws IOException {
    return pos < limit || fill();
  }

  /** One byte, or -1 at end of stream. */
  int read() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    int b = buffer[pos++] & 0xff;
    wire.write(b);
    return b;
  }

  /**
   * Copies up to {@code n} bytes to {@code sink}; returns how many were copied, less than
   * {@code n} only at end of stream.
   */
  long copy(long n, ByteArrayOutputStream sink) throws IOException {
    long done = 0;
    while (done < n) {
      if (pos == limit && !fill()) {
        break;
      }
      int chunk = (int) Math.min(n - done, limit - pos);
      wire.write(buffer, pos, chunk);
      sink.write(buffer, pos, chunk);
      pos += chunk;
      done += chunk;
    }
    return done;
  }

  private boolean fill() throws IOException {
    if (socket == null) {
      int n = in.read(buffer, 0, buffer.length);
      pos = 0;
      limit = Math.max(n, 0);
      return n > 0;
    }
    long remaining = (deadlineNanos - System.nanoTime()) / 1_000_000;
    if (remaining <= 0) {
      throw new SocketTimeoutException("total time limit reached");
    }
    socket.setSoTimeout((int) Math.max(1, Math.min(readTimeoutMillis, remaining)));
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      return false;
    }
    pos = 0;
    limit = n;
    acknowledge();
    return true;
  }

  /**
   * Sends the ACK of what was just read now rather than up to 40 ms later. A server that leaves
   * Nagle's algorithm on and writes a response in two parts (the JDK's HttpServer: the head,
   * then the body) holds back the second part until the first is acknowledged, and on a kept
   * connection Linux delays that ACK: each response waited 40 ms more (a crawl of such a server
   * fell from about 450 to 22 pages a second). Setting TCP_QUICKACK after a read sends the
   * pending ACK at once; the kernel may drop back to delayed ACKs, hence once per read.
   */
  private void acknowledge() {
    if (quickAck != null && !QuickAck.set(quickAck)) {
      quickAck = null;
    }
  }

  /** TCP_QUICKACK where the JDK offers it (Linux); elsewhere nothing. */
  private static final class QuickAck {
    private static final java.net.SocketOption<Boolean> OPTION = option();

    private static java.net.SocketOption<Boolean> option() {
      try {
        return jdk.net.ExtendedSocketOptions.TCP_QUICKACK;
      } catch (LinkageError noJdkNet) {
        return null; // a runtime without the jdk.net module
      }
    }

    static boolean isSupported(Socket tcp) {
      return OPTION != null && tcp.supportedOptions().contains(OPTION);
    }

    static boolean set(Socket tcp) {
      try {
        tcp.setOption(OPTION, true);
        return true;
      } catch (IOException | UnsupportedOperationException e) {
        return false; // e.g. closed: the read that follows says what went wrong
      }
    }
  }
}
