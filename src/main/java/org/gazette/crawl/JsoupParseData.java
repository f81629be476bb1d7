package org.gazette.crawl;

import edu.uci.ics.crawler4j.parser.HtmlParseData;
import org.gazette.records.PageRecords;
import org.jsoup.nodes.Document;

/** crawler4j's parse data, carrying the parsed page so the page is parsed only once. */
final class JsoupParseData extends HtmlParseData {
  private final PageRecords.Parsed parsed;
  private final java.util.Set<String> unfollowed = new java.util.HashSet<>();

  JsoupParseData(PageRecords.Parsed parsed) {
    this.parsed = parsed;
  }

  /** The page as {@link PageRecords#parse} made it: document and robots directives. */
  PageRecords.Parsed parsed() {
    return parsed;
  }

  /** The page-level robots directives for gazette (meta robots, X-Robots-Tag): noindex, ... */
  java.util.Set<String> robotsDirectives() {
    return parsed.robots();
  }

  /**
   * Outgoing URLs found only in link regions the site does not follow (menus, footers, ads by
   * default): archived as outlinks, not scheduled.
   */
  java.util.Set<String> unfollowed() {
    return unfollowed;
  }

  Document document() {
    return parsed.document();
  }
}
