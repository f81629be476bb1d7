package org.gazette.crawl;

import com.sleepycat.je.Environment;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.frontier.Counters;
import edu.uci.ics.crawler4j.frontier.Frontier;
import edu.uci.ics.crawler4j.url.WebURL;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.gazette.fetch.PolitenessGate;

/**
 * crawler4j's frontier with a host-aware schedule in front of the fetchers.
 *
 * <p>crawler4j hands each thread a batch of up to 50 URLs in discovery order; a thread then
 * sleeps at the politeness gate for every host of its batch in turn, so with k hosts and a delay
 * d a crawl takes about k times longer than it must, and threads idle behind a cooling host
 * while another host is ready. Here the on-disk queue stays crawler4j's (so a huge crawl does not
 * live in memory), but URLs are drawn from it in chunks into per-host queues, and a thread gets
 * one URL at a time, from a host that has a free slot and whose delay has passed (rotating over
 * hosts for fairness). A thread waits only when no host is ready, and then holds no host. With k
 * hosts, N pages each and delay d, a crawl takes about N*d.
 *
 * <p>Counting stays crawler4j's: a URL is scheduled once and counted processed once, so the run's
 * end (processed equals scheduled) still holds; a retry counts as one more scheduled URL.
 */
final class HostAwareFrontier extends Frontier {
  /** URLs drawn from the disk queue at a time. */
  private static final int CHUNK = 200;
  /** Most URLs held in memory; past it, ready hosts are awaited rather than more URLs drawn. */
  private static final int MAX_BUFFERED = 20_000;
  /** Longest wait before looking again; new URLs, finished fetches and finish() wake it sooner. */
  private static final long MAX_WAIT_MILLIS = 100;

  private final PolitenessGate gate;
  private final Consumer<WebURL> onDropped;
  private final Map<String, ArrayDeque<WebURL>> byHost = new LinkedHashMap<>();
  private final Map<String, Integer> inFlight = new HashMap<>();
  /** URLs given out that hold their host's slot (by identity: a retry is another). */
  private final Set<WebURL> holding = java.util.Collections.newSetFromMap(
      new java.util.IdentityHashMap<>());
  private final Set<String> paused = new HashSet<>();
  /** Doc ids scheduled in this run (crawler4j numbers URLs 1, 2, 3...: one bit each). */
  private final BitSet scheduledIds = new BitSet();
  private int buffered;

  /**
   * @param onDropped told of each URL dropped because its host was paused; the URL is counted
   *     processed
   */
  HostAwareFrontier(Environment env, CrawlConfig config, PolitenessGate gate,
      Consumer<WebURL> onDropped) {
    super(env, config);
    this.gate = gate;
    this.onDropped = onDropped;
  }

  @Override
  public void getNextURLs(int max, List<WebURL> result) {
    // one URL per call, whatever crawler4j asks: a batch would tie a thread to its hosts
    synchronized (mutex) {
      while (!isFinished) {
        WebURL url = takeReady();
        if (url != null) {
          result.add(url);
          return;
        }
        if (buffered < MAX_BUFFERED && drawChunk() > 0) {
          continue;
        }
        try {
          mutex.wait(Math.max(1, Math.min(MAX_WAIT_MILLIS, nextReadyMillis())));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public void setProcessed(WebURL url) {
    super.setProcessed(url);
    synchronized (mutex) {
      release(url);
      mutex.notifyAll();
    }
  }

  /**
   * The fetch of {@code url}, taken from this frontier, has ended (its response read, or failed):
   * its host's slot is given back now, so that another thread fetches the host's next page while
   * this one archives and extracts the page. The politeness gate still holds every request to
   * the host's connections and delay; before this, a site crawled with one connection (the
   * default) kept the other threads idle for the whole of each page's processing, and 4 threads
   * crawled it no faster than 1. A slot is given back once, here or by {@link #setProcessed},
   * and only for a URL this frontier gave out.
   */
  void fetched(WebURL url) {
    synchronized (mutex) {
      release(url);
    }
  }

  private void release(WebURL url) {
    if (holding.remove(url)) {
      inFlight.merge(host(url), -1, Integer::sum);
      mutex.notifyAll();
    }
  }

  @Override
  public void scheduleAll(List<WebURL> urls) {
    synchronized (mutex) {
      List<WebURL> fresh = new ArrayList<>(urls.size());
      for (WebURL url : urls) {
        if (firstTime(url)) {
          fresh.add(url);
        }
      }
      if (!fresh.isEmpty()) {
        super.scheduleAll(fresh);
      }
    }
    wake();
  }

  @Override
  public void schedule(WebURL url) {
    synchronized (mutex) {
      if (firstTime(url)) {
        super.schedule(url);
      }
    }
    wake();
  }

  /**
   * Whether this doc id is scheduled for the first time in this run. crawler4j's WebCrawler
   * checks that a link is new ({@code getDocId} is 0) and only later asks for its doc id
   * ({@code getNewDocID}), outside any lock: two threads that find the same link at once both
   * schedule it, with the same doc id. The second copy was counted scheduled but, at the same
   * depth, replaced the first in the disk queue (same key), so processed never caught up with
   * scheduled and the run never ended; at another depth the page was fetched twice.
   */
  private boolean firstTime(WebURL url) {
    int id = url.getDocid();
    if (id <= 0) {
      return true;
    }
    if (scheduledIds.get(id)) {
      return false;
    }
    scheduledIds.set(id);
    return true;
  }

  @Override
  public void finish() {
    super.finish();
    wake();
  }

  /** Puts a URL back to be tried again later; it counts as one more URL scheduled. */
  void retryLater(WebURL url) {
    boolean dropped;
    synchronized (mutex) {
      counters.increment(Counters.ReservedCounterNames.SCHEDULED_PAGES);
      dropped = paused.contains(host(url));
      if (!dropped) {
        enqueue(url);
      }
      mutex.notifyAll();
    }
    if (dropped) {
      drop(url); // its host was paused meanwhile: the retry ends here, counted processed
    }
  }

  /** Drops every queued URL of {@code host}, now and for the rest of the run. */
  void pause(String host) {
    List<WebURL> dropped = new ArrayList<>();
    synchronized (mutex) {
      String key = gate.key(host);
      paused.add(key);
      ArrayDeque<WebURL> queue = byHost.remove(key);
      if (queue != null) {
        buffered -= queue.size();
        dropped.addAll(queue);
      }
    }
    dropped.forEach(this::drop);
  }

  private WebURL takeReady() {
    Iterator<Map.Entry<String, ArrayDeque<WebURL>>> it = byHost.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, ArrayDeque<WebURL>> e = it.next();
      String host = e.getKey();
      if (inFlight.getOrDefault(host, 0) >= gate.maxConnectionsPerHost()
          || gate.nanosUntilReady(host) > 0) {
        continue;
      }
      WebURL url = e.getValue().poll();
      buffered--;
      it.remove(); // re-inserted at the end: hosts take turns
      if (!e.getValue().isEmpty()) {
        byHost.put(host, e.getValue());
      }
      inFlight.merge(host, 1, Integer::sum);
      holding.add(url);
      return url;
    }
    return null;
  }

  private int drawChunk() {
    List<WebURL> chunk = workQueues.get(CHUNK);
    workQueues.delete(chunk.size());
    List<WebURL> dropped = new ArrayList<>();
    for (WebURL url : chunk) {
      if (paused.contains(host(url))) {
        dropped.add(url);
      } else {
        enqueue(url);
      }
    }
    dropped.forEach(this::drop);
    return chunk.size();
  }

  private void enqueue(WebURL url) {
    byHost.computeIfAbsent(host(url), h -> new ArrayDeque<>()).add(url);
    buffered++;
  }

  private void drop(WebURL url) {
    onDropped.accept(url);
    counters.increment(Counters.ReservedCounterNames.PROCESSED_PAGES);
  }

  private long nextReadyMillis() {
    long soonest = Long.MAX_VALUE;
    for (String host : byHost.keySet()) {
      if (inFlight.getOrDefault(host, 0) < gate.maxConnectionsPerHost()) {
        soonest = Math.min(soonest, gate.nanosUntilReady(host));
      }
    }
    return soonest == Long.MAX_VALUE ? MAX_WAIT_MILLIS : soonest / 1_000_000;
  }

  private void wake() {
    synchronized (mutex) {
      mutex.notifyAll();
    }
  }

  /** The queue a URL goes in: its host, or its registered domain when the gate says so. */
  private String host(WebURL url) {
    return gate.key(rawHost(url));
  }

  /** The URL's host name, lower case; "" when it has none. */
  static String rawHost(WebURL url) {
    try {
      String host = new URI(url.getURL()).getHost();
      return host == null ? "" : PolitenessGate.hostKey(host);
    } catch (java.net.URISyntaxException e) {
      return "";
    }
  }
}
