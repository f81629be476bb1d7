package org.gazette.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gazette.fetch.HttpExchange;

/**
 * A record of one side of an HTTP exchange: the fields request and response records share ({@code
 * WARC-Warcinfo-ID}, {@code WARC-Concurrent-To}, {@code WARC-Target-URI}, {@code WARC-IP-Address}).
 */
public abstract sealed class CaptureRecord extends WarcRecord
    permits RequestRecord, ResponseRecord, RevisitRecord {

  private final String targetUri;

  CaptureRecord(
      WarcType type,
      String id,
      String warcinfoId,
      String concurrentTo,
      HttpExchange exchange,
      List<WarcField> moreFields,
      String contentType,
      byte[] block) {
    super(
        type,
        id,
        requireValid(exchange).date(),
        captureFields(warcinfoId, concurrentTo, exchange, moreFields),
        contentType,
        block);
    this.targetUri = exchange.uri().toASCIIString();
  }

  /** The URI fetched ({@code WARC-Target-URI}), in its ASCII form as URIs must be in WARC. */
  public String targetUri() {
    return targetUri;
  }

  /** The address connected to ({@code WARC-IP-Address}), when known. */
  public Optional<String> ipAddress() {
    return header(WarcHeaders.WARC_IP_ADDRESS);
  }

  /** The id of the record of the other side of the exchange ({@code WARC-Concurrent-To}). */
  public String concurrentTo() {
    return header(WarcHeaders.WARC_CONCURRENT_TO).orElseThrow();
  }

  /** The id of the warcinfo record of the file ({@code WARC-Warcinfo-ID}). */
  public String warcinfoId() {
    return header(WarcHeaders.WARC_WARCINFO_ID).orElseThrow();
  }

  /**
   * Checks what a capture needs from an exchange, so that a writer can refuse a bad exchange before
   * it opens a file.
   *
   * @throws IllegalArgumentException naming the missing part and the URI
   */
  static HttpExchange requireValid(HttpExchange exchange) {
    Objects.requireNonNull(exchange, "exchange");
    if (exchange.uri() == null || !exchange.uri().isAbsolute()) {
      throw new IllegalArgumentException("exchange needs an absolute URI: " + exchange.uri());
    }
    String where = " of exchange " + exchange.uri();
    if (exchange.date() == null) {
      throw new IllegalArgumentException("no date" + where);
    }
    if (exchange.request() == null || exchange.response() == null) {
      throw new IllegalArgumentException("no request or response bytes" + where);
    }
    if (exchange.payload() == null) {
      throw new IllegalArgumentException("no payload" + where);
    }
    return exchange;
  }

  private static List<WarcField> captureFields(
      String warcinfoId, String concurrentTo, HttpExchange exchange, List<WarcField> more) {
    List<WarcField> fields = new ArrayList<>();
    fields.add(
        new WarcField(
            WarcHeaders.WARC_WARCINFO_ID,
            requireRecordId(warcinfoId, WarcHeaders.WARC_WARCINFO_ID)));
    fields.add(
        new WarcField(
            WarcHeaders.WARC_CONCURRENT_TO,
            requireRecordId(concurrentTo, WarcHeaders.WARC_CONCURRENT_TO)));
    fields.add(new WarcField(WarcHeaders.WARC_TARGET_URI, exchange.uri().toASCIIString()));
    if (exchange.ip() != null) {
      fields.add(new WarcField(WarcHeaders.WARC_IP_ADDRESS, exchange.ip().getHostAddress()));
    }
    fields.addAll(more);
    return fields;
  }
}
