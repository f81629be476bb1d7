package org.gazette.extract;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * What the extractor needs to know about a page besides its HTML.
 *
 * @param site site name, as in {@code config/sites/<site>.yaml}
 * @param url the URL the page was fetched from
 * @param fetchedAt when the response arrived
 * @param status HTTP status code
 * @param zone zone in which times printed on the page without an offset are read; null means
 *     UTC
 * @param warc where the response is archived, or null when the page does not come from a WARC
 */
public record PageContext(
    String site, String url, Instant fetchedAt, int status, ZoneId zone, WarcRef warc) {

  /** Checks the required fields and defaults the zone to UTC. */
  public PageContext {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
    zone = zone == null ? ZoneOffset.UTC : zone;
  }
}
