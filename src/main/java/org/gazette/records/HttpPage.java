package org.gazette.records;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gazette.extract.WarcRef;
import org.gazette.fetch.HttpHeader;

/**
 * A page as the record maker sees it: an HTTP response, or an HTML file read from disk.
 *
 * @param url the URL it was fetched from (WARC-Target-URI), or the URL given for a file
 * @param fetchedAt when the response arrived (WARC-Date); null when unknown
 * @param status the HTTP status the record reports; null for a file
 * @param headers the response headers, in order (none for a file)
 * @param body the body to parse: content coding undone, at most the body size limit
 * @param warc where the response (or revisit) record is archived; null for a file
 */
public record HttpPage(String url, Instant fetchedAt, Integer status, List<HttpHeader> headers,
    byte[] body, WarcRef warc) {

  public HttpPage {
    Objects.requireNonNull(url, "url");
    headers = List.copyOf(headers);
    Objects.requireNonNull(body, "body");
  }

  /** The first value of a header, the name matched without regard to case. */
  public Optional<String> header(String name) {
    return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(HttpHeader::value)
        .findFirst();
  }
}
