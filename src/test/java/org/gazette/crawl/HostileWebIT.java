package org.gazette.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gazette.testing.HostileServer.html;
import static org.gazette.testing.HostileServer.page;
import static org.gazette.testing.HostileServer.redirect;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gazette.fetch.FetchOptions;
import org.gazette.fetch.PolitenessGate;
import org.gazette.fetch.PrivateAddresses;
import org.gazette.fetch.RobotsCache;
import org.gazette.testing.HostileServer;
import org.gazette.testing.WarcAssertions;
import org.gazette.testing.WarcAssertions.ReadRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, "hostile web": a real crawl of a loopback server that stalls, trickles, never stops,
 * bombs, loops, resets and serves garbage, beside two normal articles. Each test checks what a
 * user cares about: the run returns, every hostile URL ends in a recorded outcome or error kind,
 * the WARC files verify, and the normal pages of the same server are archived all the same.
 */
class HostileWebIT {
  static final int MAX_BODY = 1 << 20;
  static final List<String> NORMAL = List.of("/news/ok-1", "/news/ok-2");

  @TempDir Path tmp;
  HostileServer server;

  @BeforeEach
  void start() throws Exception {
    server = new HostileServer();
    for (String p : NORMAL) {
      server.on(p, html("<html><head><title>Normal " + p + "</title></head><body><article>"
          + "<h1>Normal article " + p + "</h1><p>" + "Plain words of a plain story. ".repeat(40)
          + "</p></article></body></html>"));
    }
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  /** Crawls the server from "/", whose page links to {@code hrefs} and the normal articles. */
  RunSummary crawl(String site, int maxRetries, String... hrefs) throws Exception {
    List<String> links = new ArrayList<>(List.of(hrefs));
    links.addAll(NORMAL);
    server.on("/", front(links));
    URI seed = server.uri("/");
    return run(spec(site, seed, List.of(seed.getHost()), maxRetries, 5,
        PrivateAddresses.ALL, tmp));
  }

  /**
   * A run from {@code seed} over {@code hosts} with the suite's small limits (so that each
   * hostile case costs seconds): "/" pages are listings, /news/ pages articles.
   */
  static RunSpec spec(String site, URI seed, List<String> hosts, int maxRetries, int maxDepth,
      PrivateAddresses allowed, Path tmp) {
    return new RunSpec(site, List.of(seed), hosts,
        List.of(Pattern.compile("/$")), List.of(Pattern.compile("/news/")), ZoneOffset.UTC, 100,
        maxDepth, Duration.ZERO, Duration.ofSeconds(30), 0, maxRetries, Duration.ofMillis(200),
        2048, 1,
        new FetchOptions(CrawlIT.UA, Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(3), MAX_BODY, allowed),
        tmp.resolve("warc"), tmp.resolve("state"), "gazette", 1L << 30, "ops@example.org");
  }

  /** Runs {@code spec} and checks that the run completed without an internal error. */
  static RunSummary run(RunSpec spec) throws Exception {
    RunSummary summary = new CrawlRun(spec, new PolitenessGate(1), new RobotsCache(CrawlIT.UA))
        .execute(p -> { });
    assertThat(summary.outcome()).as("run outcome").isEqualTo("completed");
    assertThat(summary.errors()).as("errors").doesNotContainKey("internal");
    return summary;
  }

  /** A front page linking to {@code hrefs}. */
  static HostileServer.Behaviour front(List<String> hrefs) {
    return html("<html><head><title>Front</title></head><body><ul>"
        + hrefs.stream().map(h -> "<li><a href=\"" + h + "\">link</a></li>")
            .collect(Collectors.joining())
        + "</ul></body></html>");
  }

  /** Every record of the run, after checking the archive verifies and nothing is left open. */
  List<ReadRecord> archive(String site) throws Exception {
    return WarcAssertions.assertValidArchive(tmp.resolve("warc").resolve(site));
  }

  /** The response records of {@code path}, in file order. */
  List<ReadRecord> responses(List<ReadRecord> records, String path) {
    String uri = server.base() + path;
    return records.stream()
        .filter(r -> r.type().equals("response") && uri.equals(r.targetUri()))
        .toList();
  }

  /** The normal articles on the same server were archived whole and got their JSON records. */
  void assertNormalPagesArchived(String site, List<ReadRecord> records) throws Exception {
    for (String p : NORMAL) {
      assertThat(responses(records, p)).as("response records of %s", p)
          .singleElement()
          .satisfies(r -> {
            assertThat(r.httpStatus()).isEqualTo(200);
            assertThat(r.truncated()).isNull();
          });
    }
    String jsonl;
    try (var files = Files.list(tmp.resolve("warc").resolve(site))) {
      jsonl = files.filter(f -> f.toString().endsWith(".jsonl")).map(f -> {
        try {
          return Files.readString(f);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).collect(Collectors.joining());
    }
    for (String p : NORMAL) {
      assertThat(jsonl).as("JSON record of %s", p)
          .contains("\"url\":\"" + server.base() + p + "\"");
    }
  }

  @Test
  void slowLorisIsCutAtTheTimeLimitAndItsPartialBodyArchived() throws Exception {
    // one byte every 500 ms: no single read waits out the 2 s read timeout, the 3 s total does
    server.on("/news/slow", HostileServer.trickle(10_000, 500));

    RunSummary summary = crawl("slow", 1, "/news/slow");

    List<ReadRecord> records = archive("slow");
    assertThat(responses(records, "/news/slow")).as("slow loris response")
        .singleElement()
        .satisfies(r -> {
          assertThat(r.httpStatus()).isEqualTo(200);
          assertThat(r.truncated()).isEqualTo("time");
        });
    // the partial page counts as archived: the front page, two articles and it
    assertThat(summary.count(Outcome.ARCHIVED)).isEqualTo(4);
    assertNormalPagesArchived("slow", records);
  }

  @Test
  void bodyThatNeverEndsIsCutAtMaxBodySize() throws Exception {
    server.on("/news/endless", HostileServer.endless());

    RunSummary summary = crawl("endless", 1, "/news/endless");

    List<ReadRecord> records = archive("endless");
    assertThat(responses(records, "/news/endless")).singleElement()
        .satisfies(r -> assertThat(r.truncated()).isEqualTo("length"));
    assertThat(summary.count(Outcome.ARCHIVED)).isEqualTo(4);
    // the wire bytes kept are bounded by the limit, not by the server's patience
    assertThat(summary.bytes()).isLessThan(MAX_BODY + 256 * 1024);
    assertNormalPagesArchived("endless", records);
  }

  @Test
  void chunkedBodyThatNeverEndsIsCutAtMaxBodySize() throws Exception {
    server.on("/news/chunks", HostileServer.endlessChunks());

    RunSummary summary = crawl("chunks", 1, "/news/chunks");

    List<ReadRecord> records = archive("chunks");
    assertThat(responses(records, "/news/chunks")).singleElement()
        .satisfies(r -> assertThat(r.truncated()).isEqualTo("length"));
    assertThat(summary.count(Outcome.ARCHIVED)).isEqualTo(4);
    assertThat(summary.bytes()).isLessThan(MAX_BODY + 256 * 1024);
    assertNormalPagesArchived("chunks", records);
  }

  @Test
  void headersTrickledForEverAreCutAtTheTotalTimeout() throws Exception {
    // a byte every 500 ms inside the header block: no response to archive, a timeout
    server.on("/news/slow-head", HostileServer.trickleHeaders(500));

    RunSummary summary = crawl("slowhead", 0, "/news/slow-head");

    assertThat(server.count("/news/slow-head")).isEqualTo(1);
    assertThat(summary.count(Outcome.FETCH_ERROR)).isEqualTo(1);
    assertThat(summary.errors()).containsEntry("timeout", 1L);
    List<ReadRecord> records = archive("slowhead");
    assertThat(responses(records, "/news/slow-head")).isEmpty();
    assertNormalPagesArchived("slowhead", records);
  }

  @Test
  void headerBlockThatNeverEndsIsRefused() throws Exception {
    server.on("/news/headers", HostileServer.endlessHeaders());

    RunSummary summary = crawl("headers", 0, "/news/headers");

    assertThat(summary.count(Outcome.FETCH_ERROR)).isEqualTo(1);
    assertThat(summary.errors()).containsEntry("bad-response", 1L);
    assertNormalPagesArchived("headers", archive("headers"));
  }

  @Test
  void serverThatNeverAnswersTimesOutIsRetriedThenGivenUp() throws Exception {
    server.on("/news/silent", HostileServer.silent());

    RunSummary summary = crawl("silent", 1, "/news/silent");

    assertThat(server.count("/news/silent")).as("tries: the first and one retry").isEqualTo(2);
    assertThat(summary.count(Outcome.FETCH_ERROR)).isEqualTo(1);
    assertThat(summary.errors()).containsEntry("timeout", 1L);
    assertThat(summary.retries()).isEqualTo(1);
    List<ReadRecord> records = archive("silent");
    assertThat(responses(records, "/news/silent")).as("no response, nothing archived").isEmpty();
    assertNormalPagesArchived("silent", records);
  }

  @Test
  void pageOverMaxBodySizeIsTruncatedAndTheRunGoesOn() throws Exception {
    server.on("/news/huge", HostileServer.huge(15L << 20));

    RunSummary summary = crawl("huge", 1, "/news/huge");

    List<ReadRecord> records = archive("huge");
    assertThat(responses(records, "/news/huge")).singleElement()
        .satisfies(r -> {
          assertThat(r.httpStatus()).isEqualTo(200);
          assertThat(r.truncated()).isEqualTo("length");
        });
    assertThat(summary.count(Outcome.ARCHIVED)).isEqualTo(4);
    assertThat(summary.bytes()).as("bytes received").isLessThan(MAX_BODY + 256 * 1024);
    assertNormalPagesArchived("huge", records);
  }

  @Test
  void gzipBombIsDecodedOnlyUpToMaxBodySize() throws Exception {
    // 256 MB of HTML and zeros in about 250 KB: decoded whole it would take the heap with it
    byte[] bomb = HostileServer.gzipBomb(256L << 20);
    assertThat(bomb.length).isLessThan(MAX_BODY / 2);
    server.on("/news/bomb", page(200, "text/html; charset=utf-8", bomb,
        "Content-Encoding: gzip"));

    RunSummary summary = crawl("bomb", 1, "/news/bomb");

    List<ReadRecord> records = archive("bomb");
    // archived as received, compressed and whole
    assertThat(responses(records, "/news/bomb")).singleElement()
        .satisfies(r -> assertThat(r.truncated()).isNull());
    assertThat(summary.count(Outcome.ARCHIVED)).isEqualTo(4);
    assertThat(summary.errors()).doesNotContainKeys("undecodable", "parse");
    assertNormalPagesArchived("bomb", records);
  }

  @Test
  void redirectLoopIsFollowedOnce() throws Exception {
    server.on("/news/a", redirect(server.base() + "/news/b"));
    server.on("/news/b", redirect(server.base() + "/news/a"));

    RunSummary summary = crawl("loop", 1, "/news/a");

    assertThat(server.count("/news/a")).isEqualTo(1);
    assertThat(server.count("/news/b")).isEqualTo(1);
    assertThat(summary.count(Outcome.REDIRECT)).isEqualTo(2);
    List<ReadRecord> records = archive("loop");
    assertThat(responses(records, "/news/a")).singleElement()
        .satisfies(r -> assertThat(r.httpStatus()).isEqualTo(302));
    assertNormalPagesArchived("loop", records);
  }

  @Test
  void redirectChainStopsAtMaxRedirects() throws Exception {
    // /news/r0 -> /news/r1 -> ... -> /news/r20: every hop a new URL, so dedup never ends it
    for (int i = 0; i < 20; i++) {
      server.on("/news/r" + i, redirect(server.base() + "/news/r" + (i + 1)));
    }
    server.on("/news/r20", html("<html><body><p>the end</p></body></html>"));

    RunSummary summary = crawl("chain", 1, "/news/r0");

    // r0 found on the page, then five redirects followed (default limits.maxRedirects)
    for (int i = 0; i <= RunSpec.DEFAULT_MAX_REDIRECTS; i++) {
      assertThat(server.count("/news/r" + i)).as("requests of r%d", i).isEqualTo(1);
    }
    assertThat(server.count("/news/r" + (RunSpec.DEFAULT_MAX_REDIRECTS + 1)))
        .as("the sixth redirect is not followed").isZero();
    assertThat(summary.errors()).containsEntry("too-many-redirects", 1L);
    assertThat(summary.count(Outcome.REDIRECT)).isEqualTo(RunSpec.DEFAULT_MAX_REDIRECTS + 1);
    assertNormalPagesArchived("chain", archive("chain"));
  }

  @Test
  void malformedAndMislabelledPagesAreArchivedWithoutACrash() throws Exception {
    server.on("/news/unclosed", html("<html><head><title>Unclosed<body><div><p><b><i><table>"
        + "<tr><td>cell<a href='/news/ok-1'>still a link" + "<span>".repeat(500)));
    server.on("/news/nested", html("<html><body>" + "<div>".repeat(10_000) + "deep"
        + "</div>".repeat(10_000) + "</body></html>"));
    server.on("/news/nul", page(200, "text/html",
        "<html><body><p>nul\0bytes\0\0here</p></body></html>".getBytes(StandardCharsets.UTF_8)));
    server.on("/news/charset", page(200, "text/html; charset=x-unknown",
        "<html><body><p>unknown charset</p></body></html>".getBytes(StandardCharsets.UTF_8)));
    byte[] noise = new byte[64 * 1024];
    new Random(8).nextBytes(noise);
    server.on("/news/binary", page(200, "text/html", noise));
    server.on("/news/doc.pdf", page(200, "application/pdf",
        "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
    List<String> paths = List.of("/news/unclosed", "/news/nested", "/news/nul",
        "/news/charset", "/news/binary", "/news/doc.pdf");

    RunSummary summary = crawl("malformed", 1, paths.toArray(String[]::new));

    List<ReadRecord> records = archive("malformed");
    for (String p : paths) {
      assertThat(responses(records, p)).as("response of %s", p).singleElement()
          .satisfies(r -> {
            assertThat(r.httpStatus()).isEqualTo(200);
            assertThat(r.truncated()).isNull();
          });
    }
    assertThat(summary.count(Outcome.ARCHIVED)).isEqualTo(3 + paths.size());
    assertThat(summary.failedUrls()).isZero();
    assertNormalPagesArchived("malformed", records);
  }

  @Test
  void oddLinksAreNormalisedOrSkipped() throws Exception {
    server.on("/news/with%20space", html("<html><body><p>space</p></body></html>"));
    server.on("/news/bad%25zz", html("<html><body><p>percent</p></body></html>"));

    RunSummary summary = crawl("links", 1, "/news/with space", "/news/bad%zz",
        "javascript:alert(1)", "mailto:ops@example.org", "http://bücher.example/news/idn",
        "http://[::1/news/broken", "   ");

    // a space is encoded; a lone % is escaped; javascript:, mailto: and the IDN host (out of
    // scope) are never requested
    assertThat(server.requests()).contains("/news/with%20space", "/news/bad%25zz");
    assertThat(server.requests()).noneMatch(p -> p.contains("javascript") || p.contains("mailto")
        || p.contains("idn") || p.contains("broken"));
    assertThat(summary.failedUrls()).isZero();
    List<ReadRecord> records = archive("links");
    assertThat(responses(records, "/news/with%20space")).hasSize(1);
    assertNormalPagesArchived("links", records);
  }

  @Test
  void connectionResetMidBodyIsRetriedThenGivenUp() throws Exception {
    server.on("/news/reset", HostileServer.resetAfter(10_000, 3_000));

    RunSummary summary = crawl("reset", 2, "/news/reset");

    assertThat(server.count("/news/reset")).as("the first try and two retries").isEqualTo(3);
    assertThat(summary.retries()).isEqualTo(2);
    assertThat(summary.count(Outcome.FETCH_ERROR)).isEqualTo(1);
    assertThat(summary.errors()).containsEntry("io", 1L);
    List<ReadRecord> records = archive("reset");
    // every try's partial response is kept, marked as cut by the broken connection
    assertThat(responses(records, "/news/reset")).hasSize(3)
        .allSatisfy(r -> assertThat(r.truncated()).isEqualTo("disconnect"));
    assertNormalPagesArchived("reset", records);
  }
}
