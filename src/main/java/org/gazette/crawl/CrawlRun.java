package org.gazette.crawl;

import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtConfig;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtServer;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.gazette.archive.WarcRepair;
import org.gazette.archive.WarcWriter;
import org.gazette.archive.WarcWriterOptions;
import org.gazette.archive.Warcinfo;
import org.gazette.fetch.HttpFetcher;
import org.gazette.fetch.PoliteFetcher;
import org.gazette.fetch.PolitenessGate;
import org.gazette.fetch.RobotsCache;
import org.gazette.config.StateConfig;
import org.gazette.store.RunRecord;
import org.gazette.store.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One crawl of one site: a crawler4j controller with its frontier under
 * {@code state/frontier/<site>/}, gazette's fetcher, parser and crawler plugged in, and a WARC
 * file (with its JSON lines) under {@code warc/<site>/}. The run ends as soon as the frontier is
 * empty and no URL is in flight.
 *
 * <p>The state store remembers the run (table {@code runs}) and every capture: articles captured
 * less than the site's revisitAfter ago are left alone, the rest is fetched conditionally. A run
 * that resumes an interrupted one parses what that run archived from the archive instead of
 * fetching it again.
 */
public final class CrawlRun {
  private static final Logger log = LoggerFactory.getLogger(CrawlRun.class);

  private final RunSpec spec;
  private final PolitenessGate gate;
  private final RobotsCache robots;
  private final StateStore store;
  private final String node;
  private final RunRecord resumes;
  private final String runId = UUID.randomUUID().toString();
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile RunController controller;
  private volatile boolean stopRequested;

  /**
   * @param gate the JVM's politeness gate, shared with every other run
   * @param robots the JVM's robots.txt cache
   */
  public CrawlRun(RunSpec spec, PolitenessGate gate, RobotsCache robots) {
    this(spec, gate, robots, null, null, null);
  }

  /**
   * @param gate the JVM's politeness gate, shared with every other run
   * @param robots the JVM's robots.txt cache
   * @param store the state store, shared with other runs; null opens the default H2 store in
   *     the spec's state folder for this run alone
   * @param node the process running it (for the runs table), or null
   * @param resumes the interrupted run of this site that this run finishes, or null
   */
  public CrawlRun(RunSpec spec, PolitenessGate gate, RobotsCache robots, StateStore store,
      String node, RunRecord resumes) {
    this.spec = spec;
    this.gate = gate;
    this.robots = robots;
    this.store = store;
    this.node = node;
    this.resumes = resumes;
    if (resumes != null && !resumes.site().equals(spec.site())) {
      throw new IllegalArgumentException("run " + resumes.runId() + " is of site "
          + resumes.site() + ", not " + spec.site());
    }
  }

  public String runId() {
    return runId;
  }

  /** Runs the crawl to its end and reports progress about once a second. */
  public RunSummary execute(Consumer<Progress> progress) throws IOException {
    try {
      if (store != null) {
        return crawl(progress, store);
      }
      try (StateStore own = StateStore.open(
          new StateConfig(StateStore.DEFAULT_URL, null, null, false, null), spec.stateDir())) {
        return crawl(progress, own);
      }
    } finally {
      ended.countDown();
    }
  }

  private RunSummary crawl(Consumer<Progress> progress, StateStore state) throws IOException {
    Instant started = Instant.now();
    RunStats stats = new RunStats(spec.site());
    Path warcDir = spec.output().resolve(spec.site());
    Files.createDirectories(warcDir);
    // one run per site folder at a time: the repair below must not touch a file being written
    try (FileChannel lockFile = FileChannel.open(warcDir.resolve(".lock"),
            StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = tryLock(lockFile)) {
      if (lock == null) {
        throw new IOException("another gazette run is writing to " + warcDir
            + "; a site is crawled by one run at a time");
      }
      return recorded(state, started, () -> crawlLocked(progress, started, stats, warcDir, state));
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException sameJvm) {
      return null;
    }
  }

  private interface Crawl {
    RunSummary run() throws IOException;
  }

  /** Runs {@code crawl} between a started and an ended row in the runs table. */
  private RunSummary recorded(StateStore state, Instant started, Crawl crawl)
      throws IOException {
    state.runs().started(new RunRecord(spec.site(), runId, started, null, RunRecord.RUNNING, 0,
        0, 0, 0, null), node, resumes == null ? null : resumes.runId());
    if (resumes != null) {
      log.info("run {} of {} finishes interrupted run {} (started {})", runId, spec.site(),
          resumes.runId(), resumes.started());
      if (resumes.outcome().equals(RunRecord.RUNNING)) {
        // its process died mid-run: it ends now, as interrupted
        state.runs().ended(new RunRecord(resumes.site(), resumes.runId(), resumes.started(),
            Instant.now(), RunRecord.INTERRUPTED, resumes.fetched(), resumes.newArticles(),
            resumes.revisits(), resumes.errors(), "its process ended mid-run"));
      }
    }
    try {
      // on disk now, not within the store's commit delay: a run killed in its first half second
      // must still be found and resumed by the next start
      state.flush();
    } catch (org.gazette.store.StoreException e) {
      log.warn("state store not written at the start of run {}: {}", runId, e.getMessage());
    }
    RunSummary summary = null;
    String failure = null;
    try {
      summary = crawl.run();
      return summary;
    } catch (IOException | RuntimeException e) {
      failure = e.getMessage() == null ? e.toString() : e.getMessage();
      throw e;
    } finally {
      RunRecord end = summary == null
          ? new RunRecord(spec.site(), runId, started, Instant.now(), RunRecord.FAILED, 0, 0, 0,
              0, failure)
          : summary.record(started);
      recordEnd(state, end);
    }
  }

  /** Records the end of the run, trying for a minute if the database is away. */
  private void recordEnd(StateStore state, RunRecord end) {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (true) {
      try {
        state.runs().ended(end);
        return;
      } catch (org.gazette.store.StoreException e) {
        if (System.nanoTime() > deadline) {
          // the row stays "running": the site's next run resumes it, which is harmless
          log.warn("cannot record the end of run {}: {}", runId, e.getMessage());
          return;
        }
        try {
          Thread.sleep(2000);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private RunSummary crawlLocked(Consumer<Progress> progress, Instant started, RunStats stats,
      Path warcDir, StateStore state) throws IOException {
    // a crash leaves .open files: cut each after its last whole record and close it. One run per
    // site at a time writes here, so no .open file in this folder is being written now.
    WarcRepair.repairFolder(warcDir, (warc, kept) -> {
      // captures whose record the repair cut away are forgotten, before the file loses .open: a
      // crash in between must leave the repair to do again, or those captures would stay, and
      // the articles they name be left alone as archived, for revisitAfter, with no copy at all
      try {
        state.captures().forgetFrom(warc, kept);
        // and records kept in the file but not in the store (its commits reach its file late)
        try {
          new CaptureRecovery(state.captures(), spec.site(),
              resumes == null ? null : resumes.runId())
              .recover(warc.resolveSibling(warc.getFileName() + ".open"), warc, kept);
        } catch (IOException unreadable) {
          // nothing is lost: the next run fetches those pages again
          log.warn("cannot read {} for the captures the store lacks: {}", warc.getFileName(),
              unreadable.getMessage());
        }
        // on disk before the file loses .open: the store writes its commits late (a store that
        // refuses, e.g. an H2 user without admin rights for CHECKPOINT, must not keep the file
        // open for ever: its commits still reach the file within the delay)
        flushQuietly(state, warc);
      } catch (org.gazette.store.StoreException e) {
        throw new IOException(e.getMessage(), e); // left .open, for the next run to finish
      }
    });
    RunAbort abort = new RunAbort(this::stop);
    try (WarcWriter archive = new WarcWriter(warcOptions(warcDir).onWrite(stats::warcWritten)
        .beforeClose(file -> flushQuietly(state, file)));
        HttpFetcher http = new HttpFetcher(spec.fetch())) { // closes its kept connections
      CaptureArchiver captures = new CaptureArchiver(archive, state.captures(), warcDir,
          spec.site(), runId);
      CrawlConfig config = crawlConfig();
      PoliteFetcher polite = new PoliteFetcher(http, gate, robots,
          spec.maxCrawlDelay(), spec.delayFactor(),
          robotsExchange -> archiveQuietly(archive, robotsExchange, stats, abort));
      Instant resumeFrom = resumes == null ? null
          : state.runs().resumeFrom(runId).orElse(resumes.started());
      ArchivingPageFetcher fetcher = new ArchivingPageFetcher(config, polite, captures, spec,
          stats, resumeFrom);
      Freshness freshness = new Freshness(spec, captures, Instant::now, resumeFrom);
      ScopeRules scope = new ScopeRules(spec, maxUrlLength());
      RetryPolicy retries = new RetryPolicy(gate, spec.maxRetries(), spec.maxRetryAfter(),
          spec.minDelay().compareTo(Duration.ofSeconds(1)) > 0 ? spec.minDelay()
              : Duration.ofSeconds(1));
      // one parser and record maker for the run: the code path gazette extract takes too
      org.gazette.records.PageRecords pages =
          new org.gazette.records.PageRecords(robots.agentName());
      RunContext context = new RunContext(spec, scope, stats, fetcher,
          new PageRecordWriter(spec, archive, pages), retries, freshness, captures,
          new RedirectChains(spec.maxRedirects()), new CrawlTraps(spec.maxPagesPerHost()), abort);
      RobotstxtConfig robotsOff = new RobotstxtConfig();
      robotsOff.setEnabled(false); // robots.txt is gazette's job, at fetch time (PoliteFetcher)
      RunController run;
      try {
        run = new RunController(config, fetcher,
            new GazetteParser(config, new JsoupHtmlParser(maxUrlLength(), pages, spec.profile()),
                new DiscoveryParser(spec.timeZone(), maxUrlLength())),
            new RobotstxtServer(robotsOff, fetcher), gate, dropped -> {
              stats.outcome(Outcome.HOST_PAUSED);
              log.info("not fetched, host paused: {}", dropped.getURL());
            });
      } catch (Exception e) {
        throw new IOException("cannot open the frontier in " + config.getCrawlStorageFolder()
            + ": " + e.getMessage(), e);
      }
      controller = run;
      fetcher.onFetched(run::fetched);
      try {
        return crawlWith(run, context, progress, started, archive, polite);
      } finally {
        run.release(); // the frontier's files and threads, if the run ended before it started
      }
    }
  }

  private RunSummary crawlWith(RunController run, RunContext context,
      Consumer<Progress> progress, Instant started, WarcWriter archive, PoliteFetcher polite)
      throws IOException {
    RunStats stats = context.stats();
    ScopeRules scope = context.scope();
    Freshness freshness = context.freshness();
    Map<String, Long> heldBefore = gate.heldBackMillis();
    for (URI seed : spec.seeds()) {
      // the same normalizer as for links, so a seed and a link to it are one URL
      String url = UrlNormalizer.normalize(seed.toString());
      if (url == null) {
        stats.error("bad-seed");
        log.warn("seed is not a URL gazette can fetch: {}", seed);
      } else {
        run.addNormalizedSeed(url);
      }
    }
    addRobotsSitemaps(run, polite, scope);
    // sitemaps and feeds the site's configuration names
    spec.sitemaps().forEach(u -> addDiscoverySeed(run, u, DiscoveryParser.SITEMAP));
    spec.feeds().forEach(u -> addDiscoverySeed(run, u, DiscoveryParser.FEED));
    run.onHeartbeat(ms -> {
      long queued = Math.max(0, run.scheduled() - run.processed());
      stats.frontier(queued);
      progress.accept(new Progress(spec.site(), run.processed(), queued, stats.requests(),
          run.processed() * 1000.0 / Math.max(1, ms)));
    });
    try {
      if (!stopRequested) {
        log.info("run {} of {} started: seeds {}", runId, spec.site(), spec.seeds());
        run.start(() -> new GazetteCrawler(context), spec.threads());
      }
    } finally {
      stats.frontier(0); // the gauge shows the running run; none runs now
    }
    try {
      int lost = context.captures().flushPending(Duration.ofMinutes(5), () -> stopRequested);
      if (lost > 0) {
        stats.error("store");
        log.error("run {}: {} capture(s) could not be recorded, the state store is unreachable;"
            + " their pages are archived and will be fetched again by the next run", runId, lost);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (context.abort().reason().isPresent()) {
      IOException closeFailure = null;
      try {
        archive.close(); // what was written is whole: close it, as a clean stop would
      } catch (IOException e) {
        closeFailure = e;
      }
      throw context.abort().failure(context.abort().reason().get(), closeFailure);
    }
    archive.close();
    // a retried attempt is counted processed by the frontier, but is not a page of its own
    boolean interrupted = stopRequested && run.scheduled() > run.processed();
    RunSummary summary = new RunSummary(spec.site(), runId,
        run.processed() - stats.retries(), stats.retries(), stats.requests(),
        stats.bytes(), interrupted ? RunRecord.INTERRUPTED : RunRecord.COMPLETED,
        stats.articles(), stats.newArticles(), stats.listings(), stats.unchangedListings(),
        stats.revisits(), freshness.skipped(), stats.outcomes(), stats.errors(),
        archive.closedFiles(), heldSince(heldBefore), Duration.between(started, Instant.now()));
    log.info("run {} ended: {}", runId, summary.line());
    log.info("run {}: hosts held back by politeness: {}", runId, summary.politenessLine());
    return summary;
  }

  /** How long politeness held each host back during this run (the gate counts since its start). */
  private Map<String, Long> heldSince(Map<String, Long> before) {
    Map<String, Long> out = new java.util.TreeMap<>();
    gate.heldBackMillis().forEach((host, millis) -> {
      long during = millis - before.getOrDefault(host, 0L);
      if (during > 0) {
        out.put(host, during);
      }
    });
    return out;
  }

  private void addDiscoverySeed(RunController run, URI uri,
      String kind) {
    String url = UrlNormalizer.normalize(uri.toString());
    if (url != null) {
      run.addNormalizedSeed(url, kind);
    }
  }

  /**
   * The {@code Sitemap:} lines of the seeds' robots.txt become seeds too (fetching robots.txt
   * through the gate, as the first page of each host would anyway).
   */
  private void addRobotsSitemaps(RunController run, PoliteFetcher polite,
      ScopeRules scope) throws IOException {
    java.util.Set<String> origins = new java.util.LinkedHashSet<>();
    for (URI seed : spec.seeds()) {
      if (seed.getHost() == null || !origins.add(seed.getScheme() + "://" + seed.getAuthority())) {
        continue;
      }
      try {
        for (String sitemap : polite.robotsPolicy(seed, spec.minDelay()).rules().getSitemaps()) {
          String url = UrlNormalizer.normalize(sitemap);
          if (url != null && scope.follows(url, DiscoveryParser.SITEMAP)) {
            log.info("sitemap from robots.txt of {}: {}", seed.getHost(), url);
            run.addNormalizedSeed(url, DiscoveryParser.SITEMAP);
          }
        }
      } catch (org.gazette.fetch.FetchException e) {
        log.info("no sitemaps for {}: {}", seed, e.getMessage()); // the seed itself will say why
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while reading robots.txt of " + seed, e);
      }
    }
  }

  /** Asks a running crawl to stop after the pages in flight; execute then returns normally. */
  public void stop() {
    stopRequested = true;
    RunController c = controller;
    if (c != null) {
      c.shutdown();
    }
  }

  /**
   * Stops the run and waits until its WARC file is closed, at most {@code timeout}: what a
   * shutdown hook calls, so Ctrl-C leaves closed files, not {@code .open} ones.
   */
  public boolean stopAndWait(Duration timeout) throws InterruptedException {
    stop();
    return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static void archiveQuietly(WarcWriter archive, org.gazette.fetch.HttpExchange ex,
      RunStats stats, RunAbort abort) {
    try {
      archive.write(ex);
      stats.exchange(ex.response().length);
    } catch (IOException e) {
      if (abort.check(e)) {
        return; // the disk is full: the run stops
      }
      stats.error("warc-write");
      log.warn("cannot archive {}: {}", ex.uri(), e.getMessage());
    }
  }

  private CrawlConfig crawlConfig() {
    CrawlConfig config = new CrawlConfig();
    config.setCrawlStorageFolder(spec.stateDir().resolve("frontier").resolve(spec.site()).toString());
    config.setMaxDepthOfCrawling(spec.maxDepth());
    config.setMaxPagesToFetch(spec.maxPages());
    config.setUserAgentString(spec.fetch().userAgent());
    // crawler4j's own global delay is off: the per-host gate spaces requests
    config.setPolitenessDelay(0);
    // crawler4j's HttpClient is never used (ArchivingPageFetcher fetches through gazette's own
    // road); with https on, its constructor would still build a TLS context, parsing the JDK's
    // whole trust store: a quarter of a second of every run's start. https pages are crawled
    // all the same: crawler4j reads this flag nowhere else.
    config.setIncludeHttpsPages(false);
    config.setIncludeBinaryContentInCrawling(false);
    config.setFollowRedirects(true);
    config.setResumableCrawling(false);
    // gazette reads the page's robots directives itself (JsoupHtmlParser) and keeps them with
    // the capture; crawler4j's own checks would skip visit() for noindex pages
    config.setRespectNoIndex(false);
    config.setRespectNoFollow(false);
    config.setMaxDownloadSize((int) Math.min(Integer.MAX_VALUE, spec.fetch().maxBodySize()));
    return config;
  }

  private int maxUrlLength() {
    return spec.maxUrlLength();
  }

  /**
   * Writes the store's commits to its file before a WARC file is closed: a closed file is never
   * repaired, so the captures of its records must not wait for the store's commit delay.
   */
  private static void flushQuietly(StateStore state, Path warc) {
    try {
      state.flush();
    } catch (org.gazette.store.StoreException e) {
      // captures the store could not take are kept and recorded later (CaptureArchiver)
      log.warn("state store not written before closing {}: {}", warc.getFileName(),
          e.getMessage());
    }
  }

  private WarcWriterOptions warcOptions(Path dir) {
    WarcWriterOptions options = new WarcWriterOptions(dir,
        Warcinfo.of(spec.site(), runId, spec.fetch().userAgent(), spec.operator()))
        .prefix(spec.warcPrefix())
        .maxFileSize(spec.warcMaxFileSize())
        .minFreeSpace(spec.minFreeSpace())
        // JSON lines written as gazette extract writes them (RecordJson), byte for byte
        .objectMapper(org.gazette.extract.RecordJson.mapper());
    // the node in file names: state.node when set, else the host name (WarcWriterOptions)
    return node == null ? options : options.node(node);
  }
}
