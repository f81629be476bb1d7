package org.gazette.archive;

import java.time.Instant;
import java.util.Objects;

/**
 * The earlier capture a revisit record points at: the response record that holds the content.
 *
 * @param recordId its WARC-Record-ID
 * @param targetUri its WARC-Target-URI
 * @param date its WARC-Date
 * @param payloadDigest its WARC-Payload-Digest
 */
public record RevisitTarget(String recordId, String targetUri, Instant date, String payloadDigest) {
  public RevisitTarget {
    WarcRecord.requireRecordId(recordId, WarcHeaders.WARC_REFERS_TO);
    Objects.requireNonNull(targetUri, "targetUri");
    Objects.requireNonNull(date, "date");
  }
}
