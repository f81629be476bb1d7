package org.gazette.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gazette.testing.SampleExchanges.plain;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.gazette.testing.WarcAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@link WarcRepair} on copies of a closed file cut where a crash could cut it: after a whole
 * member, in a gzip header, in deflate data, in a gzip trailer, and every few bytes in between.
 * Members of the sample file: 0 warcinfo, then request and response of three exchanges.
 */
class WarcRepairTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  Path warc;
  List<Long> ends;
  List<String> jsonLines;

  @BeforeEach
  void writeSample() throws IOException {
    warc = WarcSurgery.sampleWarc(dir.resolve("closed"));
    ends = WarcSurgery.memberEnds(warc);
    jsonLines = Files.readAllLines(WarcAssertions.jsonlBeside(warc), StandardCharsets.UTF_8);
    assertThat(jsonLines).hasSize(3);
  }

  @Test
  void keepsExactlyTheWholeRecordsBeforeTheCut() throws IOException {
    TreeSet<Long> cuts = new TreeSet<>(List.of(0L, 5L, 9L, 10L));
    long start = 0;
    for (long end : ends) {
      cuts.addAll(List.of(start + 3, start + 12, start + 40, end - 8, end - 4, end - 1, end));
      start = end;
    }
    for (long cut = 0; cut < Files.size(warc); cut += 31) {
      cuts.add(cut);
    }

    for (long cut : cuts) {
      Path open = crashedCopy(dir.resolve("cut-" + cut), cut);

      WarcRepair.Result result = quietly(() -> WarcRepair.repair(open));

      int whole = (int) ends.stream().filter(end -> end <= cut).count();
      // members 1, 3, 5 are requests: one whose response was cut goes with it
      int records = whole % 2 == 0 && whole > 0 ? whole - 1 : whole;
      long kept = records == 0 ? 0 : ends.get(records - 1);
      assertThat(result.records()).as("records kept of a file cut at %d", cut).isEqualTo(records);
      assertThat(result.keptBytes()).as("bytes kept of a file cut at %d", cut).isEqualTo(kept);
      assertThat(result.cutBytes()).isEqualTo(cut - kept);
      assertRepaired(open.getParent(), records, kept);
    }
  }

  @Test
  void dropsAJsonLineCutShortAndKeepsLinesWithoutOffset() throws IOException {
    Path open = crashedCopy(dir.resolve("site"), Files.size(warc));
    Path jsonl = jsonlOpen(open);
    String extra = "{\"type\":\"listing\",\"warc\":null}\n{\"type\":\"other\"}\n";
    Files.writeString(
        jsonl,
        String.join("\n", jsonLines) + "\n" + extra + "{\"type\":\"art",
        StandardCharsets.UTF_8);

    WarcRepair.Result result = WarcRepair.repair(open);

    assertThat(result.cutBytes()).isZero();
    assertThat(result.jsonLinesDropped()).isEqualTo(1);
    assertThat(Files.readString(WarcAssertions.jsonlBeside(result.warc()), StandardCharsets.UTF_8))
        .isEqualTo(String.join("\n", jsonLines) + "\n" + extra);
  }

  @Test
  void keepsAJsonLineAboutAnotherFileWhateverItsOffset() throws IOException {
    // cut after the first exchange: lines pointing past it in this file go, a line about a
    // record of another file says nothing about this cut and stays
    Path open = crashedCopy(dir.resolve("site"), ends.get(2));
    String other = "{\"type\":\"article\",\"warc\":{\"file\":\"other.warc.gz\","
        + "\"offset\":999999}}";
    Files.writeString(jsonlOpen(open), String.join("\n", jsonLines) + "\n" + other + "\n",
        StandardCharsets.UTF_8);

    WarcRepair.Result result = WarcRepair.repair(open);

    assertThat(result.jsonLinesDropped()).isEqualTo(2);
    assertThat(Files.readAllLines(WarcAssertions.jsonlBeside(result.warc())))
        .containsExactly(jsonLines.get(0), other);
  }

  @Test
  void tellsWhatItKeepsBeforeTheFileTakesItsFinalNameAndLeavesItOpenIfThatFails()
      throws IOException {
    Path site = dir.resolve("site");
    Path open = crashedCopy(site, ends.get(4) + 30);
    Path closed = site.resolve(warc.getFileName());

    WarcRepair.Result refused = quietly(() -> WarcRepair.repairFolder(site, (w, kept) -> {
      throw new IOException("the capture store is away");
    }).stream().findFirst().orElse(null));
    assertThat(refused).isNull();
    assertThat(closed).doesNotExist();
    assertThat(open).hasSize(ends.get(4)); // cut, still open: the next repair tells it again

    List<String> told = new java.util.ArrayList<>();
    List<WarcRepair.Result> results = WarcRepair.repairFolder(site, (w, kept) -> {
      assertThat(w).isEqualTo(closed).doesNotExist();
      told.add(w.getFileName() + "@" + kept);
    });

    assertThat(told).containsExactly(warc.getFileName() + "@" + ends.get(4));
    assertThat(results).singleElement().extracting(WarcRepair.Result::keptBytes)
        .isEqualTo(ends.get(4));
    assertThat(closed).hasSize(ends.get(4));
  }

  @Test
  void repairsEveryOpenFileOfAFolderAndLeavesClosedOnesAlone() throws IOException {
    Path site = dir.resolve("site");
    try (WarcWriter writer = new WarcWriter(TestWarcs.options(site).prefix("closed"))) {
      writer.write(plain("https://news.example.com/kept", "<p>kept</p>"));
    }
    crashedCopy(site, ends.get(4) + 30);
    List<String> before = TestWarcs.fileNames(site);

    List<WarcRepair.Result> results = WarcRepair.repairFolder(site);

    assertThat(results).singleElement().extracting(WarcRepair.Result::records).isEqualTo(5);
    assertThat(TestWarcs.fileNames(site))
        .hasSize(before.size())
        .noneMatch(name -> name.endsWith(".open"));
    assertThat(WarcAssertions.assertValidArchive(site)).hasSize(3 + 5);
  }

  @Test
  void deletesAFileWithoutAWholeRecord() throws IOException {
    Path open = crashedCopy(dir.resolve("site"), ends.get(0) - 1);

    WarcRepair.Result result = WarcRepair.repair(open);

    assertThat(result.records()).isZero();
    assertThat(TestWarcs.fileNames(open.getParent())).isEmpty();
  }

  @Test
  void neverOverwritesAFileWithTheFinalName() throws IOException {
    Path open = crashedCopy(dir.resolve("site"), ends.get(2));
    Path taken = Files.writeString(open.resolveSibling(warc.getFileName()), "mine");

    assertThatThrownBy(() -> WarcRepair.repair(open))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(WarcRepair.repairFolder(open.getParent())).isEmpty();

    assertThat(Files.readString(taken)).isEqualTo("mine");
    assertThat(open).hasSize(ends.get(2));
  }

  interface Repair {
    WarcRepair.Result run() throws IOException;
  }

  /** Runs a repair without its warning on the console: a sweep makes hundreds. */
  private static WarcRepair.Result quietly(Repair repair) throws IOException {
    Logger logger = (Logger) LoggerFactory.getLogger(WarcRepair.class);
    Level level = logger.getLevel();
    logger.setLevel(Level.ERROR);
    try {
      return repair.run();
    } finally {
      logger.setLevel(level);
    }
  }

  /** The sample file cut at {@code length}, with its JSON lines, as a crash would leave them. */
  private Path crashedCopy(Path folder, long length) throws IOException {
    Files.createDirectories(folder);
    Path open = folder.resolve(warc.getFileName() + ".open");
    WarcSurgery.copyCut(warc, open, length);
    Files.write(
        jsonlOpen(open), (String.join("\n", jsonLines) + "\n").getBytes(StandardCharsets.UTF_8));
    return open;
  }

  private static Path jsonlOpen(Path warcOpen) {
    return WarcAssertions.jsonlBeside(warcOpen);
  }

  private void assertRepaired(Path folder, int records, long kept) throws IOException {
    String where = "file cut to " + kept;
    Path repaired = folder.resolve(warc.getFileName());
    if (records == 0) {
      assertThat(TestWarcs.fileNames(folder)).as(where).isEmpty();
      return;
    }
    assertThat(TestWarcs.fileNames(folder)).as(where).noneMatch(name -> name.endsWith(".open"));
    assertThat(repaired).as(where).hasSize(kept);
    assertThat(WarcAssertions.assertValidArchive(folder)).as(where).hasSize(records);
    assertThat(WarcVerifier.verify(repaired).problems()).as(where).isEmpty();
    List<String> expectedLines = jsonLines.stream().filter(line -> offsetOf(line) < kept).toList();
    assertThat(Files.readAllLines(WarcAssertions.jsonlBeside(repaired), StandardCharsets.UTF_8))
        .as("JSON lines of %s", where)
        .isEqualTo(expectedLines);
  }

  private static long offsetOf(String line) {
    try {
      return JSON.readTree(line).get("warc").get("offset").asLong();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
