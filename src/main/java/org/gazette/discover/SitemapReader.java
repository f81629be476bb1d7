package org.gazette.discover;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a sitemap the caller has fetched: an XML {@code urlset} (with Google News entries), a
 * sitemap index, a plain-text list of URLs, any of those gzip-compressed, or an RSS or Atom feed
 * used as a sitemap. Sitemaps proper are parsed by crawler-commons' {@link SiteMapParser}; this
 * class adapts its types to gazette's and turns every failure into a problem of the result.
 *
 * <p>Feeds go to {@link FeedReader} instead. crawler-commons 1.4 reads them too, but takes an Atom
 * entry's last link whatever its rel (an enclosure's MP3, an API {@code self} link), ignores
 * {@code xml:base}, and makes a URL of an RSS guid marked {@code isPermaLink="false"}.
 *
 * <p>URLs are not required to sit under the sitemap's folder (crawler-commons' "strict" mode is
 * off). The protocol asks for that, but real news sites break it all the time and for good
 * reasons: {@code /sitemaps/news.xml} lists {@code /2020/03/18/story.html}, a sitemap on
 * {@code https://www.} lists {@code https://} URLs without {@code www}, and robots.txt may name
 * a sitemap on another host. Strict mode would drop all of those silently. What may be crawled
 * is the crawler's scope rules' call, and they see every URL returned here.
 *
 * <p>XML that is not well-formed (an unescaped {@code &}, an HTML entity, a body cut short) is
 * read again leniently rather than given up on; the result then carries a problem saying so. An
 * instance can be shared between threads: crawler-commons' parser keeps only its settings and
 * builds a SAX parser per call.
 */
public final class SitemapReader {

  private final SiteMapParser parser = new SiteMapParser(false, false);
  private final FeedReader feeds;

  /** A reader for a site whose zone is unknown; see {@link #SitemapReader(ZoneId)}. */
  public SitemapReader() {
    this(ZoneOffset.UTC);
  }

  /**
   * A reader for a site in {@code zone}. The zone only matters for feeds used as sitemaps, whose
   * times may lack a zone or name the site's own ({@link FeedReader#FeedReader(ZoneId)});
   * sitemap times carry their offset, and a date alone is read as UTC, as crawler-commons does.
   * Google News entries ({@code news:title}, {@code news:publication_date}) are read.
   */
  public SitemapReader(ZoneId zone) {
    this.feeds = new FeedReader(zone);
    parser.enableExtension(Extension.NEWS);
  }

  /**
   * Reads one sitemap.
   *
   * @param url the absolute URL the sitemap was fetched from; relative links in RSS and Atom
   *     sitemaps resolve against it
   * @param content the body as fetched, with any Content-Encoding undone; may be gzip
   * @return the index or URL list; never null, never throws on bad content
   * @throws IllegalArgumentException if {@code url} is not an absolute URL
   */
  public Sitemap read(URI url, byte[] content) {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(content, "content");
    URL location = toUrl(url);
    Problems problems = new Problems();
    byte[] bytes = SitemapBytes.unzip(content, problems);
    if (bytes.length == 0) {
      problems.add(content.length == 0 ? "empty document" : "no content after gunzip");
      return Sitemap.urlset(url, List.of(), problems.list());
    }
    if (SitemapBytes.isFeed(bytes)) {
      return fromFeed(url, bytes, problems);
    }
    byte[] utf8 = SitemapBytes.toUtf8(bytes, problems);
    try {
      return adapt(url, parser.parseSiteMap(utf8, location), problems);
    } catch (UnknownFormatException e) {
      if (e.getCause() instanceof SAXException broken) {
        problems.add("malformed XML " + describe(broken) + ": read leniently");
        return LenientSitemap.read(url, utf8, problems)
            .orElseGet(() -> fromFeed(url, bytes, problems));
      }
      problems.add(notASitemap(e));
    } catch (Exception e) {
      // crawler-commons declares IOException; anything else is a bug of its, not a crash of ours
      problems.add("sitemap parser failed: " + e);
    }
    return Sitemap.urlset(url, List.of(), problems.list());
  }

  private Sitemap fromFeed(URI url, byte[] bytes, Problems problems) {
    Feed feed = feeds.read(url, bytes);
    feed.problems().forEach(problems::add);
    return Sitemap.urlset(url, feed.urls(), problems.list());
  }

  private static URL toUrl(URI url) {
    try {
      return url.toURL();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not an absolute URL: " + url, e);
    }
  }

  private static Sitemap adapt(URI url, AbstractSiteMap parsed, Problems problems) {
    if (parsed.isIndex()) {
      return Sitemap.index(url, children((SiteMapIndex) parsed, problems), problems.list());
    }
    return Sitemap.urlset(url, entries((SiteMap) parsed, problems), problems.list());
  }

  private static String notASitemap(UnknownFormatException e) {
    String message = String.valueOf(e.getMessage());
    if (message.startsWith("Failed to detect MediaType")) {
      return "not a sitemap: neither XML nor a plain-text list of URLs";
    }
    if (message.startsWith("Unknown XML format")) {
      return "not a sitemap: XML without a urlset, sitemapindex, rss or feed root element";
    }
    return "not a sitemap: " + message;
  }

  private static String describe(SAXException e) {
    if (e instanceof SAXParseException p) {
      return "at line " + p.getLineNumber() + ", column " + p.getColumnNumber() + " ("
          + p.getMessage() + ")";
    }
    return "(" + e.getMessage() + ")";
  }

  private static List<URI> children(SiteMapIndex index, Problems problems) {
    List<URI> out = new ArrayList<>();
    for (AbstractSiteMap child : index.getSitemaps()) {
      URL location = child == null ? null : child.getUrl();
      URI uri = location == null ? null : Links.parse(location.toString());
      if (uri == null) {
        problems.add("unusable sitemap URL: " + location);
      } else {
        out.add(uri);
      }
    }
    return out;
  }

  private static List<DiscoveredUrl> entries(SiteMap sitemap, Problems problems) {
    List<DiscoveredUrl> out = new ArrayList<>();
    for (SiteMapURL entry : sitemap.getSiteMapUrls()) {
      URI uri = entry.getUrl() == null ? null : Links.parse(entry.getUrl().toString());
      if (uri == null) {
        problems.add("unusable URL: " + entry.getUrl());
        continue;
      }
      NewsAttributes news = news(entry);
      out.add(new DiscoveredUrl(
          uri,
          instant(entry.getLastModified()),
          news == null ? null : news.getTitle(),
          news == null ? null : instant(news.getPublicationDateTime())));
    }
    return out;
  }

  /** The first {@code news:news} block; Google allows one per URL. */
  private static NewsAttributes news(SiteMapURL entry) {
    ExtensionMetadata[] all = entry.getAttributesForExtension(Extension.NEWS);
    if (all != null) {
      for (ExtensionMetadata m : all) {
        if (m instanceof NewsAttributes news) {
          return news;
        }
      }
    }
    return null;
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private static Instant instant(ZonedDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
