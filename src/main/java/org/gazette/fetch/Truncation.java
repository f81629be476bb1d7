package org.gazette.fetch;

/** Why a response body was cut short; the names are the values of WARC-Truncated. */
public enum Truncation {
  /** The whole body was received. */
  NONE,
  /** The body reached the size limit. */
  LENGTH,
  /** The fetch reached its total time limit. */
  TIME,
  /** The connection broke before the body ended. */
  DISCONNECT;

  /** The WARC-Truncated header value, or null when nothing was cut. */
  public String warcValue() {
    return this == NONE ? null : name().toLowerCase(java.util.Locale.ROOT);
  }
}
