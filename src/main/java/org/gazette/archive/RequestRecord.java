package org.gazette.archive;

import java.util.List;
import org.gazette.fetch.HttpExchange;

/**
 * A {@code request} record: the HTTP request line and headers exactly as sent, as an {@code
 * application/http; msgtype=request} block.
 */
public final class RequestRecord extends CaptureRecord {

  /**
   * @param id this record's id
   * @param warcinfoId the id of the warcinfo record of the file it goes into
   * @param responseId the id of the response record of the same exchange
   * @param exchange the exchange; its {@code request} bytes are the block
   */
  public RequestRecord(String id, String warcinfoId, String responseId, HttpExchange exchange) {
    super(
        WarcType.REQUEST,
        id,
        warcinfoId,
        responseId,
        exchange,
        List.of(),
        WarcContentTypes.HTTP_REQUEST,
        requireValid(exchange).request());
  }
}
