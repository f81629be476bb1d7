package org.gazette.schedule;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.gazette.config.GazetteConfig;
import org.gazette.config.SiteConfig;
import org.gazette.crawl.CrawlRun;
import org.gazette.crawl.Progress;
import org.gazette.crawl.RunSpec;
import org.gazette.crawl.RunSummary;
import org.gazette.fetch.PolitenessGate;
import org.gazette.fetch.RobotsCache;
import org.gazette.metrics.GazetteMetrics;
import org.gazette.store.RunRecord;
import org.gazette.store.StateStore;
import org.gazette.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one site's crawl when its job fires: with the daemon's current configuration, the JVM's
 * one politeness gate and robots.txt cache, and the state store; finishes the site's interrupted
 * run first if there is one. Knows the runs in progress, to report and to stop them.
 */
final class SiteRunner {
  private static final Logger log = LoggerFactory.getLogger(SiteRunner.class);

  /** A run in progress. */
  record Active(CrawlRun run, Instant started, AtomicReference<Progress> progress) {}

  private final StateStore store;
  private final String node;
  private final Path stateDir;
  private final PolitenessGate gate;
  private volatile RobotsCache robots;
  private volatile RunLog runLog;
  private final Map<String, Active> active = new ConcurrentHashMap<>();
  private final CountDownLatch stopping = new CountDownLatch(1);
  private volatile GazetteConfig config;

  SiteRunner(GazetteConfig config, StateStore store, String node, Path stateDir) {
    this.config = config;
    this.store = store;
    this.node = node;
    this.stateDir = stateDir;
    this.gate = new PolitenessGate(config.politeness().maxConnectionsPerHost(),
        config.politenessByDomain());
    this.robots = new RobotsCache(config.userAgent(), config.robotsCacheTtl());
    this.runLog = new RunLog(config.logs());
  }

  /**
   * The configuration the next runs use. A new user agent or robots cache lifetime starts a new
   * robots.txt cache (rules are matched for the agent that asks); a new logs folder a new run
   * log. The politeness gate stays: it holds the state of hosts that runs in progress share.
   */
  void configure(GazetteConfig newConfig) {
    GazetteConfig old = config;
    if (!newConfig.userAgent().equals(old.userAgent())
        || !newConfig.robotsCacheTtl().equals(old.robotsCacheTtl())) {
      robots = new RobotsCache(newConfig.userAgent(), newConfig.robotsCacheTtl());
    }
    if (!newConfig.logs().equals(old.logs())) {
      runLog = new RunLog(newConfig.logs());
    }
    this.config = newConfig;
  }

  GazetteConfig config() {
    return config;
  }

  Path runLog() {
    return runLog.file();
  }

  /**
   * Crawls {@code site} to the end of its run, unless the daemon is stopping or the site is no
   * longer configured. Never throws: a failed run is logged and recorded.
   */
  void run(String site) {
    GazetteConfig global = config;
    SiteConfig siteConfig = global.sites().get(site);
    if (stopping.getCount() == 0) {
      return;
    }
    if (siteConfig == null) {
      log.info("site {} is no longer configured: not run", site);
      return;
    }
    Instant started = Instant.now();
    RunRecord outcome;
    String runId = "-";
    try {
      Optional<RunRecord> resume = store.runs().toResume(site);
      CrawlRun run = new CrawlRun(RunSpec.of(global, siteConfig, stateDir), gate, robots, store,
          node, resume.orElse(null));
      runId = run.runId();
      Active a = new Active(run, started, new AtomicReference<>());
      active.put(site, a);
      try {
        if (stopping.getCount() == 0) {
          run.stop(); // a stop that came between the check above and now
        }
        RunSummary summary = run.execute(a.progress()::set);
        outcome = summary.record(started);
        log.info("run {} of {} {}: {}", summary.runId(), site, summary.outcome(), summary.line());
      } finally {
        active.remove(site, a);
      }
    } catch (IOException | RuntimeException e) {
      String why = e.getMessage() == null ? e.toString() : e.getMessage();
      log.error("run of {} failed: {}", site, why);
      log.debug("run failure", e);
      outcome = new RunRecord(site, runId, started, Instant.now(), RunRecord.FAILED, 0, 0, 0, 0,
          why);
    }
    GazetteMetrics.runEnded(site, outcome.outcome(), outcome.ended());
    try {
      runLog.append(outcome);
    } catch (IOException e) {
      log.warn("cannot append to {}: {}", runLog.file(), e.getMessage());
    }
  }

  /** The run of {@code site} in progress, if any. */
  Optional<Active> active(String site) {
    return Optional.ofNullable(active.get(site));
  }

  boolean stopping() {
    return stopping.getCount() == 0;
  }

  /**
   * Stops every run in progress and waits, at most {@code timeout} in all, until each has closed
   * its WARC file and recorded itself as interrupted.
   *
   * @return how many runs did not stop within {@code timeout}
   */
  int stopAll(Duration timeout) throws InterruptedException {
    stopping.countDown();
    Map<String, Active> running = Map.copyOf(active);
    running.values().forEach(a -> a.run().stop());
    long deadline = System.nanoTime() + timeout.toNanos();
    int late = 0;
    for (Map.Entry<String, Active> e : running.entrySet()) {
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      if (!e.getValue().run().stopAndWait(left)) {
        log.warn("run of {} did not stop within {} s", e.getKey(), timeout.toSeconds());
        late++;
      }
    }
    log.info("daemon stopping: {} run(s) were in progress", running.size());
    return late;
  }

  /** How many runs are in progress. */
  int running() {
    return active.size();
  }

  /** Checks the store answers; used by the health endpoint. */
  boolean storeHealthy() {
    try {
      return store.healthy();
    } catch (StoreException e) {
      return false;
    }
  }
}
