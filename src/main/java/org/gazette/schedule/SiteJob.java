package org.gazette.schedule;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;

/**
 * The Quartz job of one site (the job's name is the site's). Quartz never runs two of one site
 * at once; a scheduled run first waits a random jitter, a run asked for now does not.
 */
@DisallowConcurrentExecution
public final class SiteJob implements InterruptableJob {
  /** Job data key: true when the run was asked for now, rather than by the schedule. */
  static final String NOW = "now";

  private final SiteRunner runner;
  private final Duration jitter;

  SiteJob(SiteRunner runner, Duration jitter) {
    this.runner = runner;
    this.jitter = jitter;
  }

  @Override
  public void execute(JobExecutionContext context) {
    String site = context.getJobDetail().getKey().getName();
    boolean now = "true".equals(context.getMergedJobDataMap().getString(NOW));
    try {
      if (!now && !jitter.isZero()
          && runner.pauseUnlessStopping(Duration.ofMillis(
              ThreadLocalRandom.current().nextLong(jitter.toMillis() + 1)))) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    runner.run(site);
  }

  @Override
  public void interrupt() {
    // stopping goes through SiteRunner.stopAll, which closes the run's WARC file properly
  }
}
