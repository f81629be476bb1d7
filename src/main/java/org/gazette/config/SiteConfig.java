package org.gazette.config;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One site to crawl, from {@code config/sites/<name>.yaml} or built from {@code --seed} URLs.
 *
 * @param name the file name without {@code .yaml}; names the warc/&lt;site&gt;/ folder and the job
 * @param seeds where each run starts: absolute http(s) URLs, at least one
 * @param hosts host names in scope, lower case (default: the seeds' hosts)
 * @param schedule Quartz cron expression, read in {@code timeZone} (default every 30 minutes,
 *     {@code 0 *}{@code /30 * * * ?}); the loader checks that it parses and fires again; a
 *     site built in code is only checked for being non-empty
 * @param timeZone zone of the site's schedule and of page-local times (default UTC)
 * @param revisitAfter an article page is fetched again only this long after its last capture
 *     (default P7D)
 * @param maxPages pages fetched per run, at most (default 1000)
 * @param maxDepth links followed from a seed, at most; 0 fetches the seeds only (default 5)
 * @param politeness gazette.yaml's politeness with the site's own keys laid over it
 * @param listing URLs of listing pages (front page, sections, pagination)
 * @param article URLs of article pages
 * @param profile how to read the site's pages ({@code selectors:}, {@code dateFormats:}) and
 *     which link regions to follow ({@code follow:}); {@link SiteProfile#NONE} when the file has
 *     none
 */
public record SiteConfig(
    String name,
    List<URI> seeds,
    List<String> hosts,
    String schedule,
    ZoneId timeZone,
    Duration revisitAfter,
    int maxPages,
    int maxDepth,
    Politeness politeness,
    UrlPatterns listing,
    UrlPatterns article,
    SiteProfile profile,
    List<URI> sitemaps,
    List<URI> feeds,
    boolean honourNoindex) {

  /**
   * Checks the invariants the loader reports with file and line, so that a site built in code
   * (from command line options) is as sound as one read from a file. {@code hosts},
   * {@code listing}, {@code article} and {@code profile} may be null for their defaults.
   */
  public SiteConfig {
    Values.check("name", Values.nameProblem(name));
    Objects.requireNonNull(seeds, "seeds");
    Values.check("seeds", !seeds.isEmpty(), "a site needs at least one seed URL");
    for (URI seed : seeds) {
      Values.check("seeds", seedProblem(seed));
    }
    seeds = List.copyOf(new LinkedHashSet<>(seeds));
    hosts = hosts == null || hosts.isEmpty() ? hostsOf(seeds) : lowerCase(hosts);
    Objects.requireNonNull(schedule, "schedule");
    Values.check("schedule", !schedule.isBlank(), "must not be empty");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(revisitAfter, "revisitAfter");
    Values.check("revisitAfter", !revisitAfter.isNegative(), "must not be negative");
    Values.check("maxPages", maxPages >= 1, "must be at least 1");
    Values.check("maxDepth", maxDepth >= 0, "must not be negative");
    Objects.requireNonNull(politeness, "politeness");
    sitemaps = sitemaps == null ? List.of() : List.copyOf(sitemaps);
    feeds = feeds == null ? List.of() : List.copyOf(feeds);
    for (URI u : sitemaps) {
      Values.check("sitemaps", seedProblem(u));
    }
    for (URI u : feeds) {
      Values.check("feeds", seedProblem(u));
    }
    listing = listing == null ? UrlPatterns.NONE : listing;
    article = article == null ? UrlPatterns.NONE : article;
    profile = profile == null ? SiteProfile.NONE : profile;
  }

  /**
   * A site for {@code gazette crawl --seed URL} without a site file: the seeds' hosts in scope, no
   * URL patterns (every in-scope page is handled by the generic extractor), the site defaults
   * documented in config/gazette.yaml and {@code defaults}' politeness.
   *
   * <p>Its name is the first seed's host, lower case, with dots kept ({@code news.example.com}),
   * since a host name is already a readable and portable folder name; any other character that
   * is not a letter, digit, '_' or '-' becomes '-' ({@code [::1]} gives {@code 1}).
   *
   * @throws IllegalArgumentException when {@code seeds} is empty or holds a URL that is not an
   *     absolute http(s) URL with a host
   */
  public static SiteConfig forSeeds(List<URI> seeds, GazetteConfig defaults) {
    Values.check("seeds", !seeds.isEmpty(), "a site needs at least one seed URL");
    for (URI seed : seeds) {
      Values.check("seeds", seedProblem(seed));
    }
    String name = seeds.get(0).getHost().toLowerCase(Locale.ROOT)
        .replaceAll("[\\[\\]]", "")
        .replaceAll("[^a-z0-9._-]", "-")
        .replaceAll("^[^a-z0-9]+", "");
    return new SiteConfig(name.isEmpty() ? "seed" : name, seeds, null, Defaults.SCHEDULE,
        Defaults.TIME_ZONE, Defaults.REVISIT_AFTER, Defaults.MAX_PAGES, Defaults.MAX_DEPTH,
        defaults.politeness(), UrlPatterns.NONE, UrlPatterns.NONE, SiteProfile.NONE, List.of(),
        List.of(), false);
  }

  /**
   * This site with other seeds (the demo's live address). The new seeds' hosts join
   * {@code hosts}, so the seeds are in scope and nothing that was in scope leaves it.
   */
  public SiteConfig withSeeds(List<URI> newSeeds) {
    Set<String> scope = new LinkedHashSet<>(hosts);
    for (URI seed : newSeeds) {
      Values.check("seeds", seedProblem(seed));
      scope.add(seed.getHost().toLowerCase(Locale.ROOT));
    }
    return new SiteConfig(name, newSeeds, new ArrayList<>(scope), schedule, timeZone,
        revisitAfter, maxPages, maxDepth, politeness, listing, article, profile, sitemaps, feeds,
        honourNoindex);
  }

  /** This site with another page budget (for {@code --max-pages}). */
  public SiteConfig withMaxPages(int newMaxPages) {
    return new SiteConfig(name, seeds, hosts, schedule, timeZone, revisitAfter, newMaxPages,
        maxDepth, politeness, listing, article, profile, sitemaps, feeds,
        honourNoindex);
  }

  /** This site with another depth limit (for {@code --max-depth}). */
  public SiteConfig withMaxDepth(int newMaxDepth) {
    return new SiteConfig(name, seeds, hosts, schedule, timeZone, revisitAfter, maxPages,
        newMaxDepth, politeness, listing, article, profile, sitemaps, feeds,
        honourNoindex);
  }

  /** This site in another time zone (for {@code --time-zone}). */
  public SiteConfig withTimeZone(ZoneId newTimeZone) {
    return new SiteConfig(name, seeds, hosts, schedule, newTimeZone, revisitAfter, maxPages,
        maxDepth, politeness, listing, article, profile, sitemaps, feeds,
        honourNoindex);
  }

  /** This site with other politeness rules (for {@code --min-delay}). */
  public SiteConfig withPoliteness(Politeness newPoliteness) {
    return new SiteConfig(name, seeds, hosts, schedule, timeZone, revisitAfter, maxPages,
        maxDepth, newPoliteness, listing, article, profile, sitemaps, feeds,
        honourNoindex);
  }

  /** Null when {@code seed} can start a crawl, else why not. */
  static String seedProblem(URI seed) {
    if (seed == null) {
      return "a seed must not be null";
    }
    String scheme = seed.getScheme() == null ? "" : seed.getScheme().toLowerCase(Locale.ROOT);
    if (!seed.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
      return "not an absolute http(s) URL: " + Values.quote(seed.toString());
    }
    if (seed.getHost() == null) {
      // java.net.URI leaves the host null for non-ASCII names, and for a port past 2^31, too.
      return "no host name (write international domain names in punycode, xn--...): "
          + Values.quote(seed.toString());
    }
    if (seed.getPort() == 0 || seed.getPort() > 65535) {
      return "port out of range (1 to 65535): " + Values.quote(seed.toString());
    }
    return null;
  }

  private static List<String> hostsOf(List<URI> seeds) {
    Set<String> hosts = new LinkedHashSet<>();
    for (URI seed : seeds) {
      hosts.add(seed.getHost().toLowerCase(Locale.ROOT));
    }
    return List.copyOf(hosts);
  }

  private static List<String> lowerCase(List<String> hosts) {
    Set<String> out = new LinkedHashSet<>();
    for (String h : hosts) {
      Values.check("hosts", hostProblem(h));
      out.add(h.toLowerCase(Locale.ROOT));
    }
    return List.copyOf(out);
  }

  /** Null when {@code host} is a host name, else why not. */
  static String hostProblem(String host) {
    if (host == null || host.isBlank() || !host.matches("[^\\s/:?#@]+|\\[[0-9A-Fa-f:.]+\\]")) {
      return "not a host name (write news.example.com, not a URL): " + Values.quote(host);
    }
    return null;
  }
}
