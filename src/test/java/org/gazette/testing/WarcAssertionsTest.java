package org.gazette.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.gazette.archive.WarcWriter;
import org.gazette.archive.WarcWriterOptions;
import org.gazette.archive.Warcinfo;
import org.gazette.testing.WarcAssertions.ReadRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assertions pass on what gazette writes and fail on each kind of damage. */
class WarcAssertionsTest {

  @TempDir Path dir;
  Path written;

  /** warcinfo, request, response, each as written, uncompressed (ISO-8859-1 keeps the bytes) */
  List<String> records;

  @BeforeEach
  void writeOneExchange() throws IOException {
    Warcinfo info = new Warcinfo("gazette/test", null, null, "ua", "obey", "portal", "run-1");
    try (WarcWriter writer = new WarcWriter(new WarcWriterOptions(dir.resolve("out"), info))) {
      writer.write(SampleExchanges.plain("https://news.example.com/", "<p>hello</p>"));
      writer.close();
      written = writer.closedFiles().get(0);
    }
    String text;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(written))) {
      text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
    int request = text.indexOf("WARC/1.1\r\nWARC-Type: request");
    int response = text.indexOf("WARC/1.1\r\nWARC-Type: response");
    records =
        List.of(
            text.substring(0, request),
            text.substring(request, response),
            text.substring(response));
  }

  @Test
  void readsBackWhatGazetteWrote() throws IOException {
    assertThat(WarcAssertions.assertValidWarc(written))
        .extracting(ReadRecord::type, ReadRecord::targetUri, ReadRecord::httpStatus)
        .containsExactly(
            tuple("warcinfo", null, 0),
            tuple("request", "https://news.example.com/", 0),
            tuple("response", "https://news.example.com/", 200));
    assertThat(WarcAssertions.assertValidArchive(dir.resolve("out"))).hasSize(3);
  }

  @Test
  void readsBackTheSameRecordsRecompressed() throws IOException {
    Path copy = rewritten(records.get(0), records.get(1), records.get(2));

    assertThat(WarcAssertions.assertValidWarc(copy)).hasSize(3);
  }

  @Test
  void failsWhenABlockWasAltered() throws IOException {
    String altered = records.get(2).replace("<p>hello</p>", "<p>jello</p>");
    Path warc = rewritten(records.get(0), records.get(1), altered);

    assertThatThrownBy(() -> WarcAssertions.assertValidWarc(warc))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("digest");
  }

  @Test
  void failsWhenWarcinfoIsNotFirst() throws IOException {
    Path warc = rewritten(records.get(1), records.get(2));

    assertThatThrownBy(() -> WarcAssertions.assertValidWarc(warc))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("first record");
  }

  @Test
  void failsWhenAResponseHasNoRequest() throws IOException {
    Path warc = rewritten(records.get(0), records.get(2));

    assertThatThrownBy(() -> WarcAssertions.assertValidWarc(warc))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("has a request");
  }

  @Test
  void failsWhenRecordsShareAGzipMember() throws IOException {
    Path warc = rewritten(String.join("", records));

    assertThatThrownBy(() -> WarcAssertions.assertValidWarc(warc))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("gzip members");
  }

  @Test
  void failsWhenAFileIsLeftOpen() throws IOException {
    Files.move(written, written.resolveSibling(written.getFileName() + ".open"));

    assertThatThrownBy(() -> WarcAssertions.assertValidArchive(dir.resolve("out")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("left open");
  }

  /** A WARC under the original name, in another folder, one gzip member per argument. */
  private Path rewritten(String... members) throws IOException {
    Path copy = Files.createDirectories(dir.resolve("rewritten")).resolve(written.getFileName());
    List<byte[]> parts = new ArrayList<>();
    for (String member : members) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (OutputStream gzip = new GZIPOutputStream(bytes)) {
        gzip.write(member.getBytes(StandardCharsets.ISO_8859_1));
      }
      parts.add(bytes.toByteArray());
    }
    try (OutputStream out = Files.newOutputStream(copy)) {
      for (byte[] part : parts) {
        out.write(part);
      }
    }
    return copy;
  }
}
