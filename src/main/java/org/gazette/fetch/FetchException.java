package org.gazette.fetch;

import java.io.IOException;
import java.net.URI;

/** A request that got no usable response; carries the URI and what kind of failure it was. */
public final class FetchException extends IOException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, coarse enough to count in a run summary. */
  public enum Kind {
    DNS,
    ADDRESS_REFUSED,
    CONNECT,
    TIMEOUT,
    TLS,
    BAD_RESPONSE,
    UNSUPPORTED,
    IO
  }

  private final transient URI uri;
  private final Kind kind;

  public FetchException(Kind kind, URI uri, String message, Throwable cause) {
    super(uri + ": " + message, cause);
    this.kind = kind;
    this.uri = uri;
  }

  public FetchException(Kind kind, URI uri, String message) {
    this(kind, uri, message, null);
  }

  public Kind kind() {
    return kind;
  }

  public URI uri() {
    return uri;
  }
}
