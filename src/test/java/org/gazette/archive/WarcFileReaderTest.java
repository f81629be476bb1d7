package org.gazette.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gazette.testing.WarcAssertions;
import org.gazette.testing.WarcAssertions.ReadRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link WarcFileReader} against jwarc's reading of the same files. */
class WarcFileReaderTest {

  @TempDir Path dir;

  @Test
  void readsEveryRecordWithItsMemberOffsetAndLength() throws IOException {
    Path warc = WarcSurgery.sampleWarc(dir);
    List<ReadRecord> expected = WarcAssertions.assertValidWarc(warc);

    List<ParsedRecord> records = readAll(warc);

    assertThat(records)
        .extracting(ParsedRecord::offset)
        .containsExactlyElementsOf(expected.stream().map(ReadRecord::offset).toList());
    assertThat(records)
        .extracting(ParsedRecord::type)
        .containsExactlyElementsOf(expected.stream().map(ReadRecord::type).toList());
    assertThat(records)
        .extracting(r -> r.id().orElseThrow())
        .containsExactlyElementsOf(expected.stream().map(ReadRecord::recordId).toList());
    List<Long> ends = WarcSurgery.memberEnds(warc);
    for (int i = 0; i < records.size(); i++) {
      assertThat(records.get(i).offset() + records.get(i).length()).isEqualTo(ends.get(i));
    }
  }

  @Test
  void readsHeadersAndBlockOfARecord() throws IOException {
    Path warc = WarcSurgery.sampleWarc(dir);

    ParsedRecord response = readAll(warc).get(2);

    assertThat(response.version()).isEqualTo("WARC/1.1");
    assertThat(response.type()).isEqualTo("response");
    assertThat(response.targetUri()).contains("https://www.news.example.com/z?b=2&a=1");
    assertThat(response.header("content-length"))
        .contains(Integer.toString(response.block().length));
    assertThat(new String(response.block(), StandardCharsets.US_ASCII))
        .startsWith("HTTP/1.1 200 OK\r\n")
        .endsWith("\r\n\r\n<p>z</p>");
    assertThat(response.headers(WarcHeaders.WARC_CONCURRENT_TO)).hasSize(1);
  }

  @Test
  void readsAnUncompressedFileWithRecordOffsetsAndLengths() throws IOException {
    byte[] whole = WarcSurgery.inflate(Files.readAllBytes(WarcSurgery.sampleWarc(dir)));
    Path plain = Files.write(dir.resolve("sample.warc"), whole);

    List<ParsedRecord> records = readAll(plain);

    assertThat(records).hasSize(7);
    long next = 0;
    for (ParsedRecord record : records) {
      assertThat(record.offset()).isEqualTo(next);
      assertThat(new String(whole, (int) record.offset(), 9, StandardCharsets.US_ASCII))
          .isEqualTo("WARC/1.1\r");
      next = record.offset() + record.length();
    }
    assertThat(next).isEqualTo(whole.length);
  }

  @Test
  void unfoldsContinuationLines() throws IOException {
    String record =
        "WARC/1.1\r\n"
            + "WARC-Type: resource\r\n"
            + "X-Long: one\r\n"
            + "  two\r\n"
            + "Content-Length: 2\r\n\r\n"
            + "hi\r\n\r\n";
    Path file = Files.write(dir.resolve("folded.warc"), record.getBytes(StandardCharsets.UTF_8));

    assertThat(readAll(file).get(0).header("X-Long")).contains("one two");
  }

  @Test
  void reportsAProblemOncePerMemberAndReadsOn() throws IOException {
    Path warc = WarcSurgery.sampleWarc(dir);
    List<byte[]> members = WarcSurgery.members(warc);
    members.set(1, WarcSurgery.member("WARC/1.1\r\nno colon here\r\n\r\n"));
    WarcSurgery.writeMembers(warc, members);

    List<WarcProblem> problems = new ArrayList<>();
    List<ParsedRecord> records = readAll(warc, problems);

    assertThat(records).hasSize(6);
    assertThat(problems)
        .containsExactly(
            new WarcProblem(
                members.get(0).length, "header line is not \"name: value\": \"no colon here\""));
  }

  @Test
  void stopsAtCorruptDeflateData() throws IOException {
    Path warc = WarcSurgery.sampleWarc(dir);
    List<byte[]> members = WarcSurgery.members(warc);
    byte[] second = members.get(1);
    second[10] = (byte) 0xff; // first deflate byte: block type 3, which does not exist
    WarcSurgery.writeMembers(warc, members);

    List<WarcProblem> problems = new ArrayList<>();
    List<ParsedRecord> records = readAll(warc, problems);

    assertThat(records).hasSize(1);
    assertThat(problems)
        .singleElement()
        .extracting(WarcProblem::offset)
        .isEqualTo((long) members.get(0).length);
    assertThat(problems.get(0).message()).startsWith("corrupt deflate data");
  }

  @Test
  void reportsAFailedCrcAndReadsOn() throws IOException {
    Path warc = WarcSurgery.sampleWarc(dir);
    List<byte[]> members = WarcSurgery.members(warc);
    byte[] second = members.get(1);
    second[second.length - 8] ^= 1; // the CRC-32 in the trailer
    WarcSurgery.writeMembers(warc, members);

    List<WarcProblem> problems = new ArrayList<>();
    List<ParsedRecord> records = readAll(warc, problems);

    assertThat(records).hasSize(7);
    assertThat(records.get(1).length()).isEqualTo(-1);
    assertThat(problems)
        .containsExactly(
            new WarcProblem(members.get(0).length, "gzip member fails its CRC-32 check"));
  }

  /** Every record of a file that must have no problem. */
  private static List<ParsedRecord> readAll(Path file) throws IOException {
    List<WarcProblem> problems = new ArrayList<>();
    List<ParsedRecord> records = readAll(file, problems);
    assertThat(problems).isEmpty();
    return records;
  }

  @Test
  void reportsTwoRecordsInOneMemberWithoutALength() throws IOException {
    String record = "WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 2\r\n\r\nhi\r\n\r\n";
    Path file = dir.resolve("two.warc.gz");
    Files.write(file, WarcSurgery.member(record + record));

    List<WarcProblem> problems = new ArrayList<>();
    List<ParsedRecord> records = readAll(file, problems);

    assertThat(records).extracting(ParsedRecord::offset).containsExactly(0L, 0L);
    assertThat(records).extracting(ParsedRecord::length).containsExactly(-1L, -1L);
    assertThat(problems)
        .containsExactly(new WarcProblem(0, "records not in separate gzip members"));
  }

  private static List<ParsedRecord> readAll(Path file, List<WarcProblem> problems)
      throws IOException {
    List<ParsedRecord> records = new ArrayList<>();
    try (WarcFileReader reader = WarcFileReader.open(file)) {
      for (Optional<ParsedRecord> r = reader.next(); r.isPresent(); r = reader.next()) {
        records.add(r.get());
      }
      problems.addAll(reader.problems());
    }
    return records;
  }
}
