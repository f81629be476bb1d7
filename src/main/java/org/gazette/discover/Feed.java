package org.gazette.discover;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The article URLs of one RSS or Atom feed.
 *
 * @param url the URL the feed was fetched from
 * @param urls one entry per item or entry that has a usable link, in feed order, each URL once
 * @param problems what went wrong while reading, for the log; empty when all went well. A
 *     document that is not a feed gives no URLs and at least one problem.
 */
public record Feed(URI url, List<DiscoveredUrl> urls, List<String> problems) {

  /** Requires every component and copies the lists. */
  public Feed {
    Objects.requireNonNull(url, "url");
    urls = List.copyOf(urls);
    problems = List.copyOf(problems);
  }
}
