package org.gazette.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * robots.txt per origin (scheme, host and port), fetched through the politeness gate, parsed by
 * crawler-commons and kept for a configurable time (default a day). The fetch outcome maps to a
 * policy as RFC 9309 section 2.3.1 says:
 *
 * <ul>
 *   <li>2xx: the rules of the first 500 KiB (section 2.5), in whole lines;
 *   <li>3xx: up to 5 redirects followed, each through the same {@link Fetch}, even to another
 *       host, and the rules found apply to the first origin; a 6th redirect is not followed and
 *       robots.txt counts as "unavailable", which allows all (section 2.3.1.2);
 *   <li>4xx other than 429: "unavailable", allow all (section 2.3.1.3);
 *   <li>429, 5xx, a timeout, a failed connection or a cut body: "unreachable", disallow all
 *       (section 2.3.1.4), and ask again after at most 10 minutes;
 *   <li>an address the SSRF guard refuses, a name that does not resolve or a failed TLS
 *       handshake, at the origin itself: the {@link FetchException} is thrown, so the page fails
 *       with that reason (it could not be fetched either).
 * </ul>
 *
 * <p>One cache serves every run in the JVM. A Crawl-delay is kept as written, whatever its size
 * (crawler-commons would turn one over 5 minutes into "disallow all"): what a delay above
 * maxCrawlDelay means is {@link PoliteFetcher}'s business.
 */
public final class RobotsCache {
  /** The bytes of robots.txt parsed; RFC 9309 asks for at least 500 KiB. */
  public static final int MAX_BYTES = 500 * 1024;
  /** The redirects followed; RFC 9309 asks for at least five. */
  public static final int MAX_REDIRECTS = 5;
  /** How long rules are kept; RFC 9309 asks not to keep them more than 24 hours. */
  public static final Duration DEFAULT_TTL = Duration.ofDays(1);
  /** An unreachable robots.txt is asked for again sooner than a good one. */
  private static final Duration FAILED_TTL = Duration.ofMinutes(10);
  private static final int TOO_MANY_REQUESTS = 429;

  private static final Logger log = LoggerFactory.getLogger(RobotsCache.class);

  /** What the gate and archive need from the fetch of a robots.txt. */
  public interface Fetch {
    HttpExchange fetch(URI uri) throws FetchException, InterruptedException;
  }

  /**
   * The rules for an origin, and why robots.txt could not be read when it could not.
   *
   * @param rules the rules for gazette's agent
   * @param unavailable why robots.txt was unreachable (RFC 9309 2.3.1.4: then the rules disallow
   *     everything), or null when it was read or is missing
   */
  public record Policy(BaseRobotRules rules, String unavailable) {
    /** Whether the rules allow fetching {@code uri}. */
    public boolean allows(URI uri) {
      return rules.isAllowed(uri.toString());
    }

    /** The Crawl-delay of the agent's group, as written (not capped). */
    public Optional<Duration> crawlDelay() {
      long ms = rules.getCrawlDelay();
      return ms > 0 && ms != BaseRobotRules.UNSET_CRAWL_DELAY
          ? Optional.of(Duration.ofMillis(ms)) : Optional.empty();
    }

    /** The rule that decides {@code uri}, or empty when none matches or there are no rules. */
    public Optional<MatchingRule> matchingRule(URI uri) {
      return MatchingRule.find(rules, uri.toString());
    }
  }

  private record Entry(Policy policy, long expiresNanos) {}

  private final String agentName;
  private final long ttlNanos;
  private final long failedTtlNanos;
  private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  /** A cache that keeps rules for {@link #DEFAULT_TTL}. */
  public RobotsCache(String userAgent) {
    this(userAgent, DEFAULT_TTL);
  }

  /**
   * @param userAgent the full User-Agent; its product token is the robots.txt agent name
   * @param ttl how long the rules of an origin are kept (default a day); an unreachable
   *     robots.txt is asked for again after this or 10 minutes, whichever is shorter
   */
  public RobotsCache(String userAgent, Duration ttl) {
    if (userAgent == null || userAgent.isBlank()) {
      throw new IllegalArgumentException("userAgent must not be empty");
    }
    if (ttl == null || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be more than zero: " + ttl);
    }
    this.agentName = FetchOptions.agentName(userAgent);
    this.ttlNanos = ttl.toNanos();
    this.failedTtlNanos = Math.min(ttlNanos, FAILED_TTL.toNanos());
    parser.setMaxWarnings(5);
    parser.setMaxCrawlDelay(Long.MAX_VALUE);
  }

  public String agentName() {
    return agentName;
  }

  /** The rules for {@code uri}'s origin, fetching robots.txt through {@code fetch} if needed. */
  public Policy policy(URI uri, Fetch fetch) throws FetchException, InterruptedException {
    String origin = origin(uri);
    Entry entry = cache.get(origin);
    if (entry != null && entry.expiresNanos - System.nanoTime() > 0) {
      return entry.policy;
    }
    // one fetch per origin even when several threads ask at once
    synchronized (origin.intern()) {
      entry = cache.get(origin);
      if (entry == null || entry.expiresNanos - System.nanoTime() <= 0) {
        long now = System.nanoTime();
        cache.values().removeIf(e -> e.expiresNanos - now <= 0);
        entry = load(URI.create(origin + "/robots.txt"), fetch);
        cache.put(origin, entry);
      }
      return entry.policy;
    }
  }

  /** The rules for {@code uri}'s origin; see {@link #policy}. */
  public BaseRobotRules rules(URI uri, Fetch fetch) throws FetchException, InterruptedException {
    return policy(uri, fetch).rules();
  }

  /**
   * The rules of a robots.txt read some other way (a local file), for gazette's agent; only its
   * first {@link #MAX_BYTES} bytes count.
   *
   * @param robotsUri where the content came from, for log messages
   * @param contentType its media type; an HTML page without robots.txt lines allows all
   */
  public Policy parse(URI robotsUri, byte[] content, String contentType) {
    byte[] head = firstLines(content);
    SimpleRobotRules rules = parser.parseContent(robotsUri.toString(), head, contentType,
        List.of(agentName));
    return new Policy(rules, null);
  }

  private Entry load(URI robotsUri, Fetch fetch) throws FetchException, InterruptedException {
    URI current = robotsUri;
    for (int redirects = 0; ; redirects++) {
      HttpExchange ex;
      try {
        ex = fetch.fetch(current);
      } catch (FetchException e) {
        if (e.kind() == FetchException.Kind.ADDRESS_REFUSED && redirects == 0) {
          throw e; // gazette's own refusal of the host, nothing was sent: the page fails with it
        }
        if ((e.kind() == FetchException.Kind.TLS || e.kind() == FetchException.Kind.DNS)
            && redirects == 0) {
          // no page of the origin can be fetched either, for the same reason: the page fails
          // with it, so the run reports "tls" or "dns" rather than a robots.txt problem
          throw e;
        }
        return unreachable(robotsUri, "robots.txt unreachable: " + e.getMessage());
      }
      int status = ex.status();
      if (status >= 200 && status < 300) {
        return read(robotsUri, ex);
      }
      if (status >= 300 && status < 400) {
        Optional<String> location = ex.header("Location").map(String::trim)
            .filter(s -> !s.isEmpty());
        if (location.isEmpty()) {
          return unreachable(robotsUri, "robots.txt answered " + status + " without a Location");
        }
        Optional<URI> next = resolve(current, location.get());
        if (next.isEmpty()) {
          return unreachable(robotsUri, "robots.txt redirects to a bad Location");
        }
        if (redirects == MAX_REDIRECTS) {
          log.info("robots.txt {} redirected more than {} times, allowing all", robotsUri,
              MAX_REDIRECTS);
          return good(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL));
        }
        current = next.get();
        continue;
      }
      if (status >= 400 && status < 500 && status != TOO_MANY_REQUESTS) {
        return good(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL));
      }
      return unreachable(robotsUri, "robots.txt answered " + status);
    }
  }

  /** A 2xx answer: its rules, unless the body was cut short of what is parsed. */
  private Entry read(URI robotsUri, HttpExchange ex) {
    byte[] body = ex.payload();
    try {
      body = ContentDecoder.decode(ex, MAX_BYTES + 1L);
    } catch (IOException e) {
      log.info("robots.txt {} undecodable, reading it as sent: {}", ex.uri(), e.getMessage());
    }
    Truncation cut = ex.truncation();
    if ((cut == Truncation.TIME || cut == Truncation.DISCONNECT) && body.length < MAX_BYTES) {
      // the rules that matter may be the ones missing
      return unreachable(robotsUri, "robots.txt cut short (" + cut + ")");
    }
    return good(parse(robotsUri, body, ex.header("Content-Type").orElse("text/plain")).rules());
  }

  private static Optional<URI> resolve(URI current, String location) {
    try {
      return Optional.of(current.resolve(location));
    } catch (IllegalArgumentException badLocation) {
      return Optional.empty();
    }
  }

  /**
   * The first {@link #MAX_BYTES} bytes, ending after the last whole line in them, so that a line
   * cut at the limit ({@code Allow: /private/}) cannot widen what it allows.
   */
  static byte[] firstLines(byte[] body) {
    if (body.length <= MAX_BYTES) {
      return body;
    }
    int end = MAX_BYTES;
    if (!isLineBreak(body[end])) {
      while (end > 0 && !isLineBreak(body[end - 1])) {
        end--;
      }
      if (end == 0) {
        end = MAX_BYTES; // not one line break: nothing whole to keep, keep the limit
      }
    }
    return Arrays.copyOf(body, end);
  }

  private static boolean isLineBreak(byte b) {
    return b == '\n' || b == '\r';
  }

  private Entry good(BaseRobotRules rules) {
    return new Entry(new Policy(rules, null), System.nanoTime() + ttlNanos);
  }

  private Entry unreachable(URI robotsUri, String why) {
    log.info("{}, disallowing all on {}", why, robotsUri);
    return new Entry(new Policy(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE),
        why), System.nanoTime() + failedTtlNanos);
  }

  /**
   * The cache key of a URI: scheme, host and port, without case and without the default port.
   *
   * @throws FetchException UNSUPPORTED when the URI is not http(s) with a host
   */
  static String origin(URI uri) throws FetchException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new FetchException(FetchException.Kind.UNSUPPORTED, uri,
          "not an http(s) URL with a host");
    }
    int port = uri.getPort();
    boolean defaultPort = port < 0 || (scheme.equals("http") && port == 80)
        || (scheme.equals("https") && port == 443);
    return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
  }
}
