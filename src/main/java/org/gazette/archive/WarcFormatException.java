package org.gazette.archive;

import java.io.IOException;

/**
 * Bad bytes where a gzip member or a WARC record should be: thrown inside the reading classes and
 * turned into a {@link WarcProblem} by {@link WarcFileReader}, which never lets it escape.
 */
final class WarcFormatException extends IOException {

  private final long offset;
  private final boolean truncated;

  /**
   * @param offset where the member or record with the problem begins
   * @param message what is wrong, without the offset
   */
  WarcFormatException(long offset, String message) {
    this(offset, message, false);
  }

  private WarcFormatException(long offset, String message, boolean truncated) {
    super(message);
    this.offset = offset;
    this.truncated = truncated;
  }

  /** The file ends before the member or record does. */
  static WarcFormatException truncated(long offset, String message) {
    return new WarcFormatException(offset, message, true);
  }

  /** Where the member or record with the problem begins. */
  long offset() {
    return offset;
  }

  /** True when the file ends before the member or record does. */
  boolean truncated() {
    return truncated;
  }

  WarcProblem toProblem() {
    return new WarcProblem(offset, getMessage());
  }
}
