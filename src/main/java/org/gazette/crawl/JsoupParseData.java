package org.gazette.crawl;

import edu.uci.ics.crawler4j.parser.HtmlParseData;
import org.jsoup.nodes.Document;

/** crawler4j's parse data, carrying the jsoup Document so the page is parsed only once. */
final class JsoupParseData extends HtmlParseData {
  private final Document document;

  JsoupParseData(Document document) {
    this.document = document;
  }

  Document document() {
    return document;
  }
}
