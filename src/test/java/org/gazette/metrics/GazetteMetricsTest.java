package org.gazette.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.gazette.fetch.PolitenessGate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** gazette's meters as a registry attached to the global one sees them. */
class GazetteMetricsTest {
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeEach
  void attach() {
    Metrics.addRegistry(registry);
  }

  @AfterEach
  void detach() {
    Metrics.removeRegistry(registry);
  }

  @Test
  void siteMetersAreKeptPerSiteAndCountFromTheMomentARegistryIsAttached() {
    SiteMeters meters = GazetteMetrics.site("kept");
    meters.fetches("archived").increment(2);
    Metrics.removeRegistry(registry);
    meters.fetches("archived").increment(); // nobody listens: not counted anywhere
    SimpleMeterRegistry later = new SimpleMeterRegistry();
    Metrics.addRegistry(later);
    try {
      meters.fetches("archived").increment();

      assertThat(GazetteMetrics.site("kept")).isSameAs(meters);
      assertThat(meters.fetches("archived")).isSameAs(meters.fetches("archived"));
      assertThat(registry.get(GazetteMetrics.FETCHES).tags("site", "kept", "outcome", "archived")
          .counter().count()).isEqualTo(2.0);
      assertThat(later.get(GazetteMetrics.FETCHES).tags("site", "kept", "outcome", "archived")
          .counter().count()).isEqualTo(1.0);
    } finally {
      Metrics.removeRegistry(later);
    }
  }

  @Test
  void frontierGaugeShowsTheLastSize() {
    SiteMeters meters = GazetteMetrics.site("frontier");
    meters.frontierSize(17);
    assertThat(registry.get(GazetteMetrics.FRONTIER_SIZE).tag("site", "frontier").gauge().value())
        .isEqualTo(17.0);
    meters.frontierSize(0);
    assertThat(registry.get(GazetteMetrics.FRONTIER_SIZE).tag("site", "frontier").gauge().value())
        .isZero();
  }

  @Test
  void runEndedCountsRunsAndKeepsTheLatestSuccess() {
    GazetteMetrics.runEnded("runs", "completed", Instant.ofEpochSecond(2_000));
    GazetteMetrics.runEnded("runs", "interrupted", Instant.ofEpochSecond(3_000));
    GazetteMetrics.runEnded("runs", "completed", Instant.ofEpochSecond(4_000));
    // a success from the state store, older than what the gauge shows, changes nothing
    GazetteMetrics.lastSuccess("runs", Instant.ofEpochSecond(1_000));

    assertThat(registry.get(GazetteMetrics.RUNS).tags("site", "runs", "outcome", "completed")
        .counter().count()).isEqualTo(2.0);
    assertThat(registry.get(GazetteMetrics.RUNS).tags("site", "runs", "outcome", "interrupted")
        .counter().count()).isEqualTo(1.0);
    assertThat(registry.get(GazetteMetrics.SITE_LAST_SUCCESS).tag("site", "runs").gauge().value())
        .isEqualTo(4_000.0);
  }

  @Test
  void politenessGateCountsTheTimeItHeldAHostBack() throws Exception {
    PolitenessGate gate = new PolitenessGate(1);
    for (int i = 0; i < 3; i++) {
      gate.acquire("Held.Example", Duration.ofMillis(40), 0).close();
    }
    gate.backoff("held.example", Duration.ofMillis(200));

    double seconds = registry.get(GazetteMetrics.POLITENESS_WAIT).tag("host", "held.example")
        .counter().count();
    assertThat(seconds).isGreaterThan(0.2)
        .isCloseTo(gate.heldBackMillis().get("held.example") / 1000.0, within(0.002));
  }

  @Test
  void prometheusRegistryGetsGazetteMetersMadeBeforeItAndLeavesOnDetach() {
    GazetteMetrics.site("before").warcBytes(10);
    PrometheusMeterRegistry prometheus = GazetteMetrics.prometheus();
    try {
      GazetteMetrics.site("before").warcBytes(5);
      assertThat(Metrics.globalRegistry.getRegistries()).contains(prometheus);
      assertThat(prometheus.scrape()).contains("gazette_warc_bytes_total{site=\"before\"} 5.0")
          .contains("jvm_gc_");
    } finally {
      GazetteMetrics.detach(prometheus);
    }
    assertThat(Metrics.globalRegistry.getRegistries()).doesNotContain(prometheus);
    GazetteMetrics.detach(prometheus); // twice is fine
  }
}
