package org.gazette.config;

import java.util.Locale;
import java.util.Objects;

/**
 * The JDBC state store: captures, runs and Quartz tables.
 *
 * @param url a JDBC URL (default {@code jdbc:h2:file:./state/gazette}, an embedded H2 file under
 *     state/; {@code jdbc:postgresql://host:5432/db} to share state between machines)
 * @param user database user, or null
 * @param password database password, or null
 * @param cluster true to run Quartz clustered: several daemons share the schedules, each job runs
 *     on one node at a time (needs a shared database, so not H2)
 * @param node this daemon's id in the cluster and in WARC file names, or null for the host name;
 *     every daemon of a cluster needs its own
 * @param poolSize most connections the daemon holds to the database, shared by the store and
 *     Quartz (default 10)
 * @param checkinInterval how often a clustered daemon tells the others it is alive; a daemon
 *     silent for longer is taken for dead and its runs are recovered by another (default 7500ms)
 */
public record StateConfig(String url, String user, String password, boolean cluster, String node,
    int poolSize, java.time.Duration checkinInterval) {

  /** Default pool size. */
  public static final int POOL_SIZE = 10;
  /** Default check-in interval (Quartz's own). */
  public static final java.time.Duration CHECKIN_INTERVAL = java.time.Duration.ofMillis(7500);

  /** A store with the default pool size and check-in interval. */
  public StateConfig(String url, String user, String password, boolean cluster, String node) {
    this(url, user, password, cluster, node, POOL_SIZE, CHECKIN_INTERVAL);
  }

  public StateConfig {
    Values.check("poolSize", poolSize >= 2, "must be at least 2 (the scheduler and a run each"
        + " need one)");
    Objects.requireNonNull(checkinInterval, "checkinInterval");
    Values.check("checkinInterval", checkinInterval.toMillis() >= 100, "must be at least 100ms");
    Objects.requireNonNull(url, "url");
    Values.check("url", urlProblem(url));
    Values.check("cluster", clusterProblem(url, cluster));
    if (node != null) {
      Values.check("node", Values.nameProblem(node));
    }
  }

  /** Keeps the password out of logs and error reports, where a record's toString often ends up. */
  @Override
  public String toString() {
    return "StateConfig[url=" + url + ", user=" + user + ", password="
        + (password == null ? null : "***") + ", cluster=" + cluster + ", node=" + node
        + ", poolSize=" + poolSize + ", checkinInterval=" + checkinInterval + "]";
  }

  static String urlProblem(String url) {
    return url.startsWith("jdbc:") && url.length() > 5
        ? null
        : "not a JDBC URL (like jdbc:h2:file:./state/gazette or jdbc:postgresql://host/db): "
            + Values.quote(url);
  }

  static String clusterProblem(String url, boolean cluster) {
    // An H2 file belongs to one process: a "cluster" on it would be one node that thinks it
    // shares its schedules.
    return cluster && url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")
        ? "needs a shared database such as PostgreSQL, not H2"
        : null;
  }
}
