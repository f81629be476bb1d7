package org.gazette.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on each fetch, so that one odd page (endless body, stalled server, redirect loop, a URL
 * that grows each hop) cannot hold a crawl.
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
 */
public record Limits(
    long maxBodySize,
    Duration connectTimeout,
    Duration readTimeout,
    Duration totalTimeout,
    int maxRedirects,
    int maxUrlLength,
    int maxPagesPerHost) {

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
  }

  /** These limits with at most {@code n} URLs of one host in a run. */
  public Limits withMaxPagesPerHost(int n) {
    return new Limits(maxBodySize, connectTimeout, readTimeout, totalTimeout, maxRedirects,
        maxUrlLength, n);
  }

  private static boolean isPositive(Duration d) {
    return !d.isNegative() && !d.isZero();
  }
}
