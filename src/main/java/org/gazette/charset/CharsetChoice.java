package org.gazette.charset;

import java.util.Objects;

/**
 * The encoding a body is read in, and why.
 *
 * @param encoding the encoding
 * @param source what decided it
 */
public record CharsetChoice(Encoding encoding, Source source) {

  /** What decided the encoding. */
  public enum Source {
    /** A byte order mark, which overrides everything. */
    BOM,
    /** The Content-Type header's charset, the bytes agreeing. */
    HEADER,
    /** The page's meta tag or XML declaration, the bytes agreeing. */
    META,
    /** The bytes: nothing was declared, or the declaration did not fit them. */
    DETECTED,
    /** Nothing declared, nothing but ASCII: UTF-8, as before. */
    DEFAULT
  }

  public CharsetChoice {
    Objects.requireNonNull(encoding, "encoding");
    Objects.requireNonNull(source, "source");
  }
}
