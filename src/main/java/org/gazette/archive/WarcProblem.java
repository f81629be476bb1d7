package org.gazette.archive;

import java.util.Objects;

/**
 * One thing wrong in a WARC file, found by {@link WarcFileReader} or {@link WarcVerifier}.
 *
 * @param offset where the gzip member (in a {@code .warc.gz}) or the record (in a {@code .warc})
 *     with the problem begins
 * @param message what is wrong, e.g. {@code WARC-Block-Digest does not match the block}
 */
public record WarcProblem(long offset, String message) {

  public WarcProblem {
    Objects.requireNonNull(message, "message");
  }

  /** {@code offset N: message}, as {@code gazette warc verify} prints it. */
  @Override
  public String toString() {
    return "offset " + offset + ": " + message;
  }
}
