package org.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gazette.sample.SampleNewsSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gazette crawl --seed}, end to end through the command line. */
class CrawlCommandIT {
  @TempDir Path tmp;

  JsonNode crawlOnePage(String path, String... more) throws Exception {
    try (SampleNewsSite site = SampleNewsSite.start("127.0.0.1", 0)) {
      String seed = site.baseUri().resolve(path).toString();
      List<String> args = new java.util.ArrayList<>(List.of("crawl", "--seed", seed,
          "--allow-private", "--max-depth", "0", "--min-delay", "0", "--out", tmp.toString(),
          "--state", tmp.resolve("state").toString()));
      args.addAll(List.of(more));
      StringWriter err = new StringWriter();
      int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
          args.toArray(String[]::new));
      assertThat(code).as(err.toString()).isZero();
      assertThat(site.requests()).hasSize(2); // robots.txt and the seed: depth 0
      Path dir = tmp.resolve("127.0.0.1");
      try (Stream<Path> files = Files.list(dir)) {
        Path jsonl = files.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
        return new ObjectMapper().readTree(Files.readAllLines(jsonl).get(0));
      }
    }
  }

  @Test
  void bareSeedReadsLocalTimesInAZoneGuessedFromThePage() throws Exception {
    // a GBK page whose only time is its "最后更新" line, in <html lang="zh-Hans">
    JsonNode record = crawlOnePage(SampleNewsSite.GBK_PAGE_PATH);

    assertThat(record.get("site").asText()).isEqualTo("127.0.0.1");
    assertThat(record.get("title").asText()).isEqualTo(SampleNewsSite.GBK_PAGE_TITLE);
    assertThat(record.get("published").asText()).endsWith("+08:00");
  }

  @Test
  void timeZoneOptionWinsOverTheGuess() throws Exception {
    JsonNode record = crawlOnePage(SampleNewsSite.GBK_PAGE_PATH, "--time-zone", "Europe/Paris");

    assertThat(record.get("published").asText()).endsWith("+01:00"); // March 2020: CET
  }
}
