package org.gazette.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.gazette.config.StatusConfig;
import org.gazette.schedule.SiteJobStatus;
import org.gazette.schedule.StatusJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gazette status}: asks the running daemon for its jobs ({@code GET /jobs} on the status
 * endpoint of the config) and prints them as a table, or as the daemon's JSON.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show the running daemon's jobs: schedule, next run, state and last run.")
final class StatusCommand implements Callable<Integer> {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @Spec CommandSpec spec;

  @Option(names = "--config", paramLabel = "DIR",
      description = "Config folder (default: ./config if present, else the built-in defaults);"
          + " its status.host and status.port say where the daemon answers.")
  Path config;

  @Option(names = "--json", description = "Print the daemon's JSON (GET /jobs) as it comes.")
  boolean json;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    StatusConfig status = Configs.load(config).status();
    String file = configFile();
    if (!status.enabled()) {
      err.println("gazette: the status endpoint is off: status.port is 0 in " + file
          + "; set it to the port the daemon serves");
      return Main.EXIT_USAGE;
    }
    URI base = baseUri(status);
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/jobs")).timeout(TIMEOUT)
        .header("Accept", "application/json").GET().build();
    HttpResponse<String> response;
    try {
      response = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()
          .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      log().info("status: {}: {}", base, e.toString());
      err.println(e instanceof HttpConnectTimeoutException ? noDaemon(base, file)
          : "gazette: the daemon on " + origin(base) + " did not answer within "
              + TIMEOUT.toSeconds() + " s");
      return Main.EXIT_FAILURE;
    } catch (IOException e) {
      // refused, reset, not HTTP: in every case no daemon of ours is there to ask
      log().info("status: {}: {}", base, e.toString());
      err.println(noDaemon(base, file));
      return Main.EXIT_FAILURE;
    }
    if (response.statusCode() != 200) {
      err.println("gazette: the daemon on " + origin(base) + " answered HTTP "
          + response.statusCode() + " to GET /jobs: " + response.body().strip());
      return Main.EXIT_FAILURE;
    }
    if (json) {
      out.println(response.body());
      return 0;
    }
    List<SiteJobStatus> jobs;
    try {
      jobs = StatusJson.readJobs(response.body());
    } catch (IllegalArgumentException e) {
      err.println("gazette: " + origin(base) + "/jobs did not answer with jobs: " + e.getMessage());
      return Main.EXIT_FAILURE;
    }
    out.print(JobsTable.format(jobs, ZoneId.systemDefault()));
    out.flush();
    return 0;
  }

  private static String noDaemon(URI base, String file) {
    return "gazette: no daemon answers on " + origin(base) + " (is `gazette daemon` running?"
        + " status.port in " + file + ")";
  }

  /** The gazette.yaml the status keys came from (or would go in, for the built-in defaults). */
  private String configFile() {
    Path dir = config != null ? config : Path.of("config");
    if (config == null && !Files.isDirectory(dir)) {
      return "config/gazette.yaml";
    }
    return dir.resolve("gazette.yaml").toString();
  }

  /**
   * Where to reach the daemon: its bind address, except that an address meaning "every
   * interface" is reached on loopback.
   */
  static URI baseUri(StatusConfig status) {
    String host = switch (status.host()) {
      case "0.0.0.0" -> "127.0.0.1";
      case "::", "[::]", "::0" -> "[::1]";
      default -> status.host();
    };
    if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]"; // an IPv6 literal
    }
    return URI.create("http://" + host + ":" + status.port() + "/");
  }

  private static String origin(URI base) {
    return "http://" + base.getRawAuthority();
  }

  /**
   * Made when needed, not as a static field: picocli creates every command to print help, and a
   * static logger would start logging (and create logs/gazette.log) for {@code gazette --help}.
   */
  private static Logger log() {
    return LoggerFactory.getLogger(StatusCommand.class);
  }
}
