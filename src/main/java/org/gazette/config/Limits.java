package org.gazette.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on each fetch, so that one odd page (endless body, stalled server, redirect loop, a URL
 * that grows each hop) cannot hold a crawl; and on the output disk, so that a crawl stops cleanly
 * before the disk is full.
 *
 * @param maxBodySize bytes of body kept; the rest is cut and the WARC record marked truncated
 *     (default 10 MB)
 * @param connectTimeout to open the connection (default 10s)
 * @param readTimeout the longest silence while reading (default 30s)
 * @param totalTimeout for the whole exchange (default 2m)
 * @param maxRedirects redirects followed for one URL (default 5)
 * @param maxUrlLength longer URLs are not followed (default 2048)
 * @param maxPagesPerHost URLs of one host scheduled in one run, at most, so that one host full
 *     of generated pages (a calendar, a faceted search) cannot take a run (default 1000)
 * @param minFreeSpace bytes kept free on the disk of a site's WARC folder: below, a run stops
 *     with an error before it writes the next exchange (default 256 MB; 0 = no check)
 */
public record Limits(
    long maxBodySize,
    Duration connectTimeout,
    Duration readTimeout,
    Duration totalTimeout,
    int maxRedirects,
    int maxUrlLength,
    int maxPagesPerHost,
    long minFreeSpace) {

  /** Limits with the default {@code maxPagesPerHost} (1000) and {@code minFreeSpace} (256 MB). */
  public Limits(long maxBodySize, Duration connectTimeout, Duration readTimeout,
      Duration totalTimeout, int maxRedirects, int maxUrlLength) {
    this(maxBodySize, connectTimeout, readTimeout, totalTimeout, maxRedirects, maxUrlLength,
        Defaults.MAX_PAGES_PER_HOST, Defaults.MIN_FREE_SPACE);
  }

  public Limits {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(totalTimeout, "totalTimeout");
    Values.check("maxBodySize", maxBodySize > 0, "must be more than zero");
    Values.check("connectTimeout", isPositive(connectTimeout), "must be more than zero");
    Values.check("readTimeout", isPositive(readTimeout), "must be more than zero");
    Values.check("totalTimeout", isPositive(totalTimeout), "must be more than zero");
    Values.check("maxRedirects", maxRedirects >= 0, "must not be negative");
    Values.check("maxUrlLength", maxUrlLength >= 1 && maxUrlLength <= 4000,
        "must be 1 to 4000 (URLs are kept in the state store)");
    Values.check("maxPagesPerHost", maxPagesPerHost >= 1, "must be at least 1");
    Values.check("minFreeSpace", minFreeSpace >= 0, "must not be negative");
  }

  /** These limits with at most {@code n} URLs of one host in a run. */
  public Limits withMaxPagesPerHost(int n) {
    return new Limits(maxBodySize, connectTimeout, readTimeout, totalTimeout, maxRedirects,
        maxUrlLength, n, minFreeSpace);
  }

  private static boolean isPositive(Duration d) {
    return !d.isNegative() && !d.isZero();
  }
}
