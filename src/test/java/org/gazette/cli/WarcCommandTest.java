package org.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gazette.testing.SampleExchanges.notFound;
import static org.gazette.testing.SampleExchanges.plain;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.gazette.archive.WarcWriter;
import org.gazette.archive.WarcWriterOptions;
import org.gazette.archive.Warcinfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gazette warc verify} and {@code gazette warc index}: output and exit codes. */
class WarcCommandTest {
  @TempDir Path tmp;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  /** Writes a closed WARC file in {@code site/} with two exchanges. */
  void writeWarc(String site) throws IOException {
    Warcinfo info = new Warcinfo("gazette/test", "host1", "ops@example.org",
        "gazette/test (+https://example.org/crawler)", Warcinfo.ROBOTS_OBEY, site, "run-1");
    try (WarcWriter writer = new WarcWriter(new WarcWriterOptions(tmp.resolve(site), info))) {
      writer.write(plain("https://news.example.com/b", "<p>b</p>"));
      writer.write(notFound("https://news.example.com/a"));
    }
  }

  Path onlyWarc(String site) throws IOException {
    try (Stream<Path> files = Files.list(tmp.resolve(site))) {
      return files.filter(p -> p.toString().endsWith(".warc.gz")).findFirst().orElseThrow();
    }
  }

  @Test
  void verifyPrintsOkPerFileAndASummaryAndExitsZero() throws IOException {
    writeWarc("one");
    writeWarc("two");

    int code = run("warc", "verify", tmp.toString());

    assertThat(code).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("OK " + tmp.resolve("one")).endsWith(": 5 records");
    assertThat(lines.get(1)).startsWith("OK " + tmp.resolve("two")).endsWith(": 5 records");
    assertThat(lines.get(2)).isEqualTo("verified 2 files, 10 records, 0 errors");
  }

  @Test
  void verifyPrintsEachProblemWithItsOffsetAndExitsOne() throws IOException {
    writeWarc("site");
    Path warc = onlyWarc("site");
    byte[] data = Files.readAllBytes(warc);
    Files.write(warc, Arrays.copyOf(data, data.length - 3));

    int code = run("warc", "verify", warc.toString());

    assertThat(code).isEqualTo(1);
    assertThat(out.toString())
        .startsWith("FAIL " + warc + ": 5 records, 1 errors\n  offset ")
        .contains(": file ends inside the trailer of the gzip member, at byte " + (data.length - 3))
        .endsWith("verified 1 files, 5 records, 1 errors\n");
  }

  @Test
  void verifyWithoutWarcFilesIsBadUsage() throws IOException {
    Files.createDirectories(tmp.resolve("empty"));

    assertThat(run("warc", "verify", tmp.resolve("empty").toString())).isEqualTo(2);
    assertThat(run("warc", "verify", tmp.resolve("nope").toString())).isEqualTo(2);
    assertThat(run("warc", "verify")).isEqualTo(2);
    assertThat(run("warc")).isEqualTo(2);
    assertThat(err.toString()).contains("no .warc.gz or .warc file").contains("no such file");
  }

  @Test
  void indexPrintsSortedCdxjOfAllFiles() throws IOException {
    writeWarc("one");
    writeWarc("two");

    int code = run("warc", "index", tmp.resolve("one").toString(), tmp.resolve("two").toString());

    assertThat(code).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines).isSortedAccordingTo(String::compareTo);
    assertThat(lines.get(0)).startsWith("com,example,news)/a 20261126100000 {\"url\": "
        + "\"https://news.example.com/a\", \"mime\": \"text/plain\", \"status\": \"404\"");
    assertThat(lines.get(3)).startsWith("com,example,news)/b 20261126100000 {");
  }

  @Test
  void indexWritesACdxjBesideEachFile() throws IOException {
    writeWarc("site");
    Path warc = onlyWarc("site");

    int code = run("warc", "index", "--write", tmp.resolve("site").toString());

    assertThat(code).isZero();
    assertThat(out.toString()).isEmpty();
    Path cdxj = warc.resolveSibling(warc.getFileName().toString().replace(".warc.gz", ".cdxj"));
    assertThat(Files.readAllLines(cdxj, StandardCharsets.UTF_8)).hasSize(2);
    assertThat(err.toString()).contains("wrote " + cdxj + ": 2 lines");
  }
}
