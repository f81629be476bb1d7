package org.gazette.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.gazette.config.StateConfig;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server of tests that need one: the one {@code .ci/with-postgres} starts (CI
 * always does). Without it, such tests are skipped with a message saying how to run them; in
 * CI ({@code GAZETTE_TEST_PG_REQUIRED=1}) they fail instead.
 */
public final class Postgres {
  private static final String URL = System.getenv("GAZETTE_TEST_PG_URL");
  private static final String USER = System.getenv("GAZETTE_TEST_PG_USER");
  private static final boolean REQUIRED = "1".equals(System.getenv("GAZETTE_TEST_PG_REQUIRED"));

  private Postgres() {}

  /** Skips the calling test (fails it in CI) unless the test server answers. */
  public static void assumeAvailable() {
    String why = null;
    if (URL == null) {
      why = "no GAZETTE_TEST_PG_URL";
    } else {
      try (Connection c = DriverManager.getConnection(URL, USER, null)) {
        c.isValid(5);
      } catch (SQLException e) {
        why = URL + " does not answer: " + e.getMessage();
      }
    }
    if (why != null) {
      String message = "PostgreSQL test skipped (" + why + "); run the tests under"
          + " .ci/with-postgres, which starts a throwaway server: .ci/with-postgres mvn -B verify";
      if (REQUIRED) {
        Assertions.fail(message.replace("skipped", "cannot run"));
      }
      Assumptions.abort(message);
    }
  }

  /**
   * A new, empty database on the test server, for one test.
   *
   * @param cluster whether daemons on it run as a Quartz cluster
   * @param node the daemon's node id
   */
  public static StateConfig freshDatabase(boolean cluster, String node) {
    assumeAvailable();
    String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    try (Connection c = DriverManager.getConnection(URL, USER, null);
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return at(URL.substring(0, URL.lastIndexOf('/') + 1) + name, cluster, node);
  }

  /** The same database for another daemon (another node of a cluster). */
  public static StateConfig at(String url, boolean cluster, String node) {
    return new StateConfig(url, USER, null, cluster, node, 10, Duration.ofMillis(1000));
  }

  /** The YAML {@code state:} block for {@code config}, for a daemon's gazette.yaml. */
  public static String yaml(StateConfig config) {
    return "state:\n"
        + "  url: \"" + config.url() + "\"\n"
        + "  user: " + config.user() + "\n"
        + "  cluster: " + config.cluster() + "\n"
        + "  node: " + config.node() + "\n"
        + "  poolSize: " + config.poolSize() + "\n"
        + "  checkinInterval: " + config.checkinInterval().toMillis() + "ms\n";
  }

  /**
   * Stops the test server (fast: connections are cut), leaves it down for {@code down}, starts it
   * again and waits until it answers.
   */
  public static void restart(Duration down) throws Exception {
    String script = System.getenv("GAZETTE_TEST_PG_RESTART");
    Assumptions.assumeTrue(script != null && Path.of(script).toFile().canExecute(),
        "no GAZETTE_TEST_PG_RESTART script: the server was not started by .ci/with-postgres");
    Process p = new ProcessBuilder(script, Long.toString(down.toSeconds())).inheritIO().start();
    if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("restarting PostgreSQL failed");
    }
  }
}
