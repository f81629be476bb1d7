package org.gazette.schedule;

import java.time.Duration;
import java.util.Date;
import java.util.concurrent.ThreadLocalRandom;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;

/**
 * The Quartz job of one site (the job's name is the site's). Quartz never runs two of one site
 * at once. A scheduled fire does not crawl yet: it asks for a run a random jitter later, as a
 * one-off trigger, so that sites on the same schedule spread out without a worker thread
 * sleeping through the pause; that run, like one asked for now, crawls at once.
 */
@DisallowConcurrentExecution
public final class SiteJob implements InterruptableJob {
  /** Job data key: true when the fire is a run asked for now (or the jittered one). */
  static final String NOW = "now";

  private final SiteRunner runner;
  private final Duration jitter;

  SiteJob(SiteRunner runner, Duration jitter) {
    this.runner = runner;
    this.jitter = jitter;
  }

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    String site = context.getJobDetail().getKey().getName();
    boolean now = "true".equals(context.getMergedJobDataMap().getString(NOW));
    long pause = now || jitter.isZero() ? 0
        : ThreadLocalRandom.current().nextLong(jitter.toMillis() + 1);
    if (pause > 0) {
      try {
        context.getScheduler().scheduleJob(TriggerBuilder.newTrigger()
            .forJob(context.getJobDetail().getKey())
            .usingJobData(NOW, "true")
            .startAt(new Date(System.currentTimeMillis() + pause))
            .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                .withMisfireHandlingInstructionFireNow())
            .build());
        return;
      } catch (SchedulerException e) {
        // no later trigger: crawl now rather than not at all
      }
    }
    if (!runner.stopping()) {
      runner.run(site);
    }
  }

  @Override
  public void interrupt() {
    // stopping goes through SiteRunner.stopAll, which closes the run's WARC file properly
  }
}
