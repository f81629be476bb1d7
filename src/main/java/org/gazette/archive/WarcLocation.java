package org.gazette.archive;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * Where a record was written: enough to find it again (file and offset, as a CDX index does) and to
 * name it (record id, payload digest).
 *
 * <p>Serialized with Jackson it is the {@code warc} object of a JSON record: {@code
 * {"file","offset","record_id","payload_digest"}}.
 *
 * @param file the file's final name, without folder or {@code .open}
 * @param offset the byte offset in the file of the gzip member holding the record
 * @param recordId the record's {@code WARC-Record-ID}, angle brackets included
 * @param payloadDigest the record's {@code WARC-Payload-Digest}, null for records without one
 */
@JsonPropertyOrder({"file", "offset", "record_id", "payload_digest"})
public record WarcLocation(
    @JsonProperty("file") String file,
    @JsonProperty("offset") long offset,
    @JsonProperty("record_id") String recordId,
    @JsonProperty("payload_digest") @JsonInclude(JsonInclude.Include.ALWAYS) String payloadDigest) {

  public WarcLocation {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(recordId, "recordId");
    if (offset < 0) {
      throw new IllegalArgumentException("negative offset " + offset + " in " + file);
    }
  }
}
