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
 * @param node this daemon's id in the cluster, or null for the host name
 */
public record StateConfig(String url, String user, String password, boolean cluster, String node) {

  public StateConfig {
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
        + (password == null ? null : "***") + ", cluster=" + cluster + ", node=" + node + "]";
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
