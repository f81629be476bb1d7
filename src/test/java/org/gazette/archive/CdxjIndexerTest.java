package org.gazette.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gazette.testing.SampleExchanges;
import org.gazette.testing.WarcAssertions;
import org.gazette.testing.WarcAssertions.ReadRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;

/** {@link CdxjIndexer}: pywb's CDXJ lines, each pointing at exactly its record. */
class CdxjIndexerTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void writesOneSortedLinePerResponse() throws IOException {
    Path warc = WarcSurgery.sampleWarc(dir);

    CdxjIndexer.Result index = CdxjIndexer.index(warc);

    assertThat(index.problems()).isEmpty();
    // written z, a, missing: sorted a, missing, z
    assertThat(index.lines())
        .extracting(line -> line.substring(0, line.indexOf(' ')))
        .containsExactly(
            "com,example,news)/a", "com,example,news)/missing", "com,example,news)/z?a=1&b=2");
  }

  @Test
  void writesTheFieldsOfCdxjIndexerInItsOrderAndSpacing() throws IOException {
    Path warc = WarcSurgery.sampleWarc(dir);
    ReadRecord response = WarcAssertions.assertValidWarc(warc).get(2);
    List<Long> ends = WarcSurgery.memberEnds(warc);

    String line = CdxjIndexer.index(warc).lines().get(2);

    assertThat(line)
        .isEqualTo(
            "com,example,news)/z?a=1&b=2 20261126100000 {\"url\":"
                + " \"https://www.news.example.com/z?b=2&a=1\", \"mime\": \"text/html\","
                + " \"status\": \"200\", \"digest\": \""
                + response.payloadDigest().substring(5)
                + "\", \"length\": \""
                + (ends.get(2) - ends.get(1))
                + "\", \"offset\": \""
                + ends.get(1)
                + "\", \"filename\": \""
                + warc.getFileName()
                + "\"}");
  }

  @Test
  void eachLinesOffsetAndLengthReadBackExactlyItsRecord() throws IOException {
    Path warc = WarcSurgery.sampleWarc(dir);
    byte[] data = Files.readAllBytes(warc);

    List<String> lines = CdxjIndexer.index(warc).lines();

    assertThat(lines).hasSize(3);
    for (String line : lines) {
      JsonNode fields = JSON.readTree(line.substring(line.indexOf('{')));
      long offset = Long.parseLong(fields.get("offset").asText());
      long length = Long.parseLong(fields.get("length").asText());
      URI id;
      try (WarcReader reader = new WarcReader(warc)) {
        reader.position(offset);
        WarcRecord record = reader.next().orElseThrow();
        assertThat(record).isInstanceOf(WarcResponse.class);
        WarcResponse response = (WarcResponse) record;
        assertThat(response.target()).isEqualTo(fields.get("url").asText());
        assertThat(response.http().status()).hasToString(fields.get("status").asText());
        assertThat(response.payloadDigest().orElseThrow().base32())
            .isEqualTo(fields.get("digest").asText());
        id = response.id();
      }
      // the length covers that record whole, and nothing more
      byte[] member = WarcSurgery.slice(data, offset, offset + length);
      try (WarcReader reader = new WarcReader(new ByteArrayInputStream(member))) {
        assertThat(reader.next()).get().extracting(WarcRecord::id).isEqualTo(id);
        assertThat(reader.next()).as("records after the one of %s", line).isEmpty();
      }
    }
  }

  @Test
  void indexesAnUncompressedFileAtRecordOffsets() throws IOException {
    byte[] whole = WarcSurgery.inflate(Files.readAllBytes(WarcSurgery.sampleWarc(dir)));
    Path plain = Files.write(dir.resolve("sample.warc"), whole);

    for (String line : CdxjIndexer.index(plain).lines()) {
      JsonNode fields = JSON.readTree(line.substring(line.indexOf('{')));
      long offset = Long.parseLong(fields.get("offset").asText());
      long length = Long.parseLong(fields.get("length").asText());
      try (WarcReader reader =
          new WarcReader(
              new ByteArrayInputStream(WarcSurgery.slice(whole, offset, offset + length)))) {
        assertThat(reader.next()).get().isInstanceOf(WarcResponse.class);
        assertThat(reader.next()).isEmpty();
      }
    }
  }

  @Test
  void indexesARevisitAsWarcRevisit() throws IOException {
    Path warc = WarcSurgery.sampleWarc(dir);
    List<byte[]> members = new ArrayList<>(WarcSurgery.members(warc));
    String head = "HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n\r\n";
    String revisit =
        "WARC/1.1\r\nWARC-Type: revisit\r\n"
            + "WARC-Record-ID: <urn:uuid:11111111-2222-3333-4444-555555555555>\r\n"
            + "WARC-Date: 2026-11-27T08:30:00Z\r\n"
            + "WARC-Target-URI: https://news.example.com/a/\r\n"
            + "WARC-Profile: http://netpreserve.org/warc/1.1/revisit/server-not-modified\r\n"
            + "WARC-Payload-Digest: sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ\r\n"
            + "Content-Type: application/http; msgtype=response\r\n"
            + "Content-Length: "
            + head.length()
            + "\r\n\r\n"
            + head
            + "\r\n\r\n";
    members.add(WarcSurgery.member(revisit));
    WarcSurgery.writeMembers(warc, members);
    long offset = Files.size(warc) - members.get(members.size() - 1).length;

    List<String> lines = CdxjIndexer.index(warc).lines();

    assertThat(lines).hasSize(4);
    assertThat(lines.get(1))
        .isEqualTo(
            "com,example,news)/a 20261127083000 {\"url\": \"https://news.example.com/a/\","
                + " \"mime\": \"warc/revisit\", \"status\": \"304\","
                + " \"digest\": \"3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ\", \"length\": \""
                + members.get(members.size() - 1).length
                + "\", \"offset\": \""
                + offset
                + "\", \"filename\": \""
                + warc.getFileName()
                + "\"}");
    try (WarcReader reader = new WarcReader(warc)) {
      reader.position(offset);
      assertThat(reader.next()).get().isInstanceOf(WarcRevisit.class);
    }
  }

  @Test
  void indexesTheRevisitsTheWriterWrites() throws IOException {
    String uri = "https://news.example.com/a";
    WarcLocation first;
    WarcLocation revisit;
    try (WarcWriter writer = new WarcWriter(TestWarcs.options(dir))) {
      first = writer.write(SampleExchanges.notFound(uri));
      revisit =
          writer.writeRevisit(
              SampleExchanges.notFound(uri),
              RevisitRecord.Profile.IDENTICAL_PAYLOAD_DIGEST,
              new RevisitTarget(
                  first.recordId(), uri, SampleExchanges.DATE, first.payloadDigest()));
    }

    List<String> lines = CdxjIndexer.index(TestWarcs.onlyWarc(dir)).lines();

    assertThat(lines).hasSize(2);
    // one key and timestamp: "text/plain" sorts before "warc/revisit"
    assertThat(lines.get(0))
        .contains("\"mime\": \"text/plain\", \"status\": \"404\"")
        .contains("\"offset\": \"" + first.offset() + "\"");
    assertThat(lines.get(1))
        .contains(
            "\"mime\": \"warc/revisit\", \"status\": \"404\", \"digest\": \""
                + first.payloadDigest().substring(5)
                + "\"")
        .contains("\"offset\": \"" + revisit.offset() + "\"");
  }

  @Test
  void writesTheIndexBesideTheWarcFile() throws IOException {
    Path warc = WarcSurgery.sampleWarc(dir);
    List<String> lines = CdxjIndexer.index(warc).lines();

    Path cdxj = CdxjIndexer.writeBeside(warc, lines);

    assertThat(cdxj.getFileName().toString())
        .isEqualTo(warc.getFileName().toString().replace(".warc.gz", ".cdxj"));
    assertThat(Files.readString(cdxj, StandardCharsets.UTF_8))
        .isEqualTo(String.join("\n", lines) + "\n");
  }
}
