package org.gazette.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads a file as a sequence of gzip members (RFC 1952), knowing the exact offset and compressed
 * length of each, which is what makes a {@code .warc.gz} indexable.
 *
 * <p>Written on the JDK's {@link Inflater} rather than a gzip stream: a stream reads ahead past the
 * end of a member and cannot say where the member ended, nor whether a file ends inside a header,
 * the deflate data or the trailer, which is exactly what verifying and repairing need to know.
 */
final class GzipMembers {

  private static final int FTEXT_RESERVED = 0xe0;
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;

  private final InputStream file;
  private final byte[] buffer = new byte[64 * 1024];
  private long bufferStart; // file offset of buffer[0]
  private int pos;
  private int limit;

  GzipMembers(InputStream file) {
    this.file = file;
  }

  /** The file offset of the next byte not yet consumed. */
  long position() {
    return bufferStart + pos;
  }

  /** True when nothing is left in the file. */
  boolean atEnd() throws IOException {
    return pos == limit && !fill();
  }

  /**
   * Reads the header of the member starting at {@link #position()} and returns its decompressed
   * content; the stream ends (-1) after the member's trailer was read and checked.
   *
   * @throws WarcFormatException if the bytes there are not a gzip header, or the file ends in it
   */
  Member nextMember() throws IOException {
    long start = position();
    if (readByte() != 0x1f || requireByte(start) != 0x8b) {
      throw new WarcFormatException(start, "not a gzip member (no gzip magic number)");
    }
    if (requireByte(start) != 8) {
      throw new WarcFormatException(start, "gzip member not compressed with deflate");
    }
    int flags = requireByte(start);
    if ((flags & FTEXT_RESERVED) != 0) {
      throw new WarcFormatException(start, "gzip header has reserved flags set");
    }
    skip(6, start); // MTIME, XFL, OS
    if ((flags & FEXTRA) != 0) {
      skip(requireByte(start) | requireByte(start) << 8, start);
    }
    if ((flags & FNAME) != 0) {
      skipZeroTerminated(start);
    }
    if ((flags & FCOMMENT) != 0) {
      skipZeroTerminated(start);
    }
    if ((flags & FHCRC) != 0) {
      skip(2, start);
    }
    return new Member(start);
  }

  private boolean fill() throws IOException {
    if (pos == limit) {
      bufferStart += limit;
      pos = 0;
      limit = 0;
    }
    int n = file.read(buffer, limit, buffer.length - limit);
    if (n > 0) {
      limit += n;
    }
    return n > 0;
  }

  private int readByte() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    return buffer[pos++] & 0xff;
  }

  private int requireByte(long member) throws IOException {
    int b = readByte();
    if (b < 0) {
      throw truncated(member, "header");
    }
    return b;
  }

  private void skip(int n, long member) throws IOException {
    for (int i = 0; i < n; i++) {
      requireByte(member);
    }
  }

  private void skipZeroTerminated(long member) throws IOException {
    while (requireByte(member) != 0) {
      // a file name or comment: not needed
    }
  }

  private WarcFormatException truncated(long member, String where) {
    return WarcFormatException.truncated(
        member, "file ends inside the " + where + " of the gzip member, at byte " + position());
  }

  /** The decompressed bytes of one member; checks CRC-32 and length at the end. */
  final class Member extends InputStream {
    private final long start;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private long size;
    private boolean ended;
    private WarcFormatException failure; // rethrown by every later read

    private Member(long start) {
      this.start = start;
    }

    /** The file offset of the member. */
    long start() {
      return start;
    }

    /**
     * True once the trailer has been read, even if it failed its checks: the next member, if any,
     * begins at {@link GzipMembers#position()}.
     */
    boolean ended() {
      return ended;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (failure != null) {
        throw failure;
      }
      if (ended) {
        return -1;
      }
      if (len == 0) {
        return 0;
      }
      while (true) {
        if (inflater.needsInput()) {
          if (pos == limit && !fill()) {
            throw fail(truncated(start, "deflate data"));
          }
          inflater.setInput(buffer, pos, limit - pos);
        }
        int n = inflate(b, off, len);
        pos = limit - inflater.getRemaining();
        if (n > 0) {
          crc.update(b, off, n);
          size += n;
          return n;
        }
        if (inflater.finished()) {
          inflater.end();
          ended = true;
          checkTrailer();
          return -1;
        }
      }
    }

    private int inflate(byte[] b, int off, int len) throws WarcFormatException {
      try {
        int n = inflater.inflate(b, off, len);
        if (n == 0 && inflater.needsDictionary()) {
          throw new DataFormatException("preset dictionary");
        }
        return n;
      } catch (DataFormatException e) {
        throw fail(new WarcFormatException(start, "corrupt deflate data: " + e.getMessage()));
      }
    }

    private WarcFormatException fail(WarcFormatException e) {
      inflater.end();
      failure = e;
      return e;
    }

    private void checkTrailer() throws IOException {
      long crc32 = readLittleEndian();
      long isize = readLittleEndian();
      if (crc32 != crc.getValue()) {
        throw new WarcFormatException(start, "gzip member fails its CRC-32 check");
      }
      if (isize != (size & 0xffffffffL)) {
        throw new WarcFormatException(start, "gzip member length does not match its trailer");
      }
    }

    private long readLittleEndian() throws IOException {
      long value = 0;
      for (int i = 0; i < 4; i++) {
        int b = readByte();
        if (b < 0) {
          throw truncated(start, "trailer");
        }
        value |= (long) b << (8 * i);
      }
      return value;
    }
  }
}
