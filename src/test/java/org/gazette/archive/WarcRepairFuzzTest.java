package org.gazette.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.gazette.fetch.HttpExchange;
import org.gazette.testing.Fuzzing;
import org.gazette.testing.SampleExchanges;
import org.gazette.testing.WarcAssertions;

/**
 * Fuzzes the WARC reading that {@link WarcRepair} stands on ({@link WarcFileReader}, {@link
 * WarcRecordParser}, {@link GzipMembers}) and the repair itself, with {@link WarcVerifier} and
 * jwarc as the judges.
 *
 * <p>Damage as a crash leaves it (a valid file written by {@link WarcWriter}, cut at any byte),
 * and worse: bytes flipped anywhere, garbage appended. Whatever the damage, the repair never
 * throws, the file it leaves verifies with gazette's verifier and with jwarc, keeps every whole
 * record before the damage (same ids, same block digests, in order) and the JSON lines that point
 * into what it kept. Arbitrary bytes read as records and problems, never as an exception, an
 * endless loop, or memory in proportion to a length a header merely declares.
 */
@AddLifecycleHook(Fuzzing.class)
class WarcRepairFuzzTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Far above what these small files need: only a hang reaches it. */
  private static final Duration BUDGET = Duration.ofSeconds(20);

  /**
   * What reading a file may allocate beyond its own bytes: buffers, the records' blocks as
   * inflated. A block is never allocated at a size its header declares but the file lacks.
   */
  private static final long ALLOCATION_ALLOWANCE = 32L * 1024 * 1024;

  private static Runnable loud;

  @BeforeContainer
  static void quiet() {
    loud = Fuzzing.silence(WarcRepair.class.getName());
  }

  @AfterContainer
  static void restoreLogging() {
    loud.run();
  }

  // ---- repair ---------------------------------------------------------------------------------

  @Property(tries = 50)
  void aCrashCutAnywhereIsRepairedToTheWholeRecordsBeforeIt(
      @ForAll("archives") List<HttpExchange> exchanges, @ForAll("cuts") Cut cut)
      throws IOException {
    try (Scratch scratch = new Scratch()) {
      Original original = Original.write(scratch.dir.resolve("closed"), exchanges);
      long at = cut.offset(original);
      byte[] damaged = Arrays.copyOf(original.bytes, (int) at);

      Repaired repaired = repair(scratch, original, damaged, cut.jsonlCut());

      // a crash only cuts: exactly the whole records before the cut are kept, less a request
      // whose response was cut off
      int whole = original.wholeRecordsBefore(at);
      int expected = whole > 0 && original.records.get(whole - 1).type().equals("request")
          ? whole - 1 : whole;
      Statistics.collect(expected == 0 ? "nothing kept" : expected == original.records.size()
          ? "all kept" : "some kept");
      Statistics.coverage(c -> c.check("some kept").count(n -> n > 0));
      assertThat(repaired.result.records()).as("records kept of a cut at %d", at)
          .isEqualTo(expected);
      assertThat(repaired.result.keptBytes())
          .isEqualTo(expected == 0 ? 0 : original.ends.get(expected - 1));
      assertThat(repaired.result.cutBytes()).isEqualTo(at - repaired.result.keptBytes());
      repaired.assertPrefixOf(original);
    }
  }

  @Property(tries = 50)
  void flippedOrAppendedBytesLoseNothingBeforeTheDamage(
      @ForAll("archives") List<HttpExchange> exchanges, @ForAll("damages") Damage damage)
      throws IOException {
    try (Scratch scratch = new Scratch()) {
      Original original = Original.write(scratch.dir.resolve("closed"), exchanges);
      byte[] damaged = damage.apply(original.bytes);
      long first = damage.firstDamagedByte(original.bytes);

      Repaired repaired = repair(scratch, original, damaged, Double.NaN);

      // a flipped byte the reader cannot notice (a gzip header's time stamp) keeps its record
      int whole = original.wholeRecordsBefore(first);
      Statistics.collect(damage.kind());
      assertThat(repaired.result.records()).as("records kept, first damage at %d", first)
          .isGreaterThanOrEqualTo(whole - 1)
          .isLessThanOrEqualTo(original.records.size());
      repaired.assertPrefixOf(original);
    }
  }

  // ---- reading arbitrary bytes ----------------------------------------------------------------

  @Property(tries = 200)
  void anyBytesReadAsRecordsAndProblems(
      @ForAll("warcLikeBytes") byte[] content, @ForAll boolean gzipName) throws IOException {
    try (Scratch scratch = new Scratch()) {
      Path file = Files.write(scratch.dir.resolve(gzipName ? "x.warc.gz" : "x.warc"), content);

      List<ParsedRecord> records = new ArrayList<>();
      List<WarcProblem> problems = readAll(file, records);
      WarcVerifier.Report report = assertTimeoutPreemptively(BUDGET,
          () -> WarcVerifier.verify(file));

      long previous = -1;
      for (ParsedRecord r : records) {
        assertThat(r.offset()).as("offsets in file order").isGreaterThan(previous)
            .isLessThan(Math.max(content.length, 1));
        assertThat(r.length()).satisfiesAnyOf(n -> assertThat(n).isEqualTo(-1),
            n -> assertThat(n).isPositive().isLessThanOrEqualTo(content.length - r.offset()));
        previous = r.offset();
      }
      for (WarcProblem p : problems) {
        assertThat(p.offset()).isBetween(0L, (long) content.length);
      }
      assertThat(report.records()).as("the verifier reads what the reader reads")
          .isEqualTo(records.size());
      assertThat(report.problems()).containsAll(problems);
      if (report.ok()) {
        assertThat(records).as("a file without a record is not a valid WARC").isNotEmpty();
      }
      Statistics.collect(records.isEmpty() ? "no record" : "records",
          problems.isEmpty() ? "no problem" : "problems");
    }
  }

  @Property(tries = 20)
  void memoryFollowsTheBytesThereNotTheLengthDeclared(
      @ForAll("lyingRecords") byte[] content, @ForAll boolean compressed) throws IOException {
    try (Scratch scratch = new Scratch()) {
      byte[] bytes = compressed ? WarcSurgery.gzip(content) : content;
      Path file = Files.write(scratch.dir.resolve("x.warc" + (compressed ? ".gz" : "")), bytes);

      long allocated = assertTimeoutPreemptively(BUDGET, () -> {
        long before = allocatedBytes();
        try (WarcFileReader reader = WarcFileReader.open(file)) {
          while (reader.next().isPresent()) {
            // read to the end
          }
          assertThat(reader.problems()).as("a record longer than its file").isNotEmpty();
        }
        return allocatedBytes() - before;
      });

      assertThat(allocated).as("bytes allocated reading %d bytes", content.length)
          .isLessThan(ALLOCATION_ALLOWANCE + 4L * content.length);
    }
  }

  /** Every file that once made the reader or the repair fail, under {@code fuzz/warc/}. */
  @Example
  void replaysTheFixturesThatOnceFailed() throws IOException {
    for (Path fixture : Fuzzing.fixtures("warc")) {
      byte[] content = Files.readAllBytes(fixture);
      try (Scratch scratch = new Scratch()) {
        Path open = Files.write(scratch.dir.resolve("fixture.warc.gz.open"), content);
        long before = allocatedBytes();
        WarcRepair.Result result = WarcRepair.repair(open);
        assertThat(allocatedBytes() - before).as("bytes allocated repairing %s", fixture)
            .isLessThan(ALLOCATION_ALLOWANCE + 4L * content.length);
        if (result.records() > 0) {
          assertThat(WarcVerifier.verify(result.warc()).problems()).as("%s", fixture).isEmpty();
        }
      }
    }
  }

  // ---- the original file and its repair ------------------------------------------------------

  /** A closed WARC file as written, its records as read back, their ends, its JSON lines. */
  private record Original(Path file, byte[] bytes, List<ParsedRecord> records, List<Long> ends,
      List<String> jsonLines) {

    static Original write(Path dir, List<HttpExchange> exchanges) throws IOException {
      try (WarcWriter writer = new WarcWriter(TestWarcs.options(dir))) {
        for (HttpExchange ex : exchanges) {
          WarcLocation at = writer.write(ex, WarcSurgery::page);
          if (ex.status() == 200) {
            // as a crawl does after extracting: a metadata record about the response
            writer.writeMetadata(ex.uri(), ex.date(), at.recordId(), WarcContentTypes.WARC_FIELDS,
                WarcField.encode(List.of(new WarcField("outlink", ex.uri() + " L a/@href"))));
          }
        }
      }
      Path file = TestWarcs.onlyWarc(dir);
      List<ParsedRecord> records = new ArrayList<>();
      assertThat(readAll(file, records)).as("problems of the file as written").isEmpty();
      List<Long> ends = records.stream().map(r -> r.offset() + r.length()).toList();
      return new Original(file, Files.readAllBytes(file), records, ends,
          Files.readAllLines(WarcAssertions.jsonlBeside(file), StandardCharsets.UTF_8));
    }

    /** How many records end at or before {@code offset}: those a damage there leaves whole. */
    int wholeRecordsBefore(long offset) {
      return (int) ends.stream().filter(end -> end <= offset).count();
    }
  }

  /** The outcome of a repair and what it left in its folder. */
  private record Repaired(WarcRepair.Result result, Path folder, long jsonlCut,
      List<String> jsonlWritten) {

    /**
     * The repaired file holds the first records of the original, the same ones (ids and block
     * digests), it verifies with jwarc and gazette alike, and its JSON lines are those that point
     * into it; with no record kept, nothing is left.
     */
    void assertPrefixOf(Original original) throws IOException {
      Path warc = folder.resolve(original.file.getFileName());
      if (result.records() == 0) {
        assertThat(TestWarcs.fileNames(folder)).as("no record kept, no file left").isEmpty();
        return;
      }
      assertThat(TestWarcs.fileNames(folder)).noneMatch(n -> n.endsWith(".open"));
      assertThat(warc).hasSize(result.keptBytes());
      List<ParsedRecord> kept = new ArrayList<>();
      assertThat(readAll(warc, kept)).as("problems of the repaired file").isEmpty();
      assertThat(kept).hasSize(result.records());
      for (int i = 0; i < kept.size(); i++) {
        ParsedRecord was = original.records.get(i);
        assertThat(kept.get(i).id()).as("record %d", i).isEqualTo(was.id());
        assertThat(kept.get(i).header(WarcHeaders.WARC_BLOCK_DIGEST)).as("record %d digest", i)
            .isEqualTo(was.header(WarcHeaders.WARC_BLOCK_DIGEST));
      }
      assertThat(WarcVerifier.verify(warc).problems()).as("gazette warc verify").isEmpty();
      assertThat(WarcAssertions.assertValidWarc(warc)).hasSize(result.records());
      List<String> expectedLines = jsonlWritten.stream()
          .filter(line -> offsetOf(line) < result.keptBytes()).toList();
      assertThat(Files.readAllLines(WarcAssertions.jsonlBeside(warc), StandardCharsets.UTF_8))
          .as("JSON lines kept").isEqualTo(expectedLines);
    }
  }

  /**
   * Repairs {@code damaged} as the {@code .open} file of {@code original}, beside its JSON lines
   * cut at {@code jsonlCut} (a fraction of their bytes, as a crash mid-line leaves them; NaN for
   * all of them).
   */
  private static Repaired repair(Scratch scratch, Original original, byte[] damaged,
      double jsonlCut) throws IOException {
    Path folder = scratch.dir.resolve("crashed");
    Files.createDirectories(folder);
    Path open = Files.write(folder.resolve(original.file.getFileName() + ".open"), damaged);
    byte[] lines = (String.join("\n", original.jsonLines) + "\n").getBytes(StandardCharsets.UTF_8);
    int keep = Double.isNaN(jsonlCut) ? lines.length : (int) (lines.length * jsonlCut);
    byte[] written = Arrays.copyOf(lines, keep);
    Files.write(WarcAssertions.jsonlBeside(open), written);
    // the lines the repair may keep: whole ones, and a last one cut exactly at its end
    List<String> complete = new ArrayList<>();
    String text = new String(written, StandardCharsets.UTF_8);
    for (String line : text.split("\n", -1)) {
      if (original.jsonLines.contains(line)) {
        complete.add(line);
      }
    }
    WarcRepair.Result result = assertTimeoutPreemptively(BUDGET, () -> WarcRepair.repair(open));
    return new Repaired(result, folder, keep, complete);
  }

  /** Reads every record of {@code file} into {@code records}; returns the problems found. */
  private static List<WarcProblem> readAll(Path file, List<ParsedRecord> records) {
    return assertTimeoutPreemptively(BUDGET, () -> {
      try (WarcFileReader reader = WarcFileReader.open(file)) {
        for (Optional<ParsedRecord> r = reader.next(); r.isPresent(); r = reader.next()) {
          records.add(r.get());
        }
        return reader.problems();
      }
    });
  }

  private static long offsetOf(String line) {
    try {
      return JSON.readTree(line).path("warc").path("offset").asLong();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes this thread has allocated so far (HotSpot's count, exact enough for MBs). */
  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  /** A temporary folder, deleted with everything in it. */
  private static final class Scratch implements AutoCloseable {
    final Path dir;

    Scratch() throws IOException {
      // in memory where the machine has it: the writer and the repair force every file to disk,
      // and a disk sync per try would be most of the run's time
      Path shm = Path.of("/dev/shm");
      dir = Files.isDirectory(shm) && Files.isWritable(shm)
          ? Files.createTempDirectory(shm, "gazette-fuzz-warc")
          : Files.createTempDirectory("gazette-fuzz-warc");
    }

    @Override
    public void close() throws IOException {
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  // ---- damage ---------------------------------------------------------------------------------

  /**
   * Where a crash cuts: a fraction of the file, or a member boundary moved a few bytes.
   *
   * @param jsonlCut how much of the JSON lines' bytes the crash left, as a fraction
   */
  record Cut(double fraction, boolean atBoundary, int shift, double jsonlCut) {
    long offset(Original original) {
      long size = original.bytes.length;
      if (!atBoundary) {
        return Math.round(size * fraction);
      }
      long end = original.ends.get((int) Math.min(original.ends.size() - 1,
          Math.floor(fraction * original.ends.size())));
      return Math.max(0, Math.min(size, end + shift));
    }
  }

  /** Bytes flipped, garbage appended, or both. */
  record Damage(String kind, List<Double> flips, List<Byte> values, byte[] tail) {
    byte[] apply(byte[] original) {
      byte[] out = Arrays.copyOf(original, original.length + tail.length);
      System.arraycopy(tail, 0, out, original.length, tail.length);
      for (int i = 0; i < flips.size(); i++) {
        int at = position(flips.get(i), original.length);
        byte value = values.get(i % values.size());
        out[at] = value == out[at] ? (byte) ~value : value;
      }
      return out;
    }

    long firstDamagedByte(byte[] original) {
      return flips.stream().mapToLong(f -> position(f, original.length)).min()
          .orElse(original.length);
    }

    private static int position(double fraction, int length) {
      return (int) Math.min(length - 1, Math.floor(fraction * length));
    }
  }

  // ---- generators -----------------------------------------------------------------------------

  @Provide
  Arbitrary<List<HttpExchange>> archives() {
    Arbitrary<String> uri = Arbitraries.of("https://news.example.com/a/1.html",
        "https://news.example.com/%E4%B8%AD?q=1&x=%00", "http://xn--fsqu00a.xn--0zwm56d/x",
        "https://news.example.com:8443/b/",
        "https://news.example.com/" + "p".repeat(500));
    Arbitrary<String> body = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.strings().all().ofMaxLength(300)),
        Tuple.of(3, Arbitraries.of("", "<p>z</p>", "\r\n\r\nWARC/1.1\r\n")),
        // a member larger than the reader's 64 KiB buffer, so that records cross its refills
        Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofSize(70_000)
            .map(b -> new String(b, StandardCharsets.ISO_8859_1))));
    Arbitrary<HttpExchange> exchange = Arbitraries.oneOf(
        Combinators.combine(uri, body).as(SampleExchanges::plain),
        Combinators.combine(uri, body).as(SampleExchanges::chunkedGzip),
        uri.map(SampleExchanges::notFound),
        Combinators.combine(uri, Arbitraries.integers().between(1, 1_000_000), body)
            .as(SampleExchanges::truncated));
    return exchange.list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<Cut> cuts() {
    Arbitrary<Double> fraction = Arbitraries.doubles().between(0, 1);
    return Combinators.combine(fraction, Arbitraries.of(true, false),
            Arbitraries.integers().between(-9, 9),
            Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(1.0)), Tuple.of(1, fraction)))
        .as(Cut::new);
  }

  @Provide
  Arbitrary<Damage> damages() {
    Arbitrary<List<Double>> flips = Arbitraries.doubles().between(0, 1).list().ofMinSize(1)
        .ofMaxSize(5);
    Arbitrary<List<Byte>> values = Arbitraries.bytes().list().ofMinSize(1).ofMaxSize(5);
    Arbitrary<byte[]> garbage = Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(200),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(200).map(WarcSurgery::gzip),
        Arbitraries.of(new byte[] {0x1f}, new byte[] {0x1f, (byte) 0x8b}, new byte[] {0x1f,
            (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff}),
        Arbitraries.strings().all().ofMaxLength(100).map(s -> WarcSurgery.gzip(
            ("WARC/1.1\r\nContent-Length: " + s.length() + "\r\n\r\n" + s)
                .getBytes(StandardCharsets.ISO_8859_1))));
    return Arbitraries.oneOf(
        Combinators.combine(flips, values).as((f, v) -> new Damage("flipped", f, v,
            new byte[0])),
        garbage.map(g -> new Damage("appended", List.of(), List.of((byte) 0), g)),
        Combinators.combine(flips, values, garbage).as((f, v, g) -> new Damage("both", f, v, g)));
  }

  @Provide
  Arbitrary<byte[]> warcLikeBytes() {
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
    Arbitrary<String> field = Arbitraries.oneOf(
        Arbitraries.of("WARC-Type: response", "WARC-Type: warcinfo", "WARC-Type: request",
            "WARC-Record-ID: <urn:uuid:1>", "WARC-Date: 2026-02-30T00:00:00Z",
            "WARC-Block-Digest: sha1:AAAA", "WARC-Payload-Digest: sha256:" + "A".repeat(52),
            "Content-Type: application/http; msgtype=response", "WARC-Concurrent-To: <x:y>",
            "WARC-Target-URI: <http://x/>", " folded continuation", "no colon", ": empty name",
            "Content-Length: 0", "Content-Length: -1", "Content-Length: 99999999999999999999",
            "Content-Length: 536870912", "Content-Length: 536870913", "Content-Length: 12"),
        Arbitraries.strings().all().ofMaxLength(30));
    Arbitrary<String> block = Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(100),
        Arbitraries.of("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffff\r\nab",
            "HTTP/1.1 200 OK\r\n\r\n", "\r\n\r\n", "HTTP/1.1 200 OK\nTransfer-Encoding: chunked"
                + "\n\n-5\r\n"));
    Arbitrary<String> record = Combinators.combine(
            Arbitraries.of("WARC/1.1", "WARC/1.0", "WARC/0.9", "WARC/1.1\n", "warc/1.1", ""),
            field.list().ofMaxSize(10), block, Arbitraries.of("\r\n\r\n", "\r\n", "", "\n\n"))
        .as((version, fields, b, end) -> version + "\r\n" + String.join("\r\n", fields)
            + "\r\nContent-Length: " + b.length() + "\r\n\r\n" + b + end);
    Arbitrary<byte[]> plain = record.list().ofMinSize(1).ofMaxSize(4)
        .map(rs -> String.join("", rs).getBytes(StandardCharsets.ISO_8859_1));
    Arbitrary<byte[]> members = record.map(r -> r.getBytes(StandardCharsets.ISO_8859_1))
        .map(WarcSurgery::gzip).list().ofMinSize(1).ofMaxSize(4).map(ms -> {
          byte[] all = new byte[ms.stream().mapToInt(m -> m.length).sum()];
          int at = 0;
          for (byte[] m : ms) {
            System.arraycopy(m, 0, all, at, m.length);
            at += m.length;
          }
          return all;
        });
    Arbitrary<byte[]> cutMembers = Combinators.combine(members, Arbitraries.doubles()
        .between(0, 1)).as((m, f) -> Arrays.copyOf(m, (int) (m.length * f)));
    return Arbitraries.oneOf(random, plain, members, cutMembers,
        random.map(WarcSurgery::gzip));
  }

  /** One record whose Content-Length promises far more than the few bytes that follow. */
  @Provide
  Arbitrary<byte[]> lyingRecords() {
    return Combinators.combine(
            Arbitraries.integers().between(64 * 1024 * 1024, WarcRecordParser.MAX_BLOCK),
            Arbitraries.strings().ascii().ofMaxLength(200))
        .as((declared, block) -> ("WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: "
            + declared + "\r\n\r\n" + block).getBytes(StandardCharsets.ISO_8859_1));
  }
}
