package org.gazette.schedule;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.gazette.config.ConfigException;
import org.gazette.config.ConfigLoader;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.gazette.config.GazetteConfig;
import org.gazette.metrics.GazetteMetrics;
import org.gazette.store.RunRecord;
import org.gazette.store.StateStore;
import org.quartz.CronTrigger;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code gazette daemon}: every configured site crawled on its Quartz schedule, until stopped.
 *
 * <p>Start: open the state store, bring the schedules in line with the configuration, and run at
 * once every site whose last run did not finish (it resumes that run). Stop ({@link #stop}, on
 * SIGTERM or SIGINT): no new runs, the runs in progress stop after their fetches in flight
 * (bounded by {@code daemon.shutdownTimeout}), close their WARC files and are recorded as
 * interrupted. Reload ({@link #reload}, on SIGHUP or a change in the config folder): sites added,
 * removed and rescheduled; a configuration with errors is refused and the running one kept.
 */
public final class Daemon implements JobsView {
  private static final Logger log = LoggerFactory.getLogger(Daemon.class);

  private final Path configDir;
  private final Path stateDir;
  private final PrintWriter console;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  // reloads and config checks run here: a thread of the daemon's, with its class loader (a
  // signal handler's thread has none, and Quartz's JDBC proxies need one)
  private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(
      r -> {
        Thread t = new Thread(r, "gazette-config");
        t.setDaemon(true);
        t.setContextClassLoader(Daemon.class.getClassLoader());
        return t;
      });
  private volatile SiteRunner runner;
  private volatile Schedules schedules;
  private volatile StateStore store;

  /**
   * @param configDir the config folder (gazette.yaml, sites/)
   * @param stateDir where the default H2 store and the frontiers live
   * @param console where start, reload and stop are announced
   */
  public Daemon(Path configDir, Path stateDir, PrintWriter console) {
    this.configDir = configDir;
    this.stateDir = stateDir;
    this.console = console;
  }

  /**
   * Runs until {@link #stop} is called; returns when every run has stopped and every file is
   * closed.
   *
   * @throws ConfigException if the configuration is bad at start
   */
  public void run() throws SchedulerException, InterruptedException, java.io.IOException {
    GazetteConfig config = ConfigLoader.load(configDir);
    String node = node(config);
    java.nio.file.Files.createDirectories(stateDir);
    // one daemon per state folder: two schedulers on one job store would both fire every site
    try (java.nio.channels.FileChannel lockFile = java.nio.channels.FileChannel.open(
            stateDir.resolve("daemon.lock"), java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.WRITE);
        java.nio.channels.FileLock lock = lockFile.tryLock()) {
      if (lock == null) {
        throw new IllegalStateException("another gazette daemon is running on "
            + stateDir.toAbsolutePath() + " (" + stateDir.resolve("daemon.lock") + " is locked)");
      }
      runLocked(config, node);
    } finally {
      watcher.shutdownNow();
      stopped.countDown();
    }
  }

  private void runLocked(GazetteConfig config, String node)
      throws SchedulerException, InterruptedException, java.io.IOException {
    try (StateStore opened = StateStore.open(config.state(), stateDir)) {
      store = opened;
      runner = new SiteRunner(config, opened, node, stateDir);
      try (Schedules s = new Schedules(opened, config, node, runner)) {
        schedules = s;
        Schedules.Changes changes = s.apply(config);
        if (!changes.none()) {
          log.info("schedules: {}", changes);
        }
        s.dropRunNowTriggers();
        List<String> resuming = new ArrayList<>();
        for (String site : config.sites().keySet()) {
          var unfinished = opened.runs().toResume(site);
          if (unfinished.isPresent()) {
            RunRecord r = unfinished.get();
            log.info("site {}: run {} ({}, started {}) did not finish; resuming it now", site,
                r.runId(), r.outcome(), r.started());
            // a scheduled run missed while the daemon was down fires at start: it resumes.
            // In a cluster a run still "running" is Quartz's to recover, and only once its
            // node has stopped checking in: it may be alive on another machine.
            boolean quartzRecovers = config.state().cluster()
                && r.outcome().equals(RunRecord.RUNNING);
            if (!s.due(site) && !quartzRecovers) {
              resuming.add(site);
            }
          }
        }
        PrometheusMeterRegistry registry = GazetteMetrics.prometheus();
        for (String site : config.sites().keySet()) {
          opened.runs().lastEnded(site).filter(r -> r.outcome().equals(RunRecord.COMPLETED))
              .ifPresent(r -> GazetteMetrics.lastSuccess(site, r.ended()));
        }
        StatusServer status = config.status().enabled()
            ? StatusServer.start(config.status(), this, registry) : null;
        try {
          s.start();
          for (String site : resuming) {
            s.runNow(site);
          }
          serve(config, opened, s, status);
        } finally {
          if (status != null) {
            status.close();
          }
          GazetteMetrics.detach(registry);
        }
      }
    }
  }

  /** Announces the daemon, watches the config folder, and stops when asked. */
  private void serve(GazetteConfig config, StateStore opened, Schedules s, StatusServer status)
      throws SchedulerException, InterruptedException {
    if (!config.daemon().reloadCheck().isZero()) {
      ConfigWatcher files = new ConfigWatcher(configDir);
      long every = config.daemon().reloadCheck().toMillis();
      watcher.scheduleWithFixedDelay(() -> {
        try {
          if (files.changed()) {
            log.info("config folder {} changed", configDir);
            reload();
          }
        } catch (RuntimeException e) {
          // an exception would cancel this task for good: log it and keep watching
          log.error("config reload failed: {}", e.toString());
        }
      }, every, every, TimeUnit.MILLISECONDS);
    }
    console.printf("gazette daemon: %d site(s) scheduled %s; store %s; run log %s%s%n",
        config.sites().size(), config.sites().keySet(), opened.url(), runner.runLog(),
        status == null ? "" : "; status http://" + config.status().host() + ":"
            + status.port() + "/jobs");
    log.info("daemon started as node {} with {} site(s)", node(config), config.sites().size());
    stop.await();

    console.println("gazette daemon: stopping; letting fetches in flight finish...");
    watcher.shutdownNow();
    s.standby();
    int interrupted = runner.running();
    int late = runner.stopAll(runner.config().daemon().shutdownTimeout());
    if (late > 0) {
      log.warn("{} run(s) did not stop within daemon.shutdownTimeout; their WARC files stay"
          + " .open and are repaired when their site runs next", late);
      console.println("gazette daemon: " + late + " run(s) did not stop in time;"
          + " their .open files are repaired at the next start");
      s.abandonRunningJobs();
    }
    console.printf("gazette daemon: stopped (%d run(s) interrupted, resumed at next start)%n",
        interrupted);
  }

  /** Asks {@link #run} to stop; returns at once. */
  public void stop() {
    stop.countDown();
  }

  /** Asks for a {@link #reload} on the daemon's own thread; returns at once (for SIGHUP). */
  public void reloadSoon() {
    try {
      watcher.execute(this::reload);
    } catch (java.util.concurrent.RejectedExecutionException stopping) {
      // the daemon is stopping: nothing to reload
    }
  }

  /** Waits until {@link #run} has returned, at most {@code millis}. */
  public boolean awaitStopped(long millis) throws InterruptedException {
    return stopped.await(millis, TimeUnit.MILLISECONDS);
  }

  /**
   * Loads the config folder again and applies it: sites added, removed, rescheduled. A folder
   * with errors is refused, with a log line naming each problem, and the running configuration
   * stays.
   *
   * @return true if the new configuration was applied
   */
  public synchronized boolean reload() {
    SiteRunner r = runner;
    Schedules s = schedules;
    if (r == null || s == null || stop.getCount() == 0) {
      return false;
    }
    GazetteConfig fresh;
    try {
      fresh = ConfigLoader.load(configDir);
    } catch (ConfigException e) {
      log.error("config reload refused, the running configuration stays: {}",
          String.join("; ", e.problems().stream().map(Object::toString).toList()));
      console.println("gazette daemon: new configuration refused (see logs/gazette.log): "
          + e.getMessage());
      return false;
    }
    GazetteConfig old = r.config();
    if (!fresh.state().equals(old.state()) || !fresh.status().equals(old.status())
        || fresh.daemon().maxConcurrentSites() != old.daemon().maxConcurrentSites()
        || fresh.politeness().maxConnectionsPerHost() != old.politeness().maxConnectionsPerHost()
        || fresh.politenessByDomain() != old.politenessByDomain()) {
      log.warn("changes to state, status, daemon.maxConcurrentSites,"
          + " politeness.maxConnectionsPerHost and politenessScope take effect at the next start");
    }
    try {
      r.configure(fresh);
      Schedules.Changes changes = s.apply(fresh);
      log.info("config reloaded: {}", changes);
      console.println("gazette daemon: configuration reloaded: " + changes);
      return true;
    } catch (SchedulerException e) {
      log.error("config reload failed in the scheduler: {}", e.getMessage());
      return false;
    }
  }

  @Override
  public List<SiteJobStatus> jobs() {
    Schedules s = schedules;
    SiteRunner r = runner;
    StateStore st = store;
    if (s == null || r == null || st == null) {
      return List.of();
    }
    List<SiteJobStatus> out = new ArrayList<>();
    try {
      for (String site : s.sites()) {
        CronTrigger t = s.trigger(site);
        SiteJobStatus.RunningRun running = r.active(site).map(a -> {
          var p = a.progress().get();
          return new SiteJobStatus.RunningRun(a.run().runId(), a.started(),
              p == null ? 0 : p.processed(), p == null ? 0 : p.queued(),
              p == null ? 0 : p.requests());
        }).orElse(null);
        RunRecord last = st.runs().lastEnded(site).orElse(null);
        out.add(new SiteJobStatus(site, t == null ? null : t.getCronExpression(),
            t == null ? null : Schedules.zone(t).getId(),
            t == null || t.getNextFireTime() == null ? null : t.getNextFireTime().toInstant(),
            t == null || t.getPreviousFireTime() == null ? null
                : t.getPreviousFireTime().toInstant(),
            running, last));
      }
    } catch (SchedulerException e) {
      throw new IllegalStateException("the scheduler cannot list its jobs: " + e.getMessage(), e);
    }
    return out;
  }

  @Override
  public boolean runNow(String site) {
    Schedules s = schedules;
    try {
      return s != null && s.runNow(site);
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot run " + site + " now: " + e.getMessage(), e);
    }
  }

  static String node(GazetteConfig config) {
    if (config.state().node() != null) {
      return config.state().node();
    }
    try {
      // a part of WARC file names: only what a file name can hold
      return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9.-]", "_");
    } catch (java.io.IOException e) {
      return "local";
    }
  }
}
