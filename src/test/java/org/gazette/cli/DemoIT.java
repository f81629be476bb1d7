package org.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gazette.testing.WarcAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gazette demo}, end to end through the command line. */
class DemoIT {
  @TempDir Path tmp;

  @Test
  void demoArchivesTheSampleSiteAndSaysWhere() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true),
        "demo", "--out", tmp.toString(), "--state", tmp.resolve("state").toString());

    assertThat(code).as(err.toString()).isEqualTo(0);
    Path dir = tmp.resolve("demo");
    List<Path> warcs;
    try (Stream<Path> files = Files.list(dir)) {
      warcs = files.filter(p -> p.toString().endsWith(".warc.gz")).toList();
    }
    assertThat(warcs).hasSize(1);
    String warcName = warcs.get(0).getFileName().toString();
    assertThat(warcName).matches("gazette-\\d{17}-00000-.+\\.warc\\.gz");
    assertThat(out.toString()).contains("WARC:").contains(warcName)
        .contains("JSON lines:").contains(warcName.replace(".warc.gz", ".jsonl"))
        .containsPattern("demo: \\d+ pages \\(\\d+ new articles, \\d+ listings, 0 unchanged\\)")
        .contains("robots-blocked:");
    List<WarcAssertions.ReadRecord> records = WarcAssertions.assertValidArchive(dir);
    // every page's capture is in the state store (robots.txt is archived, not a capture)
    try (org.gazette.store.StateStore store = org.gazette.store.StateStore.open(
        new org.gazette.config.StateConfig(org.gazette.store.StateStore.DEFAULT_URL, null, null,
            false, null), tmp.resolve("state"))) {
      assertThat(store.captures().count()).isEqualTo(records.stream()
          .filter(r -> r.type().equals("response") && r.httpStatus() == 200
              && !r.targetUri().endsWith("/robots.txt")).count()).isPositive();
    }
    List<String> lines = Files.readAllLines(WarcAssertions.jsonlBeside(warcs.get(0)));
    assertThat(lines)
        .anyMatch(l -> l.startsWith("{\"type\":\"article\",\"schema\":1,\"site\":\"demo\""));
    // the shipped profile reads every article (DemoProfileTest checks its fields one by one)
    assertThat(lines).filteredOn(l -> l.startsWith("{\"type\":\"article\""))
        .hasSize(org.gazette.sample.SampleNewsSite.ARTICLE_COUNT)
        .allMatch(l -> l.contains("\"extractor\":\"site:demo\""));
  }
}
