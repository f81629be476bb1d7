package org.gazette.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.search.RequiredSearch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gazette.fetch.PolitenessGate;
import org.gazette.fetch.RobotsCache;
import org.gazette.metrics.GazetteMetrics;
import org.gazette.sample.SampleNewsSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crawl of the sample site with a registry attached to the global one: the meters say
 * what the run's summary and its files say.
 */
class CrawlMetricsIT {
  static final String SITE = "metered";

  @TempDir static Path tmp;
  static final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  static RunSummary summary;
  /** The frontier gauge as read at each progress report, beside the queue the report gives. */
  static final List<double[]> frontierSeen = new ArrayList<>();

  @BeforeAll
  static void crawl() throws Exception {
    Metrics.addRegistry(registry);
    try (SampleNewsSite site = SampleNewsSite.start("127.0.0.1", 0)) {
      CrawlIT.tmp = tmp;
      // 50 ms apart: the run lasts a few seconds, so progress (and the gauge) is reported
      RunSpec spec = CrawlIT.spec(SITE, site.baseUri(), Duration.ofMillis(50), 500);
      summary = new CrawlRun(spec, new PolitenessGate(1), new RobotsCache(CrawlIT.UA))
          .execute(p -> frontierSeen.add(new double[] {frontier(), p.queued()}));
    }
  }

  @AfterAll
  static void detach() {
    Metrics.removeRegistry(registry);
  }

  static double frontier() {
    return registry.get(GazetteMetrics.FRONTIER_SIZE).tag("site", SITE).gauge().value();
  }

  static RequiredSearch meter(String name) {
    return registry.get(name).tag("site", SITE);
  }

  @Test
  void fetchesPerOutcomeAreTheSummarysCounts() {
    assertThat(summary.count(Outcome.ARCHIVED)).isGreaterThan(SampleNewsSite.ARTICLE_COUNT);
    assertThat(meter(GazetteMetrics.FETCHES).tag("outcome", "archived").counter().count())
        .isEqualTo(summary.count(Outcome.ARCHIVED));
    for (Outcome o : Outcome.values()) {
      assertThat(meter(GazetteMetrics.FETCHES).tag("outcome", o.name().toLowerCase(Locale.ROOT))
          .counter().count()).as("%s", o).isEqualTo(summary.count(o));
    }
    assertThat(meter(GazetteMetrics.ROBOTS_BLOCKED).counter().count())
        .isEqualTo(summary.count(Outcome.ROBOTS_DENIED)).isGreaterThanOrEqualTo(1);
    assertThat(meter(GazetteMetrics.EXTRACTION_FAILURES).counter().count())
        .isEqualTo((double) summary.errors().getOrDefault("extract", 0L));
  }

  @Test
  void bytesReceivedAreTheSummarysAndBytesWrittenAreTheWarcFilesSizes() throws Exception {
    assertThat(meter(GazetteMetrics.FETCH_BYTES).counter().count())
        .isEqualTo(summary.bytes()).isPositive();
    long onDisk = 0;
    for (Path warc : summary.warcFiles()) {
      onDisk += Files.size(warc);
    }
    assertThat(summary.warcFiles()).isNotEmpty();
    assertThat(meter(GazetteMetrics.WARC_BYTES).counter().count()).isEqualTo(onDisk);
  }

  @Test
  void frontierGaugeFollowsTheRunAndIsZeroAfterIt() {
    assertThat(frontierSeen).isNotEmpty();
    assertThat(frontierSeen).allSatisfy(seen -> assertThat(seen[0]).isEqualTo(seen[1]));
    assertThat(frontierSeen).anySatisfy(seen -> assertThat(seen[0]).isPositive());
    assertThat(frontier()).isZero();
  }

  @Test
  void politenessWaitIsWhatTheGateHeldTheHostBack() {
    double seconds = registry.get(GazetteMetrics.POLITENESS_WAIT).tag("host", "127.0.0.1")
        .counter().count();
    assertThat(seconds).isPositive()
        .isCloseTo(summary.heldBackMillis().get("127.0.0.1") / 1000.0, within(0.01));
  }
}
