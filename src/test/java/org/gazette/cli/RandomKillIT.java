package org.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.gazette.sample.SampleNewsSite;
import org.gazette.testing.KillLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} at 20 random moments of a crawl, each time started again, then a run that
 * completes: every WARC file verifies (jwarc and gazette's verifier), no {@code .open} file is
 * left, each repair lost at most the record in flight, every JSON line points at the response of
 * its URL, and every article of the sample site is archived and has its JSON record. One kill in
 * four also tears the last write, as a power loss would, so that the repairs have records to cut.
 *
 * <p>The moments come from a seeded random plan ({@link KillLoop}); the seed is printed, and
 * {@code -Dgazette.kill.seed=N} draws the same plan again ({@code -Dgazette.kills=N} another
 * number of kills). {@code bench/kill-crawl.sh} does the same with the {@code ./gazette} binary.
 */
class RandomKillIT {
  @TempDir Path tmp;

  @Test
  void twentyKillsAtRandomMomentsLoseAtMostTheRecordInFlight() throws Exception {
    long seed = Long.getLong("gazette.kill.seed", System.nanoTime());
    int kills = Integer.getInteger("gazette.kills", 20);
    System.out.println("RandomKillIT: seed " + seed + " (-Dgazette.kill.seed=" + seed
        + " draws this plan again), " + kills + " kills");
    try (SampleNewsSite site = SampleNewsSite.start("127.0.0.1", 0)) {
      KillLoop.writeSampleConfig(tmp, site);
      List<String> crawl = List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          // a short-lived JVM on 2 shared cores: C1 only and one GC thread start it faster
          "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
          "-Dlogback.configurationFile="
              + Path.of(System.getProperty("user.dir"), "config", "logback.xml"),
          "-cp", System.getProperty("java.class.path"), "org.gazette.cli.Main",
          "crawl", "--config", "config", "--site", "portal", "--state", "state");
      Path dir = tmp.resolve("warc/portal");
      KillLoop loop = new KillLoop(tmp, crawl, dir, () -> site.requests().size(), seed,
          line -> System.out.println("RandomKillIT: " + line));
      try {
        KillLoop.Result result = loop.run(kills);
        assertThat(result.kills()).hasSize(kills);
        KillLoop.Checked checked = loop.check();
        assertThat(checked.repairs()).as("files the kills left open").isNotEmpty();
        // and the command an operator runs agrees
        StringWriter err = new StringWriter();
        assertThat(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err),
            "warc", "verify", dir.toString())).as("gazette warc verify: %s", err).isZero();
        System.out.printf("RandomKillIT: %d kills (%s; %d tearing the last write), %d runs"
                + " completed before their moment; %d files repaired, %d cut (%d bytes), %d"
                + " requests in flight dropped; %d records in %d files verify; %d JSON lines"
                + " point at their records; %d articles with their JSON record; %.1f s%n",
            result.kills().size(), KillLoop.byMoment(result.kills()),
            result.kills().stream().filter(k -> k.tornBytes() > 0).count(),
            result.finishedBeforeTheirMoment(), checked.repairs().size(), checked.cut(),
            checked.cutBytes(), checked.requestsInFlight(), checked.records(), checked.files(),
            checked.jsonLines(), checked.articles(), result.elapsed().toMillis() / 1000.0);
      } catch (AssertionError e) {
        throw new AssertionError("seed " + seed + " (-Dgazette.kill.seed=" + seed + "): "
            + e.getMessage() + "\nlog: " + tmp.resolve("logs/gazette.log")
            + warnings(tmp.resolve("logs/gazette.log")), e);
      }
    }
  }

  /**
   * The log's warnings and errors (the last 40), for the failure message: the test's folder,
   * log included, is deleted when it ends, and a kill's effects cannot be replayed exactly.
   */
  private static String warnings(Path log) {
    try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(log)) {
      List<String> found = lines.filter(l -> l.contains(" WARN ") || l.contains(" ERROR "))
          .toList();
      return "\n" + String.join("\n", found.subList(Math.max(0, found.size() - 40),
          found.size()));
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return "\n(log unreadable: " + e.getMessage() + ")";
    }
  }
}
