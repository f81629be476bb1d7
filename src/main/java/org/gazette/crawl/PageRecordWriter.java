package org.gazette.crawl;

import java.io.IOException;
import org.gazette.archive.WarcLocation;
import org.gazette.archive.WarcWriter;
import org.gazette.extract.PageContext;
import org.gazette.extract.PageExtractor;
import org.gazette.extract.PageKind;
import org.gazette.extract.WarcRef;
import org.jsoup.nodes.Document;

/**
 * Turns a visited page into its JSON record (article or listing) and appends it to the JSON
 * lines beside the WARC file. The site's URL patterns say what a page is; without patterns the
 * extractor decides from the page itself.
 */
final class PageRecordWriter {
  private final RunSpec spec;
  private final ScopeRules scope;
  private final WarcWriter archive;
  private final PageExtractor extractor = new PageExtractor();

  PageRecordWriter(RunSpec spec, ScopeRules scope, WarcWriter archive) {
    this.spec = spec;
    this.scope = scope;
    this.archive = archive;
  }

  /** Writes the page's record, if it is an article or a listing; returns what it was. */
  PageKind write(Capture capture, Document doc, String url) throws IOException {
    PageKind kind = switch (scope.kind(url)) {
      case ARTICLE -> PageKind.ARTICLE;
      case LISTING -> PageKind.LISTING;
      case UNKNOWN -> extractor.classify(doc);
    };
    WarcLocation at = capture.location();
    PageContext context = new PageContext(spec.site(), url, capture.exchange().date(),
        capture.exchange().status(), spec.timeZone(),
        new WarcRef(at.file(), at.offset(), at.recordId(), at.payloadDigest()));
    switch (kind) {
      case ARTICLE -> archive.appendJson(extractor.extractArticle(doc, context));
      case LISTING -> archive.appendJson(extractor.extractListing(doc, context));
      default -> { }
    }
    return kind;
  }
}
