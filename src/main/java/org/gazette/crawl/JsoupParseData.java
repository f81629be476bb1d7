package org.gazette.crawl;

import edu.uci.ics.crawler4j.parser.HtmlParseData;
import org.jsoup.nodes.Document;

/** crawler4j's parse data, carrying the jsoup Document so the page is parsed only once. */
final class JsoupParseData extends HtmlParseData {
  private final Document document;
  private final java.util.Set<String> robotsDirectives;

  JsoupParseData(Document document, java.util.Set<String> robotsDirectives) {
    this.document = document;
    // sorted, so the metadata record is the same from run to run (Set.copyOf's order is not)
    this.robotsDirectives =
        java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(robotsDirectives));
  }

  /** The page-level robots directives for gazette (meta robots, X-Robots-Tag): noindex, ... */
  java.util.Set<String> robotsDirectives() {
    return robotsDirectives;
  }

  Document document() {
    return document;
  }
}
