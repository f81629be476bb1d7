package org.gazette.discover;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one sitemap file holds: either a sitemap index, which names further sitemaps to fetch, or
 * a list of page URLs (an XML {@code urlset}, a plain-text sitemap, or an RSS or Atom feed used as
 * a sitemap). A sitemap that could not be read is an empty URL list with at least one problem.
 */
public final class Sitemap {
  private final URI url;
  private final boolean index;
  private final List<URI> sitemaps;
  private final List<DiscoveredUrl> urls;
  private final List<String> problems;

  private Sitemap(
      URI url, boolean index, List<URI> sitemaps, List<DiscoveredUrl> urls, List<String> problems) {
    this.url = Objects.requireNonNull(url, "url");
    this.index = index;
    this.sitemaps = List.copyOf(new LinkedHashSet<>(sitemaps));
    this.urls = firstOfEach(urls);
    this.problems = List.copyOf(problems);
  }

  /** Sitemaps list a URL twice now and then; the first entry counts. */
  private static List<DiscoveredUrl> firstOfEach(List<DiscoveredUrl> urls) {
    Map<URI, DiscoveredUrl> byUrl = new LinkedHashMap<>();
    for (DiscoveredUrl u : urls) {
      byUrl.putIfAbsent(u.url(), u);
    }
    return List.copyOf(byUrl.values());
  }

  /** A sitemap index naming the child sitemaps {@code sitemaps}, in document order, each once. */
  public static Sitemap index(URI url, List<URI> sitemaps, List<String> problems) {
    return new Sitemap(url, true, sitemaps, List.of(), problems);
  }

  /** A sitemap listing page URLs, in document order, each once (the first entry of a URL). */
  public static Sitemap urlset(URI url, List<DiscoveredUrl> urls, List<String> problems) {
    return new Sitemap(url, false, List.of(), urls, problems);
  }

  /** The URL the sitemap was fetched from. */
  public URI url() {
    return url;
  }

  /** Whether this is a sitemap index: then {@link #sitemaps()} holds its children. */
  public boolean isIndex() {
    return index;
  }

  /** The child sitemaps of an index, absolute, each once; empty for a URL list. */
  public List<URI> sitemaps() {
    return sitemaps;
  }

  /** The page URLs, each once; empty for an index. */
  public List<DiscoveredUrl> urls() {
    return urls;
  }

  /**
   * What went wrong while reading, for the log: empty when the whole file was read. A sitemap
   * cut short keeps the URLs read before the break and says so here.
   */
  public List<String> problems() {
    return problems;
  }

  @Override
  public String toString() {
    return (index ? "sitemap index " : "sitemap ") + url + ": "
        + (index ? sitemaps.size() + " sitemaps" : urls.size() + " urls")
        + (problems.isEmpty() ? "" : ", problems " + problems);
  }
}
