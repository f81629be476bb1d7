package org.gazette.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How gently to treat one host. The gap between two requests to a host is the largest of
 * {@code minDelay}, the robots.txt Crawl-delay (capped by {@code maxCrawlDelay}) and
 * {@code delayFactor} times the last response time.
 *
 * <p>gazette.yaml's {@code politeness:} block applies to every site; a site's own block overrides
 * only the keys it sets.
 *
 * @param minDelay the least time between two requests to a host (default 1s)
 * @param maxCrawlDelay the largest robots.txt Crawl-delay obeyed as such; a larger one is cut to
 *     this, so that one line in a robots.txt cannot stall a run for hours (default 30s)
 * @param maxConnectionsPerHost requests in flight at once to one host (default 1)
 * @param delayFactor multiplies the last response time into a delay (default 5.0; 0 turns it off)
 * @param maxRetries how often a URL is tried again after a 429, a 5xx or a failed connection
 *     (default 3)
 * @param maxRetryAfter the longest Retry-After obeyed as such; a longer one is cut to this
 *     (default 10m)
 */
public record Politeness(
    Duration minDelay, Duration maxCrawlDelay, int maxConnectionsPerHost, double delayFactor,
    int maxRetries, Duration maxRetryAfter) {

  public Politeness {
    Objects.requireNonNull(minDelay, "minDelay");
    Objects.requireNonNull(maxCrawlDelay, "maxCrawlDelay");
    Values.check("minDelay", !minDelay.isNegative(), "must not be negative");
    Values.check("maxCrawlDelay", !maxCrawlDelay.isNegative(), "must not be negative");
    Values.check("maxConnectionsPerHost", maxConnectionsPerHost >= 1, "must be at least 1");
    Values.check("delayFactor", delayFactor >= 0 && Double.isFinite(delayFactor),
        "must be a number, 0 or more");
    Values.check("maxRetries", maxRetries >= 0, "must not be negative");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    Values.check("maxRetryAfter", !maxRetryAfter.isNegative(), "must not be negative");
  }

  /** With the default retry settings. */
  public Politeness(
      Duration minDelay, Duration maxCrawlDelay, int maxConnectionsPerHost, double delayFactor) {
    this(minDelay, maxCrawlDelay, maxConnectionsPerHost, delayFactor, Defaults.MAX_RETRIES,
        Defaults.MAX_RETRY_AFTER);
  }

  /** With the default {@code delayFactor} and retry settings. */
  public Politeness(Duration minDelay, Duration maxCrawlDelay, int maxConnectionsPerHost) {
    this(minDelay, maxCrawlDelay, maxConnectionsPerHost, Defaults.DELAY_FACTOR);
  }

  /** This, with another {@code minDelay} (for {@code gazette crawl --min-delay}). */
  public Politeness withMinDelay(Duration minDelay) {
    return new Politeness(minDelay, maxCrawlDelay, maxConnectionsPerHost, delayFactor,
        maxRetries, maxRetryAfter);
  }
}
