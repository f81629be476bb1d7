package org.gazette.crawl;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.gazette.config.GazetteConfig;
import org.gazette.config.Limits;
import org.gazette.config.Politeness;
import org.gazette.config.SiteConfig;
import org.gazette.config.SiteProfile;
import org.gazette.fetch.FetchOptions;

/**
 * Everything one crawl run needs, resolved from configuration and command line.
 *
 * @param site the site name; WARC files go to {@code output/site/}
 * @param seeds where the crawl starts
 * @param hosts host names in scope
 * @param listingPatterns URL patterns of listing pages (may be empty)
 * @param articlePatterns URL patterns of article pages (may be empty); when both lists are empty
 *     every in-scope URL is followed and pages are classified by their content
 * @param timeZone the zone page-local times are read in; null to guess it per page from its
 *     language and domain (else UTC)
 * @param maxPages most URLs scheduled in this run
 * @param maxDepth most link hops from a seed
 * @param minDelay least gap between two requests to one host
 * @param maxCrawlDelay largest robots.txt Crawl-delay honoured as given
 * @param delayFactor the gap after a request is at least this times its duration
 * @param maxRetries tries again of a URL after 429, 5xx or a failed connection
 * @param maxRetryAfter longest Retry-After or backoff obeyed as given
 * @param maxUrlLength longest URL followed
 * @param threads crawler threads
 * @param fetch HTTP limits and identity
 * @param output root of {@code warc/<site>/}
 * @param stateDir root of the crawl state ({@code state/}); frontiers live under it
 * @param warcPrefix first part of WARC file names
 * @param warcMaxFileSize size at which a WARC file is closed and the next one started
 * @param operator the contact written into warcinfo
 * @param sitemaps sitemaps to read for article URLs at the start of the run
 * @param feeds RSS/Atom feeds to read for article URLs at the start of the run
 * @param honourNoindex write no JSON record for a page that says noindex (it is still archived)
 * @param revisitAfter an article captured less than this long ago is not fetched again;
 *     {@code Duration.ZERO} never fetches a captured article again; null fetches every page
 *     every run (conditionally)
 * @param maxRedirects redirect hops followed from one URL found on a page or given as a seed;
 *     the target of one more hop is not fetched (error {@code too-many-redirects})
 * @param maxPagesPerHost URLs of one host scheduled in this run, at most; more are not followed
 *     (error {@code host-page-limit})
 * @param minFreeSpace bytes kept free on the disk of the WARC folder; below, the run stops with
 *     an error before it writes the next exchange (0: no check)
 * @param profile the site's selectors and followed link regions ({@link SiteProfile#NONE}: the
 *     generic extractor, default regions)
 */
public record RunSpec(
    String site,
    List<URI> seeds,
    List<String> hosts,
    List<Pattern> listingPatterns,
    List<Pattern> articlePatterns,
    ZoneId timeZone,
    int maxPages,
    int maxDepth,
    Duration minDelay,
    Duration maxCrawlDelay,
    double delayFactor,
    int maxRetries,
    Duration maxRetryAfter,
    int maxUrlLength,
    int threads,
    FetchOptions fetch,
    Path output,
    Path stateDir,
    String warcPrefix,
    long warcMaxFileSize,
    String operator,
    List<URI> sitemaps,
    List<URI> feeds,
    boolean honourNoindex,
    Duration revisitAfter,
    int maxRedirects,
    int maxPagesPerHost,
    long minFreeSpace,
    SiteProfile profile) {

  /** Redirect hops followed when the configuration does not say (limits.maxRedirects). */
  public static final int DEFAULT_MAX_REDIRECTS = 5;

  /** A run of a site without a profile: generic extraction, default link regions followed. */
  public RunSpec(String site, List<URI> seeds, List<String> hosts, List<Pattern> listingPatterns,
      List<Pattern> articlePatterns, ZoneId timeZone, int maxPages, int maxDepth,
      Duration minDelay, Duration maxCrawlDelay, double delayFactor, int maxRetries,
      Duration maxRetryAfter, int maxUrlLength, int threads, FetchOptions fetch, Path output,
      Path stateDir, String warcPrefix, long warcMaxFileSize, String operator,
      List<URI> sitemaps, List<URI> feeds, boolean honourNoindex, Duration revisitAfter,
      int maxRedirects, int maxPagesPerHost, long minFreeSpace) {
    this(site, seeds, hosts, listingPatterns, articlePatterns, timeZone, maxPages, maxDepth,
        minDelay, maxCrawlDelay, delayFactor, maxRetries, maxRetryAfter, maxUrlLength, threads,
        fetch, output, stateDir, warcPrefix, warcMaxFileSize, operator, sitemaps, feeds,
        honourNoindex, revisitAfter, maxRedirects, maxPagesPerHost, minFreeSpace,
        SiteProfile.NONE);
  }

  /** A run that does not check the free space of its WARC folder's disk. */
  public RunSpec(String site, List<URI> seeds, List<String> hosts, List<Pattern> listingPatterns,
      List<Pattern> articlePatterns, ZoneId timeZone, int maxPages, int maxDepth,
      Duration minDelay, Duration maxCrawlDelay, double delayFactor, int maxRetries,
      Duration maxRetryAfter, int maxUrlLength, int threads, FetchOptions fetch, Path output,
      Path stateDir, String warcPrefix, long warcMaxFileSize, String operator,
      List<URI> sitemaps, List<URI> feeds, boolean honourNoindex, Duration revisitAfter,
      int maxRedirects) {
    this(site, seeds, hosts, listingPatterns, articlePatterns, timeZone, maxPages, maxDepth,
        minDelay, maxCrawlDelay, delayFactor, maxRetries, maxRetryAfter, maxUrlLength, threads,
        fetch, output, stateDir, warcPrefix, warcMaxFileSize, operator, sitemaps, feeds,
        honourNoindex, revisitAfter, maxRedirects, maxPages, 0);
  }

  /** A run that follows up to {@link #DEFAULT_MAX_REDIRECTS} redirects from one URL. */
  public RunSpec(String site, List<URI> seeds, List<String> hosts, List<Pattern> listingPatterns,
      List<Pattern> articlePatterns, ZoneId timeZone, int maxPages, int maxDepth,
      Duration minDelay, Duration maxCrawlDelay, double delayFactor, int maxRetries,
      Duration maxRetryAfter, int maxUrlLength, int threads, FetchOptions fetch, Path output,
      Path stateDir, String warcPrefix, long warcMaxFileSize, String operator,
      List<URI> sitemaps, List<URI> feeds, boolean honourNoindex, Duration revisitAfter) {
    this(site, seeds, hosts, listingPatterns, articlePatterns, timeZone, maxPages, maxDepth,
        minDelay, maxCrawlDelay, delayFactor, maxRetries, maxRetryAfter, maxUrlLength, threads,
        fetch, output, stateDir, warcPrefix, warcMaxFileSize, operator, sitemaps, feeds,
        honourNoindex, revisitAfter, DEFAULT_MAX_REDIRECTS, maxPages, 0);
  }

  /** The run of {@code site} under the global configuration; the state lives in {@code state/}. */
  public static RunSpec of(GazetteConfig global, SiteConfig site, Path stateDir) {
    Limits limits = global.limits();
    Politeness politeness = site.politeness();
    FetchOptions fetch = new FetchOptions(global.userAgent(), limits.connectTimeout(),
        limits.readTimeout(), limits.totalTimeout(), limits.maxBodySize(), global.allowPrivate());
    return new RunSpec(site.name(), site.seeds(), site.hosts(), site.listing().urlPatterns(),
        site.article().urlPatterns(), site.timeZone(), site.maxPages(), site.maxDepth(),
        politeness.minDelay(), politeness.maxCrawlDelay(), politeness.delayFactor(),
        politeness.maxRetries(), politeness.maxRetryAfter(), limits.maxUrlLength(), global.threads(), fetch, global.output(), stateDir,
        global.warcPrefix(), global.warcMaxFileSize(), contact(global.userAgent()),
        site.sitemaps(), site.feeds(), site.honourNoindex(), site.revisitAfter(),
        limits.maxRedirects(), limits.maxPagesPerHost(), limits.minFreeSpace(), site.profile());
  }

  /** This run with the time zone guessed per page (a crawl of bare seeds, no --time-zone). */
  public RunSpec withGuessedTimeZone() {
    return new RunSpec(site, seeds, hosts, listingPatterns, articlePatterns, null, maxPages,
        maxDepth, minDelay, maxCrawlDelay, delayFactor, maxRetries, maxRetryAfter, maxUrlLength,
        threads, fetch, output, stateDir, warcPrefix, warcMaxFileSize, operator, sitemaps, feeds,
        honourNoindex, revisitAfter, maxRedirects, maxPagesPerHost, minFreeSpace, profile);
  }

  /** This run with another revisitAfter (null: fetch every page every run). */
  public RunSpec withRevisitAfter(Duration newRevisitAfter) {
    return new RunSpec(site, seeds, hosts, listingPatterns, articlePatterns, timeZone, maxPages,
        maxDepth, minDelay, maxCrawlDelay, delayFactor, maxRetries, maxRetryAfter, maxUrlLength,
        threads, fetch, output, stateDir, warcPrefix, warcMaxFileSize, operator, sitemaps, feeds,
        honourNoindex, newRevisitAfter, maxRedirects, maxPagesPerHost, minFreeSpace, profile);
  }

  /** This run following at most {@code n} redirect hops from one URL. */
  public RunSpec withMaxRedirects(int n) {
    return new RunSpec(site, seeds, hosts, listingPatterns, articlePatterns, timeZone, maxPages,
        maxDepth, minDelay, maxCrawlDelay, delayFactor, maxRetries, maxRetryAfter, maxUrlLength,
        threads, fetch, output, stateDir, warcPrefix, warcMaxFileSize, operator, sitemaps, feeds,
        honourNoindex, revisitAfter, n, maxPagesPerHost, minFreeSpace, profile);
  }

  /** This run scheduling at most {@code n} URLs of one host. */
  public RunSpec withMaxPagesPerHost(int n) {
    return new RunSpec(site, seeds, hosts, listingPatterns, articlePatterns, timeZone, maxPages,
        maxDepth, minDelay, maxCrawlDelay, delayFactor, maxRetries, maxRetryAfter, maxUrlLength,
        threads, fetch, output, stateDir, warcPrefix, warcMaxFileSize, operator, sitemaps, feeds,
        honourNoindex, revisitAfter, maxRedirects, n, minFreeSpace, profile);
  }

  /**
   * What the record maker needs of this run: site name, URL patterns, time zone (null: guessed
   * per page) and noindex, the same rules {@code gazette extract} applies to the archive.
   */
  public org.gazette.records.SiteRules siteRules() {
    return new org.gazette.records.SiteRules(site, listingPatterns, articlePatterns, timeZone,
        honourNoindex, profile);
  }

  /** The contact part of a user agent, {@code (+https://...; ops@...)}, for warcinfo's operator. */
  static String contact(String userAgent) {
    int open = userAgent.indexOf('(');
    int close = userAgent.lastIndexOf(')');
    return open >= 0 && close > open ? userAgent.substring(open + 1, close).trim() : userAgent;
  }

  /** This run reading pages with {@code newProfile} and following its link regions. */
  public RunSpec withProfile(SiteProfile newProfile) {
    return new RunSpec(site, seeds, hosts, listingPatterns, articlePatterns, timeZone, maxPages,
        maxDepth, minDelay, maxCrawlDelay, delayFactor, maxRetries, maxRetryAfter, maxUrlLength,
        threads, fetch, output, stateDir, warcPrefix, warcMaxFileSize, operator, sitemaps, feeds,
        honourNoindex, revisitAfter, maxRedirects, maxPagesPerHost, minFreeSpace, newProfile);
  }

  /** A run without configured sitemaps or feeds that fetches every page every run. */
  public RunSpec(String site, List<URI> seeds, List<String> hosts, List<Pattern> listingPatterns,
      List<Pattern> articlePatterns, ZoneId timeZone, int maxPages, int maxDepth,
      Duration minDelay, Duration maxCrawlDelay, double delayFactor, int maxRetries,
      Duration maxRetryAfter, int maxUrlLength, int threads, FetchOptions fetch, Path output,
      Path stateDir, String warcPrefix, long warcMaxFileSize, String operator) {
    this(site, seeds, hosts, listingPatterns, articlePatterns, timeZone, maxPages, maxDepth,
        minDelay, maxCrawlDelay, delayFactor, maxRetries, maxRetryAfter, maxUrlLength, threads,
        fetch, output, stateDir, warcPrefix, warcMaxFileSize, operator, List.of(), List.of(),
        false, null);
  }

  public RunSpec {
    profile = profile == null ? SiteProfile.NONE : profile;
    sitemaps = sitemaps == null ? List.of() : List.copyOf(sitemaps);
    feeds = feeds == null ? List.of() : List.copyOf(feeds);
    seeds = List.copyOf(seeds);
    hosts = List.copyOf(hosts);
    listingPatterns = List.copyOf(listingPatterns);
    articlePatterns = List.copyOf(articlePatterns);
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("site " + site + " has no seeds");
    }
    if (revisitAfter != null && revisitAfter.isNegative()) {
      throw new IllegalArgumentException("revisitAfter must not be negative");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    if (maxRedirects < 0) {
      throw new IllegalArgumentException("maxRedirects must not be negative");
    }
    if (maxPagesPerHost < 1) {
      throw new IllegalArgumentException("maxPagesPerHost must be at least 1");
    }
    if (minFreeSpace < 0) {
      throw new IllegalArgumentException("minFreeSpace must not be negative");
    }
  }
}
