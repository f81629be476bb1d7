/**
 * Counters, gauges and timers of crawls and runs, through Micrometer's global registry.
 *
 * <p>The crawl code records into {@link io.micrometer.core.instrument.Metrics#globalRegistry}
 * through {@link org.gazette.metrics.GazetteMetrics} and {@link org.gazette.metrics.SiteMeters}.
 * With no registry attached (a crawl from the command line) every meter is an empty composite and
 * recording costs next to nothing; the daemon attaches a Prometheus registry with {@link
 * org.gazette.metrics.GazetteMetrics#prometheus()} and serves its scrape.
 */
package org.gazette.metrics;
