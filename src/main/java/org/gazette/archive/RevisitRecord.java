package org.gazette.archive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gazette.fetch.HttpExchange;

/**
 * A {@code revisit} record: a capture whose content is already in the archive. The block holds
 * only the status line and headers as received; {@code WARC-Refers-To} and its target URI and date
 * name the response record that holds the content.
 */
public final class RevisitRecord extends CaptureRecord {
  /** Why the content was not stored again (WARC 1.1, section 6.7). */
  public enum Profile {
    /** The payload digest equals the earlier capture's. */
    IDENTICAL_PAYLOAD_DIGEST("http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"),
    /** The server answered 304 Not Modified to a conditional request. */
    SERVER_NOT_MODIFIED("http://netpreserve.org/warc/1.1/revisit/server-not-modified");

    private final String uri;

    Profile(String uri) {
      this.uri = uri;
    }

    /** The WARC-Profile value. */
    public String uri() {
      return uri;
    }
  }

  private final Profile profile;

  /**
   * @param id this record's id
   * @param warcinfoId the id of the warcinfo record of the file it goes into
   * @param requestId the id of the request record of the same exchange
   * @param exchange the exchange; its status line and headers are the block
   * @param profile why the content is not stored again
   * @param target the earlier response record holding the content
   */
  public RevisitRecord(String id, String warcinfoId, String requestId, HttpExchange exchange,
      Profile profile, RevisitTarget target) {
    super(WarcType.REVISIT, id, warcinfoId, requestId, exchange,
        revisitFields(profile, target), WarcContentTypes.HTTP_RESPONSE,
        Arrays.copyOf(requireValid(exchange).response(), exchange.bodyOffset()));
    this.profile = profile;
  }

  public Profile profile() {
    return profile;
  }

  /** The id of the response record holding the content ({@code WARC-Refers-To}). */
  public String refersTo() {
    return header(WarcHeaders.WARC_REFERS_TO).orElseThrow();
  }

  private static List<WarcField> revisitFields(Profile profile, RevisitTarget target) {
    List<WarcField> fields = new ArrayList<>(5);
    fields.add(new WarcField(WarcHeaders.WARC_PROFILE, profile.uri()));
    fields.add(new WarcField(WarcHeaders.WARC_REFERS_TO, target.recordId()));
    fields.add(new WarcField(WarcHeaders.WARC_REFERS_TO_TARGET_URI, target.targetUri()));
    fields.add(new WarcField(WarcHeaders.WARC_REFERS_TO_DATE,
        WarcRecord.formatDate(target.date())));
    // the digest of the content referred to: what deduplicating readers (pywb) look up; a 304
    // carries no payload to vouch for, so it is left out there
    if (profile == Profile.IDENTICAL_PAYLOAD_DIGEST && target.payloadDigest() != null) {
      fields.add(new WarcField(WarcHeaders.WARC_PAYLOAD_DIGEST, target.payloadDigest()));
    }
    return fields;
  }
}
