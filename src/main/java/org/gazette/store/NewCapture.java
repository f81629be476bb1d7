package org.gazette.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A record just written to a WARC file for a fetch of {@code url}: a response, or a revisit of
 * content archived before.
 *
 * @param site the site whose run fetched it
 * @param runId that run
 * @param url the URL fetched
 * @param fetchedAt when
 * @param status the HTTP status received (304 for a not-modified revisit)
 * @param etag ETag now in force, or null
 * @param lastModified Last-Modified now in force, or null
 * @param recordType {@code response} or {@code revisit}
 * @param warcFile the file the record was written to, absolute
 * @param offset where the record starts
 * @param recordId its WARC-Record-ID
 * @param content where the content is: for a response the record itself, for a revisit the
 *     earlier response it refers to (its {@code fetchedAt}, validators and kind are ignored)
 */
public record NewCapture(
    String site,
    String runId,
    String url,
    Instant fetchedAt,
    int status,
    String etag,
    String lastModified,
    String recordType,
    String warcFile,
    long offset,
    String recordId,
    CaptureEntry content) {

  public NewCapture {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
    Objects.requireNonNull(recordType, "recordType");
    Objects.requireNonNull(warcFile, "warcFile");
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(content, "content");
  }
}
