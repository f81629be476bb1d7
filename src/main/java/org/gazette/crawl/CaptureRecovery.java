package org.gazette.crawl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gazette.archive.ParsedRecord;
import org.gazette.archive.WarcFileReader;
import org.gazette.archive.WarcHeaders;
import org.gazette.fetch.HttpExchange;
import org.gazette.fetch.StoredResponse;
import org.gazette.store.CaptureEntry;
import org.gazette.store.CaptureStore;
import org.gazette.store.NewCapture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records again the captures a crash kept from the state store. The embedded store writes its
 * commits to disk up to half a second late (StateStore.COMMIT_DELAY_MS), so after a kill -9 the
 * WARC file left open may hold responses and revisits the store never got: the repair of that
 * file hands it here before the file is closed, and each such record becomes the capture
 * {@link CaptureArchiver} would have made of it, with the kind its metadata record names. Without
 * this the next run would fetch those pages again and archive them a second time in full.
 */
final class CaptureRecovery {
  private static final Logger log = LoggerFactory.getLogger(CaptureRecovery.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CaptureStore store;
  private final String site;
  private final String runId;

  /**
   * @param runId the run the records were written by, when known (the run a resumed run
   *     finishes); null otherwise
   */
  CaptureRecovery(CaptureStore store, String site, String runId) {
    this.store = store;
    this.site = site;
    this.runId = runId;
  }

  /**
   * Records the captures of {@code openFile}'s records before {@code keptBytes} that the store
   * lacks.
   *
   * @param openFile the file as the crash left it, still {@code .open}
   * @param warc its final name, under which captures are filed
   * @return how many captures were recorded
   */
  int recover(Path openFile, Path warc, long keptBytes) throws IOException {
    Set<String> known = store.recordIdsIn(warc);
    String file = warc.toAbsolutePath().normalize().toString();
    Map<String, NewCapture> found = new java.util.LinkedHashMap<>();
    Map<String, String> kinds = new HashMap<>();
    try (WarcFileReader reader = WarcFileReader.open(openFile)) {
      for (Optional<ParsedRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
        ParsedRecord r = next.get();
        if (r.offset() >= keptBytes) {
          break;
        }
        String id = r.id().orElse(null);
        if (id == null) {
          continue;
        }
        switch (r.type()) {
          case "response", "revisit" -> {
            if (!known.contains(id)) {
              capture(r, id, file, found).ifPresent(c -> found.put(id, c));
            }
          }
          case "metadata" -> r.header(WarcHeaders.WARC_REFERS_TO)
              .filter(found::containsKey)
              .ifPresent(target -> kind(r.block()).ifPresent(k -> kinds.put(target, k)));
          default -> { }
        }
      }
    }
    int recorded = 0;
    for (NewCapture c : found.values()) {
      String kind = kinds.get(c.recordId());
      CaptureEntry content = c.content();
      if (kind != null) {
        content = new CaptureEntry(content.url(), content.fetchedAt(), content.etag(),
            content.lastModified(), content.payloadDigest(), content.warcFile(), content.offset(),
            content.recordId(), content.contentDate(), kind, content.status());
      }
      store.record(new NewCapture(c.site(), c.runId(), c.url(), c.fetchedAt(), c.status(),
          c.etag(), c.lastModified(), c.recordType(), c.warcFile(), c.offset(), c.recordId(),
          content));
      recorded++;
    }
    if (recorded > 0) {
      log.warn("recorded {} capture(s) of {} that the crash kept from the state store", recorded,
          warc.getFileName());
    }
    return recorded;
  }

  /**
   * The capture CaptureArchiver makes of a record; empty for what it leaves out: a body cut at a
   * limit, a response to be tried again (429, 5xx), robots.txt, a revisit whose content the store
   * does not know.
   */
  private Optional<NewCapture> capture(ParsedRecord r, String id, String file,
      Map<String, NewCapture> found) {
    Optional<String> target = r.targetUri();
    Optional<String> date = r.header(WarcHeaders.WARC_DATE);
    if (target.isEmpty() || date.isEmpty() || r.header(WarcHeaders.WARC_TRUNCATED).isPresent()) {
      return Optional.empty();
    }
    HttpExchange http;
    Instant fetched;
    URI uri;
    try {
      uri = URI.create(target.get());
      fetched = Instant.parse(date.get());
      http = StoredResponse.parse(uri, fetched, r.block());
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty(); // verified by the repair already; a block no parse can read
    }
    if ("/robots.txt".equals(uri.getRawPath()) || RetryPolicy.retryable(http.status())) {
      return Optional.empty();
    }
    String etag = http.header("ETag").orElse(null);
    String lastModified = http.header("Last-Modified").orElse(null);
    if (r.type().equals("response")) {
      String digest = r.header(WarcHeaders.WARC_PAYLOAD_DIGEST).orElse(null);
      if (digest == null) {
        return Optional.empty();
      }
      return Optional.of(new NewCapture(site, runId, uri.toString(), fetched, http.status(), etag,
          lastModified, "response", file, r.offset(), id, new CaptureEntry(uri.toString(),
              fetched, etag, lastModified, digest, file, r.offset(), id, fetched, null,
              http.status())));
    }
    // a revisit: its content is the response it refers to, recorded earlier or found above
    Optional<String> refersTo = r.header(WarcHeaders.WARC_REFERS_TO);
    if (refersTo.isEmpty()) {
      return Optional.empty();
    }
    Optional<CaptureEntry> content = Optional.ofNullable(found.get(refersTo.get()))
        .map(NewCapture::content)
        .or(() -> store.byRecordId(refersTo.get()));
    if (content.isEmpty()) {
      return Optional.empty();
    }
    CaptureEntry c = content.get();
    if (http.status() == 304) {
      // a 304 may carry updated validators; otherwise the old ones still hold
      etag = etag != null ? etag : c.etag();
      lastModified = lastModified != null ? lastModified : c.lastModified();
    }
    return Optional.of(new NewCapture(site, runId, uri.toString(), fetched, http.status(), etag,
        lastModified, "revisit", file, r.offset(), id, c));
  }

  /** The type of the JSON record a metadata record holds (its {@code record} field), if any. */
  private static Optional<String> kind(byte[] block) {
    String text = new String(block, StandardCharsets.UTF_8);
    for (String line : text.split("\r\n")) {
      if (line.startsWith("record: ")) {
        try {
          JsonNode record = JSON.readTree(line.substring("record: ".length()));
          String type = record.path("type").asText(null);
          if (CaptureEntry.ARTICLE.equals(type) || CaptureEntry.LISTING.equals(type)) {
            return Optional.of(type);
          }
        } catch (IOException notJson) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }
}
