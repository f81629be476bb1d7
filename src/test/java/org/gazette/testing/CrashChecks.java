package org.gazette.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * What a crash may and may not do to an archive, checked from the outside: on the bytes a killed
 * process left, read without gazette's own reader, and on the files the next run made of them.
 * Used by the kill tests and by {@code bench/kill-crawl.sh}.
 */
public final class CrashChecks {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A whole gzip member of a damaged file, with the WARC headers of the record it holds.
   *
   * @param offset where the member begins
   * @param end where it ends (the next member begins)
   * @param type its WARC-Type
   * @param id its WARC-Record-ID
   * @param concurrentTo its WARC-Concurrent-To values
   */
  public record Member(long offset, long end, String type, String id, List<String> concurrentTo) {}

  /**
   * What a repair did to one damaged file, as measured against the bytes before it.
   *
   * @param file the file's final name
   * @param damagedBytes its length when the process died
   * @param wholeRecords the whole records it held then
   * @param keptBytes its length after the repair (0 if the repair deleted it)
   * @param keptRecords the records the repair kept
   * @param lostInFlight 1 if the repair dropped a whole request whose response had not been
   *     written (the exchange in flight), else 0
   */
  public record Repair(String file, long damagedBytes, int wholeRecords, long keptBytes,
      int keptRecords, int lostInFlight) {}

  private CrashChecks() {}

  /** The {@code *.open} files in {@code dir}, sorted; none if the folder does not exist. */
  public static List<Path> openFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".open")).sorted().toList();
    }
  }

  /**
   * The whole gzip members at the start of {@code file}, each holding a whole WARC record, up to
   * the first that is cut short or malformed: what no repair may drop, except the request of an
   * exchange whose response never made it. Read with the JDK's {@link Inflater}, CRC and length
   * of each member checked against its trailer, and the record's Content-Length against its
   * block.
   */
  public static List<Member> wholeMembers(Path file) throws IOException {
    byte[] data = Files.readAllBytes(file);
    List<Member> members = new ArrayList<>();
    int pos = 0;
    while (pos < data.length) {
      Member m = member(data, pos);
      if (m == null) {
        break;
      }
      members.add(m);
      pos = (int) m.end();
    }
    return members;
  }

  /**
   * Asserts that the repair of a file a killed process left open lost nothing whole: the repaired
   * file is a byte-for-byte prefix of the damaged one that keeps every whole record, except at
   * most the request of the exchange in flight (its response never written); and its JSON lines
   * are the damaged file's complete lines less exactly those that pointed at what was cut.
   *
   * @param damagedWarc a copy of the {@code .warc.gz.open} file, taken after the kill and before
   *     any repair
   * @param damagedJsonl a copy of the {@code .jsonl.open} beside it (may not exist)
   * @param dir the folder the next runs repaired it in
   * @return what the repair did
   */
  public static Repair assertRepairLostAtMostTheRecordInFlight(Path damagedWarc,
      Path damagedJsonl, Path dir) throws IOException {
    String finalName = damagedWarc.getFileName().toString().replaceFirst("\\.open$", "");
    String jsonlName = finalName.replaceFirst("\\.warc\\.gz$", ".jsonl");
    Path repaired = dir.resolve(finalName);
    Path repairedJsonl = dir.resolve(jsonlName);
    byte[] damaged = Files.readAllBytes(damagedWarc);
    List<Member> whole = wholeMembers(damagedWarc);
    String what = "repair of " + finalName + " (" + damaged.length + " bytes, " + whole.size()
        + " whole records when the process died)";
    assertThat(dir.resolve(finalName + ".open")).as(what + ": still open").doesNotExist();
    if (!Files.exists(repaired)) {
      // the repair deletes a file without one whole record; anything more must be kept
      assertThat(whole).as(what + ": deleted, yet it held whole records").isEmpty();
      assertThat(repairedJsonl).as(what + ": deleted, its JSON lines too").doesNotExist();
      return new Repair(finalName, damaged.length, 0, 0, 0, 0);
    }
    byte[] kept = Files.readAllBytes(repaired);
    assertThat(kept.length).as(what + ": kept bytes").isLessThanOrEqualTo(damaged.length);
    assertThat(Arrays.equals(kept, 0, kept.length, damaged, 0, kept.length))
        .as(what + ": the repaired file is the damaged file's first %d bytes", kept.length)
        .isTrue();
    List<Member> lost = whole.stream().filter(m -> m.end() > kept.length).toList();
    List<Member> keptMembers = whole.stream().filter(m -> m.end() <= kept.length).toList();
    assertThat(keptMembers.isEmpty() ? 0L : keptMembers.get(keptMembers.size() - 1).end())
        .as(what + ": the cut is at the end of a whole record").isEqualTo((long) kept.length);
    assertThat(lost.size()).as(what + ": whole records dropped %s", lost).isLessThanOrEqualTo(1);
    if (!lost.isEmpty()) {
      Member request = lost.get(0);
      Set<String> ids = whole.stream().map(Member::id).collect(Collectors.toSet());
      assertThat(request.type())
          .as(what + ": the one record dropped must be a request whose response was not written")
          .isEqualTo("request");
      assertThat(ids).as(what + ": the response of the request dropped")
          .doesNotContainAnyElementsOf(request.concurrentTo());
    }
    // later runs may have appended the records of pages they replayed from this file
    List<String> expected = expectedJsonLines(damagedJsonl, finalName, kept.length);
    List<String> lines = readLines(repairedJsonl);
    assertThat(lines).as(what + ": JSON lines").hasSizeGreaterThanOrEqualTo(expected.size());
    assertThat(lines.subList(0, expected.size()))
        .as(what + ": JSON lines kept by the repair")
        .containsExactlyElementsOf(expected);
    return new Repair(finalName, damaged.length, whole.size(), kept.length, keptMembers.size(),
        lost.size());
  }

  /**
   * The lines of a damaged {@code .jsonl.open} a repair must keep: the complete ones, less those
   * pointing into this WARC file at or past the cut. A line about a record of another file
   * (written when a resumed run replays a page from the archive) is not the cut's business.
   */
  private static List<String> expectedJsonLines(Path damagedJsonl, String warcName, long cut)
      throws IOException {
    if (!Files.exists(damagedJsonl)) {
      return List.of();
    }
    String text = Files.readString(damagedJsonl, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    String last = lines.remove(lines.size() - 1); // "" after a final newline
    if (!last.isEmpty() && parses(last)) {
      lines.add(last); // a whole record that only lacks its newline is kept
    }
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      JsonNode warc = JSON.readTree(line).path("warc");
      boolean pointsPastCut = warc.path("file").asText().equals(warcName)
          && warc.path("offset").asLong() >= cut;
      if (!pointsPastCut) {
        out.add(line);
      }
    }
    return out;
  }

  /**
   * Asserts that every JSON line of every {@code .jsonl} in {@code dir} points at a record that
   * exists: in the WARC file beside it, at its offset, with its record id and payload digest, a
   * response or revisit for the line's URL; and that no record has two JSON lines.
   *
   * @param records every record of the folder, as {@link WarcAssertions#assertValidArchive} read
   * @return how many JSON lines there are, by their URL
   */
  public static Map<String, Integer> assertJsonLinesPointAtRecords(Path dir,
      List<WarcAssertions.ReadRecord> records) throws IOException {
    Map<String, WarcAssertions.ReadRecord> at = new HashMap<>();
    for (WarcAssertions.ReadRecord r : records) {
      at.put(r.file() + "@" + r.offset(), r);
    }
    Map<String, Integer> byUrl = new HashMap<>();
    Set<String> ids = new java.util.HashSet<>();
    List<Path> jsonl;
    try (Stream<Path> files = Files.list(dir)) {
      jsonl = files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
    }
    for (Path file : jsonl) {
      int n = 0;
      for (String line : readLines(file)) {
        n++;
        String where = file.getFileName() + ":" + n;
        JsonNode record = JSON.readTree(line);
        JsonNode warc = record.path("warc");
        String url = record.path("url").asText();
        WarcAssertions.ReadRecord target =
            at.get(warc.path("file").asText() + "@" + warc.path("offset").asLong());
        assertThat(warc.path("file").asText()).as("%s: a JSON line lies beside its record", where)
            .isEqualTo(file.getFileName().toString().replaceFirst("\\.jsonl$", ".warc.gz"));
        assertThat(target).as("%s: the record %s points at (%s)", where, warc, url).isNotNull();
        assertThat(target.recordId()).as("%s: record id", where)
            .isEqualTo(warc.path("record_id").asText());
        assertThat(target.type()).as("%s: record type", where).isIn("response", "revisit");
        assertThat(target.targetUri()).as("%s: the record's URL", where).isEqualTo(url);
        assertThat(target.payloadDigest()).as("%s: payload digest", where)
            .isEqualTo(warc.path("payload_digest").asText());
        assertThat(ids.add(target.recordId()))
            .as("%s: a second JSON line for record %s", where, target.recordId()).isTrue();
        byUrl.merge(url, 1, Integer::sum);
      }
    }
    return byUrl;
  }

  /** The lines of a text file, none if it does not exist; a last line without newline counts. */
  private static List<String> readLines(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  private static boolean parses(String line) {
    try {
      JSON.readTree(line);
      return true;
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /** The whole member at {@code start}, or null if it is cut short or malformed. */
  private static Member member(byte[] data, int start) {
    if (data.length - start < 18 || (data[start] & 0xff) != 0x1f
        || (data[start + 1] & 0xff) != 0x8b || data[start + 2] != 8) {
      return null;
    }
    int p = start + 10;
    int flags = data[start + 3];
    try {
      if ((flags & 4) != 0) {
        p += 2 + ((data[p] & 0xff) | (data[p + 1] & 0xff) << 8);
      }
      if ((flags & 8) != 0) {
        while (data[p++] != 0) { }
      }
      if ((flags & 16) != 0) {
        while (data[p++] != 0) { }
      }
      if ((flags & 2) != 0) {
        p += 2;
      }
    } catch (ArrayIndexOutOfBoundsException cut) {
      return null;
    }
    if (p >= data.length) {
      return null;
    }
    Inflater inflater = new Inflater(true);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      inflater.setInput(data, p, data.length - p);
      byte[] buf = new byte[16384];
      while (!inflater.finished()) {
        int n = inflater.inflate(buf);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          return null;
        }
        out.write(buf, 0, n);
      }
      int trailer = data.length - inflater.getRemaining();
      if (trailer + 8 > data.length) {
        return null;
      }
      byte[] block = out.toByteArray();
      CRC32 crc = new CRC32();
      crc.update(block);
      if ((int) crc.getValue() != le32(data, trailer) || block.length != le32(data, trailer + 4)) {
        return null;
      }
      return record(block, start, trailer + 8);
    } catch (DataFormatException e) {
      return null;
    } finally {
      inflater.end();
    }
  }

  /** The WARC headers of a record that fills {@code block} exactly, or null. */
  private static Member record(byte[] block, long offset, long end) {
    int headerEnd = indexOf(block, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    if (headerEnd < 0) {
      return null;
    }
    String type = null;
    String id = null;
    long length = -1;
    List<String> concurrentTo = new ArrayList<>();
    for (String line : new String(block, 0, headerEnd, StandardCharsets.UTF_8).split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      switch (name.toLowerCase(java.util.Locale.ROOT)) {
        case "warc-type" -> type = value;
        case "warc-record-id" -> id = value;
        case "warc-concurrent-to" -> concurrentTo.add(value);
        case "content-length" -> length = Long.parseLong(value);
        default -> { }
      }
    }
    // header, block of Content-Length bytes, then the two CRLFs that end a record
    if (type == null || id == null || headerEnd + 4 + length + 4 != block.length) {
      return null;
    }
    return new Member(offset, end, type, id, List.copyOf(concurrentTo));
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= data.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static int le32(byte[] data, int at) {
    return (data[at] & 0xff) | (data[at + 1] & 0xff) << 8 | (data[at + 2] & 0xff) << 16
        | (data[at + 3] & 0xff) << 24;
  }
}
