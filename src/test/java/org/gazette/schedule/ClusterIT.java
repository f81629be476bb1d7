package org.gazette.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gazette.config.StateConfig;
import org.gazette.sample.SampleNewsSite;
import org.gazette.testing.Postgres;
import org.gazette.testing.WarcAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two daemons (two JVMs) on one PostgreSQL as a Quartz cluster, sharing sites that live on
 * several loopback hosts: each site runs on one node at a time, both nodes work, and a node that
 * dies has its run finished by the other without an article archived twice.
 */
class ClusterIT {
  static final Duration WAIT = Duration.ofSeconds(90);
  static final int SITES = 3;

  @TempDir Path tmp;
  private final List<SampleNewsSite> sites = new ArrayList<>();
  private StateConfig db;
  private boolean sharedOutput = true;

  /** One run as the runs table has it. */
  record Run(String site, String node, Instant started, Instant ended, String outcome) {}

  @BeforeEach
  void start() throws Exception {
    db = Postgres.freshDatabase(true, "node-a");
    for (int i = 0; i < SITES; i++) {
      sites.add(SampleNewsSite.start("127.0.0." + (2 + i), 0));
    }
  }

  @AfterEach
  void stop() {
    sites.forEach(SampleNewsSite::close);
  }

  private DaemonProcess node(String name, String minDelay) throws Exception {
    Path dir = tmp.resolve(name);
    Files.createDirectories(dir.resolve("config/sites"));
    Files.writeString(dir.resolve("config/gazette.yaml"), "allowPrivate: true\n"
        // one folder shared by both nodes, or one each
        + "output: " + (sharedOutput ? tmp.resolve("warc") : dir.resolve("warc")) + "\n"
        + "status: { port: 0 }\n"
        // one site at a time per node: with three sites due each time, neither node can take
        // them all, so both work (a node with free threads may otherwise win every trigger)
        + "daemon: { jitter: 0, reloadCheck: 0, maxConcurrentSites: 1 }\n"
        + Postgres.yaml(Postgres.at(db.url(), true, name)));
    for (int i = 0; i < SITES; i++) {
      Files.writeString(dir.resolve("config/sites/site" + i + ".yaml"), DaemonProcess.sampleSite(
          sites.get(i).baseUri().toString(), "0/4 * * * * ?", "P7D", minDelay));
    }
    return DaemonProcess.start(dir);
  }

  private List<Run> runs() throws Exception {
    List<Run> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), null);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(
            "SELECT site, node, started, ended, outcome FROM runs ORDER BY started")) {
      while (rs.next()) {
        var ended = rs.getObject(4, java.time.OffsetDateTime.class);
        out.add(new Run(rs.getString(1), rs.getString(2),
            rs.getObject(3, java.time.OffsetDateTime.class).toInstant(),
            ended == null ? null : ended.toInstant(), rs.getString(5)));
      }
    }
    return out;
  }

  @Test
  void eachSiteRunsOnOneNodeAtATimeAndBothNodesWork() throws Exception {
    try (DaemonProcess a = node("node-a", "10ms"); DaemonProcess b = node("node-b", "10ms")) {
      a.await(() -> {
        try {
          List<Run> done = runs().stream().filter(r -> "completed".equals(r.outcome())).toList();
          return done.size() >= 4 * SITES
              && done.stream().map(Run::node).distinct().count() == 2;
        } catch (Exception e) {
          return false;
        }
      }, WAIT, "completed runs on both nodes");
      a.signal("TERM");
      b.signal("TERM");
      assertThat(a.awaitExit(WAIT)).as(a.output()).isZero();
      assertThat(b.awaitExit(WAIT)).as(b.output()).isZero();
    }
    Map<String, List<Run>> bySite = runs().stream()
        .collect(Collectors.groupingBy(Run::site));
    assertThat(bySite).hasSize(SITES);
    for (List<Run> siteRuns : bySite.values()) {
      for (int i = 1; i < siteRuns.size(); i++) {
        Run before = siteRuns.get(i - 1);
        Run after = siteRuns.get(i);
        assertThat(before.ended()).as("run of %s on %s", before.site(), before.node()).isNotNull();
        assertThat(after.started()).as("%s started on %s before its run on %s ended",
            after.site(), after.node(), before.node()).isAfterOrEqualTo(before.ended());
      }
    }
    assertThat(runs()).extracting(Run::node).contains("node-a", "node-b");
    // every article of every site archived once, whichever node fetched it
    for (int i = 0; i < SITES; i++) {
      assertArchivedOnce(List.of(tmp.resolve("warc/site" + i)), 0);
    }
  }

  @Test
  void whenANodeDiesTheOtherFinishesItsRunWithoutArchivingAnythingTwice() throws Exception {
    nodeDiesMidRun();
  }

  @Test
  void withAnOutputFolderPerNodeTheDeadNodesArticlesAreNotArchivedAgain() throws Exception {
    // node-b cannot read node-a's files: it fetches those pages again, and as they are
    // unchanged they become revisit records that point at node-a's, not second copies
    sharedOutput = false;
    nodeDiesMidRun();
  }

  private void nodeDiesMidRun() throws Exception {
    Path away = tmp.resolve("node-a/warc-on-another-machine");
    try (DaemonProcess a = node("node-a", "150ms"); DaemonProcess b = node("node-b", "150ms")) {
      a.await(() -> {
        try {
          return runs().stream().anyMatch(r -> "running".equals(r.outcome())
                  && r.node().equals("node-a"))
              && sites.stream().mapToInt(s -> s.requests().size()).sum() >= 20;
        } catch (Exception e) {
          return false;
        }
      }, WAIT, "runs in progress on node-a");
      a.signal("KILL");
      a.awaitExit(WAIT);
      Instant killed = Instant.now();
      List<Run> cut = runs().stream()
          .filter(r -> "running".equals(r.outcome()) && r.node().equals("node-a")).toList();
      assertThat(cut).isNotEmpty();
      if (!sharedOutput) {
        // node-a's disk is out of node-b's reach, as on two machines
        Files.move(tmp.resolve("node-a/warc"), away);
      }
      // node-b, running all along, takes over: Quartz recovers node-a's runs once node-a
      // misses its check-ins
      b.await(() -> {
        try {
          List<Run> now = runs();
          return cut.stream().allMatch(dead -> now.stream().anyMatch(r ->
              r.site().equals(dead.site()) && r.node().equals("node-b")
                  && r.started().isAfter(killed) && "completed".equals(r.outcome())));
        } catch (Exception e) {
          return false;
        }
      }, WAIT, "node-b to finish node-a's runs");
      b.signal("TERM");
      assertThat(b.awaitExit(WAIT)).as(b.output()).isZero();
      assertThat(Files.readString(b.dir().resolve("logs/gazette.log")))
          .contains("finishes interrupted run");
    }
    if (!sharedOutput) {
      Files.move(away, tmp.resolve("node-a/warc"));
    }
    if (!sharedOutput) {
      // node-a's own folder keeps its .open file until node-a runs that site again, which
      // repairs it first; do that repair here
      for (int i = 0; i < SITES; i++) {
        Path dir = tmp.resolve("node-a/warc/site" + i);
        if (Files.isDirectory(dir)) {
          org.gazette.archive.WarcRepair.repairFolder(dir);
        }
      }
    }
    if (!sharedOutput) {
      // what node-b fetched again of node-a's run is there, as revisits
      List<WarcAssertions.ReadRecord> revisits = new ArrayList<>();
      for (int i = 0; i < SITES; i++) {
        Path dir = tmp.resolve("node-b/warc/site" + i);
        if (Files.isDirectory(dir)) {
          WarcAssertions.assertValidArchive(dir).stream()
              .filter(r -> r.type().equals("revisit")).forEach(revisits::add);
        }
      }
      assertThat(revisits).isNotEmpty();
    }
    for (int i = 0; i < SITES; i++) {
      // the page in flight when node-a died may have been archived again, nothing else
      assertArchivedOnce(sharedOutput ? List.of(tmp.resolve("warc/site" + i))
          : List.of(tmp.resolve("node-a/warc/site" + i), tmp.resolve("node-b/warc/site" + i)), 1);
    }
  }

  @Test
  void aDaemonCarriesOnWhenPostgresRestartsUnderIt() throws Exception {
    try (DaemonProcess a = node("node-a", "150ms")) {
      a.await(() -> {
        try {
          return runs().stream().anyMatch(r -> "running".equals(r.outcome()))
              && sites.stream().mapToInt(s -> s.requests().size()).sum() >= 15;
        } catch (Exception e) {
          return false;
        }
      }, WAIT, "a run in progress");
      Instant restarted = Instant.now();
      // every connection of the daemon is cut, and for 8 s (longer than a connection request
      // waits) there is no database at all, while pages go on being archived
      Postgres.restart(Duration.ofSeconds(8));
      a.await(() -> {
        try {
          return runs().stream().filter(r -> "completed".equals(r.outcome()))
              .filter(r -> r.started().isAfter(restarted)).count() >= 2;
        } catch (Exception e) {
          return false;
        }
      }, WAIT, "runs completed after the restart");
      assertThat(a.alive()).isTrue();
      a.signal("TERM");
      assertThat(a.awaitExit(WAIT)).as(a.output()).isZero();
      assertThat(a.output()).contains("state store unreachable, crawling on");
    }
    // whatever was archived while the database was away has its capture now
    long responses = 0;
    for (int i = 0; i < SITES; i++) {
      Path dir = tmp.resolve("warc/site" + i);
      if (Files.isDirectory(dir)) {
        responses += WarcAssertions.assertValidArchive(dir).stream()
            .filter(r -> r.type().equals("response") && r.httpStatus() == 200
                && !r.targetUri().endsWith("/robots.txt")).count();
      }
    }
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), null);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(
            "SELECT COUNT(*) FROM captures WHERE record_type = 'response' AND status = 200")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(responses);
    }
  }

  /**
   * Every article archived in {@code dirs} together has one response record, but for
   * {@code slack}.
   */
  private static void assertArchivedOnce(List<Path> dirs, int slack) throws Exception {
    List<WarcAssertions.ReadRecord> records = new ArrayList<>();
    for (Path dir : dirs) {
      if (Files.isDirectory(dir)) { // a site the kill left with no run yet has none
        records.addAll(WarcAssertions.assertValidArchive(dir));
      }
    }
    Map<String, Long> responses = records.stream()
        .filter(r -> r.type().equals("response") && r.httpStatus() == 200
            && r.targetUri().matches(".*" + SampleNewsSite.ARTICLE_PATH_REGEX))
        .collect(Collectors.groupingBy(WarcAssertions.ReadRecord::targetUri,
            Collectors.counting()));
    assertThat(responses.values().stream().filter(n -> n > 1).count())
        .as("articles archived more than once in %s: %s", dirs, responses.entrySet().stream()
            .filter(e -> e.getValue() > 1).toList())
        .isLessThanOrEqualTo(slack);
  }
}
