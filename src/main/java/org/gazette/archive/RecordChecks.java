package org.gazette.archive;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of one record on its own (ISO 28500 sections 5 and 6): the mandatory fields present
 * and well formed, and the declared digests matching the block and the payload. What needs the
 * other records of the file (unique ids, links, warcinfo first) is {@link WarcVerifier}'s.
 */
final class RecordChecks {

  private static final Set<String> VERSIONS = Set.of("WARC/1.0", "WARC/1.1");

  private static final Set<String> TYPES =
      Set.of(
          "warcinfo",
          "response",
          "resource",
          "request",
          "metadata",
          "revisit",
          "conversion",
          "continuation");

  // the types for which section 5.5 says WARC-Target-URI shall be present
  private static final Set<String> TARGETED =
      Set.of("response", "resource", "request", "revisit", "conversion", "continuation");

  // an absolute URI in angle brackets (section 5.2), such as <urn:uuid:...>
  private static final Pattern RECORD_ID = Pattern.compile("<[A-Za-z][A-Za-z0-9+.-]*:[^\\s<>]+>");

  // W3C-ISO8601 in UTC to the second, a fraction allowed since WARC 1.1 (section 5.4)
  private static final Pattern DATE =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

  private final ParsedRecord record;
  private final List<String> problems = new ArrayList<>();

  private RecordChecks(ParsedRecord record) {
    this.record = record;
  }

  /** What is wrong with {@code record} on its own, each as a sentence; empty when nothing. */
  static List<String> check(ParsedRecord record) {
    RecordChecks checks = new RecordChecks(record);
    checks.checkFields();
    checks.checkBlockDigest();
    checks.checkPayloadDigest();
    return checks.problems;
  }

  private void checkFields() {
    if (!VERSIONS.contains(record.version())) {
      problems.add("unsupported version " + record.version());
    }
    single(WarcHeaders.WARC_RECORD_ID)
        .filter(id -> !RECORD_ID.matcher(id).matches())
        .ifPresent(id -> problems.add("WARC-Record-ID is not a URI in angle brackets: " + id));
    single(WarcHeaders.WARC_DATE).ifPresent(this::checkDate);
    single(WarcHeaders.WARC_TYPE)
        .filter(type -> !TYPES.contains(type))
        .ifPresent(type -> problems.add("unknown WARC-Type " + type));
    if (TARGETED.contains(record.type()) && record.targetUri().isEmpty()) {
      problems.add("no WARC-Target-URI in a " + record.type() + " record");
    }
  }

  /** The value of a mandatory field that may appear only once. */
  private Optional<String> single(String name) {
    List<String> values = record.headers(name);
    if (values.isEmpty()) {
      problems.add("no " + name);
      return Optional.empty();
    }
    if (values.size() > 1) {
      problems.add(name + " appears " + values.size() + " times");
    }
    return Optional.of(values.get(0));
  }

  private void checkDate(String date) {
    try {
      if (DATE.matcher(date).matches()) {
        Instant.parse(date);
        return;
      }
    } catch (DateTimeParseException e) {
      // a date such as 2026-02-30 has the right shape but does not exist
    }
    problems.add("WARC-Date is not an ISO-8601 UTC date-time: " + date);
  }

  private void checkBlockDigest() {
    record
        .header(WarcHeaders.WARC_BLOCK_DIGEST)
        .ifPresent(d -> checkDigest(WarcHeaders.WARC_BLOCK_DIGEST, d, record.block(), "block"));
  }

  /**
   * For a response whose block is an HTTP message; a revisit's payload digest is that of the record
   * it revisits, so there is nothing here to check it against.
   */
  private void checkPayloadDigest() {
    Optional<String> declared = record.header(WarcHeaders.WARC_PAYLOAD_DIGEST);
    if (declared.isEmpty() || !record.type().equals("response") || !isHttp()) {
      return;
    }
    Optional<HttpBlock> http = HttpBlock.parse(record.block());
    if (http.isEmpty()) {
      problems.add("block is not an HTTP message: no end of its header");
      return;
    }
    checkDigest(WarcHeaders.WARC_PAYLOAD_DIGEST, declared.get(), http.get().payload(), "payload");
  }

  private boolean isHttp() {
    return record
        .header(WarcHeaders.CONTENT_TYPE)
        .map(type -> type.toLowerCase(Locale.ROOT).startsWith("application/http"))
        .orElse(false);
  }

  private void checkDigest(String field, String value, byte[] data, String what) {
    try {
      if (!DeclaredDigest.parse(value).matches(data)) {
        problems.add(
            field
                + " does not match the "
                + what
                + " (declared "
                + value
                + ", computed "
                + WarcDigest.sha1(data)
                + ")");
      }
    } catch (IllegalArgumentException e) {
      problems.add(field + ": " + e.getMessage());
    }
  }
}
