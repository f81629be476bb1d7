package org.gazette.archive;

import static org.gazette.testing.SampleExchanges.chunkedGzip;
import static org.gazette.testing.SampleExchanges.notFound;
import static org.gazette.testing.SampleExchanges.plain;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.gazette.testing.SampleExchanges;
import org.gazette.testing.WarcAssertions;

/**
 * Cuts WARC files apart and sews them back together wrong, for the tests of the classes that read
 * them: members split out, records inflated and edited, members re-compressed.
 */
final class WarcSurgery {

  private WarcSurgery() {}

  /**
   * Writes a closed WARC file in {@code dir} with a warcinfo and three exchanges (a plain page, a
   * chunked gzipped one, a 404), each with its JSON line; returns the file.
   */
  static Path sampleWarc(Path dir) throws IOException {
    try (WarcWriter writer = new WarcWriter(TestWarcs.options(dir))) {
      writer.write(plain("https://www.news.example.com/z?b=2&a=1", "<p>z</p>"), WarcSurgery::page);
      writer.write(chunkedGzip("https://news.example.com/a/", "<p>chunked</p>"), WarcSurgery::page);
      writer.write(notFound("https://news.example.com/missing"), WarcSurgery::page);
    }
    return TestWarcs.onlyWarc(dir);
  }

  /** The JSON line of a page, with its WARC location as the crawler writes it. */
  static Map<String, Object> page(WarcLocation location) {
    return Map.of("type", "article", "warc", location);
  }

  /** The gzip members of a file, in order. */
  static List<byte[]> members(Path file) throws IOException {
    byte[] data = Files.readAllBytes(file);
    List<Long> offsets = new ArrayList<>(WarcAssertions.gzipMemberOffsets(file));
    offsets.add((long) data.length);
    List<byte[]> members = new ArrayList<>();
    for (int i = 0; i + 1 < offsets.size(); i++) {
      members.add(slice(data, offsets.get(i), offsets.get(i + 1)));
    }
    return members;
  }

  /** Where each member ends, i.e. where the next begins. */
  static List<Long> memberEnds(Path file) throws IOException {
    List<Long> ends = new ArrayList<>();
    long end = 0;
    for (byte[] member : members(file)) {
      end += member.length;
      ends.add(end);
    }
    return ends;
  }

  static void writeMembers(Path file, List<byte[]> members) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    members.forEach(out::writeBytes);
    Files.write(file, out.toByteArray());
  }

  /** The decompressed content of one member (or of a whole multi-member stream). */
  static byte[] inflate(byte[] gzip) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] gzip(byte[] data) {
    return SampleExchanges.gzip(data);
  }

  /** The record of a member, as text (Latin-1, so that bytes survive the round trip). */
  static String record(byte[] member) {
    return new String(inflate(member), StandardCharsets.ISO_8859_1);
  }

  /** A member holding {@code record}, given as Latin-1 text. */
  static byte[] member(String record) {
    return gzip(record.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** A record with the value of one header field replaced (a value of the same length or not). */
  static String withHeader(String record, String name, String value) {
    return record.replaceFirst(
        "\r\n" + name + ": [^\r\n]*\r\n", "\r\n" + name + ": " + value + "\r\n");
  }

  /** The value of a header field of a record. */
  static String header(String record, String name) {
    return record.replaceFirst("(?s).*?\r\n" + name + ": ([^\r]*)\r\n.*", "$1");
  }

  static byte[] slice(byte[] data, long from, long to) {
    byte[] part = new byte[(int) (to - from)];
    System.arraycopy(data, (int) from, part, 0, part.length);
    return part;
  }

  /** A copy of {@code file} cut to its first {@code length} bytes. */
  static void copyCut(Path file, Path to, long length) throws IOException {
    Files.write(to, slice(Files.readAllBytes(file), 0, length));
  }
}
