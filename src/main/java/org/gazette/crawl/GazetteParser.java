package org.gazette.crawl;

import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.crawler.exceptions.ParseException;
import edu.uci.ics.crawler4j.parser.NotAllowedContentException;
import edu.uci.ics.crawler4j.parser.Parser;

/**
 * crawler4j's Parser with the jsoup parser plugged in. HTML goes to jsoup, sitemaps and feeds to
 * the discovery readers; everything else was archived already and is not parsed. Overriding parse also skips crawler4j's Tika language
 * guesser, which is why Tika is not in the build.
 */
final class GazetteParser extends Parser {
  private final JsoupHtmlParser html;
  private final DiscoveryParser discovery;

  GazetteParser(CrawlConfig config, JsoupHtmlParser html, DiscoveryParser discovery) {
    super(config, html);
    this.html = html;
    this.discovery = discovery;
  }

  @Override
  public void parse(Page page, String contextURL)
      throws NotAllowedContentException, ParseException {
    if (DiscoveryParser.isMarked(page.getWebURL())) {
      page.setParseData(discovery.parse(page, contextURL));
    } else if (isHtml(page.getContentType())) { // xhtml too: checked before "xml"
      page.setParseData(html.parse(page, contextURL));
    } else if (DiscoveryParser.isDiscovery(page)) {
      page.setParseData(discovery.parse(page, contextURL));
    } else {
      throw new NotAllowedContentException();
    }
  }

  static boolean isHtml(String contentType) {
    return org.gazette.records.PageRecords.isHtml(contentType); // the rule gazette extract applies
  }
}
