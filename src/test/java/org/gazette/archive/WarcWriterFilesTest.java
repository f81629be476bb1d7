package org.gazette.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gazette.archive.TestWarcs.fileNames;
import static org.gazette.testing.SampleExchanges.plain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gazette.testing.WarcAssertions;
import org.gazette.testing.WarcAssertions.ReadRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files a {@link WarcWriter} leaves: names, {@code .open}, rotation, JSON lines. */
class WarcWriterFilesTest {

  static final String BASE = "portal-20261126100000123-";

  @TempDir Path dir;

  @Test
  void namesFileWithPrefixUtcTimestampSerialAndNode() throws IOException {
    try (WarcWriter writer = new WarcWriter(TestWarcs.options(dir))) {
      writer.write(plain("https://news.example.com/", "<p>hi</p>"));
    }

    // the clock is in Asia/Shanghai; the name is in UTC all the same
    assertThat(fileNames(dir))
        .containsExactly(BASE + "00000-node1.jsonl", BASE + "00000-node1.warc.gz");
  }

  @Test
  void keepsOpenSuffixUntilClosed() throws IOException {
    WarcWriter writer = new WarcWriter(TestWarcs.options(dir));
    writer.write(plain("https://news.example.com/", "<p>hi</p>"));

    assertThat(fileNames(dir))
        .containsExactly(BASE + "00000-node1.jsonl.open", BASE + "00000-node1.warc.gz.open");
    assertThat(writer.currentFile()).contains(dir.resolve(BASE + "00000-node1.warc.gz.open"));
    assertThat(writer.closedFiles()).isEmpty();
    // readable while open, already with its final name inside
    assertThat(WarcAssertions.assertValidWarc(writer.currentFile().orElseThrow())).hasSize(3);

    writer.close();

    assertThat(fileNames(dir))
        .containsExactly(BASE + "00000-node1.jsonl", BASE + "00000-node1.warc.gz");
    assertThat(writer.closedFiles()).containsExactly(dir.resolve(BASE + "00000-node1.warc.gz"));
    assertThat(writer.currentFile()).isEmpty();
  }

  @Test
  void leavesNoFileWhenNothingWasWritten() throws IOException {
    Path site = dir.resolve("site");
    try (WarcWriter writer = new WarcWriter(TestWarcs.options(site))) {
      assertThat(writer.currentFile()).isEmpty();
    }

    assertThat(site).doesNotExist();
  }

  @Test
  void rotatesFileAfterMaxSize() throws IOException {
    List<WarcLocation> locations;
    List<Path> closed;
    try (WarcWriter writer = new WarcWriter(TestWarcs.options(dir).maxFileSize(1))) {
      locations =
          List.of(
              writer.write(plain("https://news.example.com/1", "<p>one</p>")),
              writer.write(plain("https://news.example.com/2", "<p>two</p>")),
              writer.write(plain("https://news.example.com/3", "<p>three</p>")));
      closed = writer.closedFiles();
    }

    assertThat(closed)
        .containsExactly(
            dir.resolve(BASE + "00000-node1.warc.gz"), dir.resolve(BASE + "00001-node1.warc.gz"));
    assertThat(locations)
        .extracting(WarcLocation::file)
        .containsExactly(
            BASE + "00000-node1.warc.gz",
            BASE + "00001-node1.warc.gz",
            BASE + "00002-node1.warc.gz");
    for (int i = 0; i < 3; i++) {
      List<ReadRecord> records =
          WarcAssertions.assertValidWarc(dir.resolve(locations.get(i).file()));
      assertThat(records)
          .extracting(ReadRecord::type)
          .containsExactly("warcinfo", "request", "response");
      assertThat(records.get(2).targetUri()).isEqualTo("https://news.example.com/" + (i + 1));
    }
    assertThat(WarcAssertions.assertValidArchive(dir)).hasSize(9);
  }

  @Test
  void toldOfEachFileBeforeItLosesOpen() throws IOException {
    List<String> told = new java.util.ArrayList<>();
    java.util.function.Consumer<Path> tell = file -> told.add(file.getFileName()
        + (java.nio.file.Files.exists(file.resolveSibling(file.getFileName() + ".open"))
            ? " still open" : " closed"));
    try (WarcWriter writer =
        new WarcWriter(TestWarcs.options(dir).maxFileSize(1).beforeClose(tell))) {
      writer.write(plain("https://news.example.com/1", "<p>one</p>"));
      writer.write(plain("https://news.example.com/2", "<p>two</p>"));
      assertThat(told).containsExactly(BASE + "00000-node1.warc.gz still open");
    }
    // the rotation and the writer's close: each told while the file still had .open
    assertThat(told).containsExactly(BASE + "00000-node1.warc.gz still open",
        BASE + "00001-node1.warc.gz still open");
  }

  @Test
  void doesNotRotateBeforeMaxSize() throws IOException {
    try (WarcWriter writer = new WarcWriter(TestWarcs.options(dir).maxFileSize(1_000_000))) {
      for (int i = 0; i < 20; i++) {
        writer.write(plain("https://news.example.com/" + i, "<p>" + i + "</p>"));
      }
    }

    assertThat(WarcAssertions.assertValidWarc(TestWarcs.onlyWarc(dir))).hasSize(41);
  }

  @Test
  void rotateClosesTheCurrentFileNow() throws IOException {
    try (WarcWriter writer = new WarcWriter(TestWarcs.options(dir))) {
      writer.write(plain("https://news.example.com/1", "<p>one</p>"));
      writer.rotate();
      assertThat(writer.closedFiles()).hasSize(1);
      assertThat(writer.currentFile()).isEmpty();
      writer.write(plain("https://news.example.com/2", "<p>two</p>"));
    }

    assertThat(fileNames(dir)).filteredOn(n -> n.endsWith(".warc.gz")).hasSize(2);
  }

  @Test
  void appendsJsonLinesBesideTheWarcFileBeingWritten() throws IOException {
    WarcLocation first;
    WarcLocation second;
    try (WarcWriter writer = new WarcWriter(TestWarcs.options(dir).maxFileSize(1))) {
      first = writer.write(plain("https://news.example.com/1", "<p>one</p>"));
      writer.appendJson(Map.of("title", "及時回應"));
      second = writer.write(plain("https://news.example.com/2", "<p>two</p>"));
      writer.appendJson(Map.of("title", "two"));
      writer.appendJson(Map.of("title", "three"));
    }

    assertThat(jsonl(first)).isEqualTo("{\"title\":\"及時回應\"}\n");
    assertThat(jsonl(second)).isEqualTo("{\"title\":\"two\"}\n{\"title\":\"three\"}\n");
  }

  @Test
  void writesJsonRecordWithTheLocationOfItsResponse() throws IOException {
    WarcLocation location;
    try (WarcWriter writer = new WarcWriter(TestWarcs.options(dir))) {
      location =
          writer.write(
              plain("https://news.example.com/a", "<p>a</p>"),
              where -> {
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("type", "article");
                record.put("warc", where);
                return record;
              });
    }

    JsonNode line = new ObjectMapper().readTree(jsonl(location));
    assertThat(line.get("type").asText()).isEqualTo("article");
    JsonNode warc = line.get("warc");
    assertThat(warc.fieldNames())
        .toIterable()
        .containsExactly("file", "offset", "record_id", "payload_digest");
    assertThat(warc.get("file").asText()).isEqualTo(location.file());
    assertThat(warc.get("offset").asLong()).isEqualTo(location.offset());
    assertThat(warc.get("record_id").asText()).isEqualTo(location.recordId());
    assertThat(warc.get("payload_digest").asText()).isEqualTo(location.payloadDigest());
  }

  @Test
  void writesOneLinePerRecordEvenWithAnIndentingMapper() throws IOException {
    ObjectMapper indenting = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    WarcLocation location;
    try (WarcWriter writer = new WarcWriter(TestWarcs.options(dir).objectMapper(indenting))) {
      location = writer.write(plain("https://news.example.com/a", "<p>a</p>"));
      writer.appendJson(Map.of("body", "paragraph one\n\nparagraph two", "n", List.of(1, 2)));
    }

    assertThat(jsonl(location)).hasLineCount(1).endsWith("}\n").contains("\\n\\n");
  }

  @Test
  void openingAFileForJsonStillWritesWarcinfoFirst() throws IOException {
    try (WarcWriter writer = new WarcWriter(TestWarcs.options(dir))) {
      writer.appendJson(Map.of("type", "listing"));
    }

    assertThat(WarcAssertions.assertValidWarc(TestWarcs.onlyWarc(dir)))
        .extracting(ReadRecord::type)
        .containsExactly("warcinfo");
  }

  @Test
  void makesNoFileForAJsonRecordThatCannotBeSerialized() throws IOException {
    try (WarcWriter writer = new WarcWriter(TestWarcs.options(dir))) {
      // Jackson refuses a bean without properties
      assertThatThrownBy(() -> writer.appendJson(new Object())).isInstanceOf(IOException.class);
    }

    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void neverOverwritesAnExistingFile() throws IOException {
    Files.writeString(dir.resolve(BASE + "00000-node1.warc.gz"), "someone else's");
    try (WarcWriter writer = new WarcWriter(TestWarcs.options(dir))) {
      assertThatThrownBy(() -> writer.write(plain("https://news.example.com/", "<p>x</p>")))
          .isInstanceOf(FileAlreadyExistsException.class)
          .hasMessageContaining(BASE + "00000-node1.warc.gz");
      writer.write(plain("https://news.example.com/", "<p>x</p>"));
    }

    assertThat(Files.readString(dir.resolve(BASE + "00000-node1.warc.gz")))
        .isEqualTo("someone else's");
    assertThat(fileNames(dir)).contains(BASE + "00001-node1.warc.gz", BASE + "00001-node1.jsonl");
  }

  @Test
  void refusesWritesAfterCloseAndClosesTwiceQuietly() throws IOException {
    WarcWriter writer = new WarcWriter(TestWarcs.options(dir));
    writer.write(plain("https://news.example.com/", "<p>x</p>"));
    writer.close();
    writer.close();

    assertThatThrownBy(() -> writer.write(plain("https://news.example.com/", "<p>x</p>")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> writer.appendJson(Map.of())).isInstanceOf(IllegalStateException.class);
    assertThat(writer.closedFiles()).hasSize(1);
  }

  @Test
  void tellsEveryWriteSoTheSizesAddUpToTheFiles() throws IOException {
    java.util.concurrent.atomic.AtomicLong told = new java.util.concurrent.atomic.AtomicLong();
    try (WarcWriter writer = new WarcWriter(TestWarcs.options(dir).maxFileSize(1)
        .onWrite(told::addAndGet))) {
      WarcLocation first = writer.write(plain("https://news.example.com/1", "<p>one</p>"));
      writer.writeMetadata(java.net.URI.create("https://news.example.com/1"),
          java.time.Instant.parse("2026-11-26T10:00:00Z"), first.recordId(),
          WarcContentTypes.WARC_FIELDS, MetadataRecord.outlinks(List.of()));
      writer.appendJson(Map.of("not", "counted"), first); // JSON lines are not WARC bytes
      writer.write(plain("https://news.example.com/2", "<p>two</p>")); // rotated: a new warcinfo
    }

    long onDisk = 0;
    for (String name : fileNames(dir)) {
      if (name.endsWith(".warc.gz")) {
        onDisk += Files.size(dir.resolve(name));
      }
    }
    assertThat(fileNames(dir)).filteredOn(n -> n.endsWith(".warc.gz")).hasSize(2);
    assertThat(told.get()).isEqualTo(onDisk);
  }

  @Test
  void appendsAJsonLineBesideAClosedFileOfAnEarlierWriter() throws IOException {
    // what a run that resumes a crashed one does for a page the crashed run archived
    WarcLocation earlier;
    try (WarcWriter first = new WarcWriter(TestWarcs.options(dir).prefix("first"))) {
      earlier = first.write(plain("https://news.example.com/1", "<p>one</p>"));
    }
    Path earlierJsonl = WarcAssertions.jsonlBeside(dir.resolve(earlier.file()));
    try (WarcWriter second = new WarcWriter(TestWarcs.options(dir).prefix("second"))) {
      WarcLocation own = second.write(plain("https://news.example.com/2", "<p>two</p>"));
      assertThat(second.jsonLinesOf(earlier)).contains(earlierJsonl);
      assertThat(second.jsonLinesOf(own)).contains(
          WarcAssertions.jsonlBeside(dir.resolve(own.file() + ".open")));

      second.appendJson(Map.of("n", 1), earlier);
    }

    assertThat(jsonl(earlier)).isEqualTo("{\"n\":1}\n");
    assertThat(fileNames(dir)).filteredOn(n -> n.startsWith("second") && n.endsWith(".jsonl"))
        .singleElement().satisfies(n -> assertThat(dir.resolve(n)).isEmptyFile());
  }

  @Test
  void appendsJsonAlreadySerializedAsItIsAndRefusesALineBreakInIt() throws IOException {
    WarcLocation at;
    try (WarcWriter writer = new WarcWriter(TestWarcs.options(dir))) {
      at = writer.write(plain("https://news.example.com/1", "<p>one</p>"));
      writer.appendJsonLine("{\"title\":\"及時回應\"}".getBytes(StandardCharsets.UTF_8), at);
      for (String broken : List.of("{\"a\":1}\n{\"b\":2}", "{\"a\":\"\r\"}")) {
        assertThatThrownBy(() -> writer.appendJsonLine(broken.getBytes(StandardCharsets.UTF_8), at))
            .as(broken).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("several lines");
      }
      writer.appendJsonLine("{\"n\":2}".getBytes(StandardCharsets.UTF_8), at);
    }
    assertThat(jsonl(at)).isEqualTo("{\"title\":\"及時回應\"}\n{\"n\":2}\n");
  }

  @Test
  void refusesAJsonLineForAFileOutsideItsFolderOrMissing() throws IOException {
    try (WarcWriter writer = new WarcWriter(TestWarcs.options(dir.resolve("site")))) {
      WarcLocation own = writer.write(plain("https://news.example.com/", "<p>x</p>"));
      Files.writeString(dir.resolve("elsewhere.warc.gz"), "not ours");
      for (String file : List.of("missing.warc.gz", "../elsewhere.warc.gz")) {
        WarcLocation at = new WarcLocation(file, 0, own.recordId(), null);
        assertThatThrownBy(() -> writer.appendJson(Map.of(), at))
            .as(file).isInstanceOf(IllegalArgumentException.class);
        assertThat(writer.jsonLinesOf(at)).as(file).isEmpty();
      }
    }
    assertThat(dir.resolve("elsewhere.jsonl")).doesNotExist();
  }

  @Test
  void writesNothingBelowMinFreeSpace() throws IOException {
    // more than any disk has free: the first exchange is refused before a file is made
    try (WarcWriter writer = new WarcWriter(TestWarcs.options(dir.resolve("site"))
        .minFreeSpace(Long.MAX_VALUE))) {
      assertThatThrownBy(() -> writer.write(plain("https://news.example.com/", "<p>x</p>")))
          .isInstanceOfSatisfying(NoSpaceLeftException.class, e -> {
            assertThat(e.directory()).isEqualTo(dir.resolve("site"));
            assertThat(e.minFreeSpace()).isEqualTo(Long.MAX_VALUE);
            assertThat(e.freeBytes()).isPositive();
            assertThat(e.getCause()).isNull(); // nothing was attempted
          })
          .hasMessageStartingWith("no space left in " + dir.resolve("site") + ": ");
      assertThatThrownBy(() -> writer.writeMetadata(java.net.URI.create("https://x.example/"),
          java.time.Instant.EPOCH, WarcRecord.newRecordId(), WarcContentTypes.WARC_FIELDS,
          new byte[0])).isInstanceOf(NoSpaceLeftException.class);
    }
    assertThat(dir.resolve("site")).doesNotExist();
  }

  @Test
  void toldNoSpaceByTheMessageOfTheFailedWrite() {
    IOException enospc = new IOException("No space left on device");
    assertThat(NoSpaceLeftException.saysNoSpace(new IOException("cannot write", enospc))).isTrue();
    assertThat(NoSpaceLeftException.saysNoSpace(new IOException("Disk quota exceeded"))).isTrue();
    assertThat(NoSpaceLeftException.saysNoSpace(new IOException("Input/output error"))).isFalse();
  }

  private String jsonl(WarcLocation location) throws IOException {
    Path jsonl = WarcAssertions.jsonlBeside(dir.resolve(location.file()));
    return Files.readString(jsonl, StandardCharsets.UTF_8);
  }
}
