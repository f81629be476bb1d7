package org.gazette.crawl;

/** What happened to one URL of a run; every URL ends in exactly one. */
public enum Outcome {
  /** Fetched with a 2xx status and archived. */
  ARCHIVED,
  /** Not modified since the last capture (304): archived as a revisit, parsed from the archive. */
  NOT_MODIFIED,
  /** Fetched, archived, and a redirect to follow. */
  REDIRECT,
  /** Fetched and archived, but the status was 4xx or 5xx. */
  HTTP_ERROR,
  /** robots.txt disallows it: never requested. */
  ROBOTS_DENIED,
  /** Not fetched: its host failed too often in a row and was left alone for the run. */
  HOST_PAUSED,
  /** No usable response (DNS, connect, timeout, TLS, malformed response). */
  FETCH_ERROR,
  /** Refused before any request: a private address without --allow-private. */
  ADDRESS_REFUSED,
  /**
   * Archived by the interrupted run this run finishes: parsed from the archive for its links,
   * not fetched again.
   */
  REPLAYED,
  /** Refused before any request: outside the URL rules (length, scheme). */
  REJECTED
}
