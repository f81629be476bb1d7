package org.gazette.crawl;

import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.parser.HtmlParseData;
import edu.uci.ics.crawler4j.parser.HtmlParser;
import edu.uci.ics.crawler4j.url.WebURL;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gazette.config.SiteProfile;
import org.gazette.extract.LinkRegions;
import org.gazette.fetch.HttpHeader;
import org.gazette.records.PageRecords;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Parses a page with jsoup, once, through {@link PageRecords#parse} (the parse {@code gazette
 * extract} does too): the Document and the page's robots directives go on to the record maker
 * inside {@link JsoupParseData}, the links go to crawler4j's frontier.
 *
 * <p>The charset is {@link org.gazette.charset.PageCharset}'s: byte order mark, Content-Type
 * header, the page's own meta tag (how GBK and Big5 pages declare theirs), else detection.
 */
final class JsoupHtmlParser implements HtmlParser {
  private final int maxUrlLength;
  private final PageRecords pages;
  private final SiteProfile profile;

  /**
   * A parser following the default link regions.
   *
   * @param agentName the robots product token, e.g. {@code gazette}
   */
  JsoupHtmlParser(int maxUrlLength, String agentName) {
    this(maxUrlLength, new PageRecords(agentName), SiteProfile.NONE);
  }

  /** @param profile which link regions to follow, and the selectors that mark them */
  JsoupHtmlParser(int maxUrlLength, PageRecords pages, SiteProfile profile) {
    this.maxUrlLength = maxUrlLength;
    this.pages = pages;
    this.profile = profile;
  }

  @Override
  public HtmlParseData parse(Page page, String contextURL)
      throws edu.uci.ics.crawler4j.crawler.exceptions.ParseException {
    PageRecords.Parsed parsed;
    try {
      parsed = pages.parse(page.getContentData(), page.getContentType(), headers(page),
          contextURL);
    } catch (IOException | RuntimeException e) {
      throw new edu.uci.ics.crawler4j.crawler.exceptions.ParseException();
    }
    Document doc = parsed.document();
    java.util.Set<String> directives = parsed.robots();
    JsoupParseData data = new JsoupParseData(parsed);
    data.setTitle(doc.title());
    data.setContentCharset(parsed.charset());
    data.setMetaTags(metaTags(doc));
    // nofollow (meta robots, a meta for gazette's own agent, or X-Robots-Tag): no links from here
    boolean noFollow = directives.contains("nofollow") || directives.contains("none");
    data.setOutgoingUrls(noFollow ? new LinkedHashSet<>() : links(doc, data.unfollowed()));
    // feeds the page announces are read for article URLs, like a listing
    for (java.net.URI feed : noFollow ? List.<java.net.URI>of() : org.gazette.discover.FeedLinks.find(doc)) {
      String url = UrlNormalizer.normalize(feed.toString());
      if (url != null && url.length() <= maxUrlLength) {
        WebURL web = new WebURL();
        web.setURL(url);
        web.setTag(DiscoveryParser.FEED);
        web.setAnchor(DiscoveryParser.FEED);
        data.getOutgoingUrls().add(web);
      }
    }
    // crawler4j's HtmlParseData also holds text and html strings; left empty, as nothing reads them
    data.setText("");
    data.setHtml("");
    return data;
  }

  /**
   * Every link of the page (http(s), normalized, within the URL length limit, each once), for
   * the frontier and the metadata record's outlinks; those found only in regions the site does
   * not follow ({@link LinkRegions}: by default menus, footers and ads) go to {@code
   * unfollowed}, which {@link GazetteCrawler#shouldVisit} refuses.
   */
  private Set<WebURL> links(Document doc, Set<String> unfollowed) {
    Map<String, WebURL> out = new java.util.LinkedHashMap<>();
    Set<String> followed = new java.util.HashSet<>();
    LinkRegions regions = LinkRegions.of(doc, profile);
    // jsoup's absUrl parses the base URL again for every link: a tenth of a crawl's CPU
    org.gazette.extract.LinkResolver resolver = new org.gazette.extract.LinkResolver();
    for (Element a : doc.select("a[href], area[href]")) {
      String href = a.attr("href").trim();
      String lower = href.toLowerCase(Locale.ROOT);
      if (lower.startsWith("javascript:") || lower.startsWith("mailto:") || lower.startsWith("#")) {
        continue;
      }
      String abs = resolver.absUrl(a, "href");
      if (abs.isEmpty() || !(abs.startsWith("http://") || abs.startsWith("https://"))) {
        continue;
      }
      String url = UrlNormalizer.normalize(abs);
      if (url == null || url.length() > maxUrlLength) {
        continue;
      }
      if (profile.follow().contains(regions.of(a))) {
        followed.add(url);
      }
      if (!out.containsKey(url)) {
        WebURL web = new WebURL();
        web.setURL(url);
        // no anchor text: nothing reads it, crawler4j would store it in the frontier, and a
        // link whose text were a discovery marker would pass for a sitemap (DiscoveryParser)
        web.setAnchor(null);
        web.setTag(a.tagName());
        out.put(url, web);
      }
    }
    for (String url : out.keySet()) {
      if (!followed.contains(url)) {
        unfollowed.add(url);
      }
    }
    return new LinkedHashSet<>(out.values());
  }

  private static Map<String, String> metaTags(Document doc) {
    Map<String, String> tags = new HashMap<>();
    for (Element meta : doc.select("meta[name][content]")) {
      tags.put(meta.attr("name").toLowerCase(Locale.ROOT), meta.attr("content"));
    }
    return tags;
  }

  private static List<HttpHeader> headers(Page page) {
    List<HttpHeader> headers = new java.util.ArrayList<>();
    if (page.getFetchResponseHeaders() != null) {
      for (org.apache.http.Header h : page.getFetchResponseHeaders()) {
        headers.add(new HttpHeader(h.getName(), h.getValue()));
      }
    }
    return headers;
  }
}
