package org.gazette.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Every run of every site (table {@code runs}): started, then ended with its outcome. */
public final class RunStore {
  private static final String COLUMNS = "site, run_id, started, ended, outcome, fetched,"
      + " new_articles, revisits, errors, message";

  private final DataSource db;

  RunStore(DataSource db) {
    this.db = db;
  }

  /**
   * Records that a run began.
   *
   * @param node the daemon (or host) running it, or null
   * @param resumes the id of the interrupted run this one finishes, or null
   */
  public void started(RunRecord run, String node, String resumes) {
    java.time.Instant from = resumes == null ? run.started()
        : resumeFrom(resumes).orElse(run.started());
    String sql = "INSERT INTO runs (run_id, site, node, started, outcome, resumes, resume_from)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?)";
    try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
      st.setString(1, run.runId());
      st.setString(2, run.site());
      CaptureStore.setNullable(st, 3, node);
      st.setObject(4, CaptureStore.time(run.started()));
      st.setString(5, RunRecord.RUNNING);
      CaptureStore.setNullable(st, 6, resumes);
      st.setObject(7, CaptureStore.time(from));
      st.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot record the start of run " + run.runId() + ": "
          + e.getMessage(), e);
    }
  }

  /** Records how a run ended: its outcome, end time and counters. */
  public void ended(RunRecord run) {
    String sql = "UPDATE runs SET ended = ?, outcome = ?, fetched = ?, new_articles = ?,"
        + " revisits = ?, errors = ?, message = ? WHERE run_id = ?";
    try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
      st.setObject(1, CaptureStore.time(run.ended()));
      st.setString(2, run.outcome());
      st.setLong(3, run.fetched());
      st.setLong(4, run.newArticles());
      st.setLong(5, run.revisits());
      st.setLong(6, run.errors());
      CaptureStore.setNullable(st, 7, run.message() == null ? null
          : run.message().substring(0, Math.min(2000, run.message().length())));
      st.setString(8, run.runId());
      st.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot record the end of run " + run.runId() + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * Since when the captures of run {@code runId} are its own: its start, or for a run that
   * resumed another, the start of the first run of the chain.
   */
  public Optional<java.time.Instant> resumeFrom(String runId) {
    try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(
        "SELECT COALESCE(resume_from, started) FROM runs WHERE run_id = ?")) {
      st.setString(1, runId);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.ofNullable(CaptureStore.instant(rs, 1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read run " + runId + ": " + e.getMessage(), e);
    }
  }

  /**
   * The last run of {@code site} if it did not finish (stopped, or its process died) and no run
   * has resumed it yet: the run the next one of the site should finish.
   */
  public Optional<RunRecord> toResume(String site) {
    return query("SELECT " + COLUMNS + " FROM runs r WHERE site = ? AND NOT EXISTS"
        + " (SELECT 1 FROM runs n WHERE n.resumes = r.run_id) ORDER BY started DESC", 1, site)
        .stream()
        .filter(r -> r.outcome().equals(RunRecord.RUNNING)
            || r.outcome().equals(RunRecord.INTERRUPTED))
        .findFirst();
  }

  /** The run with this id. */
  public Optional<RunRecord> get(String runId) {
    List<RunRecord> r = query("SELECT " + COLUMNS + " FROM runs WHERE run_id = ?", 1, runId);
    return r.stream().findFirst();
  }

  /** The last run of {@code site} that ended, if any. */
  public Optional<RunRecord> lastEnded(String site) {
    return query("SELECT " + COLUMNS + " FROM runs WHERE site = ? AND ended IS NOT NULL"
        + " ORDER BY ended DESC", 1, site).stream().findFirst();
  }

  /** The runs of {@code site}, newest first, at most {@code limit}. */
  public List<RunRecord> recent(String site, int limit) {
    return query("SELECT " + COLUMNS + " FROM runs WHERE site = ? ORDER BY started DESC",
        limit, site);
  }

  private List<RunRecord> query(String sql, int limit, String... args) {
    try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
      st.setMaxRows(limit);
      for (int i = 0; i < args.length; i++) {
        st.setString(i + 1, args[i]);
      }
      List<RunRecord> out = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(new RunRecord(rs.getString(1), rs.getString(2),
              CaptureStore.instant(rs, 3), CaptureStore.instant(rs, 4), rs.getString(5),
              rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getString(10)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read runs: " + e.getMessage(), e);
    }
  }
}
