package org.gazette.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gazette.sample.SampleNewsSite;
import org.gazette.sample.ServedRequest;
import org.gazette.testing.WarcAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gazette daemon} as an operator runs it: its own JVM, schedules of a few seconds against
 * the sample site, stopped with signals or killed, started again.
 */
class DaemonIT {
  static final String GLOBAL = "allowPrivate: true\n"
      + "state: { node: node-a }\n"
      + "status: { port: 0 }\n"
      + "daemon: { jitter: 0, reloadCheck: 0, shutdownTimeout: 20s }\n";
  static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path tmp;

  @Test
  void theSecondRunFetchesOnlyTheListingPages() throws Exception {
    try (SampleNewsSite site = SampleNewsSite.start("127.0.0.1", 0)) {
      // with a jitter: each scheduled fire asks for the run up to a second later
      DaemonProcess.writeConfig(tmp, GLOBAL.replace("jitter: 0", "jitter: 1s"), "portal",
          DaemonProcess.sampleSite(site.baseUri().toString(), "0/3 * * * * ?", "P7D", "10ms"));
      try (DaemonProcess daemon = DaemonProcess.start(tmp)) {
        List<JsonNode> runs = daemon.awaitRuns(2, r -> r.get("site").asText().equals("portal"),
            WAIT);
        daemon.signal("TERM");
        assertThat(daemon.awaitExit(WAIT)).as(daemon.output()).isZero();

        JsonNode first = runs.get(0);
        JsonNode second = runs.get(1);
        assertThat(first.get("outcome").asText()).isEqualTo("completed");
        assertThat(first.get("new_articles").asLong()).isEqualTo(SampleNewsSite.ARTICLE_COUNT);
        assertThat(second.get("outcome").asText()).isEqualTo("completed");
        // the front page and 4 listing pages, unchanged: revisits; no article again
        assertThat(second.get("fetched").asLong()).isEqualTo(5);
        assertThat(second.get("new_articles").asLong()).isZero();
        assertThat(second.get("revisits").asLong()).isEqualTo(5);
        Map<String, Long> articleFetches = site.requests().stream()
            .map(ServedRequest::path)
            .filter(p -> p.matches(SampleNewsSite.ARTICLE_PATH_REGEX))
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(articleFetches).hasSize(SampleNewsSite.ARTICLE_COUNT);
        assertThat(articleFetches.values()).containsOnly(1L);
        WarcAssertions.assertValidArchive(tmp.resolve("warc/portal"));
        // state.node names the files, so that several daemons can share a folder
        assertThat(daemon.warcFiles("portal", ".warc.gz")).hasSizeGreaterThanOrEqualTo(2)
            .allMatch(p -> p.getFileName().toString().endsWith("-node-a.warc.gz"));
      }
    }
  }

  @Test
  void anArticlePublishedBetweenRunsIsTheOnlyArticleFetched() throws Exception {
    try (SampleNewsSite site = SampleNewsSite.start("127.0.0.1", 0)) {
      DaemonProcess.writeConfig(tmp, GLOBAL, "portal", DaemonProcess.sampleSite(
          site.baseUri().toString(), "0/2 * * * * ?", "P7D", "10ms"));
      try (DaemonProcess daemon = DaemonProcess.start(tmp)) {
        daemon.awaitRuns(1, r -> r.get("outcome").asText().equals("completed"), WAIT);
        URI fresh = site.publish();
        JsonNode withIt = daemon.awaitRuns(1, r -> r.get("new_articles").asLong() == 1, WAIT)
            .get(0);
        daemon.signal("TERM");
        assertThat(daemon.awaitExit(WAIT)).as(daemon.output()).isZero();
        // 5 listing pages and the new article; none of the 46 known articles again
        assertThat(withIt.get("fetched").asLong()).isEqualTo(6);
        assertThat(site.requests().stream().filter(r -> r.path().equals(fresh.getPath())))
            .hasSize(1);
        assertThat(site.requests().stream()
            .filter(r -> r.path().matches(SampleNewsSite.ARTICLE_PATH_REGEX)))
            .hasSize(SampleNewsSite.ARTICLE_COUNT + 1);
        List<WarcAssertions.ReadRecord> records =
            WarcAssertions.assertValidArchive(tmp.resolve("warc/portal"));
        assertThat(records).filteredOn(r -> r.type().equals("response")
            && fresh.toString().equals(r.targetUri())).hasSize(1);
      }
    }
  }

  @Test
  void afterRevisitAfterAChangedArticleIsANewResponseAndTheOthersRevisits() throws Exception {
    try (SampleNewsSite site = SampleNewsSite.start("127.0.0.1", 0)) {
      DaemonProcess.writeConfig(tmp, GLOBAL, "portal", DaemonProcess.sampleSite(
          site.baseUri().toString(), "0 0 0 1 1 ? 2099", "1s", "10ms"));
      int port = freePort();
      Files.writeString(tmp.resolve("config/gazette.yaml"),
          GLOBAL.replace("status: { port: 0 }", "status: { port: " + port + " }"));
      try (DaemonProcess daemon = DaemonProcess.start(tmp)) {
        HttpClient http = HttpClient.newHttpClient();
        URI base = URI.create("http://127.0.0.1:" + port);
        daemon.await(() -> answers(http, base.resolve("/health")), WAIT, "the status endpoint");
        assertThat(post(http, base.resolve("/jobs/portal/run"))).isEqualTo(202);
        JsonNode first = daemon.awaitRuns(1, r -> true, WAIT).get(0);
        assertThat(first.get("new_articles").asLong()).isEqualTo(SampleNewsSite.ARTICLE_COUNT);

        // the status endpoint tells what the run did, with the same numbers
        JsonNode jobs = new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(get(http, base.resolve("/jobs")));
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).get("site").asText()).isEqualTo("portal");
        assertThat(jobs.get(0).get("cron").asText()).isEqualTo("0 0 0 1 1 ? 2099");
        assertThat(jobs.get(0).get("time_zone").asText()).isEqualTo("Asia/Shanghai");
        assertThat(jobs.get(0).get("last_run").get("run").asText())
            .isEqualTo(first.get("run").asText());
        assertThat(jobs.get(0).get("last_run").get("fetched").asLong())
            .isEqualTo(first.get("fetched").asLong());
        String metrics = get(http, base.resolve("/metrics"));
        assertThat(metrics)
            .contains("gazette_fetches_total{outcome=\"archived\",site=\"portal\"} "
                + first.get("fetched").asLong() + ".0")
            .contains("gazette_runs_total{outcome=\"completed\",site=\"portal\"} 1.0")
            .contains("jvm_memory_used_bytes");

        Thread.sleep(1100); // past revisitAfter: every article is asked for again, conditionally
        String edited = site.requests().stream().map(ServedRequest::path)
            .filter(p -> p.matches(SampleNewsSite.ARTICLE_PATH_REGEX)).findFirst().orElseThrow();
        site.edit(edited);
        assertThat(post(http, base.resolve("/jobs/portal/run"))).isEqualTo(202);
        JsonNode second = daemon.awaitRuns(2, r -> true, WAIT).get(1);
        daemon.signal("TERM");
        assertThat(daemon.awaitExit(WAIT)).as(daemon.output()).isZero();

        assertThat(second.get("outcome").asText()).isEqualTo("completed");
        assertThat(second.get("new_articles").asLong()).isEqualTo(1);
        assertThat(second.get("revisits").asLong())
            .isGreaterThanOrEqualTo(SampleNewsSite.ARTICLE_COUNT - 1);
        List<WarcAssertions.ReadRecord> records =
            WarcAssertions.assertValidArchive(tmp.resolve("warc/portal"));
        String editedUrl = site.baseUri().resolve(edited).toString();
        assertThat(records).filteredOn(r -> r.type().equals("response")
            && editedUrl.equals(r.targetUri())).extracting(WarcAssertions.ReadRecord::payloadDigest)
            .hasSize(2).doesNotHaveDuplicates();
        assertThat(records).filteredOn(r -> r.type().equals("revisit")
            && r.targetUri().matches(".*" + SampleNewsSite.ARTICLE_PATH_REGEX))
            .hasSize(SampleNewsSite.ARTICLE_COUNT - 1);
      }
    }
  }

  @Test
  void sigtermMidRunClosesEverythingAndTheNextStartFinishesTheRun() throws Exception {
    try (SampleNewsSite site = SampleNewsSite.start("127.0.0.1", 0)) {
      DaemonProcess.writeConfig(tmp, GLOBAL, "portal", DaemonProcess.sampleSite(
          site.baseUri().toString(), "0 0 0 1 1 ? 2099", "P7D", "150ms"));
      // a schedule far away: the first run is the one asked for by resume, so start one by hand
      try (DaemonProcess daemon = startWithRunNow(site)) {
        daemon.await(() -> site.requests().size() >= 12, WAIT, "12 requests");
        daemon.signal("TERM");
        assertThat(daemon.awaitExit(WAIT)).as(daemon.output()).isZero();
        assertThat(daemon.warcFiles("portal", ".warc.gz.open")).isEmpty();
        WarcAssertions.assertValidArchive(tmp.resolve("warc/portal"));
        assertThat(daemon.runs()).extracting(r -> r.get("outcome").asText())
            .containsExactly("interrupted");
      }
      int before = site.requests().size();
      try (DaemonProcess again = DaemonProcess.start(tmp)) {
        List<JsonNode> runs = again.awaitRuns(2, r -> true, WAIT);
        again.signal("TERM");
        assertThat(again.awaitExit(WAIT)).as(again.output()).isZero();
        assertThat(runs.get(1).get("outcome").asText()).isEqualTo("completed");
        assertThat(runs.get(0).get("new_articles").asLong()
            + runs.get(1).get("new_articles").asLong())
            .isEqualTo(SampleNewsSite.ARTICLE_COUNT);
      }
      assertNothingFetchedTwice(site, 0);
      assertThat(site.requests().size()).isGreaterThan(before);
      WarcAssertions.assertValidArchive(tmp.resolve("warc/portal"));
    }
  }

  @Test
  void aDaemonKilledMidRunRepairsAndFinishesWithoutFetchingTwice() throws Exception {
    try (SampleNewsSite site = SampleNewsSite.start("127.0.0.1", 0)) {
      DaemonProcess.writeConfig(tmp, GLOBAL, "portal", DaemonProcess.sampleSite(
          site.baseUri().toString(), "0 0 0 1 1 ? 2099", "P7D", "150ms"));
      try (DaemonProcess daemon = startWithRunNow(site)) {
        daemon.await(() -> site.requests().size() >= 15, WAIT, "15 requests");
        daemon.signal("KILL");
        daemon.awaitExit(WAIT);
        assertThat(daemon.warcFiles("portal", ".warc.gz.open")).hasSize(1);
      }
      try (DaemonProcess again = DaemonProcess.start(tmp)) {
        List<JsonNode> runs = again.awaitRuns(1, r -> true, WAIT);
        again.signal("TERM");
        assertThat(again.awaitExit(WAIT)).as(again.output()).isZero();
        assertThat(runs.get(0).get("outcome").asText()).isEqualTo("completed");
      }
      assertThat(Files.readString(tmp.resolve("logs/gazette.log")))
          .contains("did not finish; resuming it now");
      // the page in flight when the process died may be fetched again, nothing else
      assertNothingFetchedTwice(site, 1);
      List<WarcAssertions.ReadRecord> records =
          WarcAssertions.assertValidArchive(tmp.resolve("warc/portal"));
      assertThat(records.stream()
          .filter(r -> r.type().equals("response") && r.httpStatus() == 200
              && r.targetUri().matches(".*" + SampleNewsSite.ARTICLE_PATH_REGEX))
          .map(WarcAssertions.ReadRecord::targetUri).distinct().count())
          .isEqualTo(SampleNewsSite.ARTICLE_COUNT);
      // and each has its JSON record, beside its response, once
      assertThat(org.gazette.testing.CrashChecks.assertJsonLinesPointAtRecords(
          tmp.resolve("warc/portal"), records).keySet().stream()
          .filter(u -> u.matches(".*" + SampleNewsSite.ARTICLE_PATH_REGEX)).count())
          .isEqualTo(SampleNewsSite.ARTICLE_COUNT);
    }
  }

  @Test
  void sighupAddsASiteAndABrokenConfigKeepsTheRunningOne() throws Exception {
    try (SampleNewsSite site = SampleNewsSite.start("127.0.0.1", 0)) {
      String base = site.baseUri().toString();
      DaemonProcess.writeConfig(tmp, GLOBAL, "first",
          DaemonProcess.sampleSite(base, "0/2 * * * * ?", "P7D", "10ms"));
      try (DaemonProcess daemon = DaemonProcess.start(tmp)) {
        daemon.awaitRuns(1, r -> r.get("site").asText().equals("first"), WAIT);
        Files.writeString(tmp.resolve("config/sites/second.yaml"),
            DaemonProcess.sampleSite(base, "0/2 * * * * ?", "P7D", "10ms"));
        daemon.signal("HUP");
        daemon.awaitRuns(1, r -> r.get("site").asText().equals("second"), WAIT);

        Files.writeString(tmp.resolve("config/sites/broken.yaml"),
            "seeds: [\"" + base + "\"]\nschedule: \"every five minutes\"\n");
        daemon.signal("HUP");
        daemon.await(() -> daemon.output().contains("config reload refused"), WAIT,
            "the reload to be refused");
        int firstRuns = daemon.runs().size();
        // the old schedules go on
        daemon.awaitRuns(2, r -> r.get("site").asText().equals("second"), WAIT);
        daemon.awaitRuns(firstRuns + 2, r -> true, WAIT);
        daemon.signal("TERM");
        assertThat(daemon.awaitExit(WAIT)).as(daemon.output()).isZero();
        assertThat(daemon.output()).contains("broken.yaml:2: schedule: not a Quartz cron");
        assertThat(daemon.runs()).noneMatch(r -> r.get("site").asText().equals("broken"));
      }
    }
  }

  /**
   * Starts the daemon on a schedule that fires within a second, then rewrites the site file
   * with a schedule that never fires (read at the next start only: reloadCheck is 0), so that
   * the only run after a restart is the one that finishes the interrupted run.
   */
  private DaemonProcess startWithRunNow(SampleNewsSite site) throws Exception {
    Files.writeString(tmp.resolve("config/sites/portal.yaml"), DaemonProcess.sampleSite(
        site.baseUri().toString(), "0/1 * * * * ?", "P7D", "150ms"));
    DaemonProcess d = DaemonProcess.start(tmp);
    d.await(() -> !site.requests().isEmpty(), WAIT, "the first request");
    // from now on no new scheduled run: only the resume after a restart starts one
    Files.writeString(tmp.resolve("config/sites/portal.yaml"), DaemonProcess.sampleSite(
        site.baseUri().toString(), "0 0 0 1 1 ? 2099", "P7D", "150ms"));
    return d;
  }

  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1,
        java.net.InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  private static boolean answers(HttpClient http, URI uri) {
    try {
      return http.send(HttpRequest.newBuilder(uri).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (java.io.IOException | InterruptedException e) {
      return false;
    }
  }

  private static String get(HttpClient http, URI uri) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("GET %s: %s", uri, r.body()).isEqualTo(200);
    return r.body();
  }

  private static int post(HttpClient http, URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody())
        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static void assertNothingFetchedTwice(SampleNewsSite site, int allowed) {
    Map<String, Long> fetches = site.requests().stream()
        .filter(r -> !r.path().equals("/robots.txt")) // a new process reads robots.txt again
        .map(ServedRequest::path)
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(fetches.values().stream().filter(n -> n > 1).count())
        .as("paths fetched more than once: %s", fetches.entrySet().stream()
            .filter(e -> e.getValue() > 1).toList())
        .isLessThanOrEqualTo(allowed);
  }
}
