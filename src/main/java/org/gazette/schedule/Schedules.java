package org.gazette.schedule;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import org.gazette.config.GazetteConfig;
import org.gazette.config.SiteConfig;
import org.gazette.store.StateStore;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sites' schedules in Quartz: one durable job and one cron trigger per site, kept in Quartz's
 * JDBC job store on the state store, so schedules, misfires and fire history survive restarts.
 * A run missed during downtime fires once when the daemon is back, not once per missed slot.
 */
final class Schedules implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Schedules.class);
  static final String GROUP = "sites";

  /** What {@link #apply} changed. */
  record Changes(List<String> added, List<String> removed, List<String> rescheduled) {
    boolean none() {
      return added.isEmpty() && removed.isEmpty() && rescheduled.isEmpty();
    }

    @Override
    public String toString() {
      return "added " + added + ", removed " + removed + ", rescheduled " + rescheduled;
    }
  }

  private final Scheduler scheduler;

  Schedules(StateStore store, GazetteConfig config, String node, SiteRunner runner)
      throws SchedulerException {
    // Quartz takes its connections from the store's pool, registered under a name of its own
    String dataSource = "gazette-" + System.identityHashCode(this);
    DBConnectionManager.getInstance().addConnectionProvider(dataSource, new ConnectionProvider() {
      @Override
      public java.sql.Connection getConnection() throws java.sql.SQLException {
        return store.dataSource().getConnection();
      }

      @Override
      public void shutdown() {
        // the pool belongs to the store, which closes it
      }

      @Override
      public void initialize() {
      }
    });
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", "gazette");
    // each daemon of a cluster is one Quartz instance, named by its node id (unique per daemon)
    p.setProperty("org.quartz.scheduler.instanceId", node);
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
    p.setProperty("org.quartz.threadPool.threadCount",
        Integer.toString(config.daemon().maxConcurrentSites()));
    p.setProperty("org.quartz.threadPool.threadNamePrefix", "gazette-site");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    p.setProperty("org.quartz.jobStore.driverDelegateClass", store.isPostgres()
        ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
        : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
    p.setProperty("org.quartz.jobStore.dataSource", dataSource);
    p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
    p.setProperty("org.quartz.jobStore.useProperties", "true");
    // a trigger more than 5 s late (daemon down, every worker busy, the site's last run still
    // going) counts as missed and fires once (FireAndProceed), instead of once per missed slot
    p.setProperty("org.quartz.jobStore.misfireThreshold", "5000");
    p.setProperty("org.quartz.jobStore.isClustered", Boolean.toString(config.state().cluster()));
    p.setProperty("org.quartz.jobStore.clusterCheckinInterval",
        Long.toString(config.state().checkinInterval().toMillis()));
    // a database that went away is tried again this often (Quartz's default is 15 s)
    p.setProperty("org.quartz.jobStore.dbRetryInterval", "2000");
    StdSchedulerFactory factory = new StdSchedulerFactory(p);
    scheduler = factory.getScheduler();
    scheduler.setJobFactory((bundle, s) -> new SiteJob(runner, runner.config().daemon().jitter()));
  }

  /**
   * Makes the schedules match {@code config}: a job for each new site, a new trigger where a
   * site's cron or time zone changed, and no job for a site that is gone.
   */
  Changes apply(GazetteConfig config) throws SchedulerException {
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<String> rescheduled = new ArrayList<>();
    for (SiteConfig site : config.sites().values()) {
      JobKey job = JobKey.jobKey(site.name(), GROUP);
      TriggerKey key = TriggerKey.triggerKey(site.name(), GROUP);
      Trigger existing = scheduler.getTrigger(key);
      if (!scheduler.checkExists(job)) {
        scheduler.addJob(jobDetail(site.name(), config), true);
      }
      if (existing == null) {
        try {
          scheduler.scheduleJob(trigger(site));
          added.add(site.name());
          continue;
        } catch (org.quartz.ObjectAlreadyExistsException anotherNode) {
          // a cluster node starting at the same moment stored it first: compare with theirs
          existing = scheduler.getTrigger(key);
        }
      }
      if (existing != null && (!(existing instanceof CronTrigger cron)
          || !cron.getCronExpression().equals(site.schedule())
          || !cron.getTimeZone().toZoneId().equals(site.timeZone()))) {
        scheduler.rescheduleJob(key, trigger(site));
        rescheduled.add(site.name());
      }
    }
    for (JobKey job : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
      if (!config.sites().containsKey(job.getName())) {
        scheduler.deleteJob(job);
        removed.add(job.getName());
      }
    }
    return new Changes(added, removed, rescheduled);
  }

  private static JobDetail jobDetail(String site, GazetteConfig config) {
    return JobBuilder.newJob(SiteJob.class)
        .withIdentity(site, GROUP)
        .withDescription("crawl of site " + site)
        .storeDurably()
        // in a cluster, another node picks up the run of a node that died
        .requestRecovery(config.state().cluster())
        .build();
  }

  private static Trigger trigger(SiteConfig site) {
    return TriggerBuilder.newTrigger()
        .withIdentity(site.name(), GROUP)
        .forJob(site.name(), GROUP)
        .withSchedule(CronScheduleBuilder.cronSchedule(site.schedule())
            .inTimeZone(TimeZone.getTimeZone(site.timeZone()))
            .withMisfireHandlingInstructionFireAndProceed())
        .build();
  }

  /**
   * Removes the one-off triggers of "run now" requests that a stopped daemon left in the job
   * store: they belonged to that daemon's life, and would fire as soon as this one starts.
   */
  void dropRunNowTriggers() throws SchedulerException {
    for (JobKey job : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
      for (Trigger t : scheduler.getTriggersOfJob(job)) {
        if (!t.getKey().equals(TriggerKey.triggerKey(job.getName(), GROUP))) {
          scheduler.unscheduleJob(t.getKey());
        }
      }
    }
  }

  /** True when the site's scheduled trigger is due or overdue: starting Quartz fires it. */
  boolean due(String site) throws SchedulerException {
    CronTrigger t = trigger(site);
    return t != null && t.getNextFireTime() != null
        && !t.getNextFireTime().after(new java.util.Date());
  }

  /** Starts firing triggers. */
  void start() throws SchedulerException {
    scheduler.start();
  }

  /** Fires no more triggers; runs in progress go on. */
  void standby() throws SchedulerException {
    scheduler.standby();
  }

  /**
   * Runs {@code site} now (after the run in progress, if any).
   *
   * @return false if the site has no job
   */
  boolean runNow(String site) throws SchedulerException {
    JobKey job = JobKey.jobKey(site, GROUP);
    if (!scheduler.checkExists(job)) {
      return false;
    }
    JobDataMap data = new JobDataMap();
    data.put(SiteJob.NOW, "true");
    scheduler.triggerJob(job, data);
    return true;
  }

  /** The scheduled sites, sorted. */
  Set<String> sites() throws SchedulerException {
    Set<String> out = new TreeSet<>();
    scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP)).forEach(k -> out.add(k.getName()));
    return out;
  }

  /** The cron trigger of {@code site}, or null. */
  CronTrigger trigger(String site) throws SchedulerException {
    Trigger t = scheduler.getTrigger(TriggerKey.triggerKey(site, GROUP));
    return t instanceof CronTrigger c ? c : null;
  }

  static ZoneId zone(CronTrigger t) {
    return t.getTimeZone().toZoneId();
  }

  /** Stops Quartz without waiting for the jobs in progress (they were given their time). */
  void abandonRunningJobs() {
    try {
      scheduler.shutdown(false);
    } catch (SchedulerException e) {
      log.warn("Quartz did not shut down cleanly: {}", e.getMessage());
    }
  }

  /** Stops Quartz, waiting for the jobs in progress to end. */
  @Override
  public void close() {
    try {
      scheduler.shutdown(true);
    } catch (SchedulerException e) {
      log.warn("Quartz did not shut down cleanly: {}", e.getMessage());
    }
  }
}
