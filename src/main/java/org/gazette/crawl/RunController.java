package org.gazette.crawl;

import com.sleepycat.je.EnvironmentMutableConfig;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.crawler.CrawlController;
import edu.uci.ics.crawler4j.crawler.WebCrawler;
import edu.uci.ics.crawler4j.fetcher.PageFetcher;
import edu.uci.ics.crawler4j.parser.Parser;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtServer;
import java.util.ArrayList;
import java.util.List;
import edu.uci.ics.crawler4j.url.WebURL;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.gazette.fetch.PolitenessGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * crawler4j's controller with its end-of-run detection replaced.
 *
 * <p>crawler4j decides a crawl is over by watching its threads idle, through sleeps of whole
 * seconds (10 + 10 + 10 by default), so every run lasts 30 s longer than its work, and shorter
 * sleeps make that guess racy. The frontier's own counters say it exactly: a URL is counted
 * processed only after its outlinks were scheduled, so when processed equals scheduled nothing is
 * in flight and nothing is queued. This controller polls that every 50 ms.
 */
final class RunController extends CrawlController {
  private static final Logger log = LoggerFactory.getLogger(RunController.class);
  private static final long POLL_MILLIS = 50;
  /** Share of the heap one run's frontier (Berkeley DB JE) may cache. */
  static final int FRONTIER_CACHE_PERCENT = 15;

  private volatile LongConsumer heartbeat = ms -> { };
  /** crawler4j's shuttingDown is not volatile; this is what the poll loop reads. */
  private volatile boolean stopping;
  private volatile long finalProcessed = -1;

  RunController(CrawlConfig config, PageFetcher fetcher, Parser parser, RobotstxtServer robots,
      PolitenessGate gate, Consumer<WebURL> onDropped) throws Exception {
    super(config, fetcher, parser, robots);
    // JE gives one environment 60% of the heap for its cache by default; a run's frontier is
    // written once and read once, in order, so a small cache costs little, and the daemon runs
    // several sites at once in one heap (bench/frontier.sh: a million URLs in -Xmx256m)
    EnvironmentMutableConfig cache = env.getMutableConfig();
    cache.setCachePercent(FRONTIER_CACHE_PERCENT);
    env.setMutableConfig(cache);
    // crawler4j's own frontier is swapped for one that schedules by host; threads read the
    // frontier from the controller when they start, which is after this
    frontier.close();
    frontier = new HostAwareFrontier(env, config, gate, onDropped);
    // and its doc-id store for one that remembers the ids it has given (see KnownDocIds)
    docIdServer.close();
    docIdServer = new KnownDocIds(env, config);
  }

  /** Tells the frontier that the fetch of a URL it gave out has ended; see HostAwareFrontier. */
  void fetched(WebURL url) {
    ((HostAwareFrontier) frontier).fetched(url);
  }

  /**
   * Schedules a seed as it is: crawler4j's addSeed would rewrite it with its own canonicalizer
   * (which drops repeated query parameters and re-encodes '+'), unlike the links found later.
   */
  void addNormalizedSeed(String url) {
    addNormalizedSeed(url, "");
  }

  /** A seed with an anchor: {@link DiscoveryParser#SITEMAP} marks a sitemap from robots.txt. */
  void addNormalizedSeed(String url, String anchor) {
    if (docIdServer.getDocId(url) > 0) {
      return;
    }
    WebURL seed = new WebURL();
    seed.setURL(url);
    seed.setAnchor(anchor);
    seed.setDocid(docIdServer.getNewDocID(url));
    seed.setDepth((short) 0);
    frontier.schedule(seed);
  }

  HostAwareFrontier hostFrontier() {
    return (HostAwareFrontier) frontier;
  }

  /** Called about once a second while the run goes on, with the elapsed milliseconds. */
  void onHeartbeat(LongConsumer heartbeat) {
    this.heartbeat = heartbeat;
  }

  /** URLs processed so far; after the run, the final count. */
  long processed() {
    return finalProcessed >= 0 ? finalProcessed : frontier.getNumberOfProcessedPages();
  }

  long scheduled() {
    return frontier.getNumberOfScheduledPages();
  }

  @Override
  protected <T extends WebCrawler> void start(WebCrawlerFactory<T> factory, int threads,
      boolean isBlocking) {
    if (!isBlocking) {
      throw new UnsupportedOperationException("gazette runs block until done");
    }
    List<Thread> workers = new ArrayList<>();
    List<T> crawlers = new ArrayList<>();
    try {
      for (int i = 1; i <= threads; i++) {
        T crawler = factory.newInstance();
        Thread thread = new Thread(crawler, "crawler-" + i);
        crawler.setThread(thread);
        crawler.init(i, this);
        crawlers.add(crawler);
        workers.add(thread);
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot create crawler threads", e);
    }
    workers.forEach(Thread::start);
    long started = System.currentTimeMillis();
    long nextBeat = started + 1000;
    try {
      while (!stopping && processed() < scheduled() && anyAlive(workers)) {
        Thread.sleep(POLL_MILLIS);
        long now = System.currentTimeMillis();
        if (now >= nextBeat) {
          heartbeat.accept(now - started);
          nextBeat = now + 1000;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    finishRun(workers, crawlers);
  }

  @Override
  public void shutdown() {
    stopping = true;
    super.shutdown();
  }

  /**
   * Closes the frontier, the doc-id store and the JE environment if {@link #start} never ran
   * (the run was stopped or failed before): they hold files and threads otherwise.
   */
  void release() {
    synchronized (waitingLock) {
      if (finished) {
        return;
      }
      finished = true;
    }
    frontier.close();
    docIdServer.close();
    env.close();
  }

  private static boolean anyAlive(List<Thread> workers) {
    return workers.stream().anyMatch(Thread::isAlive);
  }

  private <T extends WebCrawler> void finishRun(List<Thread> workers, List<T> crawlers) {
    shuttingDown = true;
    for (Thread t : workers) {
      try {
        // finish() again while waiting: a worker that was between its check and its wait when
        // the first notification went out would otherwise wait for ever
        while (t.isAlive()) {
          frontier.finish();
          t.join(100);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    crawlers.forEach(WebCrawler::onBeforeExit);
    finalProcessed = frontier.getNumberOfProcessedPages();
    frontier.close();
    docIdServer.close();
    env.close();
    synchronized (waitingLock) {
      finished = true;
      waitingLock.notifyAll();
    }
    log.debug("run finished: {} URLs processed", finalProcessed);
  }
}
