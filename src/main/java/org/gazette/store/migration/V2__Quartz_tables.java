package org.gazette.store.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Quartz's job store tables, from the DDL scripts that ship inside the Quartz jar (one per
 * database), so the schema always matches the Quartz version in use and gazette keeps no copy of
 * it. The scripts' DROP and COMMIT statements are skipped: Flyway owns the transaction, and this
 * migration runs once, on an empty schema.
 */
public final class V2__Quartz_tables extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    String product = connection.getMetaData().getDatabaseProductName();
    try (Statement st = connection.createStatement()) {
      for (String sql : statements(script(product))) {
        st.execute(sql);
      }
    }
  }

  /** The Quartz DDL script for a database, by its JDBC product name. */
  static String script(String product) throws IOException {
    String p = product.toLowerCase(Locale.ROOT);
    String name;
    if (p.contains("h2")) {
      name = "tables_h2.sql";
    } else if (p.contains("postgres")) {
      name = "tables_postgres.sql";
    } else {
      throw new IllegalStateException("no Quartz tables for database " + product
          + "; gazette's state store runs on H2 or PostgreSQL");
    }
    try (InputStream in = org.quartz.Scheduler.class
        .getResourceAsStream("/org/quartz/impl/jdbcjobstore/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the Quartz jar has no " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The script's CREATE statements: comments removed, split at semicolons. */
  static List<String> statements(String script) {
    StringBuilder text = new StringBuilder();
    for (String line : script.split("\n")) {
      int comment = line.indexOf("--");
      text.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
    }
    List<String> out = new ArrayList<>();
    for (String part : text.toString().split(";")) {
      String sql = part.strip();
      String upper = sql.toUpperCase(Locale.ROOT);
      if (!sql.isEmpty() && !upper.startsWith("DROP ") && !upper.equals("COMMIT")) {
        out.add(sql);
      }
    }
    return out;
  }
}
