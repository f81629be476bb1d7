package org.gazette.schedule;

import java.util.List;
import java.util.Optional;

/** What the status endpoint shows and may ask of the daemon's scheduler. */
public interface JobsView {
  /** Every scheduled site, sorted by name. */
  List<SiteJobStatus> jobs();

  /** The status of one site, if it is scheduled. */
  default Optional<SiteJobStatus> job(String site) {
    return jobs().stream().filter(j -> j.site().equals(site)).findFirst();
  }

  /**
   * Starts a run of {@code site} now, unless one is running (the run then simply waits its turn,
   * as a scheduled one would).
   *
   * @return false if no such site is scheduled
   */
  boolean runNow(String site);
}
