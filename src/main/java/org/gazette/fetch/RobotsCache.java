package org.gazette.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * robots.txt per origin, fetched through the politeness gate, parsed by crawler-commons and kept
 * for a day. The fetch outcome maps to a policy as RFC 9309 says: 2xx parse (first 500 KiB),
 * up to 5 redirects, 4xx allow all, 5xx or unreachable disallow all.
 */
public final class RobotsCache {
  private static final Logger log = LoggerFactory.getLogger(RobotsCache.class);
  private static final int MAX_BYTES = 500 * 1024;
  private static final int MAX_REDIRECTS = 5;
  private static final Duration TTL = Duration.ofDays(1);
  /** An unreachable robots.txt is asked for again sooner than a good one. */
  private static final Duration FAILED_TTL = Duration.ofMinutes(10);

  /** What the gate and archive need from the fetch of a robots.txt. */
  public interface Fetch {
    HttpExchange fetch(URI uri) throws FetchException, InterruptedException;
  }

  /**
   * The rules for an origin, and why robots.txt could not be read when it could not (then the
   * rules disallow everything).
   */
  public record Policy(BaseRobotRules rules, String unavailable) {}

  private record Entry(Policy policy, long expiresNanos) {}

  private final String agentName;
  private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  /** @param userAgent the full User-Agent; its product token is the robots.txt agent name */
  public RobotsCache(String userAgent) {
    this.agentName = userAgent.split("[/ ]", 2)[0].toLowerCase(Locale.ROOT);
    parser.setMaxWarnings(5);
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

  private Entry load(URI robotsUri, Fetch fetch) throws FetchException, InterruptedException {
    URI current = robotsUri;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      HttpExchange ex;
      try {
        ex = fetch.fetch(current);
      } catch (FetchException e) {
        if (e.kind() == FetchException.Kind.ADDRESS_REFUSED) {
          throw e; // gazette's own refusal, not the site's: the page fails with it
        }
        log.info("robots.txt unreachable, disallowing all: {}", e.getMessage());
        return failed(parser.failedFetch(503), "robots.txt unreachable: " + e.getMessage());
      }
      int status = ex.status();
      if (status >= 300 && status < 400 && ex.header("Location").isPresent()) {
        try {
          current = current.resolve(ex.header("Location").get().trim());
        } catch (IllegalArgumentException badLocation) {
          return failed(parser.failedFetch(503), "robots.txt redirects to a bad Location");
        }
        continue;
      }
      if (status >= 200 && status < 300 && ex.truncation() != Truncation.NONE
          && ex.truncation() != Truncation.LENGTH) {
        // cut by time or a broken connection: the rules that matter may be the ones missing
        return failed(parser.failedFetch(503), "robots.txt cut short (" + ex.truncation() + ")");
      }
      if (status >= 200 && status < 300) {
        byte[] body = ex.payload();
        try {
          body = ContentDecoder.decode(ex, MAX_BYTES);
        } catch (java.io.IOException e) {
          log.info("robots.txt {} undecodable, reading it as sent: {}", current, e.getMessage());
        }
        if (body.length > MAX_BYTES) {
          body = Arrays.copyOf(body, MAX_BYTES);
        }
        SimpleRobotRules rules = parser.parseContent(robotsUri.toString(), body,
            ex.header("Content-Type").orElse("text/plain"), List.of(agentName));
        return good(rules);
      }
      if (status >= 400 && status < 500) {
        return good(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL));
      }
      log.info("robots.txt {} answered {}, disallowing all", current, status);
      return failed(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE),
          "robots.txt answered " + status);
    }
    log.info("robots.txt {} redirected more than {} times, allowing all", robotsUri, MAX_REDIRECTS);
    return good(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL));
  }

  private static Entry good(BaseRobotRules rules) {
    return new Entry(new Policy(rules, null), System.nanoTime() + TTL.toNanos());
  }

  private static Entry failed(BaseRobotRules rules, String why) {
    return new Entry(new Policy(rules, why), System.nanoTime() + FAILED_TTL.toNanos());
  }

  static String origin(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    boolean defaultPort = port < 0 || (scheme.equals("http") && port == 80)
        || (scheme.equals("https") && port == 443);
    return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
  }
}
