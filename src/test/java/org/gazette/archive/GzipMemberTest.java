package org.gazette.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gazette.testing.SampleExchanges.chunkedGzip;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.gazette.testing.WarcAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GzipMemberTest {

  @TempDir Path dir;

  @Test
  void compressesOneRecordIntoOneCompleteMember() throws IOException {
    ResponseRecord record =
        ResponseRecordTest.response(chunkedGzip("https://news.example.com/a", "<p>a</p>"));
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    record.writeTo(plain);

    byte[] member = GzipMember.of(record);
    Path file = Files.write(dir.resolve("one.gz"), member);

    assertThat(WarcAssertions.gzipMemberOffsets(file)).containsExactly(0L);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(member))) {
      assertThat(in.readAllBytes()).isEqualTo(plain.toByteArray());
    }
  }
}
