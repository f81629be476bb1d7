package org.gazette.crawl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds what generated URLs can make a run fetch, beside maxDepth, maxPages and maxUrlLength:
 * a path that repeats itself ({@code /a/b/a/b/a/b/}, the mark of a relative link that resolves
 * against itself) or has more than {@value #MAX_SEGMENTS} segments is not followed (error
 * {@code trap-path}); no host gets more than maxPagesPerHost URLs scheduled in a run (error
 * {@code host-page-limit}). Session ids and parameter order are made harmless earlier, by
 * {@link UrlNormalizer}.
 *
 * <p>The same URL is asked about once per page linking to it; each refused URL is counted once.
 */
final class CrawlTraps {
  /** Path segments of the deepest URL followed (Heritrix's TooManyPathSegmentsDecideRule uses 20). */
  static final int MAX_SEGMENTS = 20;
  /** A run of segments seen this many times in a row is a loop, not a site's structure. */
  static final int MAX_REPEATS = 2;
  /** Refused URLs remembered so that each counts once; past this, counting is approximate. */
  private static final int REMEMBERED = 100_000;

  private final int maxPagesPerHost;
  private final Map<String, AtomicInteger> scheduled = new ConcurrentHashMap<>();
  private final Set<String> refused = ConcurrentHashMap.newKeySet();
  private final Set<String> fullHosts = ConcurrentHashMap.newKeySet();

  CrawlTraps(int maxPagesPerHost) {
    this.maxPagesPerHost = maxPagesPerHost;
  }

  /** Why the shape of {@code url}'s path makes it a trap, or null. */
  static String pathTrap(String url) {
    String path;
    try {
      path = new URI(url).getRawPath();
    } catch (URISyntaxException e) {
      return null; // not this rule's business: such URLs never reach the frontier
    }
    if (path == null || path.length() < 2) {
      return null;
    }
    // "/a/b/" has two segments: a trailing slash adds none
    String trimmed = path.endsWith("/") ? path.substring(1, path.length() - 1) : path.substring(1);
    String[] segments = trimmed.split("/", -1);
    if (segments.length > MAX_SEGMENTS) {
      return "more than " + MAX_SEGMENTS + " path segments";
    }
    for (int width = 1; width * (MAX_REPEATS + 1) <= segments.length; width++) {
      for (int start = 0; start + width * (MAX_REPEATS + 1) <= segments.length; start++) {
        if (repeats(segments, start, width)) {
          return "path repeats " + String.join("/",
              java.util.Arrays.copyOfRange(segments, start, start + width))
              + " more than " + MAX_REPEATS + " times";
        }
      }
    }
    return null;
  }

  private static boolean repeats(String[] segments, int start, int width) {
    for (int copy = 1; copy <= MAX_REPEATS; copy++) {
      for (int i = 0; i < width; i++) {
        if (!segments[start + i].equals(segments[start + copy * width + i])) {
          return false;
        }
      }
    }
    // "/a//b" has empty segments in a row; an empty run is no loop
    for (int i = 0; i < width; i++) {
      if (!segments[start + i].isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Takes one more URL of {@code host} into the run, or refuses it when the host has had
   * maxPagesPerHost already.
   */
  boolean admit(String host) {
    AtomicInteger n = scheduled.computeIfAbsent(host, h -> new AtomicInteger());
    while (true) {
      int now = n.get();
      if (now >= maxPagesPerHost) {
        return false;
      }
      if (n.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  /** Whether {@code host} is found full for the first time (so it is logged once). */
  boolean firstTimeFull(String host) {
    return fullHosts.add(host);
  }

  /** Whether this is the first time {@code url} is refused (so it is counted once). */
  boolean firstRefusal(String url) {
    return refused.size() >= REMEMBERED ? false : refused.add(url);
  }
}
