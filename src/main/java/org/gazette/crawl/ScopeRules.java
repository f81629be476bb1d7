package org.gazette.crawl;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.gazette.records.SiteRules;

/**
 * Which discovered URLs a run follows: http(s) on one of the site's hosts, not longer than the
 * URL limit, and, when the site lists URL patterns, matching a listing or an article pattern.
 */
final class ScopeRules {
  private final Set<String> hosts;
  private final SiteRules rules;
  private final int maxUrlLength;

  ScopeRules(RunSpec spec, int maxUrlLength) {
    this.hosts = spec.hosts().stream().map(h -> h.toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
    this.rules = spec.siteRules();
    this.maxUrlLength = maxUrlLength;
  }

  /** Whether a link to {@code url} found as {@code tag} is followed; sitemaps and feeds need no pattern. */
  boolean follows(String url, String tag) {
    if (DiscoveryParser.SITEMAP.equals(tag) || DiscoveryParser.FEED.equals(tag)) {
      return onHosts(url);
    }
    return follows(url);
  }

  private boolean onHosts(String url) {
    try {
      URI uri = new URI(url);
      return uri.getHost() != null && url.length() <= maxUrlLength
          && hosts.contains(uri.getHost().toLowerCase(Locale.ROOT));
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  boolean follows(String url) {
    if (url.length() > maxUrlLength) {
      return false;
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (java.net.URISyntaxException e) {
      return false;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      return false;
    }
    if (!hosts.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
      return false;
    }
    return (rules.listingPatterns().isEmpty() && rules.articlePatterns().isEmpty())
        || kind(url) != SiteRules.Kind.UNKNOWN;
  }

  /** The kind the site's patterns give the URL; article patterns win over listing ones. */
  SiteRules.Kind kind(String url) {
    return rules.kind(url);
  }
}
