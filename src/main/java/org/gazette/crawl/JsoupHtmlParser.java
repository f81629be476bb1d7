package org.gazette.crawl;

import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.parser.HtmlParseData;
import edu.uci.ics.crawler4j.parser.HtmlParser;
import edu.uci.ics.crawler4j.url.WebURL;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Parses a page with jsoup, once: the Document goes on to the extractor inside
 * {@link JsoupParseData}, the links go to crawler4j's frontier.
 *
 * <p>The charset comes from the Content-Type header when it names one the JDK knows; otherwise
 * jsoup reads the page's own meta tag (or BOM), which is how GBK and Big5 pages declare theirs.
 */
final class JsoupHtmlParser implements HtmlParser {
  private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([^\"';\\s]+)",
      Pattern.CASE_INSENSITIVE);

  private final int maxUrlLength;
  private final String agentName;

  /** @param agentName the robots product token, e.g. {@code gazette} */
  JsoupHtmlParser(int maxUrlLength, String agentName) {
    this.maxUrlLength = maxUrlLength;
    this.agentName = agentName.toLowerCase(Locale.ROOT);
  }

  @Override
  public HtmlParseData parse(Page page, String contextURL)
      throws edu.uci.ics.crawler4j.crawler.exceptions.ParseException {
    Document doc;
    try {
      doc = Jsoup.parse(new ByteArrayInputStream(page.getContentData()),
          headerCharset(page.getContentType()), contextURL);
    } catch (IOException | RuntimeException e) {
      throw new edu.uci.ics.crawler4j.crawler.exceptions.ParseException();
    }
    java.util.Set<String> directives = robotsDirectives(doc, page);
    JsoupParseData data = new JsoupParseData(doc, directives);
    data.setTitle(doc.title());
    data.setContentCharset(doc.charset().name());
    data.setMetaTags(metaTags(doc));
    // nofollow (meta robots, a meta for gazette's own agent, or X-Robots-Tag): no links from here
    boolean noFollow = directives.contains("nofollow") || directives.contains("none");
    data.setOutgoingUrls(noFollow ? new LinkedHashSet<>() : links(doc));
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

  private Set<WebURL> links(Document doc) {
    Set<WebURL> out = new LinkedHashSet<>();
    Set<String> seen = new java.util.HashSet<>();
    for (Element a : doc.select("a[href], area[href]")) {
      String href = a.attr("href").trim();
      String lower = href.toLowerCase(Locale.ROOT);
      if (lower.startsWith("javascript:") || lower.startsWith("mailto:") || lower.startsWith("#")) {
        continue;
      }
      String abs = a.absUrl("href");
      if (abs.isEmpty() || !(abs.startsWith("http://") || abs.startsWith("https://"))) {
        continue;
      }
      String url = UrlNormalizer.normalize(abs);
      if (url == null || url.length() > maxUrlLength || !seen.add(url)) {
        continue;
      }
      WebURL web = new WebURL();
      web.setURL(url);
      web.setAnchor(a.text());
      web.setTag(a.tagName());
      out.add(web);
    }
    return out;
  }

  /**
   * The robots directives that apply to gazette on this page: {@code <meta name="robots">}, a
   * meta named after gazette's agent, and {@code X-Robots-Tag} headers for all agents or for
   * gazette ("gazette: nofollow" applies, "otherbot: nofollow" does not).
   */
  private java.util.Set<String> robotsDirectives(Document doc, Page page) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    for (Element meta : doc.select("meta[name][content]")) {
      String name = meta.attr("name").toLowerCase(Locale.ROOT);
      if (name.equals("robots") || name.equals(agentName)) {
        addDirectives(out, meta.attr("content"));
      }
    }
    if (page.getFetchResponseHeaders() != null) {
      for (org.apache.http.Header h : page.getFetchResponseHeaders()) {
        if (h.getName().equalsIgnoreCase("X-Robots-Tag")) {
          String v = h.getValue().toLowerCase(Locale.ROOT);
          int colon = v.indexOf(':');
          String agent = colon < 0 ? "" : v.substring(0, colon).trim();
          if (colon < 0 || agent.contains(",") || agent.contains(" ")) {
            addDirectives(out, v);
          } else if (agent.equals(agentName)) {
            addDirectives(out, v.substring(colon + 1));
          }
        }
      }
    }
    return out;
  }

  private static void addDirectives(java.util.Set<String> out, String value) {
    for (String d : value.toLowerCase(Locale.ROOT).split("[,\\s]+")) {
      if (!d.isBlank()) {
        out.add(d.trim());
      }
    }
  }

  private static Map<String, String> metaTags(Document doc) {
    Map<String, String> tags = new HashMap<>();
    for (Element meta : doc.select("meta[name][content]")) {
      tags.put(meta.attr("name").toLowerCase(Locale.ROOT), meta.attr("content"));
    }
    return tags;
  }

  /** The charset the header names, if the JDK supports it; null lets jsoup detect. */
  static String headerCharset(String contentType) {
    if (contentType == null) {
      return null;
    }
    Matcher m = CHARSET.matcher(contentType);
    if (!m.find()) {
      return null;
    }
    try {
      return Charset.isSupported(m.group(1)) ? m.group(1) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
