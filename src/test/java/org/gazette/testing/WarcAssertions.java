package org.gazette.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcPayload;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Reads WARC files back through jwarc, an independent reader, and asserts what every WARC that
 * gazette writes must satisfy: WARC/1.1 records, warcinfo first and referred to by every other
 * record, unique record ids, block digests and response payload digests that verify, request and
 * response records linked both ways by {@code WARC-Concurrent-To}, and, in {@code .warc.gz}, one
 * gzip member per record. Returns what it read, for tests to make their own assertions on.
 */
public final class WarcAssertions {

  /**
   * One record as read back.
   *
   * @param file the file's name, without folder
   * @param offset where the record starts in the file (its gzip member, when compressed)
   * @param type the WARC-Type
   * @param recordId the WARC-Record-ID, angle brackets included
   * @param targetUri the WARC-Target-URI, null for warcinfo
   * @param httpStatus the HTTP status of a response, 0 for other records
   * @param concurrentTo the WARC-Concurrent-To ids, angle brackets included
   * @param payloadDigest the WARC-Payload-Digest, or null
   * @param truncated the WARC-Truncated value, or null
   */
  public record ReadRecord(
      String file,
      long offset,
      String type,
      String recordId,
      String targetUri,
      int httpStatus,
      List<String> concurrentTo,
      String payloadDigest,
      String truncated) {}

  private WarcAssertions() {}

  /**
   * Asserts that every closed WARC file in {@code dir} is valid and has its {@code .jsonl} beside
   * it, and that no {@code .open} file is left.
   *
   * @return the records of all files, files in name order
   */
  public static List<ReadRecord> assertValidArchive(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.sorted().toList();
    }
    assertThat(files)
        .as("files left open in %s", dir)
        .noneMatch(p -> p.getFileName().toString().endsWith(".open"));
    List<ReadRecord> records = new ArrayList<>();
    for (Path file : files) {
      if (file.getFileName().toString().endsWith(".warc.gz")) {
        assertThat(jsonlBeside(file)).as("JSON lines beside %s", file).exists();
        records.addAll(assertValidWarc(file));
      }
    }
    return records;
  }

  /**
   * Reads every record of {@code warc} with jwarc and asserts it is a valid gazette WARC.
   *
   * @return the records in file order
   */
  public static List<ReadRecord> assertValidWarc(Path warc) throws IOException {
    String name = warc.getFileName().toString();
    List<ReadRecord> records = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    try (WarcReader reader = new WarcReader(warc)) {
      reader.calculateBlockDigest();
      reader.onWarning(warnings::add);
      for (Optional<WarcRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
        records.add(check(next.get(), name, reader.position(), records));
      }
    }
    assertThat(warnings).as("jwarc warnings reading %s", name).isEmpty();
    assertThat(records).as("records in %s", name).isNotEmpty();
    assertLinked(records, name);
    if (name.endsWith(".gz") || name.endsWith(".gz.open")) {
      assertThat(gzipMemberOffsets(warc))
          .as("gzip members of %s, one per record", name)
          .containsExactlyElementsOf(records.stream().map(ReadRecord::offset).toList());
    }
    // and gazette's own verifier (gazette warc verify) agrees
    org.gazette.archive.WarcVerifier.Report report = org.gazette.archive.WarcVerifier.verify(warc);
    assertThat(report.problems()).as("gazette warc verify %s", name).isEmpty();
    assertThat(report.records()).as("records gazette warc verify read in %s", name)
        .isEqualTo(records.size());
    return records;
  }

  /** The {@code .jsonl} file paired with a WARC file, open or closed. */
  public static Path jsonlBeside(Path warc) {
    String name = warc.getFileName().toString();
    return warc.resolveSibling(name.replaceFirst("\\.warc\\.gz(\\.open)?$", ".jsonl$1"));
  }

  /**
   * The offsets of the gzip members of {@code file}, found with the JDK's {@link Inflater}: each
   * member's header is parsed (RFC 1952), its deflate stream inflated to its end and its 8-byte
   * trailer skipped.
   */
  public static List<Long> gzipMemberOffsets(Path file) throws IOException {
    byte[] data = Files.readAllBytes(file);
    List<Long> offsets = new ArrayList<>();
    int pos = 0;
    while (pos < data.length) {
      offsets.add((long) pos);
      assertThat(data.length - pos).as("gzip header at %d", pos).isGreaterThanOrEqualTo(18);
      assertThat(new int[] {data[pos] & 0xff, data[pos + 1] & 0xff, data[pos + 2]})
          .as("gzip magic and deflate method at %d", pos)
          .containsExactly(0x1f, 0x8b, 8);
      pos = inflateMember(data, pos, headerLength(data, pos));
    }
    return offsets;
  }

  private static ReadRecord check(
      WarcRecord record, String file, long offset, List<ReadRecord> before) throws IOException {
    String where = file + " at offset " + offset;
    String id = record.headers().sole("WARC-Record-ID").orElse(null);
    assertThat(record.version()).as("version of %s", where).hasToString("WARC/1.1");
    assertThat(id).as("record id at %s", where).matches("<urn:uuid:[0-9a-f-]{36}>");
    assertThat(record.headers().sole("WARC-Date")).as("WARC-Date at %s", where).isPresent();
    record.date(); // must parse
    if (before.isEmpty()) {
      assertThat(record).as("first record of %s", file).isInstanceOf(Warcinfo.class);
      assertThat(((Warcinfo) record).filename())
          .as("WARC-Filename of %s", file)
          .contains(file.replaceFirst("\\.open$", ""));
    } else {
      assertThat(record.type()).as("record type at %s", where).isNotEqualTo("warcinfo");
      assertThat(record.headers().sole("WARC-Warcinfo-ID"))
          .as("WARC-Warcinfo-ID at %s", where)
          .contains(before.get(0).recordId());
    }
    int status = 0;
    String payloadDigest = record.headers().sole("WARC-Payload-Digest").orElse(null);
    if (record instanceof WarcResponse response) {
      status = response.http().status();
      assertThat(payloadDigest).as("WARC-Payload-Digest at %s", where).isNotNull();
      boolean truncated = record.headers().sole("WARC-Truncated").isPresent();
      assertThat(sha1(response.payload().orElseThrow(), truncated))
          .as("payload digest at %s", where)
          .isEqualTo(new WarcDigest(payloadDigest));
    }
    // block digest last: calculating it consumes the rest of the block
    Optional<WarcDigest> declared = record.blockDigest();
    assertThat(declared).as("WARC-Block-Digest at %s", where).isPresent();
    assertThat(record.calculatedBlockDigest()).as("block digest at %s", where).isEqualTo(declared);
    return new ReadRecord(
        file,
        offset,
        record.type(),
        id,
        record instanceof WarcTargetRecord target ? target.target() : null,
        status,
        record.headers().all("WARC-Concurrent-To"),
        payloadDigest,
        record.headers().sole("WARC-Truncated").orElse(null));
  }

  /**
   * Every request points to a response (or revisit) for the same URI, and that record back to it.
   */
  private static void assertLinked(List<ReadRecord> records, String file) {
    Map<String, ReadRecord> byId = new HashMap<>();
    for (ReadRecord r : records) {
      assertThat(byId.put(r.recordId(), r))
          .as("record id %s twice in %s", r.recordId(), file)
          .isNull();
    }
    Set<String> linkedResponses = new HashSet<>();
    for (ReadRecord request : records) {
      if (!request.type().equals("request")) {
        continue;
      }
      String where = "request " + request.recordId() + " in " + file;
      assertThat(request.concurrentTo()).as("WARC-Concurrent-To of %s", where).hasSize(1);
      ReadRecord response = byId.get(request.concurrentTo().get(0));
      assertThat(response).as("response of %s", where).isNotNull();
      assertThat(response.type()).as("record linked from %s", where).isIn("response", "revisit");
      assertThat(response.targetUri())
          .as("target URI of response to %s", where)
          .isEqualTo(request.targetUri());
      assertThat(response.concurrentTo())
          .as("link back to %s", where)
          .containsExactly(request.recordId());
      linkedResponses.add(response.recordId());
    }
    for (ReadRecord r : records) {
      if (r.type().equals("response") || r.type().equals("revisit")) {
        assertThat(linkedResponses)
            .as("response %s in %s has a request", r.recordId(), file)
            .contains(r.recordId());
      }
    }
  }

  /**
   * The digest of the payload as jwarc reads it. A truncated record's chunked body ends mid-chunk,
   * where jwarc's strict de-chunker throws EOF; its payload is the chunk data that arrived (as
   * gazette's fetcher and verifier count it), so for such a record the digest stops there.
   */
  private static WarcDigest sha1(WarcPayload payload, boolean truncated) throws IOException {
    MessageDigest sha1 = newSha1();
    // not closed: closing the stream would close the record body, needed for the block digest
    InputStream in = payload.body().stream();
    byte[] buffer = new byte[8192];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        sha1.update(buffer, 0, n);
      }
    } catch (java.io.EOFException cutMidChunk) {
      if (!truncated) {
        throw cutMidChunk;
      }
    }
    return new WarcDigest(sha1);
  }

  private static int headerLength(byte[] data, int start) {
    int flags = data[start + 3];
    int p = start + 10;
    if ((flags & 4) != 0) { // FEXTRA
      p += 2 + ((data[p] & 0xff) | (data[p + 1] & 0xff) << 8);
    }
    if ((flags & 8) != 0) { // FNAME
      while (data[p++] != 0) {}
    }
    if ((flags & 16) != 0) { // FCOMMENT
      while (data[p++] != 0) {}
    }
    if ((flags & 2) != 0) { // FHCRC
      p += 2;
    }
    return p - start;
  }

  /** Inflates the member at {@code start}; returns where the next one begins. */
  private static int inflateMember(byte[] data, int start, int headerLength) {
    Inflater inflater = new Inflater(true);
    try {
      int deflateStart = start + headerLength;
      inflater.setInput(data, deflateStart, data.length - deflateStart);
      byte[] out = new byte[8192];
      while (!inflater.finished()) {
        if (inflater.inflate(out) == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          fail("gzip member at %d is cut short", start);
        }
      }
      int next = data.length - inflater.getRemaining() + 8;
      assertThat(next).as("gzip trailer of member at %d", start).isLessThanOrEqualTo(data.length);
      return next;
    } catch (DataFormatException e) {
      throw new AssertionError("bad deflate data in gzip member at " + start, e);
    } finally {
      inflater.end();
    }
  }

  private static MessageDigest newSha1() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
