package org.gazette.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PoliteFetcherTest {
  private static final String UA = "gazette/1.0 (+https://example.org/bot)";
  private HttpServer server;
  private final List<String> requests = new ArrayList<>();
  private final List<HttpExchange> archived = new ArrayList<>();

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI serve(String robots) throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      requests.add(ex.getRequestURI().getPath());
      byte[] body = (ex.getRequestURI().getPath().equals("/robots.txt") ? robots : "<p>page")
          .getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private PoliteFetcher fetcher() {
    HttpFetcher http = new HttpFetcher(new FetchOptions(UA, Duration.ofSeconds(2),
        Duration.ofSeconds(2), Duration.ofSeconds(5), 1 << 20, true));
    return new PoliteFetcher(http, new PolitenessGate(1), new RobotsCache(UA),
        Duration.ofSeconds(30), 0, archived::add);
  }

  @Test
  void crawlDelayOfAnHourIsTooLongNotADisallow() throws Exception {
    // crawler-commons alone would read a Crawl-delay over 5 minutes as "disallow all"
    URI base = serve("User-agent: *\nCrawl-delay: 3600\n");

    PoliteFetcher.Result result = fetcher().fetch(URI.create(base + "/news/1.html"),
        Duration.ZERO, List.of());

    assertThat(result).isInstanceOf(PoliteFetcher.CrawlDelayTooLong.class);
    assertThat(((PoliteFetcher.CrawlDelayTooLong) result).crawlDelay())
        .isEqualTo(Duration.ofHours(1));
    assertThat(requests).containsExactly("/robots.txt");
  }

  @Test
  void robotsPolicyFetchesRobotsTxtOnceAndHandsItToTheSink() throws Exception {
    URI base = serve("User-agent: *\nDisallow: /private/\n");
    PoliteFetcher polite = fetcher();

    RobotsCache.Policy policy = polite.robotsPolicy(URI.create(base + "/a"), Duration.ZERO);
    polite.robotsPolicy(URI.create(base + "/b"), Duration.ZERO);

    assertThat(policy.allows(URI.create(base + "/private/x"))).isFalse();
    assertThat(requests).containsExactly("/robots.txt");
    assertThat(archived).extracting(HttpExchange::uri)
        .containsExactly(URI.create(base + "/robots.txt"));
  }
}
