package org.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gazette.sample.SampleNewsSite;
import org.gazette.testing.WarcAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 in the middle of a crawl: the next run repairs the .open file and carries on. */
class CrashRepairIT {
  @TempDir Path tmp;

  @Test
  void nextRunRepairsTheFileACrashLeftOpen() throws Exception {
    try (SampleNewsSite site = SampleNewsSite.start("127.0.0.1", 0)) {
      List<String> crawl = List.of("crawl", "--seed", site.baseUri().toString(),
          "--allow-private", "--min-delay", "100", "--out", tmp.resolve("warc").toString(),
          "--state", tmp.resolve("state").toString());
      Process gazette = new ProcessBuilder(Stream.concat(Stream.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-cp", System.getProperty("java.class.path"), "org.gazette.cli.Main"),
              crawl.stream()).toList())
          .redirectErrorStream(true).redirectOutput(tmp.resolve("first.log").toFile()).start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (site.requests().size() < 15 && System.nanoTime() < deadline && gazette.isAlive()) {
        Thread.sleep(20);
      }
      gazette.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no close
      Path dir = tmp.resolve("warc/127.0.0.1");
      assertThat(openFiles(dir)).as(Files.readString(tmp.resolve("first.log"))).hasSize(1);

      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true),
          crawl.toArray(String[]::new));

      assertThat(code).as(err.toString()).isZero();
      assertThat(openFiles(dir)).isEmpty();
      List<Path> warcs;
      try (Stream<Path> files = Files.list(dir)) {
        warcs = files.filter(p -> p.toString().endsWith(".warc.gz")).sorted().toList();
      }
      assertThat(warcs).hasSize(2); // the repaired one and the second run's
      // both verify with jwarc and gazette's verifier, each with its .jsonl
      WarcAssertions.assertValidArchive(dir);
      assertThat(WarcAssertions.assertValidWarc(warcs.get(0)))
          .filteredOn(r -> r.type().equals("response")).isNotEmpty();
    }
  }

  private static List<Path> openFiles(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".warc.gz.open")).toList();
    }
  }
}
