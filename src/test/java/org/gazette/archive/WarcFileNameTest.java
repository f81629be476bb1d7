package org.gazette.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WarcFileNameTest {

  @Test
  void namesWarcAndJsonlAlike() {
    WarcFileName name =
        new WarcFileName("portal", Instant.parse("2026-01-02T03:04:05.006Z"), 7, "node-a");

    assertThat(name.warc()).isEqualTo("portal-20260102030405006-00007-node-a.warc.gz");
    assertThat(name.jsonl()).isEqualTo("portal-20260102030405006-00007-node-a.jsonl");
  }

  @Test
  void widensTheSerialPastFiveDigits() {
    WarcFileName name = new WarcFileName("p", Instant.EPOCH, 123_456, "n");

    assertThat(name.warc()).isEqualTo("p-19700101000000000-123456-n.warc.gz");
  }
}
