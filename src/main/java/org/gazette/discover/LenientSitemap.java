package org.gazette.discover;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads a sitemap that is not well-formed XML, which crawler-commons gives up on at the first
 * error. The usual faults are an unescaped {@code &} in a {@code loc}, an HTML entity such as
 * {@code &nbsp;} in a {@code news:title}, and a body cut at the size limit. crawler-commons'
 * partial mode would keep a URL cut at the {@code &} and drop the rest of the file; jsoup's
 * forgiving XML parser reads on.
 *
 * <p>A value whose end tag is missing is ignored: the document was cut inside it, so a URL or
 * date there is likely cut too.
 */
final class LenientSitemap {
  private static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";

  private LenientSitemap() {}

  /**
   * The sitemap in {@code utf8}; empty if it is a feed after all (one whose start hid its root
   * element, such as a doctype with an internal subset), which is the feed reader's job.
   */
  static Optional<Sitemap> read(URI url, byte[] utf8, Problems problems) {
    Document doc = parse(url, utf8);
    Element root = doc.children().first();
    String kind = root == null ? "" : root.tag().localName().toLowerCase(Locale.ROOT);
    switch (kind) {
      case "urlset":
        return Optional.of(Sitemap.urlset(url, entries(root, problems), problems.list()));
      case "sitemapindex":
        return Optional.of(Sitemap.index(url, children(root, problems), problems.list()));
      case "rss", "rdf", "feed":
        return Optional.empty();
      default:
        problems.add(root == null
            ? "not a sitemap: no XML elements"
            : "not a sitemap: the root element is <" + root.tagName() + ">");
        return Optional.of(Sitemap.urlset(url, List.of(), problems.list()));
    }
  }

  private static Document parse(URI url, byte[] utf8) {
    try {
      Parser parser = Parser.xmlParser().setTrackPosition(true);
      return Jsoup.parse(new ByteArrayInputStream(utf8), "UTF-8", url.toString(), parser);
    } catch (IOException e) {
      throw new UncheckedIOException("reading a byte array cannot fail", e);
    }
  }

  private static List<DiscoveredUrl> entries(Element urlset, Problems problems) {
    List<DiscoveredUrl> out = new ArrayList<>();
    for (Element entry : urlset.children()) {
      URI loc = entry.tag().localName().equals("url") ? loc(entry, problems) : null;
      if (loc == null) {
        continue;
      }
      Element news = child(entry, NEWS, "news");
      out.add(new DiscoveredUrl(
          loc,
          time(child(entry, null, "lastmod")),
          news == null ? null : closedText(child(news, NEWS, "title")),
          news == null ? null : time(child(news, NEWS, "publication_date"))));
    }
    return out;
  }

  private static List<URI> children(Element index, Problems problems) {
    List<URI> out = new ArrayList<>();
    for (Element sitemap : index.children()) {
      if (sitemap.tag().localName().equals("sitemap")) {
        URI loc = loc(sitemap, problems);
        if (loc != null) {
          out.add(loc);
        }
      }
    }
    return out;
  }

  /** The absolute URL of an entry, as the protocol requires; relative ones are dropped. */
  private static URI loc(Element entry, Problems problems) {
    String text = closedText(child(entry, null, "loc"));
    if (text == null) {
      return null;
    }
    URI uri = Links.parse(text);
    if (uri == null) {
      problems.add("unusable URL: " + text);
    }
    return uri;
  }

  /** Sitemap times are W3C datetimes; without a zone they are UTC, as crawler-commons has it. */
  private static Instant time(Element e) {
    return FeedDates.parse(closedText(e), ZoneOffset.UTC);
  }

  /** The text of an element that was closed by its end tag; null if the document ended inside. */
  private static String closedText(Element e) {
    if (e == null || e.endSourceRange().isImplicit() || !e.endSourceRange().isTracked()) {
      return null;
    }
    return e.text();
  }

  /** A child by local name: in {@code ns} (or its usual prefix), or unprefixed if ns is null. */
  private static Element child(Element parent, String ns, String local) {
    for (Element c : parent.children()) {
      if (!c.tag().localName().equals(local)) {
        continue;
      }
      boolean inNs = ns == null
          ? !NEWS.equals(c.tag().namespace())
          : ns.equals(c.tag().namespace()) || c.tag().prefix().equals("news");
      if (inNs) {
        return c;
      }
    }
    return null;
  }
}
