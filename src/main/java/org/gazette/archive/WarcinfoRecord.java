package org.gazette.archive;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A {@code warcinfo} record: the first record of every file, naming the file ({@code
 * WARC-Filename}) and describing the crawl ({@link Warcinfo}) in an {@code application/warc-fields}
 * block. Every other record points back to it with {@code WARC-Warcinfo-ID}.
 */
public final class WarcinfoRecord extends WarcRecord {

  private final String filename;
  private final Warcinfo info;

  /**
   * @param id this record's id
   * @param date when the file was opened
   * @param filename the file's final name, without folder or {@code .open}
   * @param info what to say about the crawl
   */
  public WarcinfoRecord(String id, Instant date, String filename, Warcinfo info) {
    super(
        WarcType.WARCINFO,
        id,
        date,
        List.of(new WarcField(WarcHeaders.WARC_FILENAME, Objects.requireNonNull(filename, "filename"))),
        WarcContentTypes.WARC_FIELDS,
        WarcField.encode(Objects.requireNonNull(info, "info").fields()));
    this.filename = filename;
    this.info = info;
  }

  /** The name of the file this record heads ({@code WARC-Filename}). */
  public String filename() {
    return filename;
  }

  /** What the block says about the crawl. */
  public Warcinfo info() {
    return info;
  }
}
