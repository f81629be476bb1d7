package org.gazette.crawl;

import crawlercommons.filters.basic.BasicURLNormalizer;
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
import java.util.List;
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
import org.gazette.store.CaptureIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One crawl of one site: a crawler4j controller with its frontier under
 * {@code state/frontier/<site>/}, gazette's fetcher, parser and crawler plugged in, and a WARC
 * file (with its JSON lines) under {@code warc/<site>/}. The run ends as soon as the frontier is
 * empty and no URL is in flight.
 */
public final class CrawlRun {
  private static final Logger log = LoggerFactory.getLogger(CrawlRun.class);

  private final RunSpec spec;
  private final PolitenessGate gate;
  private final RobotsCache robots;
  private final String runId = UUID.randomUUID().toString();
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile RunController controller;
  private volatile boolean stopRequested;

  /**
   * @param gate the JVM's politeness gate, shared with every other run
   * @param robots the JVM's robots.txt cache
   */
  public CrawlRun(RunSpec spec, PolitenessGate gate, RobotsCache robots) {
    this.spec = spec;
    this.gate = gate;
    this.robots = robots;
  }

  public String runId() {
    return runId;
  }

  /** Runs the crawl to its end and reports progress about once a second. */
  public RunSummary execute(Consumer<Progress> progress) throws IOException {
    try {
      return crawl(progress);
    } finally {
      ended.countDown();
    }
  }

  private RunSummary crawl(Consumer<Progress> progress) throws IOException {
    Instant started = Instant.now();
    RunStats stats = new RunStats();
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
      return crawlLocked(progress, started, stats, warcDir);
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException sameJvm) {
      return null;
    }
  }

  private RunSummary crawlLocked(Consumer<Progress> progress, Instant started, RunStats stats,
      Path warcDir) throws IOException {
    // a crash leaves .open files: cut each after its last whole record and close it. One run per
    // site at a time writes here, so no .open file in this folder is being written now.
    List<WarcRepair.Result> repaired = WarcRepair.repairFolder(warcDir);
    try (CaptureIndex index = CaptureIndex.open(spec.stateDir().resolve("captures.jsonl"));
        WarcWriter archive = new WarcWriter(warcOptions(warcDir))) {
      for (WarcRepair.Result r : repaired) {
        // captures whose content the repair cut away can no longer be revisited
        index.forgetFrom(r.warc(), r.keptBytes());
      }
      CrawlConfig config = crawlConfig();
      PoliteFetcher polite = new PoliteFetcher(new HttpFetcher(spec.fetch()), gate, robots,
          spec.maxCrawlDelay(), spec.delayFactor(), robotsExchange -> archiveQuietly(archive, robotsExchange, stats));
      ArchivingPageFetcher fetcher = new ArchivingPageFetcher(config, polite,
          new CaptureArchiver(archive, index, warcDir), spec, stats);
      ScopeRules scope = new ScopeRules(spec, maxUrlLength());
      RetryPolicy retries = new RetryPolicy(gate, spec.maxRetries(), spec.maxRetryAfter(),
          spec.minDelay().compareTo(Duration.ofSeconds(1)) > 0 ? spec.minDelay()
              : Duration.ofSeconds(1));
      RunContext context = new RunContext(spec, scope, stats, fetcher,
          new PageRecordWriter(spec, scope, archive), retries);
      RobotstxtConfig robotsOff = new RobotstxtConfig();
      robotsOff.setEnabled(false); // robots.txt is gazette's job, at fetch time (PoliteFetcher)
      RunController run;
      try {
        run = new RunController(config, fetcher,
            new GazetteParser(config, new JsoupHtmlParser(maxUrlLength(), robots.agentName()),
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
      BasicURLNormalizer normalizer = new BasicURLNormalizer();
      for (URI seed : spec.seeds()) {
        // the same normalizer as for links, so a seed and a link to it are one URL
        String url = normalizer.filter(seed.toString());
        if (url == null) {
          stats.error("bad-seed");
          log.warn("seed is not a URL gazette can fetch: {}", seed);
        } else {
          run.addNormalizedSeed(url);
        }
      }
      addRobotsSitemaps(run, polite, normalizer, scope);
      // sitemaps and feeds the site's configuration names
      spec.sitemaps().forEach(u -> addDiscoverySeed(run, normalizer, u, DiscoveryParser.SITEMAP));
      spec.feeds().forEach(u -> addDiscoverySeed(run, normalizer, u, DiscoveryParser.FEED));
      run.onHeartbeat(ms -> progress.accept(new Progress(spec.site(), run.processed(),
          Math.max(0, run.scheduled() - run.processed()), stats.requests(),
          run.processed() * 1000.0 / Math.max(1, ms))));
      if (!stopRequested) {
        log.info("run {} of {} started: seeds {}", runId, spec.site(), spec.seeds());
        run.start(() -> new GazetteCrawler(context), spec.threads());
      }
      archive.close();
      // a retried attempt is counted processed by the frontier, but is not a page of its own
      RunSummary summary = new RunSummary(spec.site(), runId,
          run.processed() - stats.retries(), stats.retries(), stats.requests(),
          stats.bytes(), stats.articles(), stats.listings(), stats.revisits(), stats.outcomes(),
          stats.errors(),
          archive.closedFiles(), gate.heldBackMillis(), Duration.between(started, Instant.now()));
      log.info("run {} ended: {}", runId, summary.line());
      log.info("run {}: hosts held back by politeness: {}", runId, summary.politenessLine());
      return summary;
    }
  }

  private void addDiscoverySeed(RunController run, BasicURLNormalizer normalizer, URI uri,
      String kind) {
    String url = normalizer.filter(uri.toString());
    if (url != null) {
      run.addNormalizedSeed(url, kind);
    }
  }

  /**
   * The {@code Sitemap:} lines of the seeds' robots.txt become seeds too (fetching robots.txt
   * through the gate, as the first page of each host would anyway).
   */
  private void addRobotsSitemaps(RunController run, PoliteFetcher polite,
      BasicURLNormalizer normalizer, ScopeRules scope) throws IOException {
    java.util.Set<String> origins = new java.util.LinkedHashSet<>();
    for (URI seed : spec.seeds()) {
      if (seed.getHost() == null || !origins.add(seed.getScheme() + "://" + seed.getAuthority())) {
        continue;
      }
      try {
        for (String sitemap : polite.robotsPolicy(seed, spec.minDelay()).rules().getSitemaps()) {
          String url = normalizer.filter(sitemap);
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
      RunStats stats) {
    try {
      archive.write(ex);
      stats.exchange(ex.response().length);
    } catch (IOException e) {
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
    config.setIncludeHttpsPages(true);
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

  private WarcWriterOptions warcOptions(Path dir) {
    return new WarcWriterOptions(dir,
        Warcinfo.of(spec.site(), runId, spec.fetch().userAgent(), spec.operator()))
        .prefix(spec.warcPrefix())
        .maxFileSize(spec.warcMaxFileSize());
  }
}
