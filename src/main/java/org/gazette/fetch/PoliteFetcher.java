package org.gazette.fetch;

import crawlercommons.robots.BaseRobotRules;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The only road to the network: robots.txt first, then the politeness gate, then the request.
 * robots.txt fetches take the same road and are handed to {@code robotsSink} to be archived.
 */
public final class PoliteFetcher {
  /** What became of a fetch that did not fail. */
  public sealed interface Result permits Fetched, RobotsDenied, CrawlDelayTooLong {}

  /** The page was fetched; the exchange may have any status. */
  public record Fetched(HttpExchange exchange) implements Result {}

  /**
   * robots.txt disallows the URL for gazette's agent; nothing was requested.
   *
   * @param unavailable why robots.txt could not be read (which disallows all), or null when its
   *     rules disallow the URL
   */
  public record RobotsDenied(URI uri, String unavailable) implements Result {}

  /**
   * robots.txt asks for a Crawl-delay above {@code maxCrawlDelay}: the host is not crawled at a
   * pace it did not agree to; nothing was requested.
   */
  public record CrawlDelayTooLong(URI uri, Duration crawlDelay, Duration maxCrawlDelay)
      implements Result {}

  private final HttpFetcher http;
  private final PolitenessGate gate;
  private final RobotsCache robots;
  private final Duration maxCrawlDelay;
  private final double delayFactor;
  private final Consumer<HttpExchange> robotsSink;

  /**
   * @param maxCrawlDelay longest robots.txt Crawl-delay honoured; longer ones are cut to it
   * @param delayFactor the gap after a request is at least this times its duration
   * @param robotsSink receives every robots.txt exchange, to archive it
   */
  public PoliteFetcher(HttpFetcher http, PolitenessGate gate, RobotsCache robots,
      Duration maxCrawlDelay, double delayFactor, Consumer<HttpExchange> robotsSink) {
    this.http = http;
    this.gate = gate;
    this.robots = robots;
    this.maxCrawlDelay = maxCrawlDelay;
    this.delayFactor = delayFactor;
    this.robotsSink = robotsSink;
  }

  /**
   * Fetches {@code uri} if robots.txt allows it, waiting at the gate for at least
   * {@code minDelay} after the previous request to the same host.
   */
  public Result fetch(URI uri, Duration minDelay, List<HttpHeader> extraHeaders)
      throws FetchException, InterruptedException {
    if (uri.getHost() == null) {
      throw new FetchException(FetchException.Kind.UNSUPPORTED, uri, "URL has no host");
    }
    RobotsCache.Policy policy = robotsPolicy(uri, minDelay);
    BaseRobotRules rules = policy.rules();
    long crawlDelayMs = rules.getCrawlDelay();
    if (crawlDelayMs > 0 && crawlDelayMs != BaseRobotRules.UNSET_CRAWL_DELAY) {
      Duration delay = Duration.ofMillis(crawlDelayMs);
      if (delay.compareTo(maxCrawlDelay) > 0) {
        return new CrawlDelayTooLong(uri, delay, maxCrawlDelay);
      }
      gate.crawlDelay(uri.getHost(), delay);
    }
    if (!rules.isAllowed(uri.toString())) {
      return new RobotsDenied(uri, policy.unavailable());
    }
    return new Fetched(gated(uri, minDelay, extraHeaders));
  }

  /**
   * The robots.txt policy for {@code uri}'s origin, from the cache or fetched through the gate
   * (each redirect hop too, {@code minDelay} apart on one host) and handed to the sink.
   */
  public RobotsCache.Policy robotsPolicy(URI uri, Duration minDelay)
      throws FetchException, InterruptedException {
    return robots.policy(uri, robotsUri -> {
      HttpExchange ex = gated(robotsUri, minDelay, List.of());
      robotsSink.accept(ex);
      return ex;
    });
  }

  public PolitenessGate gate() {
    return gate;
  }

  private HttpExchange gated(URI uri, Duration minDelay, List<HttpHeader> extraHeaders)
      throws FetchException, InterruptedException {
    try (PolitenessGate.Permit permit = gate.acquire(uri.getHost(), minDelay, delayFactor)) {
      return http.get(uri, extraHeaders);
    }
  }
}
