package org.gazette.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;

/**
 * A response read back from its archived bytes (a WARC response block), parsed as if it had just
 * come over the wire: what a 304 Not Modified hands to the parser in place of a body.
 */
public final class StoredResponse {
  private StoredResponse() {}

  /**
   * Parses {@code response}, the status line, headers and body as once received.
   *
   * @param uri the URI it was the response to
   * @param date when it was received
   */
  public static HttpExchange parse(URI uri, Instant date, byte[] response) throws IOException {
    WireReader wire = new WireReader(new ByteArrayInputStream(response));
    ResponseReader.Response r = new ResponseReader(wire, Long.MAX_VALUE).read(uri);
    return new HttpExchange(uri, date, null, new byte[0], response, r.bodyOffset(), r.status(),
        r.headers(), r.payload(), r.truncation(), 0);
  }
}
