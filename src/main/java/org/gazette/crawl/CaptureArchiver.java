package org.gazette.crawl;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gazette.archive.ArchivedBlock;
import org.gazette.archive.RevisitRecord;
import org.gazette.archive.RevisitTarget;
import org.gazette.archive.WarcLocation;
import org.gazette.archive.WarcWriter;
import org.gazette.fetch.HttpExchange;
import org.gazette.fetch.HttpHeader;
import org.gazette.fetch.StoredResponse;
import org.gazette.fetch.Truncation;
import org.gazette.store.CaptureEntry;
import org.gazette.store.CaptureStore;
import org.gazette.store.NewCapture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides how a fetched page enters the archive. A page whose content is already archived becomes
 * a revisit record: {@code identical-payload-digest} when the new payload's digest equals the
 * last capture's, {@code server-not-modified} for a 304 to a conditional GET. Everything else is a
 * response record. Every response and revisit of a whole 2xx (or 304) goes into the capture
 * store, so the next run can do both.
 */
final class CaptureArchiver {
  private static final Logger log = LoggerFactory.getLogger(CaptureArchiver.class);

  /**
   * What was archived and what the crawler should parse.
   *
   * @param location where the response or revisit record is
   * @param content the exchange to parse: the new one, or for a 304 the archived one
   * @param revisit whether a revisit record was written
   */
  record Archived(WarcLocation location, HttpExchange content, boolean revisit) {}

  /**
   * A page an interrupted run archived.
   *
   * @param content its archived exchange
   * @param location its response record
   * @param extracted whether its JSON record was written (the process may have died between
   *     the response and the record)
   */
  record Replay(HttpExchange content, WarcLocation location, boolean extracted) {}

  private final WarcWriter archive;
  private final CaptureStore index;
  private final Path warcDir;
  private final String site;
  private final String runId;
  // captures the database could not take (it went away): recorded when it is back
  private final java.util.List<NewCapture> pending = new java.util.ArrayList<>();
  private long lastStoreWarning;
  private long lastStoreFailure;
  // Look-ups made when a link was found, kept for the fetch of its page: one look-up a page
  // instead of two. Bounded: a URL fetched long after it was found is looked up again.
  private final java.util.Map<String, Optional<CaptureEntry>> lookedUp =
      java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Optional<CaptureEntry>> e) {
          return size() > LOOKUPS_KEPT;
        }
      });
  /** Look-ups kept: about 2 MB of heap (the daemon runs several sites in one heap). */
  private static final int LOOKUPS_KEPT = 4_096;

  CaptureArchiver(WarcWriter archive, CaptureStore index, Path warcDir, String site,
      String runId) {
    this.archive = archive;
    this.index = index;
    this.warcDir = warcDir;
    this.site = site;
    this.runId = runId;
  }

  /**
   * The latest capture of {@code url}, if any; none while the database is unreachable (the page
   * is then fetched and archived in full, which is never wrong, only longer).
   */
  Optional<CaptureEntry> latest(String url) {
    try {
      return index.latest(url);
    } catch (org.gazette.store.StoreException e) {
      storeTrouble(e);
      return Optional.empty();
    }
  }

  /**
   * The latest capture of {@code url}, looked up when a link to it is found and kept for the
   * fetch of its page ({@link #latestForFetch}). Nothing is kept while the database is
   * unreachable. Between the two, this run makes no capture of the URL (it fetches a URL once),
   * and no other run should: one node crawls a site at a time, as far as Quartz's clustering
   * can tell. Were one made, the fetch would only ask without validators, or compare the payload
   * with an older capture: a full copy instead of a revisit, never a wrong record.
   */
  Optional<CaptureEntry> latestAtDiscovery(String url) {
    try {
      Optional<CaptureEntry> latest = index.latest(url);
      lookedUp.put(url, latest);
      return latest;
    } catch (org.gazette.store.StoreException e) {
      storeTrouble(e);
      return Optional.empty();
    }
  }

  /** Drops what {@link #latestAtDiscovery} kept for {@code url}: its page is not fetched. */
  void notFetching(String url) {
    lookedUp.remove(url);
  }

  /**
   * The latest capture of {@code url} for the fetch of its page: the one looked up when its link
   * was found, once, else looked up now (a retry, a seed, a URL found long ago).
   */
  Optional<CaptureEntry> latestForFetch(String url) {
    Optional<CaptureEntry> known = lookedUp.remove(url);
    return known != null ? known : latest(url);
  }

  private synchronized void storeTrouble(org.gazette.store.StoreException e) {
    long now = System.nanoTime();
    lastStoreFailure = now;
    if (lastStoreWarning == 0 || now - lastStoreWarning > 10_000_000_000L) {
      lastStoreWarning = now;
      log.warn("state store unreachable, crawling on and keeping captures to record later: {}",
          e.getMessage());
    }
  }

  /**
   * Records the captures kept while the database was away. Called after each new capture and,
   * with {@code patience}, at the end of the run.
   *
   * @param patience how long to keep trying; zero tries once
   * @param stop tells when to give up early (the run is being stopped)
   * @return how many captures are still not recorded
   */
  synchronized int flushPending(java.time.Duration patience,
      java.util.function.BooleanSupplier stop) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (!pending.isEmpty()) {
      try {
        while (!pending.isEmpty()) {
          index.record(pending.get(0));
          pending.remove(0);
        }
        log.info("state store back: the captures kept meanwhile are recorded");
        return 0;
      } catch (org.gazette.store.StoreException e) {
        if (isDuplicate(e)) {
          pending.remove(0); // recorded before the connection broke: nothing lost
          continue;
        }
        storeTrouble(e);
        if (System.nanoTime() >= deadline || stop.getAsBoolean()) {
          return pending.size();
        }
        wait(2000); // the monitor is released meanwhile, so crawler threads go on
      }
    }
    return 0;
  }

  private static boolean isDuplicate(org.gazette.store.StoreException e) {
    // SQLState 23505 (unique violation) on PostgreSQL and H2: the record id is already there
    return e.getCause() instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState());
  }

  /** Notes what extraction made of the capture written as {@code recordId}. */
  void classify(String recordId, String kind) {
    index.classify(recordId, kind);
  }

  /** Forgets the capture written as {@code recordId}; its record stays in the archive. */
  void forget(String recordId) {
    index.forget(recordId);
  }

  /**
   * The archived content of {@code url} if it was captured at or after {@code since}: what a
   * resumed run parses instead of fetching the page a second time.
   */
  Optional<Replay> capturedSince(URI uri, java.time.Instant since) {
    return capturedSince(uri, since, latest(uri.toString()));
  }

  /** {@link #capturedSince(URI, java.time.Instant)} with the latest capture already looked up. */
  Optional<Replay> capturedSince(URI uri, java.time.Instant since, Optional<CaptureEntry> latest) {
    return latest
        .filter(last -> !last.fetchedAt().isBefore(since))
        .flatMap(last -> storedContent(last, uri, last.fetchedAt()).map(content ->
            new Replay(content, new WarcLocation(Path.of(last.warcFile()).getFileName()
                .toString(), last.offset(), last.recordId(), last.payloadDigest()),
                last.kind() != null || !last.success())));
  }

  /**
   * If-None-Match and If-Modified-Since from the last capture of {@code url}: only when it was a
   * success whose content is still on disk, since a 304 is worth nothing without it.
   */
  List<HttpHeader> conditionalHeaders(String url) {
    return conditionalHeaders(latest(url));
  }

  /** {@link #conditionalHeaders(String)} from the latest capture already looked up. */
  List<HttpHeader> conditionalHeaders(Optional<CaptureEntry> latest) {
    List<HttpHeader> headers = new ArrayList<>(2);
    latest.filter(CaptureEntry::success).filter(CaptureArchiver::contentOnDisk)
        .ifPresent(last -> {
          if (last.etag() != null) {
            headers.add(new HttpHeader("If-None-Match", last.etag()));
          }
          if (last.lastModified() != null) {
            headers.add(new HttpHeader("If-Modified-Since", last.lastModified()));
          }
        });
    return headers;
  }

  private static boolean contentOnDisk(CaptureEntry last) {
    return Files.exists(Path.of(last.warcFile())) || Files.exists(Path.of(last.warcFile() + ".open"));
  }

  Archived archive(HttpExchange ex) throws IOException {
    return archive(ex, latest(ex.uri().toString()));
  }

  /**
   * Archives {@code ex} given the latest capture of its URL, looked up before the fetch: the
   * crawler looks it up once a page, for its conditional headers and for this (a URL is
   * fetched by one thread at a time, so nothing records a capture of it in between).
   */
  Archived archive(HttpExchange ex, Optional<CaptureEntry> last) throws IOException {
    String url = ex.uri().toString();
    if (ex.status() == 304 && last.isPresent() && last.get().success()) {
      Optional<HttpExchange> stored = storedContent(last.get(), ex.uri(), ex.date());
      if (stored.isPresent()) {
        WarcLocation at = archive.writeRevisit(ex, RevisitRecord.Profile.SERVER_NOT_MODIFIED,
            target(last.get()));
        record(ex, at, "revisit", validator(ex, "ETag", last.get().etag()),
            validator(ex, "Last-Modified", last.get().lastModified()), last.get());
        return new Archived(at, stored.get(), true);
      }
    }
    // every whole response is a capture, errors and redirects too: a run that resumes this one
    // must not ask for them again. A body cut at a limit is not: its digest is not the page's.
    // A 429 or 5xx is not either: the page is tried again, in this run or the next.
    boolean whole = ex.truncation() == Truncation.NONE && !RetryPolicy.retryable(ex.status());
    if (whole && last.isPresent() && last.get().status() == ex.status()) {
      String digest = org.gazette.archive.WarcDigest.sha1(ex.payload());
      if (digest.equals(last.get().payloadDigest())) {
        WarcLocation at = archive.writeRevisit(ex, RevisitRecord.Profile.IDENTICAL_PAYLOAD_DIGEST,
            target(last.get()));
        record(ex, at, "revisit", ex.header("ETag").orElse(null),
            ex.header("Last-Modified").orElse(null), last.get());
        return new Archived(at, ex, true);
      }
    }
    WarcLocation at = archive.write(ex);
    if (whole) {
      String etag = ex.header("ETag").orElse(null);
      String lastModified = ex.header("Last-Modified").orElse(null);
      record(ex, at, "response", etag, lastModified, new CaptureEntry(url, ex.date(), etag,
          lastModified, at.payloadDigest(), file(at), at.offset(), at.recordId(), ex.date(),
          null, ex.status()));
    }
    return new Archived(at, ex, false);
  }

  private void record(HttpExchange ex, WarcLocation at, String type, String etag,
      String lastModified, CaptureEntry content) {
    NewCapture capture = new NewCapture(site, runId, ex.uri().toString(), ex.date(), ex.status(),
        etag, lastModified, type, file(at), at.offset(), at.recordId(), content);
    synchronized (this) {
      if (!pending.isEmpty()) {
        pending.add(capture); // in order, after the ones waiting
        // try the database again at most every 2 s: each try may wait for a connection
        if (System.nanoTime() - lastStoreFailure > 2_000_000_000L) {
          try {
            flushPending(java.time.Duration.ZERO, () -> true);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return;
      }
    }
    try {
      index.record(capture);
    } catch (org.gazette.store.StoreException e) {
      // the record is safe in the WARC file; its capture waits for the database
      storeTrouble(e);
      synchronized (this) {
        pending.add(capture);
      }
    }
  }

  private String file(WarcLocation at) {
    return warcDir.resolve(at.file()).toAbsolutePath().normalize().toString();
  }

  private static RevisitTarget target(CaptureEntry last) {
    return new RevisitTarget(last.recordId(), last.url(), last.contentDate(),
        last.payloadDigest());
  }

  /** A 304 may carry updated validators; otherwise the old ones still hold. */
  private static String validator(HttpExchange ex, String header, String old) {
    return ex.header(header).orElse(old);
  }

  /** The archived response behind a 304, or empty when its file cannot be read any more. */
  private Optional<HttpExchange> storedContent(CaptureEntry last, URI uri, java.time.Instant date) {
    Path file = Path.of(last.warcFile());
    if (!Files.exists(file)) {
      file = Path.of(last.warcFile() + ".open"); // still being written by this run
    }
    try {
      byte[] block = ArchivedBlock.read(file, last.offset());
      return Optional.of(StoredResponse.parse(uri, date, block));
    } catch (IOException e) {
      log.info("archived content of {} is unreadable ({}); fetched and archived anew",
          uri, e.getMessage());
      return Optional.empty();
    }
  }
}
