package org.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gazette.config.StateConfig;
import org.gazette.sample.SampleNewsSite;
import org.gazette.sample.ServedRequest;
import org.gazette.store.RunRecord;
import org.gazette.store.StateStore;
import org.gazette.testing.CrashChecks;
import org.gazette.testing.SmallDisk;
import org.gazette.testing.WarcAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full output disk: the run stops with one line naming the folder and "no space left" (a stack
 * trace only with --verbose), exits 1 and is recorded as failed; the files it wrote stay whole,
 * and the next run, once there is room, repairs what is left open and finishes the crawl. Each
 * crawl is {@code gazette crawl} in a JVM of its own, as an operator runs it.
 *
 * <p>Two ways to fill a disk: a {@code limits.minFreeSpace} above the free space of any disk,
 * which works everywhere; and a real tmpfs of a few hundred KB (mounting it needs root, as in CI;
 * elsewhere that test is skipped).
 */
class DiskFullIT {
  @TempDir Path tmp;

  /** What a crawl printed and how it exited. */
  record Crawl(int exit, String output) {
    List<String> lines() {
      return output.lines().filter(l -> !l.isBlank()).toList();
    }
  }

  @Test
  void belowMinFreeSpaceTheRunStopsAtOnceWithOneLine() throws Exception {
    try (SampleNewsSite site = SampleNewsSite.start("127.0.0.1", 0)) {
      Path out = tmp.resolve("warc");
      Files.createDirectories(out);
      // more than the disk has: the first write (robots.txt) already finds too little room
      long more = Files.getFileStore(out).getUsableSpace() + (1L << 30);
      writeConfig(site, "minFreeSpace: " + more);
      Path dir = out.resolve("portal").toAbsolutePath();

      Crawl quiet = crawl();

      assertThat(quiet.exit()).as(quiet.output()).isEqualTo(1);
      assertThat(quiet.lines()).as(quiet.output()).singleElement().asString()
          .startsWith("gazette: no space left in " + dir + ": ")
          .contains("free, less than limits.minFreeSpace (")
          .endsWith("; the run stopped, its WARC files are closed");
      // nothing fetched for nothing: robots.txt, whose record was refused, and not one page
      assertThat(site.requests()).extracting(ServedRequest::path).containsExactly("/robots.txt");
      assertThat(CrashChecks.openFiles(dir)).isEmpty();
      assertThat(warcFiles(dir)).isEmpty();
      RunRecord run = lastRun();
      assertThat(run.outcome()).isEqualTo(RunRecord.FAILED);
      assertThat(run.message()).startsWith("no space left in " + dir);

      Crawl verbose = crawl("--verbose");

      assertThat(verbose.exit()).isEqualTo(1);
      assertThat(verbose.output()).contains("gazette: no space left in " + dir)
          .contains("NoSpaceLeftException").contains("\tat org.gazette.");
    }
  }

  @Test
  void aSmallDiskStopsTheRunTwiceThenTheNextRunRepairsAndFinishes() throws Exception {
    try (SampleNewsSite site = SampleNewsSite.start("127.0.0.1", 0);
        SmallDisk disk = SmallDisk.mount(tmp.resolve("warc"), "256k")) {
      Path dir = disk.dir().resolve("portal").toAbsolutePath();

      // 1. the guard: stops with room to spare, before the disk is full
      writeConfig(site, "minFreeSpace: 160KB");
      Crawl guarded = crawl();
      assertThat(guarded.exit()).as(guarded.output()).isEqualTo(1);
      assertThat(guarded.lines()).as(guarded.output()).singleElement().asString()
          .startsWith("gazette: no space left in " + dir + ": ")
          .contains("less than limits.minFreeSpace (160.0 KB)");
      assertThat(disk.free()).as("left free by the guard").isGreaterThan(100 * 1024);
      assertWhole(dir);
      assertThat(lastRun().outcome()).isEqualTo(RunRecord.FAILED);
      int archivedBefore = articlesWithJson(dir);
      assertThat(archivedBefore).as("articles archived before the guard stopped the run")
          .isPositive().isLessThan(SampleNewsSite.ARTICLE_COUNT);

      // 2. no guard: the disk fills up, a write fails with ENOSPC
      writeConfig(site, "minFreeSpace: 0");
      Crawl full = crawl();
      assertThat(full.exit()).as(full.output()).isEqualTo(1);
      assertThat(full.lines()).as(full.output()).singleElement().asString()
          .startsWith("gazette: no space left in " + dir)
          .contains("No space left on device")
          .doesNotContain("Exception");
      assertWhole(dir);
      RunRecord failed = lastRun();
      assertThat(failed.outcome()).isEqualTo(RunRecord.FAILED);
      assertThat(failed.message()).contains("No space left on device");
      // an .open file, if one could not be closed, is kept aside to judge its repair
      Path damaged = Files.createDirectories(tmp.resolve("damaged"));
      for (Path open : CrashChecks.openFiles(dir)) {
        Files.copy(open, damaged.resolve(open.getFileName()));
      }

      // 3. room again: the next run repairs what was left open and finishes the crawl
      disk.resize("8m");
      Crawl done = crawl();
      assertThat(done.exit()).as(done.output()).isZero();
      assertThat(CrashChecks.openFiles(dir)).isEmpty();
      List<WarcAssertions.ReadRecord> records = WarcAssertions.assertValidArchive(dir);
      try (Stream<Path> files = Files.list(damaged)) {
        for (Path warc : files.filter(f -> f.toString().endsWith(".warc.gz.open")).toList()) {
          CrashChecks.assertRepairLostAtMostTheRecordInFlight(warc,
              damaged.resolve(warc.getFileName().toString().replace(".warc.gz.open",
                  ".jsonl.open")), dir);
        }
      }
      Map<String, Integer> json = CrashChecks.assertJsonLinesPointAtRecords(dir, records);
      String article = ".*" + SampleNewsSite.ARTICLE_PATH_REGEX;
      assertThat(records.stream().filter(r -> r.type().equals("response")
          && r.httpStatus() == 200 && r.targetUri().matches(article))
          .map(WarcAssertions.ReadRecord::targetUri).distinct().count())
          .as("articles archived").isEqualTo(SampleNewsSite.ARTICLE_COUNT);
      assertThat(json.keySet().stream().filter(u -> u.matches(article)).count())
          .as("articles with a JSON record").isEqualTo(SampleNewsSite.ARTICLE_COUNT);
      assertThat(lastRun().outcome()).isEqualTo(RunRecord.COMPLETED);
    }
  }

  /** The closed files are valid, each with its JSON lines pointing at its records. */
  private static void assertWhole(Path dir) throws IOException {
    List<WarcAssertions.ReadRecord> records = new ArrayList<>();
    for (Path warc : warcFiles(dir)) {
      assertThat(WarcAssertions.jsonlBeside(warc)).exists();
      records.addAll(WarcAssertions.assertValidWarc(warc));
    }
    CrashChecks.assertJsonLinesPointAtRecords(dir, records);
  }

  private int articlesWithJson(Path dir) throws IOException {
    List<WarcAssertions.ReadRecord> records = new ArrayList<>();
    for (Path warc : warcFiles(dir)) {
      records.addAll(WarcAssertions.assertValidWarc(warc));
    }
    return (int) CrashChecks.assertJsonLinesPointAtRecords(dir, records).keySet().stream()
        .filter(u -> u.matches(".*" + SampleNewsSite.ARTICLE_PATH_REGEX)).count();
  }

  private static List<Path> warcFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".warc.gz")).sorted().toList();
    }
  }

  private RunRecord lastRun() {
    try (StateStore store = StateStore.open(
        new StateConfig(StateStore.DEFAULT_URL, null, null, false, null), tmp.resolve("state"))) {
      return store.runs().lastEnded("portal").orElseThrow();
    }
  }

  /** The sample site as site "portal", 40 KB WARC files, and {@code limits} as given. */
  private void writeConfig(SampleNewsSite site, String limits) throws IOException {
    Files.createDirectories(tmp.resolve("config/sites"));
    Files.writeString(tmp.resolve("config/gazette.yaml"), "allowPrivate: true\n"
        + "warcMaxFileSize: 40KB\n"
        + "limits:\n  " + limits + "\n");
    Files.writeString(tmp.resolve("config/sites/portal.yaml"),
        "seeds: [\"" + site.baseUri() + "\"]\n"
            + "timeZone: Asia/Shanghai\n"
            + "politeness: { minDelay: 20ms }\n"
            + "listing: { urlPatterns: [\"/$\", \"/list/\\\\d+\\\\.html$\"] }\n"
            + "article: { urlPatterns: [\"/news/\\\\d{4}/\\\\d{2}/\\\\d{2}/[^/]+\\\\.shtml$\"] }\n");
  }

  /** {@code gazette crawl --site portal} in its own JVM, in {@code tmp}; waits for its end. */
  private Crawl crawl(String... extra) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dlogback.configurationFile="
            + Path.of(System.getProperty("user.dir"), "config", "logback.xml"),
        "-cp", System.getProperty("java.class.path"), "org.gazette.cli.Main",
        "crawl", "--config", "config", "--site", "portal", "--state", "state"));
    cmd.addAll(List.of(extra));
    Path log = tmp.resolve("crawl.out");
    Process p = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("the crawl did not end within 2 minutes:\n" + Files.readString(log));
    }
    return new Crawl(p.exitValue(), Files.readString(log));
  }
}
