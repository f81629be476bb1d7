package org.gazette.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.Closeable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.gazette.config.StateConfig;
import org.gazette.store.migration.V2__Quartz_tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDBC state store: captures, runs and Quartz's tables in one database, its schema brought
 * up to date by Flyway when it opens. The default is an embedded H2 file under {@code state/};
 * a PostgreSQL URL puts the same schema on a server that several daemons can share.
 *
 * <p>One connection pool serves the store and the scheduler.
 */
public final class StateStore implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(StateStore.class);

  /**
   * The newest migration under {@code org/gazette/store/migration}. Opening a store whose
   * schema history already ends here skips Flyway, which costs more than half a second of a
   * short command's start (hundreds of classes, its own validation); StateStoreTest checks that
   * Flyway agrees with this number, so a new migration cannot forget to raise it.
   */
  static final int SCHEMA_VERSION = 2;

  /** How late an embedded H2 store may write a commit to its file, in milliseconds. */
  static final int COMMIT_DELAY_MS = 500;

  /** The state URL of the shipped configuration: an H2 file that follows {@code --state}. */
  public static final String DEFAULT_URL = "jdbc:h2:file:./state/gazette";

  private final String url;
  private final HikariDataSource pool;
  private final CaptureStore captures;
  private final RunStore runs;

  private StateStore(String url, HikariDataSource pool) {
    this.url = url;
    this.pool = pool;
    this.captures = new CaptureStore(pool);
    this.runs = new RunStore(pool);
  }

  /**
   * Opens the store {@code config} names and migrates its schema. The default H2 URL lives in
   * {@code stateDir} (so {@code --state DIR} moves it); any other URL is used as written.
   *
   * @throws StoreException when the database cannot be reached or its schema not migrated
   */
  public static StateStore open(StateConfig config, Path stateDir) {
    String url = jdbcUrl(config.url(), stateDir);
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(url);
    hc.setUsername(config.user());
    hc.setPassword(config.password());
    hc.setPoolName("gazette-state");
    hc.setMaximumPoolSize(config.poolSize());
    hc.setMinimumIdle(1);
    // a database that went away fails a query in 5 s rather than holding a crawler for 30
    hc.setConnectionTimeout(5_000);
    // a database that is not there is reported at once, with its URL, not after a timeout
    hc.setInitializationFailTimeout(1);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(hc);
    } catch (RuntimeException e) {
      throw new StoreException("cannot open the state store " + shown(url) + ": "
          + rootMessage(e), e);
    }
    if (schemaIsCurrent(pool)) {
      log.info("state store {} open", shown(url));
      return new StateStore(url, pool);
    }
    try {
      migrate(pool, url);
    } catch (FlywayException e) {
      if (!unusedEmbeddedStore(pool, url)) {
        pool.close();
        throw new StoreException("cannot migrate the state store " + shown(url) + ": "
            + rootMessage(e), e);
      }
      // H2 cannot undo DDL, and its commits reach the file late: a process killed during the
      // first start's migration leaves some tables and no record of them (found by
      // RandomKillIT). A store that never held a capture or a run is made again.
      log.warn("state store {}: its first migration was cut short ({}); making it again",
          shown(url), rootMessage(e));
      try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
        st.execute("DROP ALL OBJECTS");
        migrate(pool, url);
      } catch (SQLException | FlywayException again) {
        pool.close();
        throw new StoreException("cannot migrate the state store " + shown(url) + ": "
            + rootMessage(again), again);
      }
    }
    log.info("state store {} open", shown(url));
    return new StateStore(url, pool);
  }

  private static void migrate(HikariDataSource pool, String url) {
    var result = Flyway.configure()
        .dataSource(pool)
        .locations("classpath:org/gazette/store/migration")
        .javaMigrations(new V2__Quartz_tables())
        .load()
        .migrate();
    if (result.migrationsExecuted > 0) {
      log.info("state store {}: schema migrated to version {}", shown(url),
          result.targetSchemaVersion);
      try {
        checkpoint(pool, url); // the schema and its history on disk now, not within the delay
      } catch (StoreException e) {
        log.warn("state store {}: {} (its commits still reach it within the delay)", shown(url),
            e.getMessage());
      }
    }
  }

  /** H2's CHECKPOINT: every commit so far to the file now; nothing to do on PostgreSQL. */
  private static void checkpoint(DataSource pool, String url) {
    if (!url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
      return;
    }
    try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
      st.execute("CHECKPOINT");
    } catch (SQLException e) {
      throw new StoreException("cannot write the state store to its file: " + e.getMessage(), e);
    }
  }

  /**
   * True for an embedded H2 store holding only gazette's own tables, with no capture and no run
   * in them: nothing in it can be lost by making it again.
   */
  static boolean unusedEmbeddedStore(DataSource pool, String url) {
    if (!url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:file:")) {
      return false;
    }
    try (Connection c = pool.getConnection()) {
      java.util.List<String> tables = new java.util.ArrayList<>();
      try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String schema = rs.getString("TABLE_SCHEM");
          if (schema != null && schema.equalsIgnoreCase("INFORMATION_SCHEMA")) {
            continue;
          }
          tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
        }
      }
      for (String t : tables) {
        boolean ours = t.equals("captures") || t.equals("runs") || t.startsWith("qrtz_")
            || t.equals("flyway_schema_history");
        if (!ours) {
          return false;
        }
      }
      for (String t : java.util.List.of("captures", "runs")) {
        if (tables.contains(t)) {
          try (Statement st = c.createStatement();
              ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + t)) {
            if (rs.next() && rs.getLong(1) > 0) {
              return false;
            }
          }
        }
      }
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * True when Flyway's history says every migration up to {@link #SCHEMA_VERSION} was applied
   * and none failed. Anything else (no history table, a failed or newer migration, a query
   * error) is left to Flyway, which migrates, validates or reports it as before.
   */
  static boolean schemaIsCurrent(DataSource pool) {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select \"version\", \"success\""
            + " from \"flyway_schema_history\" where \"version\" is not null")) {
      java.util.Set<Integer> applied = new java.util.HashSet<>();
      while (rs.next()) {
        if (!rs.getBoolean(2)) {
          return false;
        }
        applied.add(Integer.parseInt(rs.getString(1)));
      }
      for (int v = 1; v <= SCHEMA_VERSION; v++) {
        if (!applied.contains(v)) {
          return false;
        }
      }
      return applied.stream().allMatch(v -> v <= SCHEMA_VERSION);
    } catch (SQLException | NumberFormatException e) {
      return false;
    }
  }

  /**
   * The URL to connect to: the default H2 file moves into {@code stateDir}; an H2 file database
   * is opened in mixed mode so that a {@code gazette crawl} can share the daemon's store.
   */
  static String jdbcUrl(String configured, Path stateDir) {
    String url = configured;
    if (url.equals(DEFAULT_URL)) {
      url = "jdbc:h2:file:" + stateDir.toAbsolutePath().normalize().resolve("gazette");
    }
    if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:file:")
        && !url.toUpperCase(Locale.ROOT).contains("AUTO_SERVER")) {
      // mixed mode: the first process serves the file to later ones over loopback TCP
      if (System.getProperty("h2.bindAddress") == null) {
        System.setProperty("h2.bindAddress", "127.0.0.1");
      }
      url += ";AUTO_SERVER=TRUE";
    }
    String file = "jdbc:h2:file:";
    if (url.toLowerCase(Locale.ROOT).startsWith(file)
        && !url.substring(file.length()).matches("(?s)[A-Za-z]{2,}:.*")) {
      // H2 closes the whole database when a thread is interrupted in the middle of its file I/O
      // (Quartz interrupts its threads when it shuts down; a stopped run interrupts its
      // crawlers): its retry: file system reopens the channel and carries on instead
      url = file + "retry:" + url.substring(file.length());
    }
    if (url.toLowerCase(Locale.ROOT).startsWith(file)
        && !url.toUpperCase(Locale.ROOT).contains("WRITE_DELAY")) {
      // H2 writes a file chunk per commit when WRITE_DELAY is 0: two commits a page cost a
      // fifth of a fast crawl's CPU and grew the file to nine times the archive. Commits
      // reach the file within this delay instead; the captures a kill -9 keeps from it are in
      // the WARC file the crash leaves open, and its repair records them again
      // (CaptureRecovery), while a WARC file is closed only after flush()
      url += ";WRITE_DELAY=" + COMMIT_DELAY_MS;
    }

    return url;
  }

  /** The URL without credentials, for messages. */
  private static String shown(String url) {
    return url.replaceAll("(?i)(password)=[^;&]*", "$1=***");
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null ? t.toString() : m.lines().findFirst().orElse(m);
  }

  /** The JDBC URL in use. */
  public String url() {
    return url;
  }

  /** True when the store is a PostgreSQL database. */
  public boolean isPostgres() {
    return url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
  }

  /** The pool, for Quartz's job store. */
  public DataSource dataSource() {
    return pool;
  }

  public CaptureStore captures() {
    return captures;
  }

  public RunStore runs() {
    return runs;
  }

  /**
   * Writes every commit so far to the database file now: an embedded H2 store writes commits up
   * to {@link #COMMIT_DELAY_MS} late. A server database (PostgreSQL) has them on disk at commit.
   *
   * @throws StoreException when the database cannot be reached
   */
  public void flush() {
    checkpoint(pool, url);
  }

  /** Checks that the database answers. */
  public boolean healthy() {
    try (Connection c = pool.getConnection()) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
