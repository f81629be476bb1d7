package org.gazette.schedule;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.gazette.config.StatusConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's status and metrics endpoint, a small HTTP server for the operator and for
 * Prometheus:
 *
 * <ul>
 *   <li>{@code GET /health}: {@code {"status":"UP",...}} with uptime, jobs and running runs;
 *       503 {@code "DOWN"} when the scheduler cannot be asked
 *   <li>{@code GET /metrics}: the Prometheus text exposition of the registry
 *   <li>{@code GET /jobs}: every site's job as a JSON array ({@link StatusJson})
 *   <li>{@code GET /jobs/{site}}: one site's job, or 404
 *   <li>{@code POST /jobs/{site}/run}: 202 when a run was asked for, 404 for an unknown site
 * </ul>
 *
 * <p>Every error is a JSON {@code {"error":"..."}}: 404 for an unknown path or site, 405 (with
 * {@code Allow}) for a wrong method, 500 when the scheduler fails, which never stops the server.
 * Two daemon threads answer, so a scrape never waits for long and never keeps the JVM alive.
 */
public final class StatusServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StatusServer.class);

  /** The Prometheus text format, version 0.0.4, that every Prometheus server reads. */
  public static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  static final String JSON = "application/json";
  private static final int THREADS = 2;
  /** A POST needs no body; one is read and dropped, up to this much, to keep the connection. */
  private static final int MAX_DRAINED_BODY = 64 * 1024;

  private final HttpServer server;
  private final ExecutorService executor;
  private final JobsView jobs;
  private final PrometheusMeterRegistry registry;
  private final Instant started = Instant.now();

  private StatusServer(HttpServer server, ExecutorService executor, JobsView jobs,
      PrometheusMeterRegistry registry) {
    this.server = server;
    this.executor = executor;
    this.jobs = jobs;
    this.registry = registry;
  }

  /** Starts a server on the configured host and port (which must not be 0: that means off). */
  public static StatusServer start(StatusConfig config, JobsView jobs,
      PrometheusMeterRegistry registry) throws IOException {
    if (!config.enabled()) {
      throw new IllegalArgumentException("status.port is 0: the status endpoint is off");
    }
    return start(config.host(), config.port(), jobs, registry);
  }

  /**
   * Starts a server on {@code host}:{@code port}; port 0 takes a free port, which {@link #port()}
   * then tells.
   *
   * @throws IOException if the address cannot be bound (in use, not local)
   */
  public static StatusServer start(String host, int port, JobsView jobs,
      PrometheusMeterRegistry registry) throws IOException {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(jobs, "jobs");
    Objects.requireNonNull(registry, "registry");
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 0);
    } catch (IOException e) {
      throw new IOException("cannot serve the status endpoint on " + host + ":" + port + ": "
          + e.getMessage(), e);
    }
    ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
    StatusServer status = new StatusServer(server, executor, jobs, registry);
    server.createContext("/", status::handle);
    server.setExecutor(executor);
    server.start();
    log.info("status endpoint on http://{}:{}/ (health, metrics, jobs)", host, status.port());
    return status;
  }

  /** The port the server listens on: the one asked for, or the one given for port 0. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The address the server listens on. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** Stops listening, drops requests not answered yet and ends the threads. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    log.info("status endpoint closed");
  }

  /** The answer to a request, made in full before anything is sent. */
  private record Response(int status, String contentType, byte[] body, String allow) {
    static Response json(int status, String json) {
      return new Response(status, JSON, json.getBytes(StandardCharsets.UTF_8), null);
    }

    static Response error(int status, String message) {
      ObjectNode n = StatusJson.mapper().createObjectNode().put("error", message);
      return json(status, StatusJson.toText(n));
    }

    static Response notAllowed(String method, String path, String allow) {
      Response r = error(405, "method " + method + " is not allowed on " + path
          + "; allowed: " + allow);
      return new Response(r.status, r.contentType, r.body, allow);
    }
  }

  private void handle(HttpExchange exchange) {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    try (exchange) {
      Response response;
      try {
        drainBody(exchange);
        response = route(method, path == null ? "" : path);
      } catch (RuntimeException e) {
        // the scheduler (or its store) failed: say so, and stay up for the next request
        log.warn("status {} {} failed: {}", method, path, e.toString());
        log.debug("status request failure", e);
        response = Response.error(500, "internal error: "
            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      }
      send(exchange, method, response);
      log.debug("status {} {} -> {}", method, path, response.status());
    } catch (IOException | RuntimeException e) {
      // the client went away while we answered: nothing to tell anyone
      log.debug("status {} {}: answer not sent: {}", method, path, e.toString());
    }
  }

  private Response route(String method, String rawPath) {
    String path = rawPath.length() > 1 && rawPath.endsWith("/")
        ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
    String[] parts = path.split("/", -1); // "/jobs/x/run" -> "", "jobs", "x", "run"
    if (path.equals("/health")) {
      return isGet(method) ? health() : Response.notAllowed(method, path, "GET");
    }
    if (path.equals("/metrics")) {
      return isGet(method) ? metrics() : Response.notAllowed(method, path, "GET");
    }
    if (path.equals("/jobs")) {
      return isGet(method) ? Response.json(200, StatusJson.write(jobs.jobs()))
          : Response.notAllowed(method, path, "GET");
    }
    if (parts.length == 3 && parts[1].equals("jobs") && !parts[2].isEmpty()) {
      return isGet(method) ? job(parts[2]) : Response.notAllowed(method, path, "GET");
    }
    if (parts.length == 4 && parts[1].equals("jobs") && !parts[2].isEmpty()
        && parts[3].equals("run")) {
      return method.equals("POST") ? runNow(parts[2]) : Response.notAllowed(method, path, "POST");
    }
    return Response.error(404, "no such path: " + rawPath
        + " (try /health, /metrics, /jobs, /jobs/{site}, POST /jobs/{site}/run)");
  }

  private static boolean isGet(String method) {
    return method.equals("GET");
  }

  private Response health() {
    ObjectNode n = StatusJson.mapper().createObjectNode();
    n.put("status", "UP");
    n.put("started", started.toString());
    n.put("uptime_seconds", Duration.between(started, Instant.now()).toSeconds());
    try {
      List<SiteJobStatus> all = jobs.jobs();
      n.put("jobs", all.size());
      n.put("running", all.stream().filter(j -> j.running() != null).count());
    } catch (RuntimeException e) {
      // the process answers, but its scheduler does not: a monitor should see that as down
      log.warn("health: the scheduler cannot be asked: {}", e.toString());
      n.put("status", "DOWN");
      n.put("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      return Response.json(503, StatusJson.toText(n));
    }
    return Response.json(200, StatusJson.toText(n));
  }

  private Response metrics() {
    ByteArrayOutputStream text = new ByteArrayOutputStream(16 * 1024);
    try {
      registry.scrape(text);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the metrics: " + e.getMessage(), e);
    }
    return new Response(200, PROMETHEUS_CONTENT_TYPE, text.toByteArray(), null);
  }

  private Response job(String site) {
    Optional<SiteJobStatus> job = jobs.job(site);
    return job.map(j -> Response.json(200, StatusJson.write(j)))
        .orElseGet(() -> Response.error(404, "no job for site '" + site + "'"));
  }

  private Response runNow(String site) {
    if (!jobs.runNow(site)) {
      return Response.error(404, "no job for site '" + site + "'");
    }
    log.info("run of {} asked for through the status endpoint", site);
    ObjectNode n = StatusJson.mapper().createObjectNode().put("site", site).put("accepted", true);
    return Response.json(202, StatusJson.toText(n));
  }

  private static void send(HttpExchange exchange, String method, Response r)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", r.contentType());
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    if (r.allow() != null) {
      exchange.getResponseHeaders().set("Allow", r.allow());
    }
    // -1: no body (a HEAD gets none); 0 would mean chunked
    boolean noBody = r.body().length == 0 || method.equals("HEAD");
    exchange.sendResponseHeaders(r.status(), noBody ? -1 : r.body().length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(r.body());
      }
    }
  }

  private static void drainBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.readNBytes(MAX_DRAINED_BODY);
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "status-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
