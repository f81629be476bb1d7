package org.gazette.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.gazette.config.GazetteConfig;
import org.gazette.config.SiteConfig;
import org.gazette.crawl.CrawlRun;
import org.gazette.crawl.Outcome;
import org.gazette.crawl.RunSpec;
import org.gazette.crawl.RunSummary;
import org.gazette.fetch.PolitenessGate;
import org.gazette.fetch.RobotsCache;
import org.gazette.store.RunRecord;
import org.gazette.store.StateStore;

/**
 * Runs crawls for the CLI: one politeness gate and robots.txt cache for all of them, progress on
 * the terminal, Ctrl-C stops the run cleanly (its WARC file is closed), and the output files and
 * the summary line at the end. The state store opens with the first run and closes with this.
 * A site whose last run did not finish has it finished (resumed) by the next, as in the daemon.
 */
final class Runs implements AutoCloseable {
  private final GazetteConfig global;
  private final PolitenessGate gate;
  private final RobotsCache robots;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Path stateDir;
  private StateStore store;

  Runs(GazetteConfig global, Path stateDir, PrintWriter out, PrintWriter err) {
    this.global = global;
    this.stateDir = stateDir;
    this.gate = new PolitenessGate(global.politeness().maxConnectionsPerHost(),
        global.politenessByDomain());
    this.robots = new RobotsCache(global.userAgent(), global.robotsCacheTtl());
    this.out = out;
    this.err = err;
  }

  RunSummary crawl(SiteConfig site) throws IOException {
    return crawl(site, false);
  }

  /** @param guessTimeZone read page-local times in a zone guessed per page, not the site's */
  RunSummary crawl(SiteConfig site, boolean guessTimeZone) throws IOException {
    RunSpec spec = RunSpec.of(global, site, stateDir);
    if (store == null) {
      store = StateStore.open(global.state(), stateDir);
    }
    // The site's last run did not finish (kill -9, power loss, Ctrl-C): this one finishes it, as
    // the daemon's next run would. A fresh run would leave alone the articles that run archived
    // and never parse them again, so a page archived just before the crash would never get its
    // JSON record; resuming replays those pages from the archive instead of fetching them.
    RunRecord unfinished = store.runs().toResume(spec.site()).orElse(null);
    CrawlRun run = new CrawlRun(guessTimeZone ? spec.withGuessedTimeZone() : spec, gate, robots,
        store, global.state().node(), unfinished);
    ConsoleProgress progress = new ConsoleProgress(err);
    try (StopSignals signals = StopSignals.install(() -> {
      err.println();
      err.println("gazette: stopping; closing the WARC file... (again to quit at once)");
      run.stop();
    })) {
      RunSummary summary = run.execute(progress);
      progress.finish();
      report(summary);
      return summary;
    } finally {
      progress.finish();
    }
  }

  @Override
  public void close() {
    if (store != null) {
      store.close();
    }
  }

  private void report(RunSummary summary) {
    for (Path warc : summary.warcFiles()) {
      out.println("WARC:        " + shown(warc));
      out.println("JSON lines:  " + shown(jsonl(warc)));
    }
    out.println("held back by politeness: " + summary.politenessLine());
    out.println(summary.line());
    if (summary.count(Outcome.ADDRESS_REFUSED) > 0) {
      err.println("gazette: some URLs resolve to loopback or private addresses, which are refused;"
          + " pass --allow-private or --allow-private-range CIDR (or allowPrivate: in"
          + " gazette.yaml) to crawl them");
    }
  }

  static Path jsonl(Path warc) {
    String name = warc.getFileName().toString().replaceFirst("\\.warc\\.gz$", "") + ".jsonl";
    return warc.resolveSibling(name);
  }

  private static Path shown(Path p) {
    Path cwd = Path.of("").toAbsolutePath();
    Path abs = p.toAbsolutePath();
    return abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
  }
}
