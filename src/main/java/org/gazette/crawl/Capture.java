package org.gazette.crawl;

import org.gazette.archive.WarcLocation;
import org.gazette.fetch.HttpExchange;

/**
 * One fetched page: the exchange to parse (for a 304, the archived one), where its response or
 * revisit record went in the WARC, whether it was a revisit, and the status this fetch got (304
 * while the exchange to parse says 200). A replayed capture was archived by the interrupted run
 * that this run finishes: it is parsed for links from the archive, not fetched, and gets no
 * record (location is null).
 */
record Capture(HttpExchange exchange, WarcLocation location, boolean revisit, int status,
    boolean replayed) {

  Capture(HttpExchange exchange, WarcLocation location, boolean revisit, int status) {
    this(exchange, location, revisit, status, false);
  }
}
