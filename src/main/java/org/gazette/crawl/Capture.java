package org.gazette.crawl;

import org.gazette.archive.WarcLocation;
import org.gazette.fetch.HttpExchange;

/**
 * One fetched page: the exchange to parse (for a 304, the archived one), where its response or
 * revisit record went in the WARC, whether it was a revisit, and the status this fetch got (304
 * while the exchange to parse says 200). A replayed capture was archived by the interrupted run
 * that this run finishes: it is parsed for links from the archive, not fetched; location is
 * its response record, and it gets a JSON record only if it never got one.
 */
record Capture(HttpExchange exchange, WarcLocation location, boolean revisit, int status,
    Replayed replayed) {

  /** Whether, and how, the page came from the archive rather than the network. */
  enum Replayed {
    /** Fetched by this run. */
    NO,
    /** Archived and extracted by the interrupted run. */
    EXTRACTED,
    /** Archived by the interrupted run, which died before writing its JSON record. */
    NOT_EXTRACTED
  }

  Capture(HttpExchange exchange, WarcLocation location, boolean revisit, int status) {
    this(exchange, location, revisit, status, Replayed.NO);
  }

  boolean fromArchive() {
    return replayed != Replayed.NO;
  }
}
