package org.gazette.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.gazette.schedule.SiteJobStatus;
import org.gazette.store.RunRecord;

/** The table {@code gazette status} prints: one line per site, columns padded to fit. */
final class JobsTable {
  private static final String[] HEADER = {"SITE", "SCHEDULE", "NEXT RUN", "STATE", "LAST RUN"};
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final String NONE = "-";

  private JobsTable() {}

  /** The table, a line per job under a header line; times in {@code zone}, to the second. */
  static String format(List<SiteJobStatus> jobs, ZoneId zone) {
    if (jobs.isEmpty()) {
      return "no site is scheduled\n";
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    for (SiteJobStatus j : jobs) {
      rows.add(new String[] {j.site(), schedule(j), time(j.nextFire(), zone), state(j),
          lastRun(j.lastRun(), zone)});
    }
    int[] widths = new int[HEADER.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == row.length - 1 ? row[i] : pad(row[i], widths[i] + 2));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  private static String schedule(SiteJobStatus j) {
    String cron = j.cron() == null ? NONE : j.cron();
    return j.timeZone() == null ? cron : cron + " " + j.timeZone();
  }

  private static String state(SiteJobStatus j) {
    SiteJobStatus.RunningRun r = j.running();
    return r == null ? "idle"
        : "running: " + r.processed() + " done, " + r.queued() + " queued";
  }

  private static String lastRun(RunRecord r, ZoneId zone) {
    if (r == null) {
      return "never";
    }
    // a run that never ended (its process died) is shown by when it began
    String when = r.ended() != null ? time(r.ended(), zone) : "(started " + time(r.started(), zone) + ")";
    String line = r.outcome() + " " + when + ": " + r.fetched() + " fetched, " + r.newArticles()
        + " new articles, " + r.revisits() + " revisits, " + r.errors() + " errors";
    return r.message() == null ? line : line + " (" + r.message() + ")";
  }

  static String time(Instant t, ZoneId zone) {
    return t == null ? NONE : TIME.format(t.atZone(zone));
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
