package org.gazette.crawl;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a finished run did: the numbers of the console's summary line and of the run log.
 *
 * @param site the site crawled
 * @param runId the run's id, also written into warcinfo
 * @param pages URLs processed (every outcome)
 * @param retries failed attempts that were made again later (429, 5xx, failed connections)
 * @param requests HTTP exchanges archived, robots.txt included
 * @param bytes bytes received over the wire
 * @param outcome how the run ended: {@code completed}, or {@code interrupted} when it was stopped
 *     before its frontier was empty
 * @param articles article records written
 * @param newArticles of those, articles whose content was not archived before (new or changed)
 * @param listings listing records written
 * @param unchangedListings of those, listings unchanged since their last capture
 * @param revisits pages archived as revisit records (content unchanged since the last capture)
 * @param known distinct article URLs not fetched because they were captured less than
 *     revisitAfter ago
 * @param outcomes URLs per outcome
 * @param errors failures by kind ({@code http-404}, {@code timeout}, ...)
 * @param warcFiles WARC files written, each with its .jsonl beside it
 * @param heldBackMillis how long each host was held back by politeness (delays, Crawl-delay,
 *     backoff, Retry-After), in milliseconds; counted by the JVM's gate, so across its runs
 * @param elapsed wall time of the run
 */
public record RunSummary(
    String site,
    String runId,
    long pages,
    long retries,
    long requests,
    long bytes,
    String outcome,
    long articles,
    long newArticles,
    long listings,
    long unchangedListings,
    long revisits,
    long known,
    Map<Outcome, Long> outcomes,
    Map<String, Long> errors,
    List<Path> warcFiles,
    Map<String, Long> heldBackMillis,
    Duration elapsed) {

  public long count(Outcome outcome) {
    return outcomes.getOrDefault(outcome, 0L);
  }

  /** URLs that ended in an error: an HTTP error status or no usable response. */
  public long failedUrls() {
    return count(Outcome.HTTP_ERROR) + count(Outcome.FETCH_ERROR);
  }

  /** This run as the runs table and runs.jsonl keep it. */
  public org.gazette.store.RunRecord record(java.time.Instant started) {
    return new org.gazette.store.RunRecord(site, runId, started, started.plus(elapsed), outcome,
        pages, newArticles, revisits, failedUrls(), null);
  }

  /** The one line the console ends with. */
  public String line() {
    String errs = errors.isEmpty() && retries == 0 ? "none"
        : errors.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", ")) + (retries > 0 ? (errors.isEmpty() ? "" : ", ")
                + "retries " + retries : "");
    return String.format(java.util.Locale.ROOT,
        "%s: %d pages (%d new articles, %d listings, %d unchanged), %d already archived,"
            + " %d requests, %s, errors: %s, robots-blocked: %d, WARC files: %d, %.1f s%s",
        site, pages, newArticles, listings, revisits, known, requests, humanBytes(bytes), errs,
        count(Outcome.ROBOTS_DENIED), warcFiles.size(), elapsed.toMillis() / 1000.0,
        "completed".equals(outcome) ? "" : " (" + outcome + ")");
  }

  /** The politeness paid per host, for the log: {@code host 26.5 s, other 3.0 s}. */
  public String politenessLine() {
    return heldBackMillis.isEmpty() ? "none" : heldBackMillis.entrySet().stream()
        .map(e -> String.format(java.util.Locale.ROOT, "%s %.1f s", e.getKey(),
            e.getValue() / 1000.0))
        .collect(Collectors.joining(", "));
  }

  static String humanBytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    if (n < 1024 * 1024) {
      return String.format(java.util.Locale.ROOT, "%.1f KB", n / 1024.0);
    }
    if (n < 1024L * 1024 * 1024) {
      return String.format(java.util.Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
    }
    return String.format(java.util.Locale.ROOT, "%.1f GB", n / (1024.0 * 1024 * 1024));
  }
}
