package org.gazette.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetadataRecordTest {

  @Test
  void listsOutlinksOnePerField() {
    byte[] block =
        MetadataRecord.outlinks(
            List.of(
                URI.create("https://news.example.com/a"),
                URI.create("https://news.example.com/b")));

    assertThat(new String(block, StandardCharsets.UTF_8))
        .isEqualTo(
            "outlink: https://news.example.com/a\r\noutlink: https://news.example.com/b\r\n");
  }

  @Test
  void refersToTheRecordItDescribes() {
    MetadataRecord record =
        new MetadataRecord(
            WarcRecord.newRecordId(),
            ResponseRecordTest.INFO_ID,
            Instant.EPOCH,
            URI.create("https://news.example.com/a"),
            ResponseRecordTest.RESPONSE_ID,
            WarcContentTypes.JSON,
            "{}".getBytes(StandardCharsets.UTF_8));

    assertThat(record.type()).isEqualTo(WarcType.METADATA);
    assertThat(record.refersTo()).isEqualTo(ResponseRecordTest.RESPONSE_ID);
    assertThat(record.header("WARC-Refers-To")).contains(ResponseRecordTest.RESPONSE_ID);
    assertThat(record.header("WARC-Target-URI")).contains("https://news.example.com/a");
    assertThat(record.header("Content-Type")).contains("application/json");
  }
}
