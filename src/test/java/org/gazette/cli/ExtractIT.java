package org.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gazette.sample.SampleNewsSite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRevisit;

/**
 * {@code gazette extract} over the WARC files of real crawls of the sample site gives the crawl's
 * own JSON lines, byte for byte: responses, both kinds of revisits, gzip and chunked bodies, GBK
 * and Big5 pages. Crawl and extraction both go through the command line; the extraction runs in
 * a JVM of its own through {@code Main.main}, in the C locale, as a user's shell would run it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtractIT {
  @TempDir static Path tmp;

  Path config;
  Path warcDir;
  List<Path> warcs;

  /** Two runs of the sample site (the second after an article changed) and a bare-seed run. */
  @BeforeAll
  void crawl() throws Exception {
    config = tmp.resolve("config");
    Files.createDirectories(config.resolve("sites"));
    Files.writeString(config.resolve("gazette.yaml"), String.join("\n",
        "userAgent: \"gazette/1.0 (+https://example.org/crawler; ops@example.org)\"",
        "allowPrivate: [127.0.0.1]",
        "threads: 1",
        "politeness: { minDelay: 0s, delayFactor: 0 }",
        ""));
    try (SampleNewsSite site = SampleNewsSite.start("127.0.0.1", 0)) {
      Files.writeString(config.resolve("sites/sample.yaml"), String.join("\n",
          "seeds: [\"" + site.baseUri() + "\"]",
          "timeZone: Asia/Shanghai",
          "revisitAfter: PT1S", // the second run asks for every article again, conditionally
          "listing: { urlPatterns: [\"/$\", \"/list/\\\\d+\\\\.html$\"] }",
          "article: { urlPatterns: [\"/news/\\\\d{4}/\\\\d{2}/\\\\d{2}/[^/]+\\\\.shtml$\"] }",
          ""));
      run("crawl", "--config", config.toString(), "--site", "sample", "--out",
          tmp.resolve("warc").toString(), "--state", tmp.resolve("state").toString());
      site.edit(SampleNewsSite.SEED_ARTICLE_PATH); // a changed page: a new response next run
      Thread.sleep(1100); // past revisitAfter
      run("crawl", "--config", config.toString(), "--site", "sample", "--out",
          tmp.resolve("warc").toString(), "--state", tmp.resolve("state").toString());
    }
    warcDir = tmp.resolve("warc/sample");
    try (Stream<Path> files = Files.list(warcDir)) {
      warcs = files.filter(p -> p.toString().endsWith(".warc.gz")).sorted().toList();
    }
    assertThat(warcs).hasSize(2);
  }

  @Test
  void extractingTheArchiveGivesTheCrawlsJsonLinesByteForByte() throws Exception {
    Result extracted = extract("--config", config.toString(), warcDir.toString());

    assertThat(extracted.err()).isEmpty();
    assertThat(extracted.code()).isZero();
    byte[] crawled = concat(jsonlOf(warcs.get(0)), jsonlOf(warcs.get(1)));
    assertThat(new String(extracted.out(), StandardCharsets.UTF_8))
        .isEqualTo(new String(crawled, StandardCharsets.UTF_8));
    assertThat(extracted.out()).isEqualTo(crawled);
    // what the comparison covered: every kind of capture the crawl makes a record of
    List<JsonNode> records = records(crawled);
    assertThat(records).hasSizeGreaterThan(100);
    Map<String, String> profiles = revisitProfiles(warcs.get(1));
    Map<String, Integer> covered = new HashMap<>();
    for (JsonNode r : records) {
      String id = r.get("warc").get("record_id").asText();
      covered.merge(profiles.getOrDefault(id, "response"), 1, Integer::sum);
    }
    assertThat(covered).containsKeys("response", "server-not-modified",
        "identical-payload-digest");
    assertThat(records).filteredOn(r -> r.has("status")) // articles; listings have none
        .extracting(r -> r.get("status").asInt()).contains(200, 304);
    assertThat(records).extracting(r -> r.get("title") == null ? "" : r.get("title").asText())
        .contains(SampleNewsSite.GBK_PAGE_TITLE, SampleNewsSite.BIG5_PAGE_TITLE);
  }

  @Test
  void revisitsOfALaterFileFindTheirContentInTheFilesBesideIt() throws Exception {
    // only the second run's file is named: its revisits refer to the first run's responses
    Result extracted = extract("--config", config.toString(), warcs.get(1).toString());

    assertThat(extracted.err()).isEmpty();
    assertThat(extracted.code()).isZero();
    assertThat(new String(extracted.out(), StandardCharsets.UTF_8))
        .isEqualTo(new String(jsonlOf(warcs.get(1)), StandardCharsets.UTF_8));
  }

  @Test
  void aBareSeedCrawlIsReproducedWithoutItsConfiguration() throws Exception {
    // no site file: the crawl names the site after the host and guesses the zone per page;
    // extract, finding no site for the host in an empty config, does the same
    Path empty = tmp.resolve("empty-config");
    Files.createDirectories(empty.resolve("sites"));
    Files.writeString(empty.resolve("gazette.yaml"), "allowPrivate: [127.0.0.1]\n");
    Path out = tmp.resolve("seed-warc");
    try (SampleNewsSite site = SampleNewsSite.start("127.0.0.1", 0)) {
      run("crawl", "--config", empty.toString(), "--seed", site.baseUri().toString(),
          "--max-depth", "1", "--max-pages", "12", "--min-delay", "0", "--threads", "1",
          "--out", out.toString(), "--state", tmp.resolve("seed-state").toString());
    }
    Path dir = out.resolve("127.0.0.1");
    List<Path> seedWarcs;
    try (Stream<Path> files = Files.list(dir)) {
      seedWarcs = files.filter(p -> p.toString().endsWith(".warc.gz")).sorted().toList();
    }

    Result extracted = extract("--config", empty.toString(), dir.toString());

    assertThat(extracted.err()).isEmpty();
    assertThat(extracted.code()).isZero();
    byte[] crawled = jsonlOf(seedWarcs.get(0));
    assertThat(records(crawled)).hasSizeGreaterThan(3)
        .allMatch(r -> r.get("site").asText().equals("127.0.0.1"));
    assertThat(new String(extracted.out(), StandardCharsets.UTF_8))
        .isEqualTo(new String(crawled, StandardCharsets.UTF_8));
  }

  private static void run(String... args) {
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
        args);
    assertThat(code).as(err.toString()).isZero();
  }

  record Result(int code, byte[] out, String err) {}

  /** {@code gazette extract ARGS} in a JVM of its own, through Main.main, under LC_ALL=C. */
  private Result extract(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.gazette.cli.Main", "extract"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
    pb.environment().put("LC_ALL", "C");
    pb.environment().put("LANG", "C");
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    File err = tmp.resolve("extract-err.txt").toFile();
    pb.redirectError(err);
    Process p = pb.start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    p.getInputStream().transferTo(out);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return new Result(p.exitValue(), out.toByteArray(), Files.readString(err.toPath()));
  }

  private static byte[] jsonlOf(Path warc) throws IOException {
    String name = warc.getFileName().toString().replaceFirst("\\.warc\\.gz$", ".jsonl");
    return Files.readAllBytes(warc.resolveSibling(name));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static List<JsonNode> records(byte[] jsonl) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> out = new ArrayList<>();
    for (String line : new String(jsonl, StandardCharsets.UTF_8).split("\n")) {
      if (!line.isEmpty()) {
        out.add(json.readTree(line));
      }
    }
    return out;
  }

  /** The revisit records of a WARC file: id to the last segment of their profile. */
  private static Map<String, String> revisitProfiles(Path warc) throws IOException {
    Map<String, String> profiles = new HashMap<>();
    try (WarcReader reader = new WarcReader(warc)) {
      for (WarcRecord record : reader) {
        if (record instanceof WarcRevisit revisit) {
          String profile = revisit.profile().toString();
          profiles.put(revisit.id().toString().startsWith("<") ? revisit.id().toString()
              : "<" + revisit.id() + ">", profile.substring(profile.lastIndexOf('/') + 1));
        }
      }
    }
    return profiles;
  }
}
