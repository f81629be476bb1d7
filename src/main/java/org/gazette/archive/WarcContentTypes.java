package org.gazette.archive;

/** The {@code Content-Type} values of the record blocks this package writes. */
public final class WarcContentTypes {
  /** Block of a request record: the HTTP request as sent. */
  public static final String HTTP_REQUEST = "application/http; msgtype=request";

  /** Block of a response record: the HTTP response as received. */
  public static final String HTTP_RESPONSE = "application/http; msgtype=response";

  /** Block of a warcinfo record, and of a metadata record made of named fields. */
  public static final String WARC_FIELDS = "application/warc-fields";

  /** Block of a metadata record holding a page's JSON record. */
  public static final String JSON = "application/json";

  private WarcContentTypes() {}
}
