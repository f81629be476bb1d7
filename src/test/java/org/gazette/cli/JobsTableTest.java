package org.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.gazette.schedule.FixedJobs;
import org.gazette.schedule.SiteJobStatus;
import org.gazette.store.RunRecord;
import org.junit.jupiter.api.Test;

class JobsTableTest {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void printsTimesInTheLocalZoneToTheSecond() {
    String table = JobsTable.format(List.of(FixedJobs.PORTAL, FixedJobs.QUIET), SHANGHAI);

    assertThat(table).isEqualTo("""
        SITE    SCHEDULE                      NEXT RUN             STATE                        \
        LAST RUN
        portal  0 */30 * * * ? Asia/Shanghai  2026-11-26 18:30:00  running: 12 done, 30 queued  \
        completed 2026-11-26 17:31:05: 51 fetched, 46 new articles, 5 revisits, 1 errors
        quiet   0 0 3 * * ? UTC               -                    idle                         \
        never
        """);
  }

  @Test
  void aFailedRunSaysWhyAndARunThatNeverEndedWhenItBegan() {
    SiteJobStatus failed = new SiteJobStatus("a", "0 0 * * * ?", "UTC", null, null, null,
        new RunRecord("a", "r", Instant.parse("2026-11-26T10:00:00Z"), null, "failed", 0, 0, 0,
            0, "cannot open the frontier"));

    assertThat(JobsTable.format(List.of(failed), ZoneId.of("UTC")))
        .contains("failed (started 2026-11-26 10:00:00): 0 fetched")
        .contains("(cannot open the frontier)");
  }

  @Test
  void saysSoWhenNothingIsScheduled() {
    assertThat(JobsTable.format(List.of(), SHANGHAI)).isEqualTo("no site is scheduled\n");
  }
}
