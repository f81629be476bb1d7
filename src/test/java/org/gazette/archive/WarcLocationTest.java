package org.gazette.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class WarcLocationTest {

  @Test
  void serializesAsTheWarcObjectOfAJsonRecord() throws Exception {
    WarcLocation location = new WarcLocation("a.warc.gz", 12345, "<urn:uuid:1>", null);

    assertThat(new ObjectMapper().writeValueAsString(location))
        .isEqualTo(
            "{\"file\":\"a.warc.gz\",\"offset\":12345,\"record_id\":\"<urn:uuid:1>\","
                + "\"payload_digest\":null}");
  }

  @Test
  void refusesANegativeOffset() {
    assertThatThrownBy(() -> new WarcLocation("a.warc.gz", -1, "<urn:uuid:1>", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a.warc.gz");
  }
}
