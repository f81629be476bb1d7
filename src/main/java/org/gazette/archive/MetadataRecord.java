package org.gazette.archive;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A {@code metadata} record: data derived from another record, such as a page's outlinks ({@code
 * application/warc-fields}, one {@code outlink} field each, as Heritrix writes them) or its JSON
 * record ({@code application/json}). {@code WARC-Refers-To} names the record it was derived from.
 */
public final class MetadataRecord extends WarcRecord {

  /** The field name of one outlink in a warc-fields block. */
  public static final String OUTLINK = "outlink";

  private final String refersTo;

  /**
   * @param id this record's id
   * @param warcinfoId the id of the warcinfo record of the file it goes into
   * @param date normally the date of the record it refers to
   * @param targetUri the URI of the record it refers to
   * @param refersTo the id of the record it refers to
   * @param contentType the media type of {@code block}
   * @param block the metadata
   */
  public MetadataRecord(
      String id,
      String warcinfoId,
      Instant date,
      URI targetUri,
      String refersTo,
      String contentType,
      byte[] block) {
    super(
        WarcType.METADATA,
        id,
        date,
        List.of(
            new WarcField(
                WarcHeaders.WARC_WARCINFO_ID,
                requireRecordId(warcinfoId, WarcHeaders.WARC_WARCINFO_ID)),
            new WarcField(
                WarcHeaders.WARC_REFERS_TO, requireRecordId(refersTo, WarcHeaders.WARC_REFERS_TO)),
            new WarcField(
                WarcHeaders.WARC_TARGET_URI,
                Objects.requireNonNull(targetUri, "targetUri").toASCIIString())),
        Objects.requireNonNull(contentType, "contentType"),
        block);
    this.refersTo = refersTo;
  }

  /** An {@code application/warc-fields} block with one {@code outlink} field per link. */
  public static byte[] outlinks(List<URI> links) {
    return WarcField.encode(
        links.stream().map(link -> new WarcField(OUTLINK, link.toASCIIString())).toList());
  }

  /** The id of the record this one was derived from ({@code WARC-Refers-To}). */
  public String refersTo() {
    return refersTo;
  }
}
