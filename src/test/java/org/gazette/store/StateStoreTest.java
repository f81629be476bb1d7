package org.gazette.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.gazette.config.StateConfig;
import org.junit.jupiter.api.Test;

/** The embedded H2 store: everything of the contract, and what is H2's own. */
class StateStoreTest extends StateStoreContract {

  @Override
  StateStore open() {
    return StateStore.open(new StateConfig(StateStore.DEFAULT_URL, null, null, false, null), tmp);
  }

  /** Runs {@code sql} on the embedded store in {@code tmp}, as a partial migration left it. */
  private void leave(String... sql) throws Exception {
    String url = StateStore.jdbcUrl(StateStore.DEFAULT_URL, tmp);
    try (Connection c = java.sql.DriverManager.getConnection(url);
        java.sql.Statement st = c.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
      st.execute("CHECKPOINT");
    }
  }

  @Test
  void aFirstMigrationCutShortIsMadeAgain() throws Exception {
    // what a kill during the first start left (RandomKillIT): a Quartz table, no history of it
    leave("CREATE TABLE QRTZ_CALENDARS (SCHED_NAME VARCHAR(120) NOT NULL)");
    try (StateStore store = open()) {
      assertThat(StateStore.schemaIsCurrent(store.dataSource())).isTrue();
      store.captures().record(response("https://n.example/a", T0, "a.warc.gz", 0, "<urn:a>",
          "sha1:A"));
      assertThat(store.captures().count()).isEqualTo(1);
    }
  }

  @Test
  void aStoreHoldingDataOrOtherTablesIsNeverMadeAgain() throws Exception {
    leave("CREATE TABLE captures (id INT)", "INSERT INTO captures VALUES (7)");
    assertThatThrownBy(this::open).isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot migrate the state store");
    leave("DROP TABLE captures", "CREATE TABLE notes (id INT)",
        "CREATE TABLE QRTZ_CALENDARS (SCHED_NAME VARCHAR(120) NOT NULL)");
    assertThatThrownBy(this::open).isInstanceOf(StoreException.class);
    String url = StateStore.jdbcUrl(StateStore.DEFAULT_URL, tmp);
    try (Connection c = java.sql.DriverManager.getConnection(url);
        ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM notes")) {
      assertThat(rs.next()).isTrue(); // the other table is still there
    }
  }

  @Test
  void defaultUrlLivesInTheStateFolderAndHasEveryTable() throws Exception {
    try (StateStore store = open()) {
      assertThat(store.url()).startsWith("jdbc:h2:file:retry:" + tmp.toAbsolutePath())
          .contains("AUTO_SERVER=TRUE").contains("WRITE_DELAY=" + StateStore.COMMIT_DELAY_MS);
      List<String> tables = new ArrayList<>();
      try (Connection c = store.dataSource().getConnection();
          ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME").toLowerCase());
        }
      }
      assertThat(tables).contains("captures", "runs", "qrtz_job_details", "qrtz_triggers",
          "qrtz_cron_triggers", "qrtz_fired_triggers", "qrtz_locks", "flyway_schema_history");
    }
    assertThat(Files.exists(tmp.resolve("gazette.mv.db"))).isTrue();
  }

  @Test
  void theSchemaVersionIsFlywaysNewestMigration() {
    try (StateStore store = open()) {
      var info = org.flywaydb.core.Flyway.configure()
          .dataSource(store.dataSource())
          .locations("classpath:org/gazette/store/migration")
          .javaMigrations(new org.gazette.store.migration.V2__Quartz_tables())
          .load()
          .info();
      assertThat(info.pending()).isEmpty();
      assertThat(info.current().getVersion().getVersion())
          .isEqualTo(Integer.toString(StateStore.SCHEMA_VERSION));
    }
  }

  @Test
  void aStoreIsCurrentOnlyWhenEveryMigrationSucceeded() throws Exception {
    try (StateStore store = open()) {
      assertThat(StateStore.schemaIsCurrent(store.dataSource())).isTrue();
      try (Connection c = store.dataSource().getConnection();
          java.sql.Statement s = c.createStatement()) {
        s.executeUpdate("update \"flyway_schema_history\" set \"success\" = false"
            + " where \"version\" = '2'");
        assertThat(StateStore.schemaIsCurrent(store.dataSource())).as("failed").isFalse();
        s.executeUpdate("update \"flyway_schema_history\" set \"success\" = true");
        s.executeUpdate("insert into \"flyway_schema_history\" select \"installed_rank\" + 10,"
            + " '3', \"description\", \"type\", \"script\", \"checksum\","
            + " \"installed_by\", \"installed_on\", \"execution_time\", true"
            + " from \"flyway_schema_history\" where \"version\" = '1'");
        assertThat(StateStore.schemaIsCurrent(store.dataSource())).as("newer").isFalse();
        s.executeUpdate("delete from \"flyway_schema_history\" where \"version\" = '3'");
        assertThat(StateStore.schemaIsCurrent(store.dataSource())).as("current").isTrue();
        s.executeUpdate("delete from \"flyway_schema_history\" where \"version\" = '2'");
        assertThat(StateStore.schemaIsCurrent(store.dataSource())).as("missing").isFalse();
        s.executeUpdate("drop table \"flyway_schema_history\"");
        assertThat(StateStore.schemaIsCurrent(store.dataSource())).as("no history").isFalse();
      }
    }
  }

  @Test
  void anInterruptedThreadDoesNotCloseTheDatabase() {
    // Quartz interrupts its threads at shutdown, a stopped run its crawlers: plain H2 file I/O
    // would close the whole database under every other thread
    String file = tmp.resolve("a.warc.gz").toString();
    try (StateStore store = open()) {
      Thread.currentThread().interrupt();
      try {
        for (int i = 0; i < 50; i++) {
          store.captures().record(response("https://n.example/" + i, T0, file, i * 100L,
              "<urn:" + i + ">", "sha1:" + i));
        }
      } finally {
        Thread.interrupted();
      }
      assertThat(store.captures().count()).isEqualTo(50);
      assertThat(store.healthy()).isTrue();
    }
  }

  @Test
  void anUnreachableDatabaseIsNamedInTheError() {
    assertThatThrownBy(() -> StateStore.open(new StateConfig(
        "jdbc:postgresql://127.0.0.1:1/gazette", "u", "secret", false, null), tmp))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/gazette")
        .hasMessageNotContaining("secret");
  }
}
