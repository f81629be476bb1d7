package org.gazette.crawl;

/** What the crawler threads of one run share. */
record RunContext(RunSpec spec, ScopeRules scope, RunStats stats, ArchivingPageFetcher fetcher,
    PageRecordWriter records, RetryPolicy retries, Freshness freshness,
    CaptureArchiver captures, RedirectChains redirects, CrawlTraps traps, RunAbort abort) {

  /** Notes in the capture store what the page of {@code capture} was extracted as. */
  void classify(Capture capture, String kind) {
    try {
      captures.classify(capture.location().recordId(), kind);
    } catch (org.gazette.store.StoreException e) {
      // only the next run's choice to skip this page depends on it
      stats.error("store");
      org.slf4j.LoggerFactory.getLogger(RunContext.class).warn("{}", e.getMessage());
    }
  }

  /**
   * Forgets the capture of a page whose JSON record could not be written, so that the next run
   * fetches the page again and writes it: a capture says the page is done, and an article
   * captured less than revisitAfter ago is not fetched again.
   */
  void forget(Capture capture) {
    try {
      captures.forget(capture.location().recordId());
    } catch (org.gazette.store.StoreException e) {
      stats.error("store");
      org.slf4j.LoggerFactory.getLogger(RunContext.class).warn("{}", e.getMessage());
    }
  }
}
