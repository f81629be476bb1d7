package org.gazette.fetch;

import java.time.Duration;

/**
 * Limits and identity for every HTTP request gazette makes.
 *
 * @param userAgent the User-Agent header; names the product and a contact
 * @param connectTimeout how long to wait for a TCP (and TLS) connection
 * @param readTimeout how long one read may block
 * @param totalTimeout how long one exchange may take, connect to last byte; the body is cut
 *     (WARC-Truncated: time) when it runs out
 * @param maxBodySize largest body kept, in bytes; the body is cut (WARC-Truncated: length)
 * @param privateAddresses which loopback, private, link-local and metadata addresses may be
 *     fetched all the same (by default none)
 */
public record FetchOptions(
    String userAgent,
    Duration connectTimeout,
    Duration readTimeout,
    Duration totalTimeout,
    long maxBodySize,
    PrivateAddresses privateAddresses) {

  /** Largest response header block accepted, in bytes. */
  public static final int MAX_HEADER_BYTES = 64 * 1024;

  /** Options with every private address refused ({@code false}) or allowed ({@code true}). */
  public FetchOptions(String userAgent, Duration connectTimeout, Duration readTimeout,
      Duration totalTimeout, long maxBodySize, boolean allowPrivate) {
    this(userAgent, connectTimeout, readTimeout, totalTimeout, maxBodySize,
        PrivateAddresses.of(allowPrivate));
  }

  public FetchOptions {
    java.util.Objects.requireNonNull(privateAddresses, "privateAddresses");
    if (userAgent == null || userAgent.isBlank()) {
      throw new IllegalArgumentException("userAgent must not be empty");
    }
    if (maxBodySize <= 0) {
      throw new IllegalArgumentException("maxBodySize must be positive: " + maxBodySize);
    }
  }

  /**
   * The robots.txt agent name of a User-Agent: its product token, lower case ({@code gazette} for
   * {@code gazette/1.0 (+https://...)}). Pages address it in {@code <meta name="gazette">} and
   * {@code X-Robots-Tag: gazette: ...} too.
   */
  public static String agentName(String userAgent) {
    return userAgent.trim().split("[/ ]", 2)[0].toLowerCase(java.util.Locale.ROOT);
  }
}
