package org.gazette.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gazette.fetch.HttpExchange;
import org.gazette.fetch.Truncation;

/**
 * A {@code response} record: status line, headers and body exactly as received (chunking and
 * content encoding intact) as an {@code application/http; msgtype=response} block.
 *
 * <p>{@code WARC-Payload-Digest} is computed over the exchange's payload, the body with transfer
 * chunking removed but still content-encoded, which is what WARC readers (jwarc, warcio, pywb)
 * compute and what deduplication compares. {@code WARC-Truncated} is written only when the body was
 * cut short.
 */
public final class ResponseRecord extends CaptureRecord {

  private final String payloadDigest;
  private final Truncation truncation;

  /**
   * @param id this record's id
   * @param warcinfoId the id of the warcinfo record of the file it goes into
   * @param requestId the id of the request record of the same exchange
   * @param exchange the exchange; its {@code response} bytes are the block
   */
  public ResponseRecord(String id, String warcinfoId, String requestId, HttpExchange exchange) {
    super(
        WarcType.RESPONSE,
        id,
        warcinfoId,
        requestId,
        exchange,
        responseFields(requireValid(exchange)),
        WarcContentTypes.HTTP_RESPONSE,
        exchange.response());
    this.payloadDigest = header(WarcHeaders.WARC_PAYLOAD_DIGEST).orElseThrow();
    this.truncation = truncationOf(exchange);
  }

  /** The digest of the payload ({@code WARC-Payload-Digest}), {@code sha1:} + Base32. */
  public String payloadDigest() {
    return payloadDigest;
  }

  /** Why the body was cut short, {@link Truncation#NONE} when it was not. */
  public Truncation truncation() {
    return truncation;
  }

  /** The {@code WARC-Truncated} value, absent when the whole body was received. */
  public Optional<String> truncated() {
    return header(WarcHeaders.WARC_TRUNCATED);
  }

  private static List<WarcField> responseFields(HttpExchange exchange) {
    List<WarcField> fields = new ArrayList<>(2);
    fields.add(new WarcField(WarcHeaders.WARC_PAYLOAD_DIGEST, WarcDigest.sha1(exchange.payload())));
    String truncated = truncationOf(exchange).warcValue();
    if (truncated != null) {
      fields.add(new WarcField(WarcHeaders.WARC_TRUNCATED, truncated));
    }
    return fields;
  }

  // a fetcher that does not say is taken to have received the whole body
  private static Truncation truncationOf(HttpExchange exchange) {
    return exchange.truncation() == null ? Truncation.NONE : exchange.truncation();
  }
}
