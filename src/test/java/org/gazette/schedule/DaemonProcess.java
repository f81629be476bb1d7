package org.gazette.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A {@code gazette daemon} in a JVM of its own, working in a folder of its own (config/, state/,
 * warc/, logs/), for tests that signal it or kill it as an operator would.
 */
final class DaemonProcess implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final Process process;

  private DaemonProcess(Path dir, Process process) {
    this.dir = dir;
    this.process = process;
  }

  /** Starts {@code gazette daemon} in {@code dir}, which must hold config/. */
  static DaemonProcess start(Path dir) throws IOException {
    Path logback = Path.of(System.getProperty("user.dir"), "config", "logback.xml");
    List<String> cmd = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dlogback.configurationFile=" + logback,
        "-cp", System.getProperty("java.class.path"), "org.gazette.cli.Main",
        "daemon", "--config", dir.resolve("config").toString(),
        "--state", dir.resolve("state").toString());
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("daemon.out").toFile()))
        .start();
    return new DaemonProcess(dir, p);
  }

  /** Writes config/gazette.yaml and config/sites/NAME.yaml. */
  static void writeConfig(Path dir, String global, String site, String siteYaml)
      throws IOException {
    Files.createDirectories(dir.resolve("config/sites"));
    Files.writeString(dir.resolve("config/gazette.yaml"), global);
    Files.writeString(dir.resolve("config/sites/" + site + ".yaml"), siteYaml);
  }

  /** A site file for the sample site at {@code base}, on {@code cron}. */
  static String sampleSite(String base, String cron, String revisitAfter, String minDelay) {
    return "seeds: [\"" + base + "\"]\n"
        + "schedule: \"" + cron + "\"\n"
        + "timeZone: Asia/Shanghai\n"
        + "revisitAfter: " + revisitAfter + "\n"
        + "maxPages: 200\n"
        + "politeness: { minDelay: " + minDelay + " }\n"
        + "listing: { urlPatterns: [\"/$\", \"/list/\\\\d+\\\\.html$\"] }\n"
        + "article: { urlPatterns: [\"/news/\\\\d{4}/\\\\d{2}/\\\\d{2}/[^/]+\\\\.shtml$\"] }\n";
  }

  long pid() {
    return process.pid();
  }

  Path dir() {
    return dir;
  }

  /** What the daemon printed, for assertion messages. */
  String output() {
    try {
      String out = Files.readString(dir.resolve("daemon.out"));
      Path log = dir.resolve("logs/gazette.log");
      return out + (Files.exists(log) ? "\n--- gazette.log ---\n" + Files.readString(log) : "");
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  /** The lines of logs/runs.jsonl so far. */
  List<JsonNode> runs() throws IOException {
    Path f = dir.resolve("logs/runs.jsonl");
    List<JsonNode> out = new ArrayList<>();
    if (Files.exists(f)) {
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          out.add(JSON.readTree(line));
        }
      }
    }
    return out;
  }

  /** Waits until runs.jsonl has a line matching {@code which}, numbered from 0 in order. */
  List<JsonNode> awaitRuns(int count, Predicate<JsonNode> which, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      List<JsonNode> matching = runs().stream().filter(which).toList();
      if (matching.size() >= count) {
        return matching;
      }
      if (!process.isAlive()) {
        throw new AssertionError("the daemon exited with " + process.exitValue() + ":\n"
            + output());
      }
      Thread.sleep(50);
    }
    throw new AssertionError("fewer than " + count + " runs after " + timeout + ":\n" + output());
  }

  /** Waits until {@code condition} holds, at most {@code timeout}. */
  void await(java.util.function.BooleanSupplier condition, Duration timeout, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what + ":\n" + output());
      }
      Thread.sleep(20);
    }
  }

  /** Sends a signal (TERM, HUP, KILL) as kill(1) does. */
  void signal(String name) throws Exception {
    int code = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
        .inheritIO().start().waitFor();
    if (code != 0) {
      throw new AssertionError("kill -" + name + " failed");
    }
  }

  /** Waits for the process to exit; returns its exit code. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the daemon did not exit within " + timeout + ":\n" + output());
    }
    return process.exitValue();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** The files in warc/SITE/ whose names end with {@code suffix}. */
  List<Path> warcFiles(String site, String suffix) throws IOException {
    Path d = dir.resolve("warc").resolve(site);
    if (!Files.isDirectory(d)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(d)) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
