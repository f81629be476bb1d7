package org.gazette.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gazette.fetch.FetchOptions;
import org.gazette.fetch.PolitenessGate;
import org.gazette.fetch.RobotsCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regressions found in review: XHTML articles, noindex pages, redirected sitemaps, 304s, and
 * one run per site folder.
 */
class PageHandlingIT {
  @TempDir Path tmp;
  HttpServer server;
  final List<String> paths = Collections.synchronizedList(new ArrayList<>());
  boolean honourNoindex;

  @AfterEach
  void stop() { server.stop(0); }

  interface H { String[] get(String path, String base); } // {status, type, body, location}

  RunSummary crawl(String name, H h, List<String> sitemaps) throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/", ex -> {
      String path = ex.getRequestURI().getPath();
      paths.add(path);
      String[] r = h.get(path, base);
      if (r == null) { ex.sendResponseHeaders(404, -1); ex.close(); return; }
      byte[] body = r[2].getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", r[1]);
      if (r.length > 3) ex.getResponseHeaders().add("Location", base + r[3]);
      ex.sendResponseHeaders(Integer.parseInt(r[0]), body.length == 0 ? -1 : body.length);
      try (OutputStream out = ex.getResponseBody()) { out.write(body); }
    });
    server.start();
    URI seed = URI.create(base + "/");
    RunSpec spec = new RunSpec(name, List.of(seed), List.of(seed.getHost()),
        List.of(Pattern.compile("/$")), List.of(Pattern.compile("/news/")), ZoneId.of("UTC"), 50,
        5, Duration.ZERO, Duration.ofSeconds(30), 0, 3, Duration.ofSeconds(30), 2048, 2,
        new FetchOptions(CrawlIT.UA, Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofSeconds(5), 1 << 20, true),
        tmp.resolve("warc"), tmp.resolve("state"), "gazette", 1L << 30, "ops@example.org",
        sitemaps.stream().map(u -> URI.create(base + u)).toList(), List.of(), honourNoindex, null);
    RunSummary s = new CrawlRun(spec, new PolitenessGate(1), new RobotsCache(CrawlIT.UA)).execute(p -> { });
    return s;
  }

  static String article(String p) {
    return "<html><head><title>A</title></head><body><h1>Article " + p + "</h1><p>"
        + "text ".repeat(100) + "</p></body></html>";
  }

  String jsonl(String site) throws Exception {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> s = Files.list(tmp.resolve("warc").resolve(site))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".jsonl")).toList()) sb.append(Files.readString(p));
    }
    return sb.toString();
  }

  @Test
  void notModifiedOutcome() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/", ex -> {
      String path = ex.getRequestURI().getPath();
      if (path.equals("/robots.txt")) { ex.sendResponseHeaders(404, -1); ex.close(); return; }
      ex.getResponseHeaders().add("ETag", "\"v1\"");
      if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        ex.sendResponseHeaders(304, -1); ex.close(); return;
      }
      byte[] body = article(path).getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "text/html");
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) { out.write(body); }
    });
    server.start();
    URI seed = URI.create(base + "/news/1.html");
    RunSpec spec = new RunSpec("nm", List.of(seed), List.of(seed.getHost()),
        List.of(), List.of(Pattern.compile("/news/")), ZoneId.of("UTC"), 50,
        5, Duration.ZERO, Duration.ofSeconds(30), 0, 3, Duration.ofSeconds(30), 2048, 2,
        new FetchOptions(CrawlIT.UA, Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofSeconds(5), 1 << 20, true),
        tmp.resolve("warc"), tmp.resolve("state"), "gazette", 1L << 30, "ops@example.org");
    RunSummary first = new CrawlRun(spec, new PolitenessGate(1), new RobotsCache(CrawlIT.UA)).execute(p -> { });
    RunSummary second = new CrawlRun(spec, new PolitenessGate(1), new RobotsCache(CrawlIT.UA)).execute(p -> { });
  }

  @Test
  void xhtmlArticle() throws Exception {
    RunSummary s = crawl("xhtml", (p, b) -> switch (p) {
      case "/" -> new String[] {"200", "text/html", "<html><body><a href='/news/1.html'>one</a></body></html>"};
      case "/news/1.html" -> new String[] {"200", "application/xhtml+xml; charset=utf-8",
          "<?xml version='1.0'?>" + article(p).replace("<html>", "<html xmlns='http://www.w3.org/1999/xhtml'>")};
      default -> null;
    }, List.of());
    long outcomes = s.outcomes().values().stream().mapToLong(Long::longValue).sum();
    assertThat(outcomes).as("one outcome per URL, 2 URLs").isEqualTo(2);
    assertThat(s.articles()).isEqualTo(1);
  }

  @Test
  void noindexArticleKeepsItsDirectives() throws Exception {
    RunSummary s = crawl("noindex", (p, b) -> switch (p) {
      case "/" -> new String[] {"200", "text/html", "<html><body><a href='/news/1.html'>one</a></body></html>"};
      case "/news/1.html" -> new String[] {"200", "text/html",
          article(p).replace("<title>", "<meta name='robots' content='noindex'><title>")};
      default -> null;
    }, List.of());
    assertThat(jsonl("noindex")).contains("/news/1.html")
        .contains("\"extractor\":\"generic\",\"robots\":[\"noindex\"],\"warc\":");
    assertThat(s.articles()).isEqualTo(1);
  }

  @Test
  void redirectedSitemapIsRead() throws Exception {
    RunSummary s = crawl("redir", (p, b) -> switch (p) {
      case "/" -> new String[] {"200", "text/html", "<html><body>front</body></html>"};
      case "/sitemap.xml" -> new String[] {"301", "text/html", "", "/sitemap_index.xml"};
      case "/sitemap_index.xml" -> new String[] {"200", "application/xml", "<?xml version='1.0'?>"
          + "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>" + b
          + "/news/2.html</loc></url></urlset>"};
      case "/news/2.html" -> new String[] {"200", "text/html", article(p)};
      default -> null;
    }, List.of("/sitemap.xml"));
    assertThat(paths).contains("/sitemap_index.xml", "/news/2.html");
  }

  @Test
  void refusesASecondRunOfTheSameSiteAtOnce() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.start();
    Path dir = java.nio.file.Files.createDirectories(tmp.resolve("warc").resolve("busy"));
    URI seed = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    RunSpec spec = new RunSpec("busy", List.of(seed), List.of(seed.getHost()), List.of(),
        List.of(), ZoneId.of("UTC"), 5, 1, Duration.ZERO, Duration.ofSeconds(30), 0, 3,
        Duration.ofSeconds(30), 2048, 1, new FetchOptions(CrawlIT.UA, Duration.ofSeconds(2),
            Duration.ofSeconds(2), Duration.ofSeconds(5), 1 << 20, true),
        tmp.resolve("warc"), tmp.resolve("state"), "gazette", 1L << 30, "ops@example.org");
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(
            dir.resolve(".lock"), java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.WRITE);
        java.nio.channels.FileLock held = ch.lock()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CrawlRun(spec,
              new PolitenessGate(1), new RobotsCache(CrawlIT.UA)).execute(p -> { }))
          .isInstanceOf(java.io.IOException.class)
          .hasMessageContaining("another gazette run is writing to");
    }
  }

  @Test
  void aSiteThatHonoursNoindexArchivesThePageButWritesNoRecord() throws Exception {
    honourNoindex = true;
    RunSummary s = crawl("honour", (p, b) -> switch (p) {
      case "/" -> new String[] {"200", "text/html", "<html><body><a href='/news/1.html'>one</a>"
          + "<a href='/news/2.html'>two</a></body></html>"};
      case "/news/1.html" -> new String[] {"200", "text/html",
          article(p).replace("<title>", "<meta name='robots' content='noindex'><title>")};
      case "/news/2.html" -> new String[] {"200", "text/html", article(p)};
      default -> null;
    }, List.of());
    assertThat(paths).contains("/news/1.html", "/news/2.html");
    assertThat(jsonl("honour")).doesNotContain("/news/1.html").contains("/news/2.html");
    assertThat(s.articles()).isEqualTo(1);
  }
}
