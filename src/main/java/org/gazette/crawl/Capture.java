package org.gazette.crawl;

import org.gazette.archive.WarcLocation;
import org.gazette.fetch.HttpExchange;

/** One fetched page and where its response record went in the WARC. */
record Capture(HttpExchange exchange, WarcLocation location) {}
