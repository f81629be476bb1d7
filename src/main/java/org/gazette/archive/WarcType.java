package org.gazette.archive;

import java.util.Locale;

/** The WARC record types this package writes; {@link #value()} is the {@code WARC-Type} value. */
public enum WarcType {
  /** Describes the file and the crawl that wrote it; always the first record of a file. */
  WARCINFO,
  /** An HTTP request as sent. */
  REQUEST,
  /** An HTTP response as received. */
  RESPONSE,
  /** A capture whose content equals an earlier one: only the headers are kept. */
  REVISIT,
  /** Data derived from another record (outlinks, the page's JSON record). */
  METADATA;

  /** The value of the {@code WARC-Type} field. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
