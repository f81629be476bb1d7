package org.gazette.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * gazette's meters, all in Micrometer's global registry, and the Prometheus registry the daemon
 * attaches to it.
 *
 * <p>Meter names are Micrometer's dotted ones; Prometheus shows them with underscores, the unit and
 * {@code _total} for counters ({@code gazette.fetches} becomes {@code gazette_fetches_total}).
 * Every crawl meter is tagged {@code site}; {@code gazette.politeness.wait} is tagged {@code host}
 * because the politeness gate is shared by every site of the JVM.
 */
public final class GazetteMetrics {
  /** Counter (site, outcome): URLs by their {@code Outcome}, in lower case. */
  public static final String FETCHES = "gazette.fetches";
  /** Counter (site), bytes: bytes received over the wire. */
  public static final String FETCH_BYTES = "gazette.fetch.bytes";
  /** Counter (site): URLs robots.txt kept the crawler from. */
  public static final String ROBOTS_BLOCKED = "gazette.robots.blocked";
  /** Counter (host), seconds: how long the politeness gate held a host back. */
  public static final String POLITENESS_WAIT = "gazette.politeness.wait";
  /** Gauge (site): URLs queued or in flight in the running run. */
  public static final String FRONTIER_SIZE = "gazette.frontier.size";
  /** Counter (site), bytes: bytes written to WARC files (compressed). */
  public static final String WARC_BYTES = "gazette.warc.bytes";
  /** Counter (site): pages that could not be turned into a JSON record. */
  public static final String EXTRACTION_FAILURES = "gazette.extraction.failures";
  /** Gauge (site), seconds: epoch seconds at which the last completed run ended. */
  public static final String SITE_LAST_SUCCESS = "gazette.site.last.success";
  /** Counter (site, outcome): finished runs by outcome (completed, interrupted, failed). */
  public static final String RUNS = "gazette.runs";

  static final String SITE = "site";
  static final String OUTCOME = "outcome";
  static final String HOST = "host";

  private static final String COMPLETED = "completed";

  private static final Map<String, SiteMeters> SITES = new ConcurrentHashMap<>();
  /** Epoch milliseconds per site; the gauges read these, so they are held here for good. */
  private static final Map<String, AtomicLong> LAST_SUCCESS = new ConcurrentHashMap<>();
  /** The GC binder of each registry {@link #prometheus()} made: it must be closed with it. */
  private static final Map<MeterRegistry, JvmGcMetrics> GC_BINDERS = new ConcurrentHashMap<>();

  private GazetteMetrics() {}

  /**
   * A new Prometheus registry with the JVM's meters (memory, GC, threads, class loading,
   * processor, uptime), attached to the global registry so that it also gets every gazette meter,
   * those made before this call included. {@link #detach(MeterRegistry)} undoes it.
   */
  public static PrometheusMeterRegistry prometheus() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    GC_BINDERS.put(registry, gc);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    Metrics.addRegistry(registry);
    return registry;
  }

  /**
   * Takes {@code registry} out of the global registry and closes it (and the GC listener {@link
   * #prometheus()} bound to it). Safe to call twice.
   */
  public static void detach(MeterRegistry registry) {
    Metrics.removeRegistry(registry);
    JvmGcMetrics gc = GC_BINDERS.remove(registry);
    if (gc != null) {
      gc.close();
    }
    registry.close();
  }

  /** The meters of {@code site}, made on first use and kept for the life of the JVM. */
  public static SiteMeters site(String site) {
    Objects.requireNonNull(site, "site");
    return SITES.computeIfAbsent(site, s -> new SiteMeters(s, Metrics.globalRegistry));
  }

  /**
   * The counter of seconds the politeness gate held {@code host} back (the gate's key: a host
   * name, or a registered domain when politeness holds per domain). The gate keeps it per host.
   */
  public static Counter politenessWait(String host) {
    return Counter.builder(POLITENESS_WAIT).baseUnit("seconds")
        .description("Time the politeness gate held requests to a host back: delays, "
            + "Crawl-delay, backoff, Retry-After")
        .tag(HOST, host).register(Metrics.globalRegistry);
  }

  /**
   * A run of {@code site} ended: counts it by outcome and, for a completed run, sets the site's
   * last-success gauge. What the daemon calls at the end of every run.
   *
   * @param outcome {@code completed}, {@code interrupted} or {@code failed} (as in RunRecord)
   * @param endedAt when the run ended
   */
  public static void runEnded(String site, String outcome, Instant endedAt) {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(outcome, "outcome");
    Counter.builder(RUNS).description("Finished runs by outcome")
        .tag(SITE, site).tag(OUTCOME, outcome).register(Metrics.globalRegistry).increment();
    if (COMPLETED.equals(outcome)) {
      lastSuccess(site, endedAt);
    }
  }

  /**
   * Sets the site's last-success gauge to {@code endedAt} unless it already shows a later time;
   * the daemon may call it at start with the last completed run of its state store.
   */
  public static void lastSuccess(String site, Instant endedAt) {
    Objects.requireNonNull(endedAt, "endedAt");
    AtomicLong millis = LAST_SUCCESS.computeIfAbsent(site, s -> {
      AtomicLong held = new AtomicLong(endedAt.toEpochMilli()); // never scraped as 0
      Gauge.builder(SITE_LAST_SUCCESS, held, m -> m.get() / 1000.0).baseUnit("seconds")
          .description("When the site's last completed run ended, in seconds since the epoch")
          .tag(SITE, s).register(Metrics.globalRegistry);
      return held;
    });
    millis.accumulateAndGet(endedAt.toEpochMilli(), Math::max);
  }
}
