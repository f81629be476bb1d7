package org.gazette.discover;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The feeds a page announces: {@code <link rel="alternate" type="application/rss+xml"
 * href="...">}, and the same with {@code application/atom+xml}. This is how a site's front page
 * and section pages point to the feeds a crawler may read instead of walking listings.
 */
public final class FeedLinks {
  private static final Set<String> FEED_TYPES =
      Set.of("application/rss+xml", "application/atom+xml");

  private FeedLinks() {}

  /**
   * The announced feed URLs, absolute, each once, in page order.
   *
   * @param page a page parsed with its URL as base URI (relative hrefs resolve against it, or
   *     against its {@code <base href>}); hrefs that do not make an http or https URL are skipped
   */
  public static List<URI> find(Document page) {
    Objects.requireNonNull(page, "page");
    Set<URI> feeds = new LinkedHashSet<>();
    for (Element link : page.select("link[rel][type][href]")) {
      // jsoup makes an empty href the page's own URL; an empty href announces nothing
      if (isAlternate(link.attr("rel")) && FEED_TYPES.contains(mediaType(link.attr("type")))
          && !link.attr("href").isBlank()) {
        URI uri = Links.parse(link.absUrl("href"));
        if (uri != null) {
          feeds.add(uri);
        }
      }
    }
    return new ArrayList<>(feeds);
  }

  /** rel is a list of tokens, in any case: "alternate", "Alternate feed". */
  private static boolean isAlternate(String rel) {
    for (String token : rel.trim().split("\\s+")) {
      if (token.equalsIgnoreCase("alternate")) {
        return true;
      }
    }
    return false;
  }

  /** "application/rss+xml; charset=utf-8" is an RSS type too. */
  private static String mediaType(String type) {
    return type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
  }
}
