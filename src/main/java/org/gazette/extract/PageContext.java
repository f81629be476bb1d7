package org.gazette.extract;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * What the extractor needs to know about a page besides its HTML.
 *
 * @param site site name, as in {@code config/sites/<site>.yaml}; null when unknown (a page read
 *     from a file, with no site given)
 * @param url the URL the page was fetched from (for a page read from a file, the URL it was
 *     given or the file's {@code file:} URL)
 * @param fetchedAt when the response arrived; null when unknown (a page read from a file)
 * @param status HTTP status code; null when the page did not come from an HTTP response
 * @param zone zone in which times printed on the page without an offset are read; null means
 *     UTC
 * @param warc where the response is archived, or null when the page does not come from a WARC
 * @param charset the name of the encoding the page's bytes were read in (e.g. {@code GB18030});
 *     null when the document was not read from bytes
 */
public record PageContext(String site, String url, Instant fetchedAt, Integer status,
    ZoneId zone, WarcRef warc, String charset) {

  /** A context for a document not read from bytes (a string): no charset. */
  public PageContext(
      String site, String url, Instant fetchedAt, Integer status, ZoneId zone, WarcRef warc) {
    this(site, url, fetchedAt, status, zone, warc, null);
  }

  /** Checks the required field and defaults the zone to UTC. */
  public PageContext {
    Objects.requireNonNull(url, "url");
    zone = zone == null ? ZoneOffset.UTC : zone;
  }
}
