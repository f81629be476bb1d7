package org.gazette.crawl;

import edu.uci.ics.crawler4j.url.WebURL;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.gazette.archive.WarcContentTypes;
import org.gazette.archive.WarcField;
import org.gazette.archive.WarcLocation;
import org.gazette.archive.WarcWriter;
import org.gazette.extract.PageKind;
import org.gazette.extract.RecordJson;
import org.gazette.extract.WarcRef;
import org.gazette.records.PageRecords;
import org.gazette.records.SiteRules;

/**
 * Turns a visited page into its JSON record (article or listing) through {@link
 * PageRecords#record}, the code path {@code gazette extract} takes too, appends it to the JSON
 * lines beside the WARC file, and writes a {@code metadata} record about the page's response:
 * fetch time, outlinks and the JSON record.
 */
final class PageRecordWriter {
  /** The page's JSON record could not be appended: the page has none. */
  static final class RecordNotWritten extends IOException {
    private static final long serialVersionUID = 1L;

    RecordNotWritten(String url, IOException cause) {
      super("cannot write the JSON record of " + url + ": " + cause.getMessage(), cause);
    }
  }

  private final SiteRules rules;
  private final WarcWriter archive;
  private final PageRecords pages;

  PageRecordWriter(RunSpec spec, WarcWriter archive, PageRecords pages) {
    this.rules = spec.siteRules();
    this.archive = archive;
    this.pages = pages;
  }

  /**
   * Writes the page's records; returns what kind of page it was.
   *
   * @throws RecordNotWritten if its JSON record could not be appended
   * @throws IOException if its metadata record could not be written (the JSON record was)
   */
  PageKind write(Capture capture, JsoupParseData page, String url) throws IOException {
    WarcLocation at = capture.location();
    PageRecords.Result result = pages.record(page.parsed(), url, capture.exchange().date(),
        capture.status(), new WarcRef(at.file(), at.offset(), at.recordId(), at.payloadDigest()),
        rules, false);
    // serialised once, for the JSON line and the metadata record: the same bytes in both
    byte[] record = result.record() == null ? null : RecordJson.writeUtf8(result.record());
    // the JSON line goes after the response record, which is already written
    if (record != null && !(capture.replayed() == Capture.Replayed.NOT_EXTRACTED
        && hasJsonLine(at))) {
      try {
        archive.appendJsonLine(record, at);
      } catch (IOException e) {
        throw new RecordNotWritten(url, e);
      }
    }
    archive.writeMetadata(capture.exchange().uri(), capture.exchange().date(), at.recordId(),
        WarcContentTypes.WARC_FIELDS, metadata(capture, page, record));
    return result.kind();
  }

  /**
   * Whether the JSON lines beside {@code at} already hold a record of it. A page is replayed
   * without its record when its run died between archiving and classifying it; that is mostly
   * before the JSON line was written, but may be after, and the line must not be written twice.
   * Only such replays read the file, so the cost falls on the few pages a crash left in flight.
   */
  private boolean hasJsonLine(WarcLocation at) {
    java.util.Optional<java.nio.file.Path> jsonl = archive.jsonLinesOf(at);
    if (jsonl.isEmpty()) {
      return false;
    }
    // RecordJson writes compact JSON: the WarcRef of the record holds exactly this. Read as
    // Latin-1, which decodes any bytes: the id is ASCII, and no line can make the read fail.
    String id = "\"record_id\":\"" + at.recordId() + "\"";
    try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(jsonl.get(),
        java.nio.charset.StandardCharsets.ISO_8859_1)) {
      return lines.anyMatch(line -> line.contains(id));
    } catch (IOException | java.io.UncheckedIOException e) {
      // when in doubt, write it: a record twice is better than none
      org.slf4j.LoggerFactory.getLogger(PageRecordWriter.class)
          .debug("cannot read {}: {}", jsonl.get(), e.toString());
      return false;
    }
  }

  private static byte[] metadata(Capture capture, JsoupParseData page, byte[] record) {
    List<WarcField> fields = new ArrayList<>();
    fields.add(new WarcField("fetchTimeMs", Long.toString(capture.exchange().elapsedMillis())));
    fields.add(new WarcField("robots", "allowed by robots.txt"));
    if (!page.robotsDirectives().isEmpty()) {
      // noindex, noarchive, nofollow...: the page's own wishes, kept with the capture
      fields.add(new WarcField("page-robots", String.join(", ", page.robotsDirectives())));
    }
    if (capture.revisit()) {
      fields.add(new WarcField("revisit", "content already archived"));
    }
    for (WebURL link : page.getOutgoingUrls()) {
      // Heritrix's form: URL, hop type (L = link), context
      fields.add(new WarcField("outlink", link.getURL() + " L " + link.getTag() + "/@href"));
    }
    byte[] block = WarcField.encode(fields);
    if (record == null) {
      return block;
    }
    // the record's bytes as they are, not decoded and encoded again: it is a third of the block
    byte[] line = WarcField.line("record", record);
    byte[] withRecord = java.util.Arrays.copyOf(block, block.length + line.length);
    System.arraycopy(line, 0, withRecord, block.length, line.length);
    return withRecord;
  }
}
