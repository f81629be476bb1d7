package org.gazette.archive;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One WARC record as read back from a file by {@link WarcFileReader}: version, named fields and
 * block, with where it was found. Unlike {@link WarcRecord}, nothing is assumed about the fields: a
 * record read from disk may lack any of them or carry unknown ones.
 */
public final class ParsedRecord {

  private final long offset;
  private final long length;
  private final String version;
  private final List<WarcField> headers;
  private final byte[] block;

  /**
   * @param offset where the record's gzip member (or, uncompressed, the record) begins
   * @param length the member's compressed length (or the record's length), -1 when unknown
   * @param version the first line, e.g. {@code WARC/1.1}
   * @param headers the named fields, in file order
   * @param block the block, kept, not copied
   */
  ParsedRecord(long offset, long length, String version, List<WarcField> headers, byte[] block) {
    this.offset = offset;
    this.length = length;
    this.version = Objects.requireNonNull(version, "version");
    this.headers = List.copyOf(headers);
    this.block = Objects.requireNonNull(block, "block");
  }

  /** The same record, found at {@code offset} and {@code length} bytes long. */
  ParsedRecord at(long offset, long length) {
    return new ParsedRecord(offset, length, version, headers, block);
  }

  /**
   * Where the record begins in the file: the offset of its gzip member in a {@code .warc.gz}, of
   * the record itself in a {@code .warc}. This is the offset a CDX index gives.
   */
  public long offset() {
    return offset;
  }

  /**
   * The bytes from {@link #offset()} to the end of the record's gzip member (or of the record, in a
   * {@code .warc}): the length a CDX index gives. -1 when the record shares its member with others,
   * or the member did not end cleanly.
   */
  public long length() {
    return length;
  }

  /** The version line, e.g. {@code WARC/1.1}. */
  public String version() {
    return version;
  }

  /** The named fields, in file order. */
  public List<WarcField> headers() {
    return headers;
  }

  /** The first value of a field, the name matched without regard to case. */
  public Optional<String> header(String name) {
    return headers.stream()
        .filter(f -> f.name().equalsIgnoreCase(name))
        .map(WarcField::value)
        .findFirst();
  }

  /** Every value of a field, in file order. */
  public List<String> headers(String name) {
    return headers.stream()
        .filter(f -> f.name().equalsIgnoreCase(name))
        .map(WarcField::value)
        .toList();
  }

  /** The {@code WARC-Type} value, empty string when there is none. */
  public String type() {
    return header(WarcHeaders.WARC_TYPE).orElse("");
  }

  /** The {@code WARC-Record-ID}, angle brackets included, when there is one. */
  public Optional<String> id() {
    return header(WarcHeaders.WARC_RECORD_ID);
  }

  /**
   * The {@code WARC-Target-URI}, without the angle brackets some WARC/1.0 writers put around it.
   */
  public Optional<String> targetUri() {
    return header(WarcHeaders.WARC_TARGET_URI)
        .map(
            uri ->
                uri.startsWith("<") && uri.endsWith(">")
                    ? uri.substring(1, uri.length() - 1)
                    : uri);
  }

  /** The block; not a copy, as blocks may be megabytes. */
  public byte[] block() {
    return block;
  }
}
