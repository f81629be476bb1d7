package org.gazette.schedule;

import java.time.Instant;
import org.gazette.store.RunRecord;

/**
 * One site's job as {@code GET /jobs} and {@code gazette status} show it.
 *
 * @param site the site
 * @param cron its Quartz cron expression
 * @param timeZone the zone the cron is read in
 * @param nextFire when it runs next; null if never
 * @param previousFire when it last started on schedule; null if never
 * @param running the run in progress, or null
 * @param lastRun the last finished run, or null
 */
public record SiteJobStatus(
    String site,
    String cron,
    String timeZone,
    Instant nextFire,
    Instant previousFire,
    RunningRun running,
    RunRecord lastRun) {

  /**
   * A run in progress.
   *
   * @param runId its id
   * @param started when it began
   * @param processed URLs done so far
   * @param queued URLs waiting or in flight
   * @param requests HTTP exchanges so far
   */
  public record RunningRun(String runId, Instant started, long processed, long queued,
      long requests) {}
}
