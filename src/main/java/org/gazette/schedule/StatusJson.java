package org.gazette.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.gazette.store.RunRecord;

/**
 * The JSON of {@code GET /jobs}, both ways: what {@link StatusServer} writes and what {@code
 * gazette status} reads back. Keys are snake_case in a fixed order, times ISO-8601 instants,
 * unknown values {@code null} (kept, not left out, so that a reader sees every key).
 *
 * <pre>{@code
 * {"site":"demo","cron":"0 0 * * * ?","time_zone":"Asia/Shanghai",
 *  "next_fire":"2026-11-26T10:30:00Z","previous_fire":"2026-11-26T10:00:00Z",
 *  "running":{"run":"…","started":"…","processed":12,"queued":30,"requests":13},
 *  "last_run":{"site":"demo","run":"…","started":"…","ended":"…","outcome":"completed",
 *              "fetched":51,"new_articles":46,"revisits":0,"errors":0,"message":null}}
 * }</pre>
 */
public final class StatusJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private StatusJson() {}

  /** The mapper both sides use: plain Jackson, the nodes are built by hand. */
  static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The JSON array of {@code jobs}, as {@code GET /jobs} answers. */
  public static String write(List<SiteJobStatus> jobs) {
    ArrayNode array = MAPPER.createArrayNode();
    jobs.forEach(j -> array.add(node(j)));
    return toText(array);
  }

  /** The JSON object of one job, as {@code GET /jobs/{site}} answers. */
  public static String write(SiteJobStatus job) {
    return toText(node(job));
  }

  /**
   * Reads the answer of {@code GET /jobs} back.
   *
   * @throws IllegalArgumentException if it is not a JSON array of jobs
   */
  public static List<SiteJobStatus> readJobs(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException("not a JSON array of jobs");
    }
    List<SiteJobStatus> jobs = new ArrayList<>();
    for (JsonNode j : root) {
      jobs.add(job(j));
    }
    return jobs;
  }

  static ObjectNode node(SiteJobStatus job) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("site", job.site());
    n.put("cron", job.cron());
    n.put("time_zone", job.timeZone());
    n.put("next_fire", text(job.nextFire()));
    n.put("previous_fire", text(job.previousFire()));
    SiteJobStatus.RunningRun r = job.running();
    if (r == null) {
      n.putNull("running");
    } else {
      ObjectNode running = n.putObject("running");
      running.put("run", r.runId());
      running.put("started", text(r.started()));
      running.put("processed", r.processed());
      running.put("queued", r.queued());
      running.put("requests", r.requests());
    }
    RunRecord last = job.lastRun();
    if (last == null) {
      n.putNull("last_run");
    } else {
      ObjectNode l = n.putObject("last_run");
      l.put("site", last.site());
      l.put("run", last.runId());
      l.put("started", text(last.started()));
      l.put("ended", text(last.ended()));
      l.put("outcome", last.outcome());
      l.put("fetched", last.fetched());
      l.put("new_articles", last.newArticles());
      l.put("revisits", last.revisits());
      l.put("errors", last.errors());
      l.put("message", last.message());
    }
    return n;
  }

  static String toText(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e); // a tree of plain nodes always serializes
    }
  }

  private static SiteJobStatus job(JsonNode j) {
    String site = requiredText(j, "site");
    JsonNode r = j.path("running");
    SiteJobStatus.RunningRun running = r.isObject()
        ? new SiteJobStatus.RunningRun(text(r, "run"), instant(r, "started"),
            r.path("processed").asLong(), r.path("queued").asLong(), r.path("requests").asLong())
        : null;
    JsonNode l = j.path("last_run");
    RunRecord last = l.isObject()
        ? new RunRecord(site, requiredText(l, "run"), requiredInstant(l, "started"),
            instant(l, "ended"), requiredText(l, "outcome"), l.path("fetched").asLong(),
            l.path("new_articles").asLong(), l.path("revisits").asLong(),
            l.path("errors").asLong(), text(l, "message"))
        : null;
    return new SiteJobStatus(site, text(j, "cron"), text(j, "time_zone"), instant(j, "next_fire"),
        instant(j, "previous_fire"), running, last);
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }

  private static String text(JsonNode parent, String key) {
    JsonNode v = parent.path(key);
    return v.isTextual() ? v.asText() : null;
  }

  private static String requiredText(JsonNode parent, String key) {
    String v = text(parent, key);
    if (v == null) {
      throw new IllegalArgumentException("a job without \"" + key + "\"");
    }
    return v;
  }

  private static Instant instant(JsonNode parent, String key) {
    String v = text(parent, key);
    if (v == null) {
      return null;
    }
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("\"" + key + "\" is not an ISO-8601 instant: " + v, e);
    }
  }

  private static Instant requiredInstant(JsonNode parent, String key) {
    Instant v = instant(parent, key);
    if (v == null) {
      throw new IllegalArgumentException("a run without \"" + key + "\"");
    }
    return v;
  }
}
