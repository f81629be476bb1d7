package org.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gazette.config.StateConfig;
import org.gazette.sample.SampleNewsSite;
import org.gazette.store.RunRecord;
import org.gazette.store.StateStore;
import org.gazette.testing.WarcAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C (or SIGTERM) in the middle of a command-line crawl stops it cleanly. */
class CrawlStopIT {
  @TempDir Path tmp;

  @Test
  void aSignalStopsTheCrawlClosesItsFileAndRecordsTheRunAsInterrupted() throws Exception {
    try (SampleNewsSite site = SampleNewsSite.start("127.0.0.1", 0)) {
      Process gazette = new ProcessBuilder(Stream.concat(Stream.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-cp", System.getProperty("java.class.path"), "org.gazette.cli.Main"),
              Stream.of("crawl", "--seed", site.baseUri().toString(), "--allow-private",
                  "--min-delay", "150", "--out", tmp.resolve("warc").toString(),
                  "--state", tmp.resolve("state").toString())).toList())
          .redirectErrorStream(true).redirectOutput(tmp.resolve("out.log").toFile()).start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (site.requests().size() < 10 && System.nanoTime() < deadline && gazette.isAlive()) {
        Thread.sleep(20);
      }
      new ProcessBuilder("kill", "-TERM", Long.toString(gazette.pid())).start().waitFor();
      assertThat(gazette.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String out = Files.readString(tmp.resolve("out.log"));

      assertThat(gazette.exitValue()).as(out).isEqualTo(130);
      assertThat(out).contains("gazette: stopping; closing the WARC file")
          .containsPattern("127\\.0\\.0\\.1: \\d+ pages .*\\(interrupted\\)");
      Path dir = tmp.resolve("warc/127.0.0.1");
      List<WarcAssertions.ReadRecord> records = WarcAssertions.assertValidArchive(dir);
      assertThat(records).filteredOn(r -> r.type().equals("response")).hasSizeGreaterThan(5)
          .hasSizeLessThan(SampleNewsSite.ARTICLE_COUNT);
      try (StateStore store = StateStore.open(
          new StateConfig(StateStore.DEFAULT_URL, null, null, false, null), tmp.resolve("state"))) {
        RunRecord run = store.runs().lastEnded("127.0.0.1").orElseThrow();
        assertThat(run.outcome()).isEqualTo(RunRecord.INTERRUPTED);
        assertThat(run.fetched()).isPositive();
        // every page archived before the stop is a capture: nothing to fetch twice next time
        assertThat(store.captures().count()).isEqualTo(records.stream()
            .filter(r -> r.type().equals("response") && !r.targetUri().endsWith("/robots.txt"))
            .count());
      }
    }
  }
}
