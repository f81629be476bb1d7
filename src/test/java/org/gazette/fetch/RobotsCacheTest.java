package org.gazette.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import crawlercommons.robots.BaseRobotRules;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 9309's mapping of the robots.txt fetch outcome to a policy, against a real server. */
class RobotsCacheTest {
  private HttpServer server;
  private final AtomicInteger robotsStatus = new AtomicInteger(200);
  private final AtomicInteger robotsFetches = new AtomicInteger();
  private URI base;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/robots.txt", ex -> {
      robotsFetches.incrementAndGet();
      byte[] body = "User-agent: *\nDisallow: /private/\nCrawl-delay: 2\n"
          .getBytes(StandardCharsets.US_ASCII);
      ex.sendResponseHeaders(robotsStatus.get(), body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @ParameterizedTest(name = "robots.txt {0}: /news allowed {1}, /private/ allowed {2}")
  @CsvSource({
      "200, true,  false",
      "404, true,  true",
      "410, true,  true",
      "500, false, false",
      "503, false, false",
      "0,   false, false", // server down: unreachable
  })
  void mapsFetchOutcomeToPolicy(int status, boolean newsAllowed, boolean privateAllowed)
      throws Exception {
    robotsStatus.set(status == 0 ? 200 : status);
    if (status == 0) {
      server.stop(0);
    }
    HttpFetcher http = new HttpFetcher(new FetchOptions("gazette/1.0 (+https://example.org/bot)",
        Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2), 1 << 20, true));
    RobotsCache robots = new RobotsCache("gazette/1.0 (+https://example.org/bot)");

    RobotsCache.Policy policy =
        robots.policy(base.resolve("/news/1.html"), u -> http.get(u, List.of()));
    BaseRobotRules rules = policy.rules();

    // RFC 9309 disallows all when robots.txt cannot be read, and the reason is kept
    assertThat(policy.unavailable() != null).isEqualTo(status == 0 || status >= 500);

    assertThat(rules.isAllowed(base.resolve("/news/1.html").toString())).isEqualTo(newsAllowed);
    assertThat(rules.isAllowed(base.resolve("/private/x.html").toString()))
        .isEqualTo(privateAllowed);
    if (status == 200) {
      assertThat(rules.getCrawlDelay()).isEqualTo(2000);
    }
  }

  @ParameterizedTest
  @CsvSource({"200", "404"})
  void fetchesRobotsTxtOncePerOrigin(int status) throws Exception {
    robotsStatus.set(status);
    HttpFetcher http = new HttpFetcher(new FetchOptions("gazette/1.0 (+https://example.org/bot)",
        Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2), 1 << 20, true));
    RobotsCache robots = new RobotsCache("gazette/1.0 (+https://example.org/bot)");
    for (int i = 0; i < 3; i++) {
      robots.rules(base.resolve("/a" + i), u -> http.get(u, List.of()));
    }
    assertThat(robotsFetches.get()).isEqualTo(1);
    assertThat(robots.agentName()).isEqualTo("gazette");
  }
}
