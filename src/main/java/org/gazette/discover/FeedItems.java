package org.gazette.discover;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Tag;

/**
 * The items of one parsed feed, turned into {@link DiscoveredUrl}s.
 *
 * <p>Elements are matched by local name and namespace, or by the prefix everybody uses for that
 * namespace ({@code dc:}, {@code atom:}), because feeds that forget to declare a prefix are
 * common and still mean the same thing. Local names match without regard to case
 * ({@code pubdate}).
 */
final class FeedItems {
  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final String DC = "http://purl.org/dc/elements/1.1/";
  static final String DCTERMS = "http://purl.org/dc/terms/";

  /** An element name: a namespace (null for the feed's own vocabulary) and a local name. */
  private record Name(String ns, String local) {}

  private static final Name PUB_DATE = new Name(null, "pubDate");
  private static final Name DC_DATE = new Name(DC, "date");
  private static final Name PUBLISHED = new Name(ATOM, "published");
  private static final Name UPDATED = new Name(ATOM, "updated");
  private static final Name MODIFIED = new Name(DCTERMS, "modified");
  // Atom 0.3 said issued and modified for what 1.0 calls published and updated
  private static final Name ISSUED_03 = new Name(ATOM, "issued");
  private static final Name MODIFIED_03 = new Name(ATOM, "modified");

  private final URI feedUrl;
  private final ZoneId zone;
  private final Problems problems;

  FeedItems(URI feedUrl, ZoneId zone, Problems problems) {
    this.feedUrl = feedUrl;
    this.zone = zone;
    this.problems = problems;
  }

  /** RSS 0.9x/2.0 items sit in the channel; RSS 1.0 items beside it. Both are found. */
  List<DiscoveredUrl> rss(Element root) {
    Map<URI, DiscoveredUrl> out = new LinkedHashMap<>();
    int n = 0;
    for (Element item : root.getAllElements()) {
      if (!isCore(item, "item")) {
        continue;
      }
      n++;
      URI url = rssLink(item);
      if (url == null) {
        problems.add("item " + n + " has no usable link");
        continue;
      }
      Instant published = time(item, PUB_DATE, DC_DATE, PUBLISHED);
      Instant updated = time(item, UPDATED, MODIFIED);
      out.putIfAbsent(url, new DiscoveredUrl(url, updated, rssTitle(item), published));
    }
    return new ArrayList<>(out.values());
  }

  /** The item link; else RSS 1.0's rdf:about, a permalink guid, an atom:link. */
  private URI rssLink(Element item) {
    URI url = resolve(item, text(child(item, null, "link")));
    if (url == null) {
      url = Links.parse(item.attr("rdf:about"));
    }
    Element guid = child(item, null, "guid");
    if (url == null && guid != null && !guid.attr("isPermaLink").equalsIgnoreCase("false")) {
      url = Links.parse(guid.text()); // absolute only: a guid is often just a number
    }
    return url == null ? atomLink(item) : url;
  }

  /** RSS titles are plain text in theory and escaped HTML in practice. */
  private static String rssTitle(Element item) {
    Element title = child(item, null, "title");
    if (title == null) {
      title = child(item, DC, "title");
    }
    return html(text(title));
  }

  List<DiscoveredUrl> atom(Element root) {
    Map<URI, DiscoveredUrl> out = new LinkedHashMap<>();
    int n = 0;
    for (Element entry : root.getAllElements()) {
      if (!is(entry, ATOM, "entry")) {
        continue;
      }
      n++;
      URI url = atomLink(entry);
      if (url == null) {
        url = Links.parse(text(child(entry, ATOM, "id"))); // the id may be the permalink
      }
      if (url == null) {
        problems.add("entry " + n + " has no usable link");
        continue;
      }
      Instant published = time(entry, PUBLISHED, ISSUED_03, DC_DATE);
      Instant updated = time(entry, UPDATED, MODIFIED_03);
      out.putIfAbsent(url, new DiscoveredUrl(url, updated, atomTitle(entry), published));
    }
    return new ArrayList<>(out.values());
  }

  /** The alternate link (rel absent or "alternate"), an HTML one if there are several. */
  private URI atomLink(Element entry) {
    Element best = null;
    for (Element link : entry.children()) {
      String rel = link.attr("rel").strip().toLowerCase(Locale.ROOT);
      if (!is(link, ATOM, "link") || !link.hasAttr("href")
          || !(rel.isEmpty() || rel.equals("alternate"))) {
        continue;
      }
      String type = link.attr("type").toLowerCase(Locale.ROOT);
      if (best == null || (type.contains("html") && !best.attr("type").contains("html"))) {
        best = link;
      }
    }
    return best == null ? null : resolve(best, best.attr("href"));
  }

  private static String atomTitle(Element entry) {
    Element title = child(entry, ATOM, "title");
    if (title == null) {
      return null;
    }
    // type="text" (the default) and "xhtml" are read as they stand; "html" holds escaped markup
    String type = title.attr("type").toLowerCase(Locale.ROOT);
    return type.equals("html") || type.equals("text/html") ? html(title.text()) : title.text();
  }

  /** The first of {@code names} that holds a readable time. */
  private Instant time(Element item, Name... names) {
    for (Name name : names) {
      Instant t = FeedDates.parse(text(child(item, name.ns(), name.local())), zone);
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  /**
   * {@code href} made absolute: against the feed URL, then every {@code xml:base} from the root
   * down to {@code at}.
   */
  private URI resolve(Element at, String href) {
    if (href == null || href.isBlank()) {
      return null;
    }
    URI base = feedUrl;
    List<Element> chain = new ArrayList<>(at.parents());
    Collections.reverse(chain);
    chain.add(at);
    for (Element e : chain) {
      URI next = e.hasAttr("xml:base") ? Links.resolve(base, e.attr("xml:base")) : null;
      base = next == null ? base : next;
    }
    return Links.resolve(base, href);
  }

  /** The first child named {@code local} in {@code ns}; a null ns means a feed's own vocabulary. */
  private static Element child(Element parent, String ns, String local) {
    for (Element c : parent.children()) {
      if (ns == null ? isCore(c, local) : is(c, ns, local)) {
        return c;
      }
    }
    return null;
  }

  /** An unprefixed element: RSS's own, or Atom's in an Atom feed. */
  private static boolean isCore(Element e, String local) {
    Tag tag = e.tag();
    return tag.prefix().isEmpty() && tag.localName().equalsIgnoreCase(local);
  }

  private static boolean is(Element e, String ns, String local) {
    Tag tag = e.tag();
    if (!tag.localName().equalsIgnoreCase(local)) {
      return false;
    }
    // an Atom feed without its xmlns declaration still reads as Atom
    return ns.equals(tag.namespace()) || tag.prefix().equals(usualPrefix(ns))
        || (ns.equals(ATOM) && tag.prefix().isEmpty());
  }

  private static String usualPrefix(String ns) {
    return switch (ns) {
      case ATOM -> "atom";
      case DC -> "dc";
      case DCTERMS -> "dcterms";
      default -> null;
    };
  }

  /**
   * The text of an element, or null if the document ended inside it (a body cut at the size
   * limit): a link or date cut short is worse than none.
   */
  private static String text(Element e) {
    if (e == null || (e.endSourceRange().isTracked() && e.endSourceRange().isImplicit())) {
      return null;
    }
    return e.text();
  }

  /** Markup and entities stripped from a title that holds HTML. */
  private static String html(String s) {
    if (s == null || (s.indexOf('<') < 0 && s.indexOf('&') < 0)) {
      return s;
    }
    return Jsoup.parseBodyFragment(s).text();
  }
}
