package org.gazette.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gazette.testing.SampleExchanges.chunkedGzip;
import static org.gazette.testing.SampleExchanges.truncated;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.gazette.fetch.HttpExchange;
import org.gazette.fetch.Truncation;
import org.junit.jupiter.api.Test;

class ResponseRecordTest {

  static final String INFO_ID = "<urn:uuid:00000000-0000-0000-0000-000000000001>";
  static final String REQUEST_ID = "<urn:uuid:00000000-0000-0000-0000-000000000002>";
  static final String RESPONSE_ID = "<urn:uuid:00000000-0000-0000-0000-000000000003>";

  @Test
  void writesHeaderFieldsInSpecOrder() {
    ResponseRecord record = response(chunkedGzip("https://news.example.com/a", "<p>a</p>"));

    assertThat(record.headers())
        .extracting(WarcField::name)
        .containsExactly(
            "WARC-Type",
            "WARC-Record-ID",
            "WARC-Date",
            "WARC-Warcinfo-ID",
            "WARC-Concurrent-To",
            "WARC-Target-URI",
            "WARC-IP-Address",
            "WARC-Payload-Digest",
            "WARC-Block-Digest",
            "Content-Type",
            "Content-Length");
    assertThat(record.type()).isEqualTo(WarcType.RESPONSE);
    assertThat(record.header("warc-type")).contains("response");
    assertThat(record.truncation()).isEqualTo(Truncation.NONE);
    assertThat(record.truncated()).isEmpty();
  }

  @Test
  void marksTruncationWithItsWarcValue() {
    ResponseRecord record = response(truncated("https://news.example.com/big", 9999, "<p>cut"));

    assertThat(record.truncation()).isEqualTo(Truncation.LENGTH);
    assertThat(record.truncated()).contains("length");
    assertThat(record.headers()).extracting(WarcField::name).contains("WARC-Truncated");
  }

  @Test
  void serializesVersionHeaderBlockAndTrailer() throws IOException {
    HttpExchange exchange = chunkedGzip("https://news.example.com/a", "<p>a</p>");
    ResponseRecord record = response(exchange);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    record.writeTo(out);
    String text = out.toString(StandardCharsets.ISO_8859_1);

    assertThat(text)
        .startsWith("WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: " + RESPONSE_ID + "\r\n")
        .contains("\r\nWARC-Date: 2026-11-26T10:00:00.123Z\r\n")
        .contains("\r\nContent-Length: " + exchange.response().length + "\r\n\r\nHTTP/1.1 200 OK")
        .endsWith("\r\n0\r\n\r\n\r\n\r\n");
    assertThat(out.size()).isGreaterThan(exchange.response().length);
  }

  @Test
  void refusesIdsWithoutAngleBrackets() {
    HttpExchange exchange = chunkedGzip("https://news.example.com/a", "<p>a</p>");

    assertThatThrownBy(() -> new ResponseRecord("urn:uuid:x", INFO_ID, REQUEST_ID, exchange))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("WARC-Record-ID");
  }

  static ResponseRecord response(HttpExchange exchange) {
    return new ResponseRecord(RESPONSE_ID, INFO_ID, REQUEST_ID, exchange);
  }
}
