package org.gazette.archive;

import java.io.IOException;
import java.io.InputStream;

/**
 * A buffered stream that counts what it hands out, so that the record parser knows where each
 * record begins and ends: in the file itself for a {@code .warc}, inside one gzip member for a
 * {@code .warc.gz}.
 */
final class RecordInput {

  private final InputStream in;
  private final byte[] buffer = new byte[16 * 1024];
  private int pos;
  private int limit;
  private long consumed;

  RecordInput(InputStream in) {
    this.in = in;
  }

  /** Bytes handed out so far. */
  long position() {
    return consumed;
  }

  /** True when the stream has nothing left. */
  boolean atEnd() throws IOException {
    return pos == limit && !fill();
  }

  /** The next byte, or -1 at the end. */
  int read() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    consumed++;
    return buffer[pos++] & 0xff;
  }

  /** Reads up to {@code length} bytes; fewer only at the end of the stream. */
  int readFully(byte[] into, int offset, int length) throws IOException {
    int done = 0;
    while (done < length) {
      if (pos == limit && !fill()) {
        break;
      }
      int n = Math.min(length - done, limit - pos);
      System.arraycopy(buffer, pos, into, offset + done, n);
      pos += n;
      done += n;
    }
    consumed += done;
    return done;
  }

  /** Reads and discards everything left. */
  void drain() throws IOException {
    while (fill()) {
      consumed += limit - pos;
      pos = limit;
    }
  }

  private boolean fill() throws IOException {
    if (pos < limit) {
      return true;
    }
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }
}
