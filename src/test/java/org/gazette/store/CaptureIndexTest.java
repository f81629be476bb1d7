package org.gazette.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureIndexTest {
  @TempDir Path tmp;

  static CaptureEntry entry(String url, Path warc, long offset, String digest) {
    Instant t = Instant.parse("2026-11-26T10:00:00Z");
    return new CaptureEntry(url, t, "\"e1\"", null, digest, warc.toAbsolutePath().toString(),
        offset, "<urn:uuid:00000000-0000-0000-0000-000000000001>", t);
  }

  @Test
  void remembersTheLatestCaptureOfEachUrlAcrossOpenings() throws Exception {
    Path file = tmp.resolve("captures.jsonl");
    Path warc = tmp.resolve("a.warc.gz");
    try (CaptureIndex index = CaptureIndex.open(file)) {
      index.record(entry("http://x/1", warc, 10, "sha1:AAA"));
      index.record(entry("http://x/1", warc, 500, "sha1:BBB"));
      index.record(entry("http://x/2", warc, 900, "sha1:CCC"));
    }
    Files.writeString(file, "{\"url\":\"http://x/3\",\"fetch", java.nio.file.StandardOpenOption.APPEND);

    try (CaptureIndex index = CaptureIndex.open(file)) {
      assertThat(index.size()).isEqualTo(2); // the line cut by a crash is skipped
      assertThat(index.latest("http://x/1").orElseThrow().payloadDigest()).isEqualTo("sha1:BBB");
      assertThat(index.latest("http://x/1").orElseThrow().etag()).isEqualTo("\"e1\"");
      assertThat(index.latest("http://x/3")).isEmpty();
    }
  }

  @Test
  void forgetsCapturesCutAwayByARepairForGood() throws Exception {
    Path file = tmp.resolve("captures.jsonl");
    Path cut = tmp.resolve("cut.warc.gz");
    Path other = tmp.resolve("other.warc.gz");
    try (CaptureIndex index = CaptureIndex.open(file)) {
      index.record(entry("http://x/kept", cut, 100, "sha1:A"));
      index.record(entry("http://x/lost", cut, 5000, "sha1:B"));
      index.record(entry("http://x/elsewhere", other, 9000, "sha1:C"));

      assertThat(index.forgetFrom(cut, 4000)).isEqualTo(1);
      index.record(entry("http://x/new", other, 9500, "sha1:D"));
    }
    try (CaptureIndex index = CaptureIndex.open(file)) {
      assertThat(index.latest("http://x/lost")).isEmpty();
      assertThat(index.latest("http://x/kept")).isPresent();
      assertThat(index.latest("http://x/elsewhere")).isPresent();
      assertThat(index.latest("http://x/new")).isPresent();
    }
  }
}
