package org.gazette.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

/** Writer options and file look-ups shared by the tests of this package. */
final class TestWarcs {

  static final String USER_AGENT = "gazette/test (+https://example.org/crawler; ops@example.org)";

  /** The time every test writer's clock is stopped at; a zone other than UTC on purpose. */
  static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-26T10:00:00.123Z"), ZoneId.of("Asia/Shanghai"));

  static final Warcinfo WARCINFO =
      new Warcinfo(
          "gazette/test",
          "crawler1.example.org",
          "ops@example.org",
          USER_AGENT,
          Warcinfo.ROBOTS_OBEY,
          "portal",
          "run-7");

  private TestWarcs() {}

  /** Options writing to {@code dir} as {@code portal-20261126100000123-<serial>-node1}. */
  static WarcWriterOptions options(Path dir) {
    return new WarcWriterOptions(dir, WARCINFO).prefix("portal").node("node1").clock(CLOCK);
  }

  /** The names of the files in {@code dir}, sorted. */
  static List<String> fileNames(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** The one closed WARC file in {@code dir}; fails if there is not exactly one. */
  static Path onlyWarc(Path dir) throws IOException {
    List<String> warcs = fileNames(dir).stream().filter(n -> n.endsWith(".warc.gz")).toList();
    assertThat(warcs).as("WARC files in %s", dir).hasSize(1);
    return dir.resolve(warcs.get(0));
  }
}
