package org.gazette.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.gazette.fetch.PrivateAddresses;

/**
 * The whole configuration: config/gazette.yaml and every site of config/sites/.
 *
 * <p>Get one from {@link ConfigLoader}. Every default is documented in config/gazette.yaml, which
 * also ships in the jar as the built-in defaults.
 *
 * @param userAgent sent with every request, robots.txt included; must name a contact (a URL or an
 *     e-mail address)
 * @param output root folder of the archives, warc/&lt;site&gt;/ (default warc), absolute
 * @param logs folder of the daemon's runs.jsonl (default logs), absolute; gazette.log follows
 *     logback's configuration (property gazette.logs), which starts before this is read
 * @param state the state store
 * @param status the daemon's status endpoint
 * @param daemon how the daemon runs its sites
 * @param politeness the defaults for every site
 * @param limits bounds on each fetch
 * @param allowPrivate which loopback, private and link-local addresses may be fetched (default
 *     none; {@code true} allows all, a list of CIDR blocks allows those)
 * @param warcPrefix first part of WARC file names (default gazette)
 * @param warcMaxFileSize a WARC file is closed and a new one begun past this many bytes
 *     (default 1 GB, 2^30 bytes)
 * @param threads crawler threads per run (default 4)
 * @param robotsCacheTtl how long robots.txt rules are kept per origin (default 24h)
 * @param politenessByDomain whether the politeness limits hold per registered domain rather
 *     than per host name ({@code politenessScope: domain}; default host)
 * @param sites the sites by name, sorted by name
 */
public record GazetteConfig(
    String userAgent,
    Path output,
    Path logs,
    StateConfig state,
    StatusConfig status,
    DaemonConfig daemon,
    Politeness politeness,
    Limits limits,
    PrivateAddresses allowPrivate,
    String warcPrefix,
    long warcMaxFileSize,
    int threads,
    Duration robotsCacheTtl,
    boolean politenessByDomain,
    Map<String, SiteConfig> sites) {

  /**
   * Checks the invariants the loader reports with file and line, so that overrides made in code
   * (command line options) cannot build what a file could not. {@code sites} may be null for none.
   *
   * @throws IllegalArgumentException naming the key that is wrong
   */
  public GazetteConfig {
    Values.check("userAgent", Values.userAgentProblem(userAgent));
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(logs, "logs");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(daemon, "daemon");
    Objects.requireNonNull(politeness, "politeness");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(allowPrivate, "allowPrivate");
    Values.check("warcPrefix", Values.nameProblem(warcPrefix));
    Values.check("warcMaxFileSize", warcMaxFileSize > 0, "must be more than zero");
    Values.check("threads", threads >= 1, "must be at least 1");
    Objects.requireNonNull(robotsCacheTtl, "robotsCacheTtl");
    Values.check("robotsCacheTtl", !robotsCacheTtl.isNegative() && !robotsCacheTtl.isZero(),
        "must be more than zero");
    TreeMap<String, SiteConfig> sorted = new TreeMap<>();
    if (sites != null) {
      sites.forEach((name, site) -> {
        Values.check("sites", name.equals(site.name()),
            "key " + Values.quote(name) + " holds site " + Values.quote(site.name()));
        sorted.put(name, site);
      });
    }
    sites = Collections.unmodifiableMap(sorted);
  }

  /** This configuration with another user agent (for {@code --user-agent}). */
  public GazetteConfig withUserAgent(String newUserAgent) {
    return new GazetteConfig(newUserAgent, output, logs, state, status, daemon, politeness, limits,
        allowPrivate, warcPrefix, warcMaxFileSize, threads, robotsCacheTtl, politenessByDomain, sites);
  }

  /** This configuration with another archive folder (for {@code --out}). */
  public GazetteConfig withOutput(Path newOutput) {
    return new GazetteConfig(userAgent, newOutput.toAbsolutePath().normalize(), logs, state,
        status, daemon, politeness, limits, allowPrivate, warcPrefix, warcMaxFileSize, threads, robotsCacheTtl, politenessByDomain, sites);
  }

  /** This configuration with another thread count (for {@code --threads}). */
  public GazetteConfig withThreads(int newThreads) {
    return new GazetteConfig(userAgent, output, logs, state, status, daemon, politeness, limits,
        allowPrivate, warcPrefix, warcMaxFileSize, newThreads, robotsCacheTtl, politenessByDomain, sites);
  }

  /**
   * This configuration with other private addresses allowed (for {@code --allow-private} and
   * {@code --allow-private-range}).
   */
  public GazetteConfig withAllowPrivate(PrivateAddresses newAllowPrivate) {
    return new GazetteConfig(userAgent, output, logs, state, status, daemon, politeness, limits,
        newAllowPrivate, warcPrefix, warcMaxFileSize, threads, robotsCacheTtl, politenessByDomain, sites);
  }

  /** This configuration with other sites (a selection, or one built with forSeeds). */
  public GazetteConfig withSites(Map<String, SiteConfig> newSites) {
    return new GazetteConfig(userAgent, output, logs, state, status, daemon, politeness, limits,
        allowPrivate, warcPrefix, warcMaxFileSize, threads, robotsCacheTtl, politenessByDomain, newSites);
  }
}
