package org.gazette.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 9309 section 2.3.1: what the outcome of fetching robots.txt means, against loopback servers
 * whose request logs show exactly what gazette asked for.
 */
class RobotsFetchOutcomeTest {
  private static final String UA = "gazette/1.0 (+https://example.org/bot)";
  private static final String RULES = "User-agent: *\nDisallow: /private/\n";

  private final CountDownLatch release = new CountDownLatch(1);
  private final List<Site> sites = new ArrayList<>();
  private Site site;

  /** A loopback server: path to handler, and the paths requested, in order. */
  private final class Site {
    final HttpServer server;
    final ExecutorService pool = Executors.newCachedThreadPool();
    final Map<String, Route> routes = new ConcurrentHashMap<>();
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    final URI base;

    Site() throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setExecutor(pool);
      server.createContext("/", ex -> {
        log.add(ex.getRequestURI().getPath());
        Route route = routes.get(ex.getRequestURI().getPath());
        try {
          if (route == null) {
            send(ex, 404, "not found");
          } else {
            route.handle(ex);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          ex.close();
        }
      });
      server.start();
      base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
      sites.add(this);
    }

    URI uri(String path) {
      return URI.create(base + path);
    }

    void stop() {
      server.stop(0);
      pool.shutdownNow();
    }
  }

  private interface Route {
    void handle(HttpExchange ex) throws IOException, InterruptedException;
  }

  @BeforeEach
  void start() throws IOException {
    site = new Site();
  }

  @AfterEach
  void stop() {
    release.countDown();
    sites.forEach(Site::stop);
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    send(ex, status, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.getResponseHeaders().add("Content-Type", "text/plain");
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private static Route status(int status, String body) {
    return ex -> send(ex, status, body);
  }

  private static Route redirect(String location) {
    return ex -> {
      ex.getResponseHeaders().add("Location", location);
      ex.sendResponseHeaders(301, -1);
    };
  }

  private static HttpFetcher http(Duration readTimeout) {
    return new HttpFetcher(new FetchOptions(UA, Duration.ofSeconds(2), readTimeout,
        Duration.ofSeconds(5), 10L << 20, true));
  }

  /** Fetches through {@code http}, counting the calls the cache makes. */
  private static RobotsCache.Fetch counting(HttpFetcher http, AtomicInteger calls) {
    return uri -> {
      calls.incrementAndGet();
      return http.get(uri, List.of());
    };
  }

  private RobotsCache.Policy policy(RobotsCache robots, String path) throws Exception {
    return robots.policy(site.uri(path), u -> http(Duration.ofSeconds(2)).get(u, List.of()));
  }

  @ParameterizedTest(name = "robots.txt answering {0} disallows all, and is asked again later")
  @ValueSource(ints = {429, 500, 503})
  void serverErrorsAndTooManyRequestsDisallowAll(int status) throws Exception {
    site.routes.put("/robots.txt", status(status, "come back later"));
    RobotsCache robots = new RobotsCache(UA);

    RobotsCache.Policy policy = policy(robots, "/news/1.html");
    RobotsCache.Policy again = policy(robots, "/news/2.html");

    assertThat(policy.allows(site.uri("/news/1.html"))).isFalse();
    assertThat(policy.unavailable()).isEqualTo("robots.txt answered " + status);
    assertThat(again).isSameAs(policy);
    assertThat(site.log).containsExactly("/robots.txt");
  }

  @ParameterizedTest(name = "robots.txt answering {0} allows all")
  @ValueSource(ints = {401, 403, 404, 410})
  void clientErrorsAllowAll(int status) throws Exception {
    site.routes.put("/robots.txt", status(status, "no robots here"));

    RobotsCache.Policy policy = policy(new RobotsCache(UA), "/private/1.html");

    assertThat(policy.allows(site.uri("/private/1.html"))).isTrue();
    assertThat(policy.unavailable()).isNull();
  }

  @Test
  void robotsTxtThatNeverAnswersInTheReadTimeoutDisallowsAll() throws Exception {
    site.routes.put("/robots.txt", ex -> release.await());
    RobotsCache robots = new RobotsCache(UA);

    long started = System.nanoTime();
    RobotsCache.Policy policy = robots.policy(site.uri("/news/1.html"),
        u -> http(Duration.ofMillis(300)).get(u, List.of()));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    assertThat(policy.allows(site.uri("/news/1.html"))).isFalse();
    assertThat(policy.unavailable()).startsWith("robots.txt unreachable: ")
        .contains("no response in time");
  }

  @Test
  void robotsTxtCutOffMidBodyDisallowsAll() throws Exception {
    site.routes.put("/robots.txt", ex -> {
      ex.sendResponseHeaders(200, 10_000);
      OutputStream out = ex.getResponseBody();
      // "Allow: /" alone would allow all: a body cut short must not be read as the whole file
      out.write("User-agent: *\nAllow: /\nDisallow: /pri".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      release.await();
    });

    RobotsCache.Policy policy = new RobotsCache(UA).policy(site.uri("/news/1.html"),
        u -> http(Duration.ofSeconds(1)).get(u, List.of()));

    assertThat(policy.allows(site.uri("/news/1.html"))).isFalse();
    assertThat(policy.unavailable()).isEqualTo("robots.txt cut short (TIME)");
  }

  @Test
  void refusedConnectionDisallowsAll() throws Exception {
    URI down = site.uri("/news/1.html");
    site.stop();

    RobotsCache.Policy policy = new RobotsCache(UA).policy(down,
        u -> http(Duration.ofSeconds(1)).get(u, List.of()));

    assertThat(policy.allows(down)).isFalse();
    assertThat(policy.unavailable()).startsWith("robots.txt unreachable: ");
  }

  @Test
  void followsFiveRedirectsEachThroughTheFetch() throws Exception {
    redirectChain(5);
    AtomicInteger calls = new AtomicInteger();

    RobotsCache.Policy policy = new RobotsCache(UA).policy(site.uri("/news/1.html"),
        counting(http(Duration.ofSeconds(2)), calls));

    assertThat(site.log).containsExactly("/robots.txt", "/r1", "/r2", "/r3", "/r4", "/r5");
    assertThat(calls).hasValue(6);
    assertThat(policy.allows(site.uri("/private/1.html"))).isFalse();
    assertThat(policy.allows(site.uri("/news/1.html"))).isTrue();
    assertThat(policy.unavailable()).isNull();
  }

  @Test
  void sixthRedirectIsNotFollowedAndAllowsAll() throws Exception {
    redirectChain(6);
    AtomicInteger calls = new AtomicInteger();

    RobotsCache.Policy policy = new RobotsCache(UA).policy(site.uri("/news/1.html"),
        counting(http(Duration.ofSeconds(2)), calls));

    // RFC 9309 2.3.1.2: past five redirects robots.txt MAY count as unavailable: allow all
    assertThat(site.log).containsExactly("/robots.txt", "/r1", "/r2", "/r3", "/r4", "/r5");
    assertThat(calls).hasValue(6);
    assertThat(policy.allows(site.uri("/private/1.html"))).isTrue();
    assertThat(policy.unavailable()).isNull();
  }

  /** /robots.txt, /r1, ... each redirect to the next; the {@code redirects}-th leads to rules. */
  private void redirectChain(int redirects) {
    site.routes.put("/robots.txt", redirect("/r1"));
    for (int i = 1; i < redirects; i++) {
      site.routes.put("/r" + i, redirect(site.uri("/r" + (i + 1)).toString()));
    }
    site.routes.put("/r" + redirects, status(200, RULES));
  }

  @Test
  void redirectToAnotherHostGivesRulesForTheFirstOrigin() throws Exception {
    Site other = new Site();
    other.routes.put("/shared-robots.txt", status(200, RULES));
    site.routes.put("/robots.txt", redirect(other.uri("/shared-robots.txt").toString()));
    RobotsCache robots = new RobotsCache(UA);

    RobotsCache.Policy policy = policy(robots, "/private/1.html");

    assertThat(policy.allows(site.uri("/private/1.html"))).isFalse();
    assertThat(site.log).containsExactly("/robots.txt");
    assertThat(other.log).containsExactly("/shared-robots.txt");
    // the other origin has robots.txt of its own (here none): it is fetched for its own URLs
    RobotsCache.Policy otherPolicy = robots.policy(other.uri("/private/1.html"),
        u -> http(Duration.ofSeconds(2)).get(u, List.of()));
    assertThat(otherPolicy.allows(other.uri("/private/1.html"))).isTrue();
    assertThat(other.log).containsExactly("/shared-robots.txt", "/robots.txt");
  }

  @Test
  void redirectIntoARefusedAddressDisallowsAllAndIsCached() throws Exception {
    site.routes.put("/robots.txt", redirect("http://10.0.0.1/robots.txt"));
    HttpFetcher http = http(Duration.ofSeconds(2));
    AtomicInteger calls = new AtomicInteger();
    RobotsCache.Fetch fetch = uri -> {
      calls.incrementAndGet();
      if (uri.getHost().equals("10.0.0.1")) {
        throw new FetchException(FetchException.Kind.ADDRESS_REFUSED, uri, "private address");
      }
      return http.get(uri, List.of());
    };
    RobotsCache robots = new RobotsCache(UA);

    RobotsCache.Policy policy = robots.policy(site.uri("/news/1.html"), fetch);
    robots.policy(site.uri("/news/2.html"), fetch);

    // the site's own redirect, not gazette's refusal of the site: unreachable, asked again later
    assertThat(policy.allows(site.uri("/news/1.html"))).isFalse();
    assertThat(policy.unavailable()).startsWith("robots.txt unreachable: ")
        .contains("private address");
    assertThat(calls).hasValue(2);
  }

  @Test
  void refusedAddressOfTheSiteItselfIsThrown() {
    RobotsCache robots = new RobotsCache(UA);

    assertThatThrownBy(() -> robots.policy(
            site.uri("/news/1.html"), u -> new HttpFetcher(new FetchOptions(UA,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 1024, false))
                .get(u, List.of())))
        .isInstanceOf(FetchException.class).hasMessageContaining("--allow-private");
    assertThat(site.log).isEmpty();
  }

  @Test
  void redirectToABadLocationDisallowsAll() throws Exception {
    site.routes.put("/robots.txt", redirect("http://exa mple.com/robots.txt"));

    RobotsCache.Policy policy = policy(new RobotsCache(UA), "/news/1.html");

    assertThat(policy.allows(site.uri("/news/1.html"))).isFalse();
    assertThat(policy.unavailable()).isEqualTo("robots.txt redirects to a bad Location");
  }

  @Test
  void redirectWithoutLocationDisallowsAll() throws Exception {
    site.routes.put("/robots.txt", ex -> ex.sendResponseHeaders(302, -1));

    RobotsCache.Policy policy = policy(new RobotsCache(UA), "/news/1.html");

    assertThat(policy.allows(site.uri("/news/1.html"))).isFalse();
    assertThat(policy.unavailable()).isEqualTo("robots.txt answered 302 without a Location");
  }

  @Test
  void twoMebibyteRobotsTxtStillBlocksByItsFirstRules() throws Exception {
    StringBuilder body = new StringBuilder(RULES);
    // a line cut at the 500 KiB limit would read "Allow: /private/", which ties with
    // "Disallow: /private/" and wins: only whole lines may count
    String straddling = "Allow: /private/";
    fill(body, RobotsCache.MAX_BYTES - straddling.length());
    body.append(straddling).append("open-secrets\n");
    fill(body, 2 << 20);
    body.append("Disallow: /late/\n");
    assertThat(body.length()).isGreaterThan(2 << 20);
    site.routes.put("/robots.txt", status(200, body.toString()));

    RobotsCache.Policy policy = policy(new RobotsCache(UA), "/news/1.html");

    assertThat(policy.unavailable()).isNull();
    assertThat(policy.allows(site.uri("/private/secret.html"))).isFalse();
    assertThat(policy.allows(site.uri("/private/open-secrets"))).isFalse();
    assertThat(policy.allows(site.uri("/news/1.html"))).isTrue();
    assertThat(policy.allows(site.uri("/late/1.html"))).as("rule past 500 KiB").isTrue();
  }

  /** Appends comment lines until {@code body} is exactly {@code length} bytes (ASCII) long. */
  private static void fill(StringBuilder body, int length) {
    while (body.length() < length) {
      int line = Math.min(80, length - body.length());
      body.append(line == 1 ? "\n" : "#" + "x".repeat(line - 2) + "\n");
    }
    assertThat(body.length()).isEqualTo(length);
  }

  @Test
  void fetchesRobotsTxtOnceForManyUrlsOfAnOrigin() throws Exception {
    site.routes.put("/robots.txt", status(200, RULES));
    Site other = new Site();
    other.routes.put("/robots.txt", status(200, "User-agent: *\nDisallow: /\n"));
    RobotsCache robots = new RobotsCache(UA);
    AtomicInteger calls = new AtomicInteger();
    RobotsCache.Fetch fetch = counting(http(Duration.ofSeconds(2)), calls);

    for (int i = 0; i < 50; i++) {
      assertThat(robots.policy(site.uri("/news/" + i + ".html"), fetch)
          .allows(site.uri("/news/" + i + ".html"))).isTrue();
      // same host, another port: another origin with rules of its own
      assertThat(robots.policy(other.uri("/news/" + i + ".html"), fetch)
          .allows(other.uri("/news/" + i + ".html"))).isFalse();
    }

    assertThat(calls).hasValue(2);
    assertThat(site.log).containsExactly("/robots.txt");
    assertThat(other.log).containsExactly("/robots.txt");
  }

  @Test
  void refetchesRobotsTxtOnceTheTtlHasPassed() throws Exception {
    site.routes.put("/robots.txt", status(200, RULES));
    RobotsCache robots = new RobotsCache(UA, Duration.ofMillis(1));

    assertThat(policy(robots, "/news/1.html").allows(site.uri("/private/1.html"))).isFalse();
    site.routes.put("/robots.txt", status(200, "User-agent: *\nDisallow: /news/\n"));
    Thread.sleep(20);
    RobotsCache.Policy later = policy(robots, "/news/1.html");

    assertThat(site.log).containsExactly("/robots.txt", "/robots.txt");
    assertThat(later.allows(site.uri("/private/1.html"))).isTrue();
    assertThat(later.allows(site.uri("/news/1.html"))).isFalse();
  }

  @Test
  void retriesAnUnreachableRobotsTxtLater() throws Exception {
    site.routes.put("/robots.txt", status(503, "down for maintenance"));
    RobotsCache robots = new RobotsCache(UA, Duration.ofMillis(1));

    assertThat(policy(robots, "/news/1.html").unavailable()).isNotNull();
    site.routes.put("/robots.txt", status(200, RULES));
    Thread.sleep(20);
    RobotsCache.Policy later = policy(robots, "/news/1.html");

    assertThat(site.log).containsExactly("/robots.txt", "/robots.txt");
    assertThat(later.unavailable()).isNull();
    assertThat(later.allows(site.uri("/news/1.html"))).isTrue();
  }

  @Test
  void rejectsANonPositiveTtl() {
    assertThatThrownBy(() -> new RobotsCache(UA, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
  }
}
