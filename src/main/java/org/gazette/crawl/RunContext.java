package org.gazette.crawl;

/** What the crawler threads of one run share. */
record RunContext(RunSpec spec, ScopeRules scope, RunStats stats, ArchivingPageFetcher fetcher,
    PageRecordWriter records, RetryPolicy retries) {}
