package org.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gazette.sample.SampleNewsSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./gazette} launcher a user types, with its class data sharing archive: the first
 * crawl after a build writes the archive, later commands load gazette's classes from it, and a
 * stale or broken archive changes nothing a user sees (the JVM's complaint would land on stdout,
 * in the middle of JSON lines).
 */
class LauncherIT {
  private static final Path LAUNCHER = Path.of("gazette").toAbsolutePath();
  private static final Path JAR = Path.of("target", "gazette.jar").toAbsolutePath();

  @TempDir Path tmp;

  record Result(int code, String out, String err) {}

  @Test
  void theFirstCrawlWritesTheClassArchiveAndLaterCommandsUseIt() throws Exception {
    assumeThat(Files.isRegularFile(JAR)).as("target/gazette.jar is built by mvn package").isTrue();
    Path cds = tmp.resolve("cds");
    Path warc;
    try (SampleNewsSite site = SampleNewsSite.start("127.0.0.1", 0)) {
      Result crawl = launch(Map.of(), "crawl", "--seed",
          site.baseUri().resolve("/news/2020/03/18/537046.shtml").toString(), "--max-depth", "0",
          "--allow-private", "--min-delay", "0", "--out", "out", "--state", "state");
      assertThat(crawl.code()).as(crawl.err()).isZero();
      assertThat(crawl.out()).contains("WARC:").contains("1 pages (1 new articles");
    }
    List<Path> archives;
    try (Stream<Path> files = Files.list(cds)) {
      archives = files.filter(p -> p.toString().endsWith(".jsa")).toList();
    }
    assertThat(archives).hasSize(1);
    assertThat(Files.getLastModifiedTime(archives.get(0)))
        .isGreaterThan(Files.getLastModifiedTime(JAR));
    try (Stream<Path> files = Files.walk(tmp.resolve("out"))) {
      warc = files.filter(p -> p.toString().endsWith(".warc.gz")).findFirst().orElseThrow();
    }

    Path classes = tmp.resolve("classes.log");
    Result extract = launch(Map.of("GAZETTE_JAVA_OPTS", "-Xlog:class+load:file=" + classes),
        "extract", warc.toString());
    assertThat(extract.code()).as(extract.err()).isZero();
    assertJsonLinesOnly(extract.out(), 1);
    // gazette's own classes came out of the archive, not out of the jar
    assertThat(Files.readAllLines(classes)).anyMatch(l ->
        l.contains("org.gazette.extract.") && l.contains("source: shared objects file"));

    // an archive the JVM cannot use (here: one made for another jar, as after a rebuild the
    // launcher did not see) is skipped in silence
    Path otherJar = Files.copy(JAR, tmp.resolve("other.jar"));
    Files.delete(archives.get(0));
    Process dump = new ProcessBuilder(javaBin().resolve("java").toString(),
        "-XX:ArchiveClassesAtExit=" + archives.get(0), "-cp", otherJar.toString(),
        "org.gazette.cli.Main", "--version").redirectErrorStream(true)
        .redirectOutput(tmp.resolve("dump.txt").toFile()).start();
    assertThat(dump.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(archives.get(0)).exists();
    Files.setLastModifiedTime(archives.get(0), FileTime.from(Instant.now().plusSeconds(60)));
    Result broken = launch(Map.of(), "extract", warc.toString());
    assertThat(broken.code()).as(broken.err()).isZero();
    assertThat(broken.out()).isEqualTo(extract.out());
    assertThat(broken.err()).doesNotContain("cds").doesNotContain("shared archive");
  }

  @Test
  void gazetteCdsZeroLeavesTheArchiveAlone() throws Exception {
    assumeThat(Files.isRegularFile(JAR)).as("target/gazette.jar is built by mvn package").isTrue();
    Result help = launch(Map.of("GAZETTE_CDS", "0"), "crawl", "--help");
    assertThat(help.code()).as(help.err()).isZero();
    assertThat(help.out()).startsWith("Usage: gazette crawl");
    assertThat(tmp.resolve("cds")).doesNotExist();
  }

  @Test
  void crawlsRunOnTheQuickCompilerAloneAndOtherCommandsKeepTheOptimisingOne() throws Exception {
    assumeThat(Files.isRegularFile(JAR)).as("target/gazette.jar is built by mvn package").isTrue();
    // the JVM prints the options it was started with; the launcher's come first
    Map<String, String> env = Map.of("GAZETTE_CDS", "0",
        "GAZETTE_JAVA_OPTS", "-XX:+PrintCommandLineFlags");
    for (String command : List.of("crawl", "demo")) {
      Result help = launch(env, command, "--help");
      assertThat(help.code()).as(help.err()).isZero();
      assertThat(help.out()).contains("-XX:TieredStopAtLevel=1");
    }
    Result extract = launch(env, "extract", "--help");
    assertThat(extract.code()).as(extract.err()).isZero();
    assertThat(extract.out()).doesNotContain("TieredStopAtLevel")
        .contains("-XX:Tier4InvocationThreshold=50000");
  }

  @Test
  void batchCommandsRunTheThroughputCollectorAndTheDaemonTheJvmsChoice() throws Exception {
    assumeThat(Files.isRegularFile(JAR)).as("target/gazette.jar is built by mvn package").isTrue();
    Map<String, String> env = Map.of("GAZETTE_CDS", "0",
        "GAZETTE_JAVA_OPTS", "-XX:+PrintCommandLineFlags");
    for (String command : List.of("crawl", "demo", "extract")) {
      Result help = launch(env, command, "--help");
      assertThat(help.code()).as(help.err()).isZero();
      assertThat(help.out()).as(command).contains("-XX:+UseParallelGC").doesNotContain("G1");
    }
    Result daemon = launch(env, "daemon", "--help");
    assertThat(daemon.code()).as(daemon.err()).isZero();
    // the JVM's own choice: G1 on a machine of 2 cores and 2 GB or more, else Serial
    assertThat(daemon.out()).contains("-XX:+PrintCommandLineFlags").doesNotContain("UseParallelGC");

    // a collector of the user's own replaces the launcher's, where two would stop the JVM
    Result own = launch(Map.of("GAZETTE_CDS", "0",
        "GAZETTE_JAVA_OPTS", "-XX:+UseSerialGC -XX:+PrintCommandLineFlags"), "crawl", "--help");
    assertThat(own.code()).as(own.err()).isZero();
    assertThat(own.out()).contains("-XX:+UseSerialGC").doesNotContain("UseParallelGC");
    for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
      Result tool = launch(Map.of("GAZETTE_CDS", "0", variable, "-XX:+UseSerialGC",
          "GAZETTE_JAVA_OPTS", "-XX:+PrintCommandLineFlags"), "extract", "--help");
      assertThat(tool.code()).as(tool.err()).isZero();
      assertThat(tool.out()).as(variable).contains("-XX:+UseSerialGC")
          .doesNotContain("UseParallelGC");
    }
    // a flag that only names GC words is no collector
    Result threads = launch(Map.of("GAZETTE_CDS", "0",
        "GAZETTE_JAVA_OPTS", "-XX:ParallelGCThreads=1 -XX:+PrintCommandLineFlags"), "crawl", "--help");
    assertThat(threads.out()).contains("-XX:+UseParallelGC");
  }

  @Test
  void theJvmsWarningsGoToStderrNotIntoTheJsonLines() throws Exception {
    assumeThat(Files.isRegularFile(JAR)).as("target/gazette.jar is built by mvn package").isTrue();
    // a G1-only option under the launcher's Parallel collector: the JVM warns it is ignored
    Result extract = launch(Map.of("GAZETTE_CDS", "0",
        "GAZETTE_JAVA_OPTS", "-XX:+UseStringDeduplication"), "extract", "--help");
    assertThat(extract.code()).as(extract.err()).isZero();
    assertThat(extract.out()).startsWith("Usage: gazette extract");
    assertThat(extract.err()).contains("String Deduplication disabled");
  }

  private static void assertJsonLinesOnly(String out, int expected) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> lines = out.lines().toList();
    assertThat(lines).hasSize(expected);
    for (String line : lines) {
      assertThat(json.readTree(line).get("type").asText()).isEqualTo("article");
    }
  }

  private static Path javaBin() {
    return Path.of(System.getProperty("java.home"), "bin");
  }

  /** {@code ./gazette ARGS} from {@code tmp}, with the test's JDK first on the PATH. */
  private Result launch(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
    pb.environment().put("PATH", javaBin() + File.pathSeparator + System.getenv("PATH"));
    pb.environment().put("GAZETTE_CDS_DIR", tmp.resolve("cds").toString());
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.environment().remove("GAZETTE_JAVA_OPTS");
    pb.environment().remove("GAZETTE_CDS");
    pb.environment().putAll(env);
    File out = tmp.resolve("launch-out.txt").toFile();
    File err = tmp.resolve("launch-err.txt").toFile();
    pb.redirectOutput(out).redirectError(err);
    Process p = pb.start();
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("gazette " + String.join(" ", args)).isTrue();
    return new Result(p.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
  }
}
