package org.gazette.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.gazette.config.StateConfig;
import org.gazette.testing.Postgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same store on PostgreSQL: the same migrations, the same SQL, the same results. */
class PostgresStateStoreIT extends StateStoreContract {
  private StateConfig config;

  @BeforeEach
  void freshDatabase() {
    config = Postgres.freshDatabase(false, "n1");
  }

  @Override
  StateStore open() {
    return StateStore.open(config, tmp);
  }

  @Test
  void flywayCreatesGazettesAndQuartzsTables() throws Exception {
    try (StateStore store = open()) {
      assertThat(store.isPostgres()).isTrue();
      List<String> tables = new ArrayList<>();
      try (Connection c = store.dataSource().getConnection();
          ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME").toLowerCase());
        }
      }
      assertThat(tables).contains("captures", "runs", "qrtz_job_details", "qrtz_triggers",
          "qrtz_scheduler_state", "qrtz_locks", "flyway_schema_history");
    }
    try (StateStore again = open()) {
      assertThat(again.healthy()).isTrue(); // a second start migrates nothing and works
    }
  }
}
