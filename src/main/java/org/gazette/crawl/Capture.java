package org.gazette.crawl;

import org.gazette.archive.WarcLocation;
import org.gazette.fetch.HttpExchange;

/**
 * One fetched page: the exchange to parse (for a 304, the archived one), where its response or
 * revisit record went in the WARC, and whether it was a revisit.
 */
record Capture(HttpExchange exchange, WarcLocation location, boolean revisit) {}
