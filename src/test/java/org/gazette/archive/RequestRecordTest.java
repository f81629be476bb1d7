package org.gazette.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gazette.testing.SampleExchanges.plain;

import java.net.URI;
import org.gazette.fetch.HttpExchange;
import org.junit.jupiter.api.Test;

class RequestRecordTest {

  @Test
  void pointsToItsResponseAndWarcinfo() {
    HttpExchange exchange = plain("https://news.example.com/a?x=1", "<p>a</p>");
    RequestRecord record =
        new RequestRecord(
            ResponseRecordTest.REQUEST_ID,
            ResponseRecordTest.INFO_ID,
            ResponseRecordTest.RESPONSE_ID,
            exchange);

    assertThat(record.concurrentTo()).isEqualTo(ResponseRecordTest.RESPONSE_ID);
    assertThat(record.warcinfoId()).isEqualTo(ResponseRecordTest.INFO_ID);
    assertThat(record.targetUri()).isEqualTo("https://news.example.com/a?x=1");
    assertThat(record.ipAddress()).contains("192.0.2.10");
    assertThat(record.header("Content-Type")).contains(WarcContentTypes.HTTP_REQUEST);
    assertThat(record.contentLength()).isEqualTo(exchange.request().length);
    assertThat(record.blockDigest()).isEqualTo(WarcWriterTest.sha1(exchange.request()));
  }

  @Test
  void writesNonAsciiTargetUriInAsciiForm() {
    HttpExchange exchange = plain("https://news.example.com/新聞/1", "<p>a</p>");
    HttpExchange unicode =
        new HttpExchange(
            URI.create("https://news.example.com/新聞/1"),
            exchange.date(),
            exchange.ip(),
            exchange.request(),
            exchange.response(),
            exchange.bodyOffset(),
            exchange.status(),
            exchange.headers(),
            exchange.payload(),
            exchange.truncation(),
            1);
    RequestRecord record =
        new RequestRecord(
            ResponseRecordTest.REQUEST_ID,
            ResponseRecordTest.INFO_ID,
            ResponseRecordTest.RESPONSE_ID,
            unicode);

    assertThat(record.targetUri()).isEqualTo("https://news.example.com/%E6%96%B0%E8%81%9E/1");
  }
}
