package org.gazette.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gazette.archive.WarcSurgery.header;
import static org.gazette.archive.WarcSurgery.member;
import static org.gazette.archive.WarcSurgery.members;
import static org.gazette.archive.WarcSurgery.record;
import static org.gazette.archive.WarcSurgery.withHeader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.codec.binary.Base32;
import org.gazette.testing.SampleExchanges;
import org.gazette.testing.WarcAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link WarcVerifier} on files the writer wrote, and on the same files broken one way at a time.
 * Members of the sample file: 0 warcinfo, then request and response of a plain page (1, 2), of a
 * chunked gzipped page (3, 4) and of a 404 (5, 6).
 */
class WarcVerifierTest {

  @TempDir Path dir;
  Path warc;
  List<byte[]> members;
  final List<Long> starts = new ArrayList<>();

  @BeforeEach
  void writeSample() throws IOException {
    warc = WarcSurgery.sampleWarc(dir.resolve("in"));
    members = members(warc);
    starts.add(0L);
    starts.addAll(WarcSurgery.memberEnds(warc));
  }

  @Test
  void passesAFileTheWriterWrote() throws IOException {
    WarcVerifier.Report report = WarcVerifier.verify(warc);

    assertThat(report.problems()).isEmpty();
    assertThat(report.ok()).isTrue();
    assertThat(report.records())
        .isEqualTo(7)
        .isEqualTo(WarcAssertions.assertValidWarc(warc).size());
  }

  @Test
  void passesRevisitAndMetadataRecords() throws IOException {
    Path site = dir.resolve("revisits");
    try (WarcWriter writer = new WarcWriter(TestWarcs.options(site))) {
      String uri = "https://news.example.com/a";
      WarcLocation first = writer.write(SampleExchanges.plain(uri, "<p>a</p>"));
      writer.writeMetadata(
          URI.create(uri),
          SampleExchanges.DATE,
          first.recordId(),
          WarcContentTypes.JSON,
          "{}".getBytes(StandardCharsets.UTF_8));
      writer.writeRevisit(
          SampleExchanges.plain(uri, "<p>a</p>"),
          RevisitRecord.Profile.IDENTICAL_PAYLOAD_DIGEST,
          new RevisitTarget(first.recordId(), uri, SampleExchanges.DATE, first.payloadDigest()));
    }

    WarcVerifier.Report report = WarcVerifier.verify(TestWarcs.onlyWarc(site));

    assertThat(report.problems()).isEmpty();
    assertThat(report.records()).isEqualTo(6);
  }

  @Test
  void passesTheSameFileUncompressed() throws IOException {
    Path plain = dir.resolve("sample.warc");
    Files.write(plain, WarcSurgery.inflate(Files.readAllBytes(warc)));

    WarcVerifier.Report report = WarcVerifier.verify(plain);

    assertThat(report.problems()).isEmpty();
    assertThat(report.records()).isEqualTo(7);
  }

  @Test
  void failsOnAFlippedByteInABlock() throws IOException {
    byte[] record = WarcSurgery.inflate(members.get(2));
    record[record.length - 6] ^= 1; // in the body, before the record's closing CRLF CRLF
    members.set(2, WarcSurgery.gzip(record));

    List<String> problems = problems(broken(members));

    assertThat(problems)
        .anyMatch(p -> p.startsWith(offset(2) + "WARC-Block-Digest does not match the block"))
        .anyMatch(p -> p.startsWith(offset(2) + "WARC-Payload-Digest does not match the payload"))
        .hasSize(2);
  }

  @Test
  void failsOnAFlippedByteInTheCompressedData() throws IOException {
    members.get(4)[members.get(4).length / 2] ^= 0x10;

    List<String> problems = problems(broken(members));

    // which check fails depends on where the flip lands in the deflate data, not where
    assertThat(problems).anyMatch(p -> p.startsWith(offset(4)));
  }

  @Test
  void failsOnATruncatedFileNamingTheMemberCut() throws IOException {
    Path cut = dir.resolve("cut.warc.gz");
    WarcSurgery.copyCut(warc, cut, Files.size(warc) - 20);

    WarcVerifier.Report report = WarcVerifier.verify(cut);

    assertThat(report.records()).isEqualTo(6);
    assertThat(report.problems())
        .extracting(WarcProblem::toString)
        .hasSize(2)
        .anyMatch(p -> p.startsWith(offset(5) + "WARC-Concurrent-To")) // to the record cut off
        .last()
        .asString()
        .startsWith(offset(6) + "file ends inside the deflate data of the gzip member, at byte ");
  }

  @Test
  void failsOnAnUncompressedFileCutInsideABlock() throws IOException {
    byte[] whole = WarcSurgery.inflate(Files.readAllBytes(warc));
    Path cut = dir.resolve("cut.warc");
    Files.write(cut, WarcSurgery.slice(whole, 0, whole.length - 10));

    List<String> problems = problems(cut);

    assertThat(problems)
        .hasSize(2)
        .last()
        .asString()
        .matches("offset \\d+: record ends inside its block, after \\d+ of \\d+ bytes");
  }

  @Test
  void failsOnRecordsInOneGzipStream() throws IOException {
    Path single = dir.resolve("single.warc.gz");
    Files.write(single, WarcSurgery.gzip(WarcSurgery.inflate(Files.readAllBytes(warc))));

    WarcVerifier.Report report = WarcVerifier.verify(single);

    assertThat(report.records()).isEqualTo(7);
    assertThat(report.problems())
        .extracting(WarcProblem::toString)
        .containsExactly("offset 0: records not in separate gzip members");
  }

  @Test
  void failsOnAWrongBlockDigestHeader() throws IOException {
    String wrong = "sha1:" + new Base32().encodeAsString(new byte[20]);
    members.set(1, member(withHeader(record(members.get(1)), "WARC-Block-Digest", wrong)));

    assertThat(problems(broken(members)))
        .singleElement()
        .asString()
        .startsWith(offset(1) + "WARC-Block-Digest does not match the block (declared " + wrong);
  }

  @Test
  void acceptsABase16Digest() throws IOException {
    String record = record(members.get(2));
    String base32 = header(record, "WARC-Payload-Digest").substring(5);
    String hex = HexFormat.of().formatHex(new Base32().decode(base32));
    members.set(2, member(withHeader(record, "WARC-Payload-Digest", "sha1:" + hex)));

    assertThat(problems(broken(members))).isEmpty();
  }

  @Test
  void failsOnADuplicateRecordId() throws IOException {
    members.add(members.get(6));

    assertThat(problems(broken(members)))
        .singleElement()
        .asString()
        .matches(
            offset(7)
                + "WARC-Record-ID <urn:uuid:[0-9a-f-]+> already used at offset "
                + starts.get(6));
  }

  @Test
  void failsOnAConcurrentToThatPointsNowhere() throws IOException {
    String nowhere = "<urn:uuid:00000000-0000-0000-0000-000000000000>";
    members.set(4, member(withHeader(record(members.get(4)), "WARC-Concurrent-To", nowhere)));

    assertThat(problems(broken(members)))
        .containsExactly(
            offset(4) + "WARC-Concurrent-To " + nowhere + " names no record in this file");
  }

  @Test
  void failsWhenWarcinfoIsNotFirst() throws IOException {
    members.add(members.remove(0));

    assertThat(problems(broken(members)))
        .containsExactly("offset 0: first record is a request record, not a warcinfo");
  }

  @Test
  void failsOnMissingAndMalformedMandatoryFields() throws IOException {
    String record = record(members.get(5));
    record = withHeader(record, "WARC-Date", "26 Nov 2026 10:00:00 GMT");
    record = withHeader(record, "WARC-Type", "reqest");
    record = record.replaceFirst("WARC-Record-ID: <([^>]*)>", "WARC-Record-ID: $1");
    members.set(5, member(record));

    assertThat(problems(broken(members)))
        .contains(
            offset(5)
                + "WARC-Record-ID is not a URI in angle brackets: urn:uuid:"
                + header(record, "WARC-Record-ID").substring(9),
            offset(5) + "WARC-Date is not an ISO-8601 UTC date-time: 26 Nov 2026 10:00:00 GMT",
            offset(5) + "unknown WARC-Type reqest");
  }

  @Test
  void failsOnAContentLengthThatDoesNotMatchTheBlock() throws IOException {
    String record = record(members.get(6));
    int length = Integer.parseInt(header(record, "Content-Length"));
    members.set(6, member(withHeader(record, "Content-Length", Integer.toString(length - 2))));

    // the record is not read, so the request linked to it now points nowhere
    assertThat(problems(broken(members)))
        .containsExactly(
            offset(5)
                + "WARC-Concurrent-To "
                + header(record(members.get(5)), "WARC-Concurrent-To")
                + " names no record in this file",
            offset(6) + "no CRLF CRLF after the block: Content-Length does not match the block");
  }

  @Test
  void failsOnAnEmptyGzipMemberAndGoesOn() throws IOException {
    members.add(3, WarcSurgery.gzip(new byte[0]));

    assertThat(problems(broken(members)))
        .containsExactly(offset(3) + "gzip member holds no record");
  }

  @Test
  void failsOnGarbageAfterTheLastMember() throws IOException {
    members.add("not gzip".getBytes(StandardCharsets.US_ASCII));

    assertThat(problems(broken(members)))
        .containsExactly(offset(7) + "not a gzip member (no gzip magic number)");
  }

  @Test
  void failsOnAFileWithoutRecords() throws IOException {
    Path empty = Files.write(dir.resolve("empty.warc.gz"), new byte[0]);

    assertThat(problems(empty)).containsExactly("offset 0: no WARC record");
  }

  /** Offset of member {@code index} in the sample file, as problems start: {@code offset N: }. */
  private String offset(int index) {
    return "offset " + starts.get(index) + ": ";
  }

  private Path broken(List<byte[]> parts) throws IOException {
    Path file = dir.resolve("broken.warc.gz");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ArrayList<>(parts).forEach(out::writeBytes);
    return Files.write(file, out.toByteArray());
  }

  private static List<String> problems(Path file) throws IOException {
    return WarcVerifier.verify(file).problems().stream().map(WarcProblem::toString).toList();
  }
}
