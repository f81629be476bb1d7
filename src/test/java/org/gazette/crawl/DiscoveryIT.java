package org.gazette.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.gazette.fetch.FetchOptions;
import org.gazette.fetch.PolitenessGate;
import org.gazette.fetch.RobotsCache;
import org.gazette.testing.WarcAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Articles reachable only through robots.txt's Sitemap line (an index and a gzip sitemap) or
 * through the RSS feed the front page announces are crawled like linked ones.
 */
class DiscoveryIT {
  @TempDir Path tmp;
  HttpServer server;
  final List<String> paths = Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void crawlsArticlesFoundInSitemapsAndFeeds() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    Map<String, String[]> pages = Map.of(
        "/robots.txt", new String[] {"text/plain", "User-agent: *\nDisallow: /private/\n"
            + "Sitemap: " + base + "/sitemap-index.xml\n"},
        "/", new String[] {"text/html", "<html><head><link rel='alternate' "
            + "type='application/rss+xml' href='/rss.xml'></head><body><h1>Front</h1>"
            + "<a href='/news/1.shtml'>one</a></body></html>"},
        "/sitemap-index.xml", new String[] {"application/xml", "<?xml version='1.0'?>"
            + "<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
            + "<sitemap><loc>" + base + "/news-sitemap.xml.gz</loc></sitemap></sitemapindex>"},
        "/rss.xml", new String[] {"application/rss+xml", "<?xml version='1.0'?><rss version='2.0'>"
            + "<channel><title>t</title><item><title>Three</title><link>" + base
            + "/news/3.shtml</link></item></channel></rss>"});
    server.createContext("/", ex -> {
      String path = ex.getRequestURI().getPath();
      paths.add(path);
      byte[] body;
      String type;
      if (path.equals("/news-sitemap.xml.gz")) {
        body = gzip("<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
            + "<url><loc>" + base + "/news/2.shtml</loc></url>"
            + "<url><loc>" + base + "/private/4.shtml</loc></url>"
            + "<url><loc>http://elsewhere.example/news/5.shtml</loc></url></urlset>");
        type = "application/x-gzip";
      } else if (pages.containsKey(path)) {
        body = pages.get(path)[1].getBytes(StandardCharsets.UTF_8);
        type = pages.get(path)[0];
      } else if (path.startsWith("/news/")) {
        body = ("<html><body><h1>Article " + path + "</h1><p>" + "text ".repeat(100)
            + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
        type = "text/html";
      } else {
        ex.sendResponseHeaders(404, -1);
        ex.close();
        return;
      }
      ex.getResponseHeaders().add("Content-Type", type);
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    URI seed = URI.create(base + "/");
    RunSpec spec = new RunSpec("discover", List.of(seed), List.of(seed.getHost()),
        List.of(Pattern.compile("/$")), List.of(Pattern.compile("/news/")), ZoneId.of("UTC"), 50,
        5, Duration.ZERO, Duration.ofSeconds(30), 0, 3, Duration.ofSeconds(30), 2048, 2,
        new FetchOptions(CrawlIT.UA, Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofSeconds(5), 1 << 20, true),
        tmp.resolve("warc"), tmp.resolve("state"), "gazette", 1L << 30, "ops@example.org");

    RunSummary summary = new CrawlRun(spec, new PolitenessGate(1), new RobotsCache(CrawlIT.UA))
        .execute(p -> { });

    assertThat(paths).contains("/sitemap-index.xml", "/news-sitemap.xml.gz", "/rss.xml",
        "/news/1.shtml", "/news/2.shtml", "/news/3.shtml");
    assertThat(paths).noneMatch(p -> p.startsWith("/private/")); // robots still rules
    assertThat(summary.articles()).isEqualTo(3);
    assertThat(WarcAssertions.assertValidArchive(tmp.resolve("warc/discover")))
        .filteredOn(r -> r.type().equals("response")).extracting(r -> URI.create(r.targetUri()).getPath())
        .contains("/sitemap-index.xml", "/news-sitemap.xml.gz", "/rss.xml");
  }

  private static byte[] gzip(String s) throws java.io.IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(s.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  @Test
  void readsTheFeedsASiteConfigurationNames() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/", ex -> {
      String path = ex.getRequestURI().getPath();
      paths.add(path);
      String body = path.equals("/feeds/world.xml")
          ? "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>w</title>"
              + "<entry><title>Seven</title><link href='" + base + "/news/7.shtml'/></entry></feed>"
          : "<html><body><h1>Page " + path + "</h1><p>" + "text ".repeat(100) + "</p></body></html>";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type",
          path.endsWith(".xml") ? "application/atom+xml" : "text/html");
      ex.sendResponseHeaders(path.equals("/robots.txt") ? 404 : 200,
          path.equals("/robots.txt") ? -1 : bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        if (!path.equals("/robots.txt")) {
          out.write(bytes);
        }
      }
    });
    server.start();
    URI seed = URI.create(base + "/");
    RunSpec spec = new RunSpec("feeds", List.of(seed), List.of(seed.getHost()),
        List.of(Pattern.compile("/$")), List.of(Pattern.compile("/news/")), ZoneId.of("UTC"), 50,
        5, Duration.ZERO, Duration.ofSeconds(30), 0, 3, Duration.ofSeconds(30), 2048, 2,
        new FetchOptions(CrawlIT.UA, Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofSeconds(5), 1 << 20, true),
        tmp.resolve("warc"), tmp.resolve("state"), "gazette", 1L << 30, "ops@example.org",
        List.of(), List.of(URI.create(base + "/feeds/world.xml")), false, null);

    RunSummary summary = new CrawlRun(spec, new PolitenessGate(1), new RobotsCache(CrawlIT.UA))
        .execute(p -> { });

    assertThat(paths).contains("/feeds/world.xml", "/news/7.shtml");
    assertThat(summary.articles()).isEqualTo(1);
  }
}
