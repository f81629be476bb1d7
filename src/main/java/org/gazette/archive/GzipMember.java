package org.gazette.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Compresses one record into one gzip member, the form of {@code .warc.gz} in which the offset of a
 * member is the offset of its record, so that a reader can seek straight to it.
 */
final class GzipMember {

  private GzipMember() {}

  /** The record, compressed as a complete gzip member (header, deflate stream, trailer). */
  static byte[] of(WarcRecord record) throws IOException {
    // Compressed in memory rather than straight into the file: the block is in memory already,
    // and a record that reaches the file in one write can be rolled back in one truncate.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) record.contentLength() / 2 + 512);
    try (GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(bytes)) {
      record.writeTo(gzip);
    }
    return bytes.toByteArray();
  }
}
