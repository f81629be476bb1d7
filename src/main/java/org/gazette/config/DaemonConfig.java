package org.gazette.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@code gazette daemon} runs its sites.
 *
 * @param maxConcurrentSites sites crawled at once, at most (default 4); the others wait their
 *     turn
 * @param shutdownTimeout how long a stop (SIGTERM, SIGINT) waits for the fetches in flight
 *     before the WARC files are closed anyway (default 30s)
 * @param jitter each scheduled run starts after a random pause of up to this long, so that sites
 *     on the same schedule do not all start on the same second (default 10s; 0 = none)
 * @param reloadCheck how often the config folder is checked for changes, which are then loaded
 *     as SIGHUP would (default 5s; 0 = only on SIGHUP)
 */
public record DaemonConfig(int maxConcurrentSites, Duration shutdownTimeout, Duration jitter,
    Duration reloadCheck) {

  public DaemonConfig {
    Values.check("maxConcurrentSites", maxConcurrentSites >= 1, "must be at least 1");
    Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
    Objects.requireNonNull(jitter, "jitter");
    Objects.requireNonNull(reloadCheck, "reloadCheck");
    Values.check("shutdownTimeout", !shutdownTimeout.isNegative(), "must not be negative");
    Values.check("jitter", !jitter.isNegative(), "must not be negative");
    Values.check("reloadCheck", !reloadCheck.isNegative(), "must not be negative");
  }
}
