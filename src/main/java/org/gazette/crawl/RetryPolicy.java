package org.gazette.crawl;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.gazette.fetch.FetchException;
import org.gazette.fetch.HttpExchange;
import org.gazette.fetch.PolitenessGate;

/**
 * What to do after a failed attempt: hold the host back (Retry-After on 429 and 503, else
 * exponential backoff with jitter), try the URL again up to {@code maxRetries} times, and pause a
 * host for the rest of the run after {@link #HOST_FAILURE_LIMIT} failures in a row.
 */
final class RetryPolicy {
  /** Failures in a row, over all its URLs, after which a host is left alone for the run. */
  static final int HOST_FAILURE_LIMIT = 6;

  /** What becomes of the URL. */
  enum Decision { RETRY, GIVE_UP, PAUSE_HOST }

  private final PolitenessGate gate;
  private final int maxRetries;
  private final Duration maxRetryAfter;
  private final Duration base;
  private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
  private final Map<String, Integer> hostFailures = new ConcurrentHashMap<>();

  /**
   * @param base the first backoff; doubled at each further failure of the host
   */
  RetryPolicy(PolitenessGate gate, int maxRetries, Duration maxRetryAfter, Duration base) {
    this.gate = gate;
    this.maxRetries = maxRetries;
    this.maxRetryAfter = maxRetryAfter;
    this.base = base;
  }

  /** Whether a response with this status is worth another try. */
  static boolean retryable(int status) {
    return status == 429 || (status >= 500 && status <= 599 && status != 501);
  }

  /** Whether a failure without response is worth another try. */
  static boolean retryable(FetchException e) {
    return switch (e.kind()) {
      case CONNECT, TIMEOUT, IO, BAD_RESPONSE -> true;
      default -> false;
    };
  }

  /**
   * Records a failed attempt at {@code url} on {@code host} and holds the host back.
   *
   * @param response the failed response, or null when none came
   * @return the pause imposed on the host, and what to do with the URL
   */
  Verdict failed(String url, String host, HttpExchange response) {
    int failures = hostFailures.merge(gate.key(host), 1, Integer::sum);
    Duration pause = retryAfter(response).orElseGet(() -> backoff(failures));
    if (pause.compareTo(maxRetryAfter) > 0) {
      pause = maxRetryAfter;
    }
    gate.backoff(host, pause);
    if (response != null && response.status() == 429) {
      // the host rate-limits: keep at least this gap for the rest of the run, so that one
      // 429 is all it has to send
      gate.slowDown(host, pause);
    }
    if (failures >= HOST_FAILURE_LIMIT) {
      return new Verdict(Decision.PAUSE_HOST, pause, failures);
    }
    int tries = attempts.merge(url, 1, Integer::sum);
    return new Verdict(tries <= maxRetries ? Decision.RETRY : Decision.GIVE_UP, pause, failures);
  }

  /** A response that was not a failure: the host's streak ends. */
  void succeeded(String host) {
    hostFailures.remove(gate.key(host));
  }

  /** The decision, the pause imposed on the host, and the host's failures in a row. */
  record Verdict(Decision decision, Duration pause, int hostFailures) {}

  /** Retry-After of a 429 or 503, in seconds or as an HTTP date. */
  static Optional<Duration> retryAfter(HttpExchange response) {
    if (response == null || (response.status() != 429 && response.status() != 503)) {
      return Optional.empty();
    }
    return response.header("Retry-After").flatMap(RetryPolicy::parseRetryAfter);
  }

  static Optional<Duration> parseRetryAfter(String value) {
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(when.getZone()), when);
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
  }

  private Duration backoff(int failures) {
    long millis = base.toMillis() << Math.min(failures - 1, 16);
    // +-25% jitter so that hosts and runs do not retry in step
    double jitter = 0.75 + ThreadLocalRandom.current().nextDouble() * 0.5;
    return Duration.ofMillis((long) (millis * jitter));
  }
}
