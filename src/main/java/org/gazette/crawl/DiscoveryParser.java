package org.gazette.crawl;

import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.parser.TextParseData;
import edu.uci.ics.crawler4j.url.WebURL;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gazette.discover.DiscoveredUrl;
import org.gazette.discover.Feed;
import org.gazette.discover.FeedReader;
import org.gazette.discover.Sitemap;
import org.gazette.discover.SitemapReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads sitemaps (robots.txt {@code Sitemap:} lines, sitemap indexes, gzip and text sitemaps)
 * and RSS/Atom feeds fetched like any page, and hands their URLs to crawler4j as the page's
 * links: article URLs then go through the same scope rules and frontier as links of listings.
 */
final class DiscoveryParser {
  /** Tag and anchor of a link to a sitemap or feed: followed whatever the URL patterns say. */
  static final String SITEMAP = "gazette:sitemap";
  static final String FEED = "gazette:feed";

  private static final Logger log = LoggerFactory.getLogger(DiscoveryParser.class);

  private final SitemapReader sitemaps;
  private final FeedReader feeds;
  private final int maxUrlLength;

  DiscoveryParser(ZoneId zone, int maxUrlLength) {
    ZoneId z = zone == null ? ZoneOffset.UTC : zone;
    this.sitemaps = new SitemapReader(z);
    this.feeds = new FeedReader(z);
    this.maxUrlLength = maxUrlLength;
  }

  /**
   * Whether the URL was found as a sitemap or feed. crawler4j keeps a URL's anchor on disk and
   * copies it to redirect targets, but not its tag, so the anchor is checked too.
   */
  static boolean isMarked(WebURL url) {
    return SITEMAP.equals(url.getTag()) || FEED.equals(url.getTag())
        || SITEMAP.equals(url.getAnchor()) || FEED.equals(url.getAnchor());
  }

  /** Whether the page is a sitemap or feed to read for URLs. */
  static boolean isDiscovery(Page page) {
    if (isMarked(page.getWebURL())) {
      return true;
    }
    String type = page.getContentType() == null ? "" : page.getContentType().toLowerCase(Locale.ROOT);
    return type.contains("xml") || type.contains("gzip");
  }

  TextParseData parse(Page page, String contextUrl) {
    URI url = URI.create(contextUrl);
    byte[] content = page.getContentData();
    Set<WebURL> links = new LinkedHashSet<>();
    if (looksLikeFeed(content)) {
      Feed feed = feeds.read(url, content);
      feed.urls().forEach(u -> add(links, u.url(), "a"));
      logProblems(url, feed.problems());
    } else {
      Sitemap sitemap = sitemaps.read(url, content);
      sitemap.sitemaps().forEach(u -> add(links, u, SITEMAP));
      sitemap.urls().stream().map(DiscoveredUrl::url).forEach(u -> add(links, u, "a"));
      logProblems(url, sitemap.problems());
    }
    TextParseData data = new TextParseData();
    data.setTextContent("");
    data.setOutgoingUrls(links);
    log.debug("{}: {} URLs discovered", url, links.size());
    return data;
  }

  private void add(Set<WebURL> links, URI uri, String kind) {
    String url = UrlNormalizer.normalize(uri.toString());
    if (url == null || url.length() > maxUrlLength) {
      return;
    }
    WebURL web = new WebURL();
    web.setURL(url);
    web.setTag(kind);
    web.setAnchor(kind.equals("a") ? "" : kind);
    links.add(web);
  }

  private static boolean looksLikeFeed(byte[] content) {
    int n = Math.min(content.length, 2048);
    String head = new String(content, 0, n, StandardCharsets.ISO_8859_1);
    return head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:RDF");
  }

  private static void logProblems(URI url, List<String> problems) {
    if (!problems.isEmpty()) {
      log.info("{}: {}", url, String.join("; ", problems));
    }
  }
}
