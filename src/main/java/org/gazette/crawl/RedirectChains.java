package org.gazette.crawl;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts redirect hops per chain, so a chain of distinct URLs ({@code /r/1 -> /r/2 -> ...})
 * stops at {@code maxRedirects}.
 *
 * <p>crawler4j follows a redirect by scheduling its target as a new URL with the depth of the
 * URL that redirected, so neither maxDepth nor its doc-id dedup (which only ends loops) bounds
 * a chain of new URLs: without this count a server could keep a run busy until maxPages. The
 * count lives in memory for one run; a resumed run starts its chains afresh, which at worst
 * follows a chain once more.
 */
final class RedirectChains {
  private final int maxRedirects;
  /** Hops it took to reach each redirect target followed so far; URLs found on pages are 0. */
  private final Map<String, Integer> hops = new ConcurrentHashMap<>();

  RedirectChains(int maxRedirects) {
    this.maxRedirects = maxRedirects;
  }

  /**
   * Whether the redirect from {@code from} to {@code to} is followed; records the hop when it
   * is.
   */
  boolean follow(String from, String to) {
    int n = hops.getOrDefault(from, 0) + 1;
    if (n > maxRedirects) {
      return false;
    }
    hops.merge(to, n, Math::min);
    return true;
  }
}
