package org.gazette.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import org.gazette.archive.WarcLocation;
import org.gazette.archive.WarcWriter;
import org.gazette.archive.WarcWriterOptions;
import org.gazette.archive.Warcinfo;
import org.gazette.fetch.HttpExchange;

/**
 * Which deflate level gazette's WARC files are written at, found from the output rather than the
 * source: writes one plain-HTML exchange with {@link WarcWriter}, takes the response record's gzip
 * member out of the file, and compresses the record again with {@link Deflater} at levels 1 to 9;
 * the level whose deflate stream is byte for byte gazette's is the one in use. Also prints the
 * gzip header's XFL and OS bytes. Run with {@code bench/warc-write.sh level}.
 */
public final class GzipLevelCheck {

  private GzipLevelCheck() {}

  public static void main(String[] args) throws Exception {
    HttpExchange exchange =
        NewsExchanges.build(1, NewsExchanges.Encoding.PLAIN).exchanges().get(0);
    Path folder = Files.createTempDirectory("gazette-level-");
    try {
      WarcWriterOptions options =
          new WarcWriterOptions(folder, Warcinfo.of("bench", "level-check",
                  "gazette/bench (+https://example.org/bench)", "bench@example.org"))
              .node("bench");
      WarcLocation at;
      try (WarcWriter writer = new WarcWriter(options)) {
        at = writer.write(exchange);
      }
      byte[] file = Files.readAllBytes(folder.resolve(at.file()));
      // the response is the last record written: its member runs to the end of the file
      byte[] member = Arrays.copyOfRange(file, (int) at.offset(), file.length);
      byte[] record = new GZIPInputStream(new ByteArrayInputStream(member)).readAllBytes();
      byte[] stream = Arrays.copyOfRange(member, 10, member.length - 8);
      System.out.printf("response record: %,d bytes, its gzip member %,d bytes; "
              + "header XFL=%d, OS=%d%n", record.length, member.length, member[8] & 0xff,
          member[9] & 0xff);
      for (int level = 1; level <= 9; level++) {
        byte[] again = deflate(record, level);
        System.out.printf("level %d: %,6d bytes%s%n", level, again.length,
            Arrays.equals(again, stream) ? "  <- byte for byte gazette's" : "");
      }
    } finally {
      try (Stream<Path> files = Files.walk(folder)) {
        List<Path> all = files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList();
        for (Path p : all) {
          Files.delete(p);
        }
      }
    }
  }

  private static byte[] deflate(byte[] data, int level) {
    Deflater deflater = new Deflater(level, true);
    try {
      deflater.setInput(data);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
      byte[] buffer = new byte[65536];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }
}
