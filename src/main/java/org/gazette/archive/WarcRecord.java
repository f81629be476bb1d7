package org.gazette.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One WARC/1.1 record as this package writes it: a header of named fields and a block.
 *
 * <p>Every record carries, in this order: {@code WARC-Type}, {@code WARC-Record-ID}, {@code
 * WARC-Date}, the fields of its type, then {@code WARC-Block-Digest}, {@code Content-Type} and
 * {@code Content-Length}, which are computed here from the block so that they cannot disagree with
 * it.
 */
public abstract sealed class WarcRecord permits WarcinfoRecord, CaptureRecord, MetadataRecord {

  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] END_OF_RECORD = {'\r', '\n', '\r', '\n'};

  private final WarcType type;
  private final String id;
  private final Instant date;
  private final List<WarcField> headers;
  private final byte[] block;

  /**
   * @param typeFields the fields particular to the record type, in the order to write them
   * @param block the record block; kept, not copied, as blocks may be megabytes
   */
  WarcRecord(
      WarcType type,
      String id,
      Instant date,
      List<WarcField> typeFields,
      String contentType,
      byte[] block) {
    this.type = Objects.requireNonNull(type, "type");
    this.id = requireRecordId(id, WarcHeaders.WARC_RECORD_ID);
    this.date = Objects.requireNonNull(date, "date");
    this.block = Objects.requireNonNull(block, "block");
    List<WarcField> fields = new ArrayList<>();
    fields.add(new WarcField(WarcHeaders.WARC_TYPE, type.value()));
    fields.add(new WarcField(WarcHeaders.WARC_RECORD_ID, id));
    fields.add(new WarcField(WarcHeaders.WARC_DATE, formatDate(date)));
    fields.addAll(typeFields);
    fields.add(new WarcField(WarcHeaders.WARC_BLOCK_DIGEST, WarcDigest.sha1(block)));
    fields.add(new WarcField(WarcHeaders.CONTENT_TYPE, contentType));
    fields.add(new WarcField(WarcHeaders.CONTENT_LENGTH, Long.toString(block.length)));
    this.headers = List.copyOf(fields);
  }

  /** A new globally unique record id, {@code <urn:uuid:...>}. */
  public static String newRecordId() {
    return "<urn:uuid:" + UUID.randomUUID() + ">";
  }

  /**
   * Formats a WARC-Date: UTC, to the millisecond. WARC 1.1 allows fractional seconds; the fraction
   * is left out when it is zero.
   */
  public static String formatDate(Instant date) {
    return DateTimeFormatter.ISO_INSTANT.format(date.truncatedTo(ChronoUnit.MILLIS));
  }

  /** The record type ({@code WARC-Type}). */
  public WarcType type() {
    return type;
  }

  /** The record id ({@code WARC-Record-ID}), angle brackets included. */
  public String id() {
    return id;
  }

  /** When the capture began ({@code WARC-Date}), to the millisecond when written. */
  public Instant date() {
    return date;
  }

  /** The whole header, in the order written. */
  public List<WarcField> headers() {
    return headers;
  }

  /** The first value of a header field, the name matched without regard to case. */
  public Optional<String> header(String name) {
    return headers.stream()
        .filter(f -> f.name().equalsIgnoreCase(name))
        .map(WarcField::value)
        .findFirst();
  }

  /** The block digest ({@code WARC-Block-Digest}), {@code sha1:} + Base32. */
  public String blockDigest() {
    return header(WarcHeaders.WARC_BLOCK_DIGEST).orElseThrow();
  }

  /** The length of the block in bytes ({@code Content-Length}). */
  public long contentLength() {
    return block.length;
  }

  /** Writes the record, uncompressed: version line, header, blank line, block, CRLF CRLF. */
  public void writeTo(OutputStream out) throws IOException {
    StringBuilder head = new StringBuilder(512).append(WarcHeaders.VERSION).append("\r\n");
    for (WarcField field : headers) {
      head.append(field.toLine());
    }
    out.write(head.toString().getBytes(StandardCharsets.UTF_8));
    out.write(CRLF);
    out.write(block);
    out.write(END_OF_RECORD);
  }

  /** Checks that {@code id} is a record id in angle brackets, as WARC 1.1 requires. */
  static String requireRecordId(String id, String field) {
    Objects.requireNonNull(id, field);
    if (id.length() < 3 || !id.startsWith("<") || !id.endsWith(">") || id.contains(" ")) {
      throw new IllegalArgumentException(field + " must be a URI in angle brackets: " + id);
    }
    return id;
  }
}
