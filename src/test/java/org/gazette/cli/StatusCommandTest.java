package org.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gazette.config.StatusConfig;
import org.gazette.metrics.GazetteMetrics;
import org.gazette.schedule.FixedJobs;
import org.gazette.schedule.StatusServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gazette status} against a real status endpoint on loopback. */
class StatusCommandTest {
  @TempDir Path tmp;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  final FixedJobs jobs = new FixedJobs(FixedJobs.PORTAL, FixedJobs.QUIET);
  PrometheusMeterRegistry registry;
  StatusServer server;

  @BeforeEach
  void start() throws Exception {
    registry = GazetteMetrics.prometheus();
    server = StatusServer.start("127.0.0.1", 0, jobs, registry);
  }

  @AfterEach
  void stop() {
    server.close();
    GazetteMetrics.detach(registry);
  }

  int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  Path config(String gazetteYaml) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("config"));
    Files.writeString(dir.resolve("gazette.yaml"), gazetteYaml);
    return dir;
  }

  @Test
  void printsTheDaemonsJobsAsATable() throws Exception {
    Path config = config("status: {host: 127.0.0.1, port: " + server.port() + "}\n");

    int code = run("status", "--config", config.toString());

    assertThat(err.toString()).isEmpty();
    assertThat(code).isEqualTo(0);
    String[] lines = out.toString().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).startsWith("SITE").contains("SCHEDULE", "NEXT RUN", "STATE", "LAST RUN");
    assertThat(lines[1]).startsWith("portal").contains("0 */30 * * * ? Asia/Shanghai")
        .contains("running: 12 done, 30 queued")
        .contains("completed ").contains("51 fetched, 46 new articles, 5 revisits, 1 errors");
    assertThat(lines[2]).startsWith("quiet").contains("0 0 3 * * ? UTC", "idle", "never");
    // columns line up under the header
    assertThat(lines[1].indexOf("running")).isEqualTo(lines[0].indexOf("STATE"));
    assertThat(lines[2].indexOf("idle")).isEqualTo(lines[0].indexOf("STATE"));
  }

  @Test
  void jsonPrintsWhatTheDaemonAnswers() throws Exception {
    Path config = config("status:\n  port: " + server.port() + "\n");

    int code = run("status", "--config", config.toString(), "--json");

    assertThat(code).isEqualTo(0);
    var array = new ObjectMapper().readTree(out.toString());
    assertThat(array).hasSize(2);
    assertThat(array.get(0).get("site").asText()).isEqualTo("portal");
    assertThat(array.get(0).get("last_run").get("new_articles").asLong()).isEqualTo(46);
  }

  @Test
  void noDaemonExitsOneWithWhereItLooked() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort(); // closed again: nothing listens there
    }
    Path config = config("status: {port: " + port + "}\n");

    int code = run("status", "--config", config.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString().strip()).isEqualTo("gazette: no daemon answers on http://127.0.0.1:"
        + port + " (is `gazette daemon` running? status.port in "
        + config.resolve("gazette.yaml") + ")");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void portZeroIsBadUsageNamingTheKey() throws Exception {
    Path config = config("status: {port: 0}\n");

    int code = run("status", "--config", config.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("status.port").contains("gazette.yaml");
  }

  @Test
  void aFailingDaemonExitsOneWithItsError() throws Exception {
    jobs.failure = new IllegalStateException("state store unreachable");
    Path config = config("status: {port: " + server.port() + "}\n");

    int code = run("status", "--config", config.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("HTTP 500").contains("state store unreachable");
  }

  @Test
  void wildcardBindAddressesAreReachedOnLoopback() {
    assertThat(StatusCommand.baseUri(new StatusConfig("0.0.0.0", 8765)))
        .hasToString("http://127.0.0.1:8765/");
    assertThat(StatusCommand.baseUri(new StatusConfig("::", 8765)))
        .hasToString("http://[::1]:8765/");
    assertThat(StatusCommand.baseUri(new StatusConfig("fe80::1", 80)))
        .hasToString("http://[fe80::1]:80/");
    assertThat(StatusCommand.baseUri(new StatusConfig("status.internal", 9000)))
        .hasToString("http://status.internal:9000/");
  }
}
