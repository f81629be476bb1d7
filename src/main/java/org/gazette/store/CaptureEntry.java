package org.gazette.store;

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
 * @param kind {@code article} or {@code listing} as the last capture was extracted; null if
 *     neither or not known
 * @param status the HTTP status of that response record (200, 404, 301, ...)
 */
public record CaptureEntry(
    String url,
    Instant fetchedAt,
    String etag,
    String lastModified,
    String payloadDigest,
    String warcFile,
    long offset,
    String recordId,
    Instant contentDate,
    String kind,
    int status) {

  public static final String ARTICLE = "article";
  public static final String LISTING = "listing";

  public CaptureEntry {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
    Objects.requireNonNull(payloadDigest, "payloadDigest");
    Objects.requireNonNull(warcFile, "warcFile");
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(contentDate, "contentDate");
  }

  /** True when the content is a 2xx response: a page, not an error or a redirect. */
  public boolean success() {
    return status >= 200 && status < 300;
  }
}
