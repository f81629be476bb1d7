package org.gazette.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.gazette.fetch.FetchOptions;
import org.gazette.fetch.PolitenessGate;
import org.gazette.fetch.RobotsCache;
import org.gazette.testing.WarcAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 429, 503 and Retry-After, seen from the server's side. */
class RetryIT {
  @TempDir Path tmp;
  HttpServer server;
  final List<Instant> hits = Collections.synchronizedList(new ArrayList<>());
  final List<Integer> answers = Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  /**
   * A server that answers 429 to any request closer than {@code needed} to the one before,
   * with Retry-After as given, and a page with links otherwise.
   */
  URI rateLimited(Duration needed, java.util.function.Supplier<String> retryAfter)
      throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      Instant now = Instant.now();
      int status;
      synchronized (hits) {
        boolean burst = !hits.isEmpty()
            && Duration.between(hits.get(hits.size() - 1), now).compareTo(needed) < 0;
        hits.add(now);
        status = burst ? 429 : 200;
        answers.add(status);
      }
      String path = ex.getRequestURI().getPath();
      byte[] body = path.equals("/robots.txt") ? new byte[0]
          : ("<html><body><h1>Page " + path + "</h1>"
              + "<a href='/a.html'>a</a><a href='/b.html'>b</a><a href='/c.html'>c</a>"
              + "</body></html>").getBytes(StandardCharsets.UTF_8);
      if (status == 429) {
        ex.getResponseHeaders().add("Retry-After", retryAfter.get());
        body = "slow down".getBytes(StandardCharsets.UTF_8);
      }
      ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  RunSpec spec(URI seed, Duration minDelay) {
    return new RunSpec("limited", List.of(seed), List.of(seed.getHost()), List.of(), List.of(),
        ZoneOffset.UTC, 10, 3, minDelay, Duration.ofSeconds(30), 0, 3, Duration.ofSeconds(30),
        2048, 3, new FetchOptions(CrawlIT.UA, Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofSeconds(5), 1 << 20, true),
        tmp.resolve("warc"), tmp.resolve("state"), "gazette", 1L << 30, "ops@example.org");
  }

  @Test
  void obeysRetryAfterInSecondsAfterOne429() throws Exception {
    URI seed = rateLimited(Duration.ofMillis(900), () -> "1");

    RunSummary summary = new CrawlRun(spec(seed, Duration.ZERO), new PolitenessGate(1),
        new RobotsCache(CrawlIT.UA)).execute(p -> { });

    assertThat(answers).filteredOn(s -> s == 429).hasSize(1);
    int first429 = answers.indexOf(429);
    assertThat(Duration.between(hits.get(first429), hits.get(first429 + 1)))
        .isGreaterThanOrEqualTo(Duration.ofMillis(990));
    // every page was archived in the end, the 429 included
    assertThat(summary.count(Outcome.ARCHIVED)).isEqualTo(4);
    assertThat(WarcAssertions.assertValidArchive(tmp.resolve("warc/limited")))
        .filteredOn(r -> r.type().equals("response")).extracting(r -> r.httpStatus())
        .contains(429, 200);
  }

  @Test
  void obeysRetryAfterAsAnHttpDate() throws Exception {
    URI seed = rateLimited(Duration.ofMillis(900), () -> DateTimeFormatter.RFC_1123_DATE_TIME
        .format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2)));

    new CrawlRun(spec(seed, Duration.ZERO), new PolitenessGate(1), new RobotsCache(CrawlIT.UA))
        .execute(p -> { });

    assertThat(answers).filteredOn(s -> s == 429).hasSize(1);
    int first429 = answers.indexOf(429);
    // an HTTP date has whole seconds: at least 1 s, at most the 2 s asked for
    assertThat(Duration.between(hits.get(first429), hits.get(first429 + 1)))
        .isGreaterThanOrEqualTo(Duration.ofMillis(990));
  }

  @Test
  void pausesAHostThatKeepsFailing() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      hits.add(Instant.now());
      int status = ex.getRequestURI().getPath().equals("/robots.txt") ? 404 : 503;
      ex.sendResponseHeaders(status, -1);
      ex.close();
    });
    server.start();
    URI seed = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    RunSpec spec = new RunSpec("down", List.of(seed, seed.resolve("/x"), seed.resolve("/y")),
        List.of(seed.getHost()), List.of(), List.of(Pattern.compile(".")), ZoneOffset.UTC, 10, 3,
        Duration.ZERO, Duration.ofSeconds(30), 0, 3, Duration.ofMillis(200), 2048, 1,
        new FetchOptions(CrawlIT.UA, Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofSeconds(5), 1 << 20, true),
        tmp.resolve("warc"), tmp.resolve("state"), "gazette", 1L << 30, "ops@example.org");

    RunSummary summary = new CrawlRun(spec, new PolitenessGate(1), new RobotsCache(CrawlIT.UA))
        .execute(p -> { });

    // robots.txt, then 6 failures in a row pause the host; the rest is never requested
    assertThat(hits).hasSize(1 + RetryPolicy.HOST_FAILURE_LIMIT);
    assertThat(summary.errors()).containsEntry("host-paused", 1L);
    assertThat(summary.count(Outcome.HOST_PAUSED)).isPositive();
    assertThat(summary.pages()).isEqualTo(3);
  }
}
