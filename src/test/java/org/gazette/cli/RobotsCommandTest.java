package org.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RobotsCommandTest {
  private static final String SITE = "https://news.example.com";
  private static final String ROBOTS = """
      User-agent: *
      Disallow: /

      User-agent: gazette
      Disallow: /private/
      Allow: /private/open/
      Crawl-delay: 2
      """;

  @TempDir Path tmp;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  private HttpServer server;
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  List<String> lines() {
    return out.toString().lines().toList();
  }

  Path robotsFile(String content) throws Exception {
    return Files.writeString(tmp.resolve("robots.txt"), content, StandardCharsets.UTF_8);
  }

  /** Serves {@code body} as /robots.txt with {@code status}; returns the base URL. */
  String serve(int status, String body) throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      requests.add(ex.getRequestURI().getPath() + " "
          + ex.getRequestHeaders().getFirst("User-Agent"));
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(ex.getRequestURI().getPath().equals("/robots.txt") ? status : 404,
          bytes.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(bytes);
      }
    });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void robotsFileGivesOneLinePerUrlWithTheDecidingRuleAndCrawlDelay() throws Exception {
    Path file = robotsFile(ROBOTS);

    int code = run("robots", "--robots-file", file.toString(), SITE + "/news/1.html",
        SITE + "/private/x.html", SITE + "/private/open/y.html", "http://other.example.org/");

    assertThat(code).isEqualTo(0);
    // the configured userAgent is gazette/...: its own group applies, not "*"
    assertThat(lines()).containsExactly(
        "allowed\t" + SITE + "/news/1.html\tCrawl-delay: 2",
        "disallowed\t" + SITE + "/private/x.html\tDisallow: /private/\tCrawl-delay: 2",
        "allowed\t" + SITE + "/private/open/y.html\tAllow: /private/open/\tCrawl-delay: 2",
        "allowed\thttp://other.example.org/\tCrawl-delay: 2");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void agentChoosesTheGroup() throws Exception {
    Path file = robotsFile(ROBOTS);

    int code = run("robots", "--robots-file", file.toString(), "--agent", "OtherBot/2.0",
        SITE + "/news/1.html");

    assertThat(code).isEqualTo(0);
    assertThat(lines()).containsExactly("disallowed\t" + SITE + "/news/1.html\tDisallow: /");
  }

  @Test
  void crawlDelayAboveMaxCrawlDelayIsMarked() throws Exception {
    Path file = robotsFile("User-agent: *\nCrawl-delay: 3600\nDisallow: /private/\n");

    run("robots", "--robots-file", file.toString(), SITE + "/news/1.html",
        SITE + "/private/1.html");

    // config/gazette.yaml: maxCrawlDelay 30s
    assertThat(lines()).containsExactly(
        "allowed\t" + SITE + "/news/1.html"
            + "\tCrawl-delay: 3600 (above maxCrawlDelay 30: the host is not crawled)",
        "disallowed\t" + SITE + "/private/1.html\tDisallow: /private/"
            + "\tCrawl-delay: 3600 (above maxCrawlDelay 30: the host is not crawled)");
  }

  @Test
  void fetchReadsEachOriginsRobotsTxtOnceThroughTheNetwork() throws Exception {
    String base = serve(200, ROBOTS);

    int code = run("robots", "--fetch", "--allow-private", "--agent", "otherbot",
        base + "/news/1.html", base + "/news/2.html");

    assertThat(code).as(err.toString()).isEqualTo(0);
    assertThat(lines()).containsExactly(
        "disallowed\t" + base + "/news/1.html\tDisallow: /",
        "disallowed\t" + base + "/news/2.html\tDisallow: /");
    // one fetch for both URLs, sent with the configured user agent, not with --agent
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0)).startsWith("/robots.txt gazette/");
  }

  @Test
  void fetchAppliesTheRfcOutcomeRules() throws Exception {
    String base = serve(503, "maintenance");

    int code = run("robots", "--fetch", "--allow-private", base + "/news/1.html");

    assertThat(code).isEqualTo(0);
    assertThat(lines()).containsExactly(
        "disallowed\t" + base + "/news/1.html\t# robots.txt answered 503");
  }

  @Test
  void fetchOfALoopbackUrlNeedsAllowPrivate() throws Exception {
    String base = serve(200, ROBOTS);

    int code = run("robots", "--fetch", base + "/news/1.html");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("loopback").contains("--allow-private");
    assertThat(out.toString()).isEmpty();
    assertThat(requests).isEmpty();
  }

  @Test
  void robotsFileNeedsNoNetworkForLoopbackUrls() throws Exception {
    Path file = robotsFile("User-agent: *\nDisallow: /private/\n");

    int code = run("robots", "--robots-file", file.toString(), "http://127.0.0.1:9/private/");

    assertThat(code).isEqualTo(0);
    assertThat(lines()).containsExactly(
        "disallowed\thttp://127.0.0.1:9/private/\tDisallow: /private/");
  }

  @Test
  void needsExactlyOneSourceOfRules() throws Exception {
    Path file = robotsFile(ROBOTS);

    assertThat(run("robots", SITE + "/")).isEqualTo(2);
    assertThat(run("robots", "--fetch", "--robots-file", file.toString(), SITE + "/"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--robots-file").contains("--fetch");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void refusesWhatIsNotAnHttpUrl() throws Exception {
    Path file = robotsFile(ROBOTS);

    assertThat(run("robots", "--robots-file", file.toString(), "ftp://news.example.com/x"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("ftp://news.example.com/x");
  }

  @Test
  void missingRobotsFileIsBadUsage() {
    int code = run("robots", "--robots-file", tmp.resolve("nope.txt").toString(), SITE + "/");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("nope.txt");
  }
}
