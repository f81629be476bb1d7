package org.gazette.crawl;

/**
 * A run's progress, reported about once a second.
 *
 * @param site the site
 * @param processed URLs done
 * @param queued URLs waiting in the frontier or in flight
 * @param requests HTTP exchanges so far
 * @param pagesPerSecond processed URLs per second since the start
 */
public record Progress(String site, long processed, long queued, long requests,
    double pagesPerSecond) {}
