package org.gazette.archive;

/**
 * Names of the WARC/1.1 named fields this package writes (ISO 28500:2017, section 5), and the
 * version line every record starts with.
 */
public final class WarcHeaders {
  /** The first line of every record this package writes. */
  public static final String VERSION = "WARC/1.1";

  public static final String WARC_TYPE = "WARC-Type";
  public static final String WARC_RECORD_ID = "WARC-Record-ID";
  public static final String WARC_DATE = "WARC-Date";
  public static final String WARC_TARGET_URI = "WARC-Target-URI";
  public static final String WARC_IP_ADDRESS = "WARC-IP-Address";
  public static final String WARC_CONCURRENT_TO = "WARC-Concurrent-To";
  public static final String WARC_REFERS_TO = "WARC-Refers-To";
  public static final String WARC_REFERS_TO_TARGET_URI = "WARC-Refers-To-Target-URI";
  public static final String WARC_REFERS_TO_DATE = "WARC-Refers-To-Date";
  public static final String WARC_PROFILE = "WARC-Profile";
  public static final String WARC_WARCINFO_ID = "WARC-Warcinfo-ID";
  public static final String WARC_FILENAME = "WARC-Filename";
  public static final String WARC_BLOCK_DIGEST = "WARC-Block-Digest";
  public static final String WARC_PAYLOAD_DIGEST = "WARC-Payload-Digest";
  public static final String WARC_TRUNCATED = "WARC-Truncated";
  public static final String CONTENT_TYPE = "Content-Type";
  public static final String CONTENT_LENGTH = "Content-Length";

  private WarcHeaders() {}
}
