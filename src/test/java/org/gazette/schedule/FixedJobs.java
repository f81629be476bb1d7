package org.gazette.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gazette.store.RunRecord;

/** A {@link JobsView} with fixed jobs, that records what it was asked to run and can fail. */
public final class FixedJobs implements JobsView {
  /** A site that is running, with a last run that completed. */
  public static final SiteJobStatus PORTAL = new SiteJobStatus("portal", "0 */30 * * * ?",
      "Asia/Shanghai", Instant.parse("2026-11-26T10:30:00Z"),
      Instant.parse("2026-11-26T10:00:00Z"),
      new SiteJobStatus.RunningRun("run-2", Instant.parse("2026-11-26T10:00:01Z"), 12, 30, 13),
      new RunRecord("portal", "run-1", Instant.parse("2026-11-26T09:30:00Z"),
          Instant.parse("2026-11-26T09:31:05Z"), RunRecord.COMPLETED, 51, 46, 5, 1, null));
  /** A site never run yet, with no next fire time either. */
  public static final SiteJobStatus QUIET = new SiteJobStatus("quiet", "0 0 3 * * ?", "UTC",
      null, null, null, null);

  private final List<SiteJobStatus> jobs;
  public final List<String> runs = new CopyOnWriteArrayList<>();
  public volatile RuntimeException failure;

  public FixedJobs(SiteJobStatus... jobs) {
    this.jobs = List.of(jobs);
  }

  @Override
  public List<SiteJobStatus> jobs() {
    RuntimeException f = failure;
    if (f != null) {
      throw f;
    }
    return new ArrayList<>(jobs);
  }

  @Override
  public boolean runNow(String site) {
    if (jobs().stream().noneMatch(j -> j.site().equals(site))) {
      return false;
    }
    runs.add(site);
    return true;
  }
}
