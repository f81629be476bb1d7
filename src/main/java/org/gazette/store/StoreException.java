package org.gazette.store;

/** The state store cannot do what was asked: the database is unreachable, or a query failed. */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
