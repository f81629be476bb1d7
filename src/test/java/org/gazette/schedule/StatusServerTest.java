package org.gazette.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gazette.config.StatusConfig;
import org.gazette.metrics.GazetteMetrics;
import org.gazette.metrics.SiteMeters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The status endpoint over real loopback HTTP, with a fixed scheduler behind it. */
class StatusServerTest {
  static final ObjectMapper JSON = new ObjectMapper();

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final FixedJobs jobs = new FixedJobs(FixedJobs.PORTAL, FixedJobs.QUIET);
  PrometheusMeterRegistry registry;
  StatusServer server;

  @BeforeEach
  void start() throws IOException {
    registry = GazetteMetrics.prometheus();
    server = StatusServer.start("127.0.0.1", 0, jobs, registry);
  }

  @AfterEach
  void stop() {
    server.close();
    GazetteMetrics.detach(registry);
  }

  HttpResponse<String> send(String method, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + path))
        .timeout(Duration.ofSeconds(5))
        .method(method, HttpRequest.BodyPublishers.noBody()).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> response) throws IOException {
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    return JSON.readTree(response.body());
  }

  @Test
  void listensOnAnEphemeralPortOfLoopback() {
    assertThat(server.port()).isPositive();
    assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
  }

  @Test
  void healthIsUpWithJobsAndRunningRuns() throws Exception {
    HttpResponse<String> r = send("GET", "/health");

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode health = json(r);
    assertThat(health.get("status").asText()).isEqualTo("UP");
    assertThat(health.get("jobs").asInt()).isEqualTo(2);
    assertThat(health.get("running").asInt()).isEqualTo(1);
    assertThat(health.get("uptime_seconds").isIntegralNumber()).isTrue();
    assertThat(Instant.parse(health.get("started").asText())).isBeforeOrEqualTo(Instant.now());
  }

  @Test
  void jobsListsEverySiteWithSnakeCaseKeysIsoTimesAndNulls() throws Exception {
    HttpResponse<String> r = send("GET", "/jobs");

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode all = json(r);
    assertThat(all.isArray()).isTrue();
    assertThat(all).hasSize(2);
    JsonNode portal = all.get(0);
    assertThat(portal.fieldNames()).toIterable().containsExactly("site", "cron", "time_zone",
        "next_fire", "previous_fire", "running", "last_run");
    assertThat(portal.get("site").asText()).isEqualTo("portal");
    assertThat(portal.get("cron").asText()).isEqualTo("0 */30 * * * ?");
    assertThat(portal.get("time_zone").asText()).isEqualTo("Asia/Shanghai");
    assertThat(portal.get("next_fire").asText()).isEqualTo("2026-11-26T10:30:00Z");
    assertThat(portal.get("previous_fire").asText()).isEqualTo("2026-11-26T10:00:00Z");
    JsonNode running = portal.get("running");
    assertThat(running.fieldNames()).toIterable()
        .containsExactly("run", "started", "processed", "queued", "requests");
    assertThat(running.get("run").asText()).isEqualTo("run-2");
    assertThat(running.get("started").asText()).isEqualTo("2026-11-26T10:00:01Z");
    assertThat(running.get("processed").asLong()).isEqualTo(12);
    assertThat(running.get("queued").asLong()).isEqualTo(30);
    assertThat(running.get("requests").asLong()).isEqualTo(13);
    JsonNode last = portal.get("last_run");
    assertThat(last.fieldNames()).toIterable().containsExactly("site", "run", "started", "ended",
        "outcome", "fetched", "new_articles", "revisits", "errors", "message");
    assertThat(last.get("run").asText()).isEqualTo("run-1");
    assertThat(last.get("ended").asText()).isEqualTo("2026-11-26T09:31:05Z");
    assertThat(last.get("outcome").asText()).isEqualTo("completed");
    assertThat(last.get("fetched").asLong()).isEqualTo(51);
    assertThat(last.get("new_articles").asLong()).isEqualTo(46);
    assertThat(last.get("revisits").asLong()).isEqualTo(5);
    assertThat(last.get("errors").asLong()).isEqualTo(1);
    assertThat(last.get("message").isNull()).isTrue();

    JsonNode quiet = all.get(1);
    assertThat(quiet.get("site").asText()).isEqualTo("quiet");
    // unknown values are there, as null
    assertThat(quiet.get("next_fire").isNull()).isTrue();
    assertThat(quiet.get("previous_fire").isNull()).isTrue();
    assertThat(quiet.get("running").isNull()).isTrue();
    assertThat(quiet.get("last_run").isNull()).isTrue();
  }

  @Test
  void jobsJsonReadsBackToTheSameJobs() throws Exception {
    assertThat(StatusJson.readJobs(send("GET", "/jobs").body()))
        .containsExactly(FixedJobs.PORTAL, FixedJobs.QUIET);
  }

  @Test
  void oneJobBySiteOr404() throws Exception {
    HttpResponse<String> found = send("GET", "/jobs/quiet");
    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(json(found).get("site").asText()).isEqualTo("quiet");

    HttpResponse<String> missing = send("GET", "/jobs/nope");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(json(missing).get("error").asText()).contains("nope");
  }

  @Test
  void postRunAsksTheSchedulerAndAnswers202() throws Exception {
    HttpResponse<String> r = send("POST", "/jobs/portal/run");

    assertThat(r.statusCode()).isEqualTo(202);
    JsonNode body = json(r);
    assertThat(body.get("site").asText()).isEqualTo("portal");
    assertThat(body.get("accepted").asBoolean()).isTrue();
    assertThat(jobs.runs).containsExactly("portal");
  }

  @Test
  void postRunOfAnUnknownSiteIs404() throws Exception {
    HttpResponse<String> r = send("POST", "/jobs/nope/run");

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(json(r).get("error").asText()).contains("nope");
    assertThat(jobs.runs).isEmpty();
  }

  @Test
  void wrongMethodsAre405WithAllow() throws Exception {
    for (String[] call : List.of(new String[] {"POST", "/health"},
        new String[] {"DELETE", "/metrics"}, new String[] {"POST", "/jobs"},
        new String[] {"PUT", "/jobs/portal"}, new String[] {"GET", "/jobs/portal/run"})) {
      HttpResponse<String> r = send(call[0], call[1]);
      assertThat(r.statusCode()).as("%s %s", call[0], call[1]).isEqualTo(405);
      assertThat(r.headers().firstValue("Allow")).as("%s %s", call[0], call[1])
          .contains(call[1].endsWith("/run") ? "POST" : "GET");
      assertThat(json(r).get("error").asText()).contains(call[0]);
    }
    assertThat(jobs.runs).isEmpty();
  }

  @Test
  void unknownPathsAre404Json() throws Exception {
    for (String path : List.of("/", "/nope", "/jobs/portal/stop", "/jobs/portal/run/x",
        "/health/x", "/metricsx")) {
      HttpResponse<String> r = send("GET", path);
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      assertThat(json(r).get("error").asText()).as(path).contains("no such path");
    }
  }

  @Test
  void aFailingSchedulerIs500AndTheServerKeepsAnswering() throws Exception {
    jobs.failure = new IllegalStateException("state store unreachable");

    HttpResponse<String> list = send("GET", "/jobs");
    assertThat(list.statusCode()).isEqualTo(500);
    assertThat(json(list).get("error").asText()).contains("state store unreachable");
    assertThat(send("GET", "/jobs/portal").statusCode()).isEqualTo(500);
    assertThat(send("POST", "/jobs/portal/run").statusCode()).isEqualTo(500);
    HttpResponse<String> health = send("GET", "/health");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(json(health).get("status").asText()).isEqualTo("DOWN");
    // metrics do not need the scheduler
    assertThat(send("GET", "/metrics").statusCode()).isEqualTo(200);

    jobs.failure = null;
    assertThat(send("GET", "/jobs").statusCode()).isEqualTo(200);
    assertThat(send("GET", "/health").statusCode()).isEqualTo(200);
  }

  @Test
  void metricsIsPrometheusTextWithGazetteMetersAndTheirValues() throws Exception {
    SiteMeters x = GazetteMetrics.site("x");
    for (int i = 0; i < 3; i++) {
      x.fetches("archived").increment();
    }
    x.fetches("robots_denied").increment();
    x.robotsBlocked();
    x.fetchBytes(1500);
    x.warcBytes(700);
    x.extractionFailure();
    x.frontierSize(42);
    GazetteMetrics.politenessWait("status-test.example").increment(2.5);
    GazetteMetrics.runEnded("x", "completed", Instant.ofEpochSecond(1_800_000_000L));
    GazetteMetrics.runEnded("x", "failed", Instant.ofEpochSecond(1_800_000_100L));

    HttpResponse<String> r = send("GET", "/metrics");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .contains("text/plain; version=0.0.4; charset=utf-8");
    assertThat(r.body())
        .contains("gazette_fetches_total{outcome=\"archived\",site=\"x\"} 3.0")
        .contains("gazette_fetches_total{outcome=\"robots_denied\",site=\"x\"} 1.0")
        .contains("gazette_robots_blocked_total{site=\"x\"} 1.0")
        .contains("gazette_fetch_bytes_total{site=\"x\"} 1500.0")
        .contains("gazette_warc_bytes_total{site=\"x\"} 700.0")
        .contains("gazette_extraction_failures_total{site=\"x\"} 1.0")
        .contains("gazette_frontier_size{site=\"x\"} 42.0")
        .contains("gazette_politeness_wait_seconds_total{host=\"status-test.example\"} 2.5")
        .contains("gazette_runs_total{outcome=\"completed\",site=\"x\"} 1.0")
        .contains("gazette_runs_total{outcome=\"failed\",site=\"x\"} 1.0")
        // a failed run leaves the last success where it was
        .contains("gazette_site_last_success_seconds{site=\"x\"} 1.8E9")
        // the JVM's own
        .contains("jvm_memory_used_bytes", "jvm_threads_live_threads", "process_uptime_seconds",
            "jvm_classes_loaded_classes", "system_cpu_count");
    x.frontierSize(0);
  }

  @Test
  void refusesAnAddressInUse() {
    assertThatThrownBy(() -> StatusServer.start("127.0.0.1", server.port(), jobs, registry))
        .isInstanceOf(IOException.class).hasMessageContaining(":" + server.port());
  }

  @Test
  void portZeroInTheConfigMeansOff() {
    assertThatThrownBy(() -> StatusServer.start(new StatusConfig("127.0.0.1", 0), jobs, registry))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status.port");
  }
}
