package org.gazette.extract;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Where the response a record was made from sits in the archive: the {@code "warc"} object of a
 * JSON record.
 *
 * @param file WARC file name, e.g. {@code PORTAL-20261126100000000-00000-host.warc.gz}
 * @param offset byte offset of the record's gzip member in that file
 * @param recordId {@code WARC-Record-ID} of the response record, {@code <urn:uuid:...>}
 * @param payloadDigest {@code WARC-Payload-Digest}, {@code sha1:} in base32
 */
@JsonPropertyOrder({"file", "offset", "record_id", "payload_digest"})
public record WarcRef(
    String file,
    long offset,
    @JsonProperty("record_id") String recordId,
    @JsonProperty("payload_digest") String payloadDigest) {}
