package org.gazette.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WarcinfoTest {

  @Test
  void listsFieldsInOrderLeavingOutUnknowns() {
    Warcinfo info = new Warcinfo("gazette/1.0", null, null, "ua", "obey", "portal", null);

    assertThat(info.fields())
        .extracting(WarcField::name)
        .containsExactly(
            "software", "format", "conformsTo", "http-header-user-agent", "robots", "isPartOf");
  }

  @Test
  void fillsSoftwareHostAndRobotsForAGazetteCrawl() {
    Warcinfo info = Warcinfo.of("portal", "run-1", "gazette/1.0 (+https://example.org)", null);

    assertThat(info.software()).startsWith("gazette/");
    assertThat(info.hostname()).isNotBlank();
    assertThat(info.robots()).isEqualTo("obey");
  }

  @Test
  void requiresAUserAgent() {
    assertThatThrownBy(() -> Warcinfo.of("portal", "run-1", " ", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http-header-user-agent");
  }

  @Test
  void recordNamesItsFileAndCarriesTheFieldsAsBlock() {
    WarcinfoRecord record =
        new WarcinfoRecord(
            ResponseRecordTest.INFO_ID, Instant.EPOCH, "x.warc.gz", TestWarcs.WARCINFO);

    assertThat(record.filename()).isEqualTo("x.warc.gz");
    assertThat(record.header("WARC-Filename")).contains("x.warc.gz");
    assertThat(record.header("WARC-Date")).contains("1970-01-01T00:00:00Z");
    assertThat(record.header("Content-Type")).contains("application/warc-fields");
    assertThat(record.contentLength())
        .isEqualTo(WarcField.encode(TestWarcs.WARCINFO.fields()).length);
  }
}
