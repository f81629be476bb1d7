package org.gazette.crawl;

import io.micrometer.core.instrument.Counter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.gazette.metrics.GazetteMetrics;
import org.gazette.metrics.SiteMeters;

/**
 * Counters of a run, updated by the crawler threads, read by progress and the summary. Each
 * update also goes to the site's meters (Micrometer's global registry), for the daemon's metrics.
 */
final class RunStats {
  private final SiteMeters meters;
  /** One counter per outcome, looked up once per run: outcome() is called for every URL. */
  private final Map<Outcome, Counter> outcomeMeters = new EnumMap<>(Outcome.class);
  private final Map<Outcome, LongAdder> outcomes = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final LongAdder requests = new LongAdder();
  private final LongAdder bytes = new LongAdder();
  private final LongAdder articles = new LongAdder();
  private final LongAdder listings = new LongAdder();
  private final LongAdder revisits = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder newArticles = new LongAdder();
  private final LongAdder unchangedListings = new LongAdder();

  /** Counters of a run of {@code site}. */
  RunStats(String site) {
    this.meters = GazetteMetrics.site(site);
    for (Outcome o : Outcome.values()) {
      outcomeMeters.put(o, meters.fetches(o.name().toLowerCase(Locale.ROOT)));
    }
  }

  void outcome(Outcome outcome) {
    outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    outcomeMeters.get(outcome).increment();
    if (outcome == Outcome.ROBOTS_DENIED) {
      meters.robotsBlocked();
    }
  }

  /** An error by kind, e.g. {@code http-404}, {@code timeout}; kinds appear in the summary. */
  void error(String kind) {
    errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  /** One request that got a response, {@code wireBytes} long. */
  void exchange(long wireBytes) {
    requests.increment();
    bytes.add(wireBytes);
    meters.fetchBytes(wireBytes);
  }

  /** {@code n} bytes written to a WARC file (compressed, as on disk). */
  void warcWritten(long n) {
    meters.warcBytes(n); // not in the summary: the WARC files' sizes say it
  }

  /**
   * A page archived whose JSON record could not be made: counted as an {@code extract} error and
   * in the extraction-failure meter.
   */
  void extractionFailure() {
    error("extract");
    meters.extractionFailure();
  }

  /** URLs queued or in flight now, for the frontier gauge; 0 once the run has ended. */
  void frontier(long queued) {
    meters.frontierSize(queued);
  }

  /** An article record written; {@code unchanged} when its page was archived as a revisit. */
  void article(boolean unchanged) {
    articles.increment();
    if (!unchanged) {
      newArticles.increment();
    }
  }

  /** A listing record written; {@code unchanged} when its page was archived as a revisit. */
  void listing(boolean unchanged) {
    listings.increment();
    if (unchanged) {
      unchangedListings.increment();
    }
  }

  long newArticles() {
    return newArticles.sum();
  }

  long unchangedListings() {
    return unchangedListings.sum();
  }

  /** A page archived as a revisit record: its content was already in the archive. */
  void revisit() {
    revisits.increment();
  }

  /** An attempt that failed and will be made again: not a page of its own. */
  void retry() {
    retries.increment();
  }

  long retries() {
    return retries.sum();
  }

  long revisits() {
    return revisits.sum();
  }

  long requests() {
    return requests.sum();
  }

  long bytes() {
    return bytes.sum();
  }

  long articles() {
    return articles.sum();
  }

  long listings() {
    return listings.sum();
  }

  long count(Outcome outcome) {
    LongAdder a = outcomes.get(outcome);
    return a == null ? 0 : a.sum();
  }

  Map<Outcome, Long> outcomes() {
    Map<Outcome, Long> out = new EnumMap<>(Outcome.class);
    outcomes.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  Map<String, Long> errors() {
    Map<String, Long> out = new TreeMap<>();
    errors.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
