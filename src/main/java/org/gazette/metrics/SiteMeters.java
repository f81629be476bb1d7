package org.gazette.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The meters of one site, looked up once and kept, so that a crawl thread recording a fetch does
 * a counter increment and no registry lookup. Get one from {@link GazetteMetrics#site(String)}.
 */
public final class SiteMeters {
  private final String site;
  private final MeterRegistry registry;
  private final Map<String, Counter> fetches = new ConcurrentHashMap<>();
  private final Counter fetchBytes;
  private final Counter robotsBlocked;
  private final Counter warcBytes;
  private final Counter extractionFailures;
  // the gauge reads this; the registry keeps only a weak reference, this object the strong one
  private final AtomicLong frontier = new AtomicLong();

  SiteMeters(String site, MeterRegistry registry) {
    this.site = site;
    this.registry = registry;
    this.fetchBytes = Counter.builder(GazetteMetrics.FETCH_BYTES).baseUnit("bytes")
        .description("Bytes received over the wire, headers included, as archived")
        .tag(GazetteMetrics.SITE, site).register(registry);
    this.robotsBlocked = Counter.builder(GazetteMetrics.ROBOTS_BLOCKED)
        .description("URLs not fetched because robots.txt disallows them (or could not be read)")
        .tag(GazetteMetrics.SITE, site).register(registry);
    this.warcBytes = Counter.builder(GazetteMetrics.WARC_BYTES).baseUnit("bytes")
        .description("Bytes written to WARC files, compressed, as on disk")
        .tag(GazetteMetrics.SITE, site).register(registry);
    this.extractionFailures = Counter.builder(GazetteMetrics.EXTRACTION_FAILURES)
        .description("Pages archived but not turned into a JSON record: the extractor failed")
        .tag(GazetteMetrics.SITE, site).register(registry);
    Gauge.builder(GazetteMetrics.FRONTIER_SIZE, frontier, AtomicLong::get)
        .description("URLs queued or in flight in the site's running run; 0 when none runs")
        .tag(GazetteMetrics.SITE, site).register(registry);
  }

  /** The site these meters are tagged with. */
  public String site() {
    return site;
  }

  /**
   * The counter of URLs that ended in {@code outcome} (lower case, e.g. {@code archived},
   * {@code robots_denied}); callers that record often keep it rather than ask again.
   */
  public Counter fetches(String outcome) {
    return fetches.computeIfAbsent(outcome, o -> Counter.builder(GazetteMetrics.FETCHES)
        .description("URLs of crawl runs by how they ended, one per URL")
        .tag(GazetteMetrics.SITE, site).tag(GazetteMetrics.OUTCOME, o).register(registry));
  }

  /** One exchange received, {@code bytes} long on the wire. */
  public void fetchBytes(long bytes) {
    fetchBytes.increment(bytes);
  }

  /** One URL that robots.txt kept the crawler from. */
  public void robotsBlocked() {
    robotsBlocked.increment();
  }

  /** {@code bytes} written to a WARC file. */
  public void warcBytes(long bytes) {
    warcBytes.increment(bytes);
  }

  /** One page whose JSON record could not be made. */
  public void extractionFailure() {
    extractionFailures.increment();
  }

  /** The number of URLs queued or in flight in the site's run now; 0 when the run ends. */
  public void frontierSize(long queued) {
    frontier.set(Math.max(0, queued));
  }
}
