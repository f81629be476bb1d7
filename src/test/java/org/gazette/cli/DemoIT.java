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
        .containsPattern("demo: \\d+ pages \\(\\d+ articles, \\d+ listings, 0 unchanged\\)")
        .contains("robots-blocked:");
    assertThat(WarcAssertions.assertValidArchive(dir)).isNotEmpty();
    assertThat(tmp.resolve("state/captures.jsonl")).isNotEmptyFile();
    assertThat(Files.readAllLines(WarcAssertions.jsonlBeside(warcs.get(0))))
        .anyMatch(l -> l.startsWith("{\"type\":\"article\",\"schema\":1,\"site\":\"demo\""));
  }
}
