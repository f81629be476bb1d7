package org.gazette.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gazette.testing.SampleExchanges.chunkedGzip;
import static org.gazette.testing.SampleExchanges.notFound;
import static org.gazette.testing.SampleExchanges.plain;
import static org.gazette.testing.SampleExchanges.truncated;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.codec.binary.Base32;
import org.gazette.fetch.HttpExchange;
import org.gazette.testing.WarcAssertions;
import org.gazette.testing.WarcAssertions.ReadRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MessageHeaders;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.netpreserve.jwarc.Warcinfo;

/** What goes into a WARC file: records, headers, digests, offsets. Read back with jwarc. */
class WarcWriterTest {

  static final String ARTICLE = "<html><p>外交部回應 (AP)</p></html>";

  @TempDir Path dir;

  @Test
  void writesWarcinfoFirstThenRequestAndResponsePerExchange() throws IOException {
    List<ReadRecord> records =
        writeAndRead(
            plain("https://news.example.com/", ARTICLE),
            chunkedGzip("https://news.example.com/a.shtml", ARTICLE),
            notFound("https://news.example.com/missing"));

    assertThat(records)
        .extracting(ReadRecord::type)
        .containsExactly(
            "warcinfo", "request", "response", "request", "response", "request", "response");
    assertThat(records)
        .extracting(ReadRecord::targetUri)
        .containsExactly(
            null,
            "https://news.example.com/",
            "https://news.example.com/",
            "https://news.example.com/a.shtml",
            "https://news.example.com/a.shtml",
            "https://news.example.com/missing",
            "https://news.example.com/missing");
    assertThat(records)
        .extracting(ReadRecord::httpStatus)
        .containsExactly(0, 0, 200, 0, 200, 0, 404);
  }

  @Test
  void linksRequestAndResponseBothWaysByConcurrentTo() throws IOException {
    List<ReadRecord> records = writeAndRead(plain("https://news.example.com/", ARTICLE));

    ReadRecord request = records.get(1);
    ReadRecord response = records.get(2);
    assertThat(request.concurrentTo()).containsExactly(response.recordId());
    assertThat(response.concurrentTo()).containsExactly(request.recordId());
    assertThat(request.recordId()).isNotEqualTo(response.recordId());
  }

  @Test
  void recordsIpDateContentTypeAndWarcinfoId() throws IOException {
    writeAndRead(plain("https://news.example.com/", ARTICLE));
    List<MessageHeaders> headers = headersOf(onlyFile());
    String warcinfoId = headers.get(0).sole("WARC-Record-ID").orElseThrow();

    for (MessageHeaders h : headers.subList(1, 3)) {
      assertThat(h.sole("WARC-IP-Address")).contains("192.0.2.10");
      assertThat(h.sole("WARC-Date")).contains("2026-11-26T10:00:00.123Z");
      assertThat(h.sole("WARC-Warcinfo-ID")).contains(warcinfoId);
    }
    assertThat(headers.get(1).sole("Content-Type")).contains("application/http; msgtype=request");
    assertThat(headers.get(2).sole("Content-Type")).contains("application/http; msgtype=response");
    assertThat(headers.get(1).sole("WARC-Payload-Digest")).isEmpty();
  }

  @Test
  void leavesOutIpAddressWhenUnknown() throws IOException {
    HttpExchange exchange = withoutIp(plain("https://news.example.com/", ARTICLE));
    writeAndRead(exchange);

    assertThat(headersOf(onlyFile()).get(2).sole("WARC-IP-Address")).isEmpty();
  }

  @Test
  void keepsRequestAndResponseBytesExactlyAsExchanged() throws IOException {
    HttpExchange exchange = chunkedGzip("https://news.example.com/a.shtml", ARTICLE);
    writeAndRead(exchange);

    List<byte[]> blocks = new ArrayList<>();
    try (WarcReader reader = new WarcReader(onlyFile())) {
      for (WarcRecord record : reader) {
        blocks.add(record.body().stream().readAllBytes());
      }
    }
    assertThat(blocks.get(1)).isEqualTo(exchange.request());
    assertThat(blocks.get(2)).isEqualTo(exchange.response());
  }

  @Test
  void digestsWholeBlockAndDechunkedStillEncodedPayload() throws IOException {
    HttpExchange exchange = chunkedGzip("https://news.example.com/a.shtml", ARTICLE);
    WarcLocation location = write(exchange);
    List<ReadRecord> records = WarcAssertions.assertValidWarc(onlyFile());
    MessageHeaders response = headersOf(onlyFile()).get(2);

    byte[] bodyAsSent =
        Arrays.copyOfRange(exchange.response(), exchange.bodyOffset(), exchange.response().length);
    assertThat(response.sole("WARC-Block-Digest")).contains(sha1(exchange.response()));
    assertThat(response.sole("WARC-Payload-Digest")).contains(sha1(exchange.payload()));
    // the chunk framing is not part of the payload
    assertThat(sha1(bodyAsSent)).isNotEqualTo(sha1(exchange.payload()));
    assertThat(location.payloadDigest()).isEqualTo(sha1(exchange.payload()));
    assertThat(records.get(2).payloadDigest()).isEqualTo(location.payloadDigest());
  }

  @Test
  void marksOnlyTruncatedResponsesAsTruncated() throws IOException {
    writeAndRead(
        plain("https://news.example.com/", ARTICLE),
        truncated("https://news.example.com/big.shtml", 100_000, "<html><p>first part"));

    List<WarcTruncationReason> reasons = new ArrayList<>();
    try (WarcReader reader = new WarcReader(onlyFile())) {
      for (WarcRecord record : reader) {
        reasons.add(record.truncated());
      }
    }
    assertThat(reasons)
        .containsExactly(
            WarcTruncationReason.NOT_TRUNCATED,
            WarcTruncationReason.NOT_TRUNCATED,
            WarcTruncationReason.NOT_TRUNCATED,
            WarcTruncationReason.NOT_TRUNCATED,
            WarcTruncationReason.LENGTH);
    assertThat(headersOf(onlyFile()).get(4).sole("WARC-Truncated")).contains("length");
  }

  @Test
  void returnsOffsetOfTheResponseRecord() throws IOException {
    List<WarcLocation> locations = new ArrayList<>();
    try (WarcWriter writer = new WarcWriter(options())) {
      locations.add(writer.write(plain("https://news.example.com/", ARTICLE)));
      locations.add(writer.write(chunkedGzip("https://news.example.com/a.shtml", ARTICLE)));
    }
    List<ReadRecord> records = WarcAssertions.assertValidWarc(onlyFile());

    assertThat(locations)
        .extracting(WarcLocation::offset)
        .containsExactly(records.get(2).offset(), records.get(4).offset());
    for (WarcLocation location : locations) {
      assertThat(location.file()).isEqualTo(onlyFile().getFileName().toString());
      try (WarcReader reader = new WarcReader(FileChannel.open(onlyFile()))) {
        reader.position(location.offset());
        WarcRecord record = reader.next().orElseThrow();
        assertThat(record).isInstanceOf(WarcResponse.class);
        assertThat(record.headers().sole("WARC-Record-ID")).contains(location.recordId());
      }
    }
  }

  @Test
  void writesEachRecordAsItsOwnGzipMember() throws IOException {
    List<ReadRecord> records =
        writeAndRead(
            plain("https://news.example.com/", ARTICLE),
            chunkedGzip("https://news.example.com/a.shtml", ARTICLE));

    assertThat(WarcAssertions.gzipMemberOffsets(onlyFile()))
        .hasSize(5)
        .containsExactlyElementsOf(records.stream().map(ReadRecord::offset).toList());
  }

  @Test
  void describesTheCrawlInWarcinfo() throws IOException {
    writeAndRead(plain("https://news.example.com/", ARTICLE));

    try (WarcReader reader = new WarcReader(onlyFile())) {
      Warcinfo warcinfo = (Warcinfo) reader.next().orElseThrow();
      assertThat(warcinfo.contentType().toString()).isEqualTo("application/warc-fields");
      assertThat(warcinfo.filename()).contains(onlyFile().getFileName().toString());
      MessageHeaders fields = warcinfo.fields();
      assertThat(fields.sole("software")).contains("gazette/test");
      assertThat(fields.sole("format")).contains("WARC File Format 1.1");
      assertThat(fields.sole("conformsTo"))
          .contains(
              "http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/");
      assertThat(fields.sole("hostname")).contains("crawler1.example.org");
      assertThat(fields.sole("operator")).contains("ops@example.org");
      assertThat(fields.sole("http-header-user-agent")).contains(TestWarcs.USER_AGENT);
      assertThat(fields.sole("robots")).contains("obey");
      assertThat(fields.sole("isPartOf")).contains("portal");
      assertThat(fields.sole("gazette-run")).contains("run-7");
    }
  }

  @Test
  void writesMetadataThatRefersToTheResponse() throws IOException {
    HttpExchange exchange = plain("https://news.example.com/", ARTICLE);
    WarcLocation response;
    WarcLocation metadata;
    try (WarcWriter writer = new WarcWriter(options())) {
      response = writer.write(exchange);
      metadata =
          writer.writeMetadata(
              exchange.uri(),
              exchange.date(),
              response.recordId(),
              WarcContentTypes.WARC_FIELDS,
              MetadataRecord.outlinks(
                  List.of(java.net.URI.create("https://news.example.com/a.shtml"))));
    }
    List<ReadRecord> records = WarcAssertions.assertValidWarc(onlyFile());
    MessageHeaders headers = headersOf(onlyFile()).get(3);

    assertThat(records.get(3).type()).isEqualTo("metadata");
    assertThat(records.get(3).offset()).isEqualTo(metadata.offset());
    assertThat(headers.sole("WARC-Refers-To")).contains(response.recordId());
    assertThat(headers.sole("WARC-Target-URI")).contains("https://news.example.com/");
    assertThat(metadata.payloadDigest()).isNull();
  }

  @Test
  void keepsEachRequestNextToItsResponseUnderConcurrentWrites() throws Exception {
    int threads = 8;
    int perThread = 20;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (WarcWriter writer = new WarcWriter(options().maxFileSize(8_000))) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    String uri = "https://news.example.com/" + thread + "/" + i;
                    writer.write(i % 2 == 0 ? plain(uri, ARTICLE) : chunkedGzip(uri, ARTICLE));
                  }
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    List<ReadRecord> records = WarcAssertions.assertValidArchive(dir);

    assertThat(records.stream().filter(r -> r.type().equals("response")))
        .hasSize(threads * perThread);
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i).type().equals("response")) {
        assertThat(records.get(i - 1).recordId()).isEqualTo(records.get(i).concurrentTo().get(0));
      }
    }
  }

  @Test
  void rejectsAnExchangeWithoutDateBeforeMakingAnyFile() {
    HttpExchange good = plain("https://news.example.com/", ARTICLE);
    HttpExchange noDate =
        new HttpExchange(
            good.uri(),
            null,
            good.ip(),
            good.request(),
            good.response(),
            good.bodyOffset(),
            good.status(),
            good.headers(),
            good.payload(),
            good.truncation(),
            1);

    try (WarcWriter writer = new WarcWriter(options())) {
      assertThatThrownBy(() -> writer.write(noDate))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("https://news.example.com/");
      assertThat(writer.currentFile()).isEmpty();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertThat(dir).isEmptyDirectory();
  }

  private WarcWriterOptions options() {
    return TestWarcs.options(dir);
  }

  private WarcLocation write(HttpExchange exchange) throws IOException {
    try (WarcWriter writer = new WarcWriter(options())) {
      return writer.write(exchange);
    }
  }

  private List<ReadRecord> writeAndRead(HttpExchange... exchanges) throws IOException {
    try (WarcWriter writer = new WarcWriter(options())) {
      for (HttpExchange exchange : exchanges) {
        writer.write(exchange);
      }
    }
    return WarcAssertions.assertValidWarc(onlyFile());
  }

  private Path onlyFile() throws IOException {
    return TestWarcs.onlyWarc(dir);
  }

  static List<MessageHeaders> headersOf(Path warc) throws IOException {
    List<MessageHeaders> headers = new ArrayList<>();
    try (WarcReader reader = new WarcReader(warc)) {
      for (WarcRecord record : reader) {
        headers.add(record.headers());
      }
    }
    return headers;
  }

  // independent of WarcDigest: the JDK's SHA-1 and commons-codec's Base32
  static String sha1(byte[] data) {
    try {
      return "sha1:" + new Base32().encodeAsString(MessageDigest.getInstance("SHA-1").digest(data));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpExchange withoutIp(HttpExchange e) {
    return new HttpExchange(
        e.uri(),
        e.date(),
        null,
        e.request(),
        e.response(),
        e.bodyOffset(),
        e.status(),
        e.headers(),
        e.payload(),
        e.truncation(),
        e.elapsedMillis());
  }
}
