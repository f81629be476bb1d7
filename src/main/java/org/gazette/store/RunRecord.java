package org.gazette.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One run of one site as the state store keeps it (table {@code runs}), and as the daemon writes
 * it to {@code logs/runs.jsonl} when it ends.
 *
 * @param site the site
 * @param runId the run's id (also in the warcinfo of its WARC files)
 * @param started when it began
 * @param ended when it ended; null while it runs (or if its process died)
 * @param outcome {@code running}, {@code completed}, {@code interrupted} or {@code failed}
 * @param fetched URLs processed
 * @param newArticles article pages captured for the first time (or changed since the last capture)
 * @param revisits pages whose content was unchanged since the last capture (revisit records)
 * @param errors URLs that ended in an error (HTTP 4xx/5xx, fetch errors)
 * @param message why a failed run failed, else null
 */
public record RunRecord(
    String site,
    String runId,
    Instant started,
    Instant ended,
    String outcome,
    long fetched,
    long newArticles,
    long revisits,
    long errors,
    String message) {

  public static final String RUNNING = "running";
  public static final String COMPLETED = "completed";
  public static final String INTERRUPTED = "interrupted";
  public static final String FAILED = "failed";

  public RunRecord {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(outcome, "outcome");
  }
}
