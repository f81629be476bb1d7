package org.gazette.fetch;

import crawlercommons.domains.EffectiveTldFinder;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gazette.metrics.GazetteMetrics;

/**
 * The per-host gate every request passes: at most {@code maxConnectionsPerHost} requests in
 * flight to a host, and between the end of one request and the start of the next at least the
 * largest of the site's minimum delay, the host's robots.txt Crawl-delay and {@code delayFactor}
 * times the last request's duration (Heritrix's adaptive rule: a slow server gets more room).
 *
 * <p>One gate serves the whole JVM, so two runs never hammer one host. A thread waiting here
 * holds no host: it waits on that host's monitor only. (Threads of a single-host run simply wait;
 * a host-aware schedule that lets a waiting thread take another host's URL is future work.)
 */
public final class PolitenessGate {
  private final int maxConnectionsPerHost;
  private final boolean byDomain;
  private final Map<String, HostState> hosts = new ConcurrentHashMap<>();

  /** A gate that keeps its limits per host name. */
  public PolitenessGate(int maxConnectionsPerHost) {
    this(maxConnectionsPerHost, false);
  }

  /**
   * @param byDomain keep the limits per registered domain (news.example.co.uk and
   *     img.example.co.uk share one), as for sites that spread one server over many names
   */
  public PolitenessGate(int maxConnectionsPerHost, boolean byDomain) {
    if (maxConnectionsPerHost < 1) {
      throw new IllegalArgumentException("maxConnectionsPerHost must be at least 1");
    }
    this.maxConnectionsPerHost = maxConnectionsPerHost;
    this.byDomain = byDomain;
  }

  /** Host names compare without case; ports share the host. */
  public static String hostKey(String host) {
    return host.toLowerCase(Locale.ROOT);
  }

  /** The key this gate keeps limits under: the host, or its registered domain. */
  public String key(String host) {
    String h = hostKey(host);
    if (!byDomain) {
      return h;
    }
    // the public suffix list of crawler-commons; an IP address or unknown suffix stays as is
    String domain = EffectiveTldFinder.getAssignedDomain(h, true, false);
    return domain == null || domain.isEmpty() ? h : domain;
  }

  /**
   * Waits until a request to {@code host} may start, then holds a slot until the returned permit
   * is closed.
   */
  public Permit acquire(String host, Duration minDelay, double delayFactor)
      throws InterruptedException {
    HostState state = hosts.computeIfAbsent(key(host), HostState::new);
    state.enter(maxConnectionsPerHost);
    return new Permit(state, minDelay, delayFactor);
  }

  /** Records the host's robots.txt Crawl-delay, applied from the next request on. */
  public void crawlDelay(String host, Duration delay) {
    hosts.computeIfAbsent(key(host), HostState::new).crawlDelay(delay.toNanos());
  }

  public int maxConnectionsPerHost() {
    return maxConnectionsPerHost;
  }

  /**
   * How long until a request to {@code host} could start: 0 when it could start now,
   * {@code Long.MAX_VALUE} while all its slots are taken. A schedule asks this to hand a thread
   * a host that is ready instead of one it would have to wait for.
   */
  public long nanosUntilReady(String host) {
    HostState state = hosts.get(key(host));
    return state == null ? 0 : state.nanosUntilReady(maxConnectionsPerHost);
  }

  /**
   * Holds back every request to {@code host} for {@code pause} from now (Retry-After, backoff
   * after errors), on top of the usual gap.
   */
  public void backoff(String host, Duration pause) {
    hosts.computeIfAbsent(key(host), HostState::new).holdFor(pause.toNanos());
  }

  /**
   * Raises the least gap between requests to {@code host} to {@code gap} for as long as this
   * gate lives: a host that answered 429 has said how fast is too fast.
   */
  public void slowDown(String host, Duration gap) {
    HostState state = hosts.computeIfAbsent(key(host), HostState::new);
    synchronized (state) {
      state.floorNanos = Math.max(state.floorNanos, gap.toNanos());
    }
  }

  /** Time spent waiting at the gate so far, per host, in milliseconds. */
  public Map<String, Long> waitedMillis() {
    Map<String, Long> out = new LinkedHashMap<>();
    hosts.forEach((k, v) -> out.put(k, v.waitedNanos / 1_000_000));
    return out;
  }

  /**
   * How long each host has been held back so far, in milliseconds: the gaps imposed after its
   * requests (delay, Crawl-delay, adaptive delay) and every backoff or Retry-After pause. This is
   * the politeness a crawl paid, whoever did the waiting (a thread here, or the schedule). The
   * same time goes to the {@code gazette.politeness.wait} meter, in seconds, tagged with the key.
   */
  public Map<String, Long> heldBackMillis() {
    Map<String, Long> out = new LinkedHashMap<>();
    hosts.forEach((k, v) -> out.put(k, v.heldBackMillis()));
    return out;
  }

  /** A held slot; closing it starts the host's delay. */
  public static final class Permit implements AutoCloseable {
    private final HostState state;
    private final long minDelayNanos;
    private final double delayFactor;
    private final long startNanos = System.nanoTime();
    private boolean closed;

    private Permit(HostState state, Duration minDelay, double delayFactor) {
      this.state = state;
      this.minDelayNanos = minDelay.toNanos();
      this.delayFactor = delayFactor;
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        long adaptive = (long) (delayFactor * (System.nanoTime() - startNanos));
        state.leave(Math.max(minDelayNanos, adaptive));
      }
    }
  }

  private static final class HostState {
    /** The held-back time as a meter too, in seconds; looked up once per host. */
    private final Counter heldBackMeter;
    private int inFlight;
    private long nextStartNanos = System.nanoTime();
    private volatile long crawlDelayNanos;
    private long floorNanos;
    private long lastEndNanos;
    private long waitedNanos;
    private long heldBackNanos;

    HostState(String key) {
      heldBackMeter = GazetteMetrics.politenessWait(key);
    }

    synchronized long heldBackMillis() {
      return heldBackNanos / 1_000_000;
    }

    synchronized void enter(int max) throws InterruptedException {
      long began = System.nanoTime();
      while (true) {
        long wait = nextStartNanos - System.nanoTime();
        if (inFlight < max && wait <= 0) {
          break;
        }
        if (inFlight >= max) {
          wait();
        } else {
          long ms = Math.max(1, wait / 1_000_000);
          wait(ms);
        }
      }
      inFlight++;
      waitedNanos += System.nanoTime() - began;
    }

    /** Applies at once: the request that fetched robots.txt counts as the last one. */
    synchronized void crawlDelay(long nanos) {
      crawlDelayNanos = nanos;
      if (lastEndNanos != 0) {
        nextStartNanos = Math.max(nextStartNanos, lastEndNanos + nanos);
      }
    }

    synchronized long nanosUntilReady(int max) {
      if (inFlight >= max) {
        return Long.MAX_VALUE;
      }
      return Math.max(0, nextStartNanos - System.nanoTime());
    }

    synchronized void holdFor(long nanos) {
      long until = System.nanoTime() + nanos;
      heldBack(until - Math.max(nextStartNanos, System.nanoTime()));
      nextStartNanos = Math.max(nextStartNanos, until);
      notifyAll();
    }

    /** Counts {@code nanos} more held back (nothing if not positive: no later start). */
    private void heldBack(long nanos) {
      if (nanos > 0) {
        heldBackNanos += nanos;
        heldBackMeter.increment(nanos / 1e9);
      }
    }

    synchronized void leave(long minDelayNanos) {
      inFlight--;
      lastEndNanos = System.nanoTime();
      long next = lastEndNanos + Math.max(Math.max(minDelayNanos, crawlDelayNanos), floorNanos);
      heldBack(next - Math.max(nextStartNanos, lastEndNanos));
      nextStartNanos = Math.max(nextStartNanos, next);
      notifyAll();
    }
  }
}
