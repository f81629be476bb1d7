package org.gazette.archive;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Reads the block of one record of a gazette {@code .warc.gz} file at a known offset: the
 * content behind a revisit, read back to be parsed again.
 */
public final class ArchivedBlock {
  private static final int MAX_HEADER = 64 * 1024;

  private ArchivedBlock() {}

  /**
   * The block of the record whose gzip member starts at {@code offset} in {@code file}.
   *
   * @throws IOException naming file and offset if there is no whole record there
   */
  public static byte[] read(Path file, long offset) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      channel.position(offset);
      InputStream in = new GZIPInputStream(Channels.newInputStream(channel), 8192);
      long length = contentLength(in, file, offset);
      byte[] block = in.readNBytes((int) length);
      if (block.length != length) {
        throw new EOFException(file + " at " + offset + ": block cut short");
      }
      return block;
    } catch (java.util.zip.ZipException e) {
      throw new IOException(file + " at " + offset + ": not a gzip member: " + e.getMessage(), e);
    }
  }

  private static long contentLength(InputStream in, Path file, long offset) throws IOException {
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && header.size() < MAX_HEADER) {
      header.write(b);
      byte[] h = header.toByteArray();
      int n = h.length;
      if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
        break;
      }
    }
    String text = header.toString(StandardCharsets.UTF_8);
    if (!text.startsWith("WARC/")) {
      throw new IOException(file + " at " + offset + ": no WARC record");
    }
    for (String line : text.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT)
          .equals("content-length")) {
        return Long.parseLong(line.substring(colon + 1).trim());
      }
    }
    throw new IOException(file + " at " + offset + ": record has no Content-Length");
  }
}
