package org.gazette.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * The latest capture of a URL and the response record that holds its content.
 *
 * @param url the URL
 * @param fetchedAt when it was last fetched
 * @param etag the ETag of the last response, for If-None-Match; null if none
 * @param lastModified the Last-Modified of the last response, for If-Modified-Since; null if none
 * @param payloadDigest the payload digest of the content
 * @param warcFile the WARC file holding the content's response record
 * @param offset where that record starts in the file
 * @param recordId that record's WARC-Record-ID
 * @param contentDate that record's WARC-Date
 */
public record CaptureEntry(
    String url,
    @JsonProperty("fetched_at") Instant fetchedAt,
    String etag,
    @JsonProperty("last_modified") String lastModified,
    @JsonProperty("payload_digest") String payloadDigest,
    @JsonProperty("warc_file") String warcFile,
    long offset,
    @JsonProperty("record_id") String recordId,
    @JsonProperty("content_date") Instant contentDate) {

  public CaptureEntry {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
    Objects.requireNonNull(payloadDigest, "payloadDigest");
    Objects.requireNonNull(warcFile, "warcFile");
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(contentDate, "contentDate");
  }

  /** The same content, fetched again at {@code when} with these validators. */
  public CaptureEntry refetched(Instant when, String newEtag, String newLastModified) {
    return new CaptureEntry(url, when, newEtag, newLastModified, payloadDigest, warcFile, offset,
        recordId, contentDate);
  }
}
