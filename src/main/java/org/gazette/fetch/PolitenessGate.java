package org.gazette.fetch;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
  private final Map<String, HostState> hosts = new ConcurrentHashMap<>();

  public PolitenessGate(int maxConnectionsPerHost) {
    if (maxConnectionsPerHost < 1) {
      throw new IllegalArgumentException("maxConnectionsPerHost must be at least 1");
    }
    this.maxConnectionsPerHost = maxConnectionsPerHost;
  }

  /** The gate's key for a host: host names compare without case; ports share the host. */
  public static String hostKey(String host) {
    return host.toLowerCase(Locale.ROOT);
  }

  /**
   * Waits until a request to {@code host} may start, then holds a slot until the returned permit
   * is closed.
   */
  public Permit acquire(String host, Duration minDelay, double delayFactor)
      throws InterruptedException {
    HostState state = hosts.computeIfAbsent(hostKey(host), k -> new HostState());
    state.enter(maxConnectionsPerHost);
    return new Permit(state, minDelay, delayFactor);
  }

  /** Records the host's robots.txt Crawl-delay, applied from the next request on. */
  public void crawlDelay(String host, Duration delay) {
    hosts.computeIfAbsent(hostKey(host), k -> new HostState()).crawlDelayNanos = delay.toNanos();
  }

  /** Time spent waiting at the gate so far, per host, in milliseconds. */
  public Map<String, Long> waitedMillis() {
    Map<String, Long> out = new LinkedHashMap<>();
    hosts.forEach((k, v) -> out.put(k, v.waitedNanos / 1_000_000));
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
    private int inFlight;
    private long nextStartNanos = System.nanoTime();
    private volatile long crawlDelayNanos;
    private long waitedNanos;

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

    synchronized void leave(long minDelayNanos) {
      inFlight--;
      long next = System.nanoTime() + Math.max(minDelayNanos, crawlDelayNanos);
      nextStartNanos = Math.max(nextStartNanos, next);
      notifyAll();
    }
  }
}
