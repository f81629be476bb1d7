package org.gazette.archive;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the records of a WARC file one at a time, {@code .warc.gz} (told by its gzip magic number,
 * whatever its name) or uncompressed {@code .warc}, with where each record is: the offset and
 * compressed length of its gzip member, as a CDX index needs them.
 *
 * <p>Bad bytes never throw: each is reported once as a {@link WarcProblem} naming its offset, and
 * reading goes on with the next gzip member when the gzip framing still says where that begins. A
 * member holding no record, or several, is a problem too, since a {@code .warc.gz} is only
 * indexable with one record per member. Reading stops at corrupt or truncated gzip data and, in an
 * uncompressed file, at the first bad record. Only a failure to read the file at all throws.
 *
 * <pre>{@code
 * try (WarcFileReader reader = WarcFileReader.open(path)) {
 *   for (Optional<ParsedRecord> r = reader.next(); r.isPresent(); r = reader.next()) { ... }
 *   reader.problems();
 * }
 * }</pre>
 */
public final class WarcFileReader implements Closeable {

  /** The problem reported once per gzip member that holds more than one record. */
  public static final String SHARED_MEMBER = "records not in separate gzip members";

  /** The problem reported for a gzip member that holds no record. */
  public static final String EMPTY_MEMBER = "gzip member holds no record";

  private final InputStream file;
  private final GzipMembers members; // null for an uncompressed file
  private final RecordInput plain; // null for a .warc.gz
  private final List<WarcProblem> problems = new ArrayList<>();
  private GzipMembers.Member member;
  private RecordInput memberInput;
  private int recordsInMember;
  private boolean stopped;

  private WarcFileReader(InputStream file, boolean compressed) {
    this.file = file;
    this.members = compressed ? new GzipMembers(file) : null;
    this.plain = compressed ? null : new RecordInput(file);
  }

  /** Opens {@code file} for reading, compressed or not. */
  public static WarcFileReader open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 2);
    in.mark(2);
    boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
    in.reset();
    return new WarcFileReader(in, gzip);
  }

  /**
   * The record that begins at {@code offset} in {@code file} (its gzip member's offset in a
   * {@code .warc.gz}, as a CDX index or a JSON record's {@code warc} object gives it): how a revisit
   * finds the response that holds its content.
   *
   * @throws IOException naming file and offset if there is no whole record there
   */
  public static ParsedRecord readAt(Path file, long offset) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
    try (WarcFileReader reader = open(in, offset)) {
      Optional<ParsedRecord> record = reader.next();
      if (record.isEmpty()) {
        String why = reader.problems().isEmpty() ? "end of file"
            : reader.problems().get(0).message();
        throw new IOException(file + ": offset " + offset + ": no whole record there (" + why
            + ")");
      }
      return record.get().at(offset, record.get().length());
    } catch (java.io.EOFException e) {
      throw new IOException(file + ": offset " + offset + ": beyond the end of the file", e);
    }
  }

  private static WarcFileReader open(InputStream in, long offset) throws IOException {
    try {
      in.skipNBytes(offset);
      in.mark(2);
      boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
      in.reset();
      return new WarcFileReader(in, gzip);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** True when the file is gzip-compressed. */
  public boolean compressed() {
    return members != null;
  }

  /**
   * The next record, or empty at the end of the file or where reading had to stop.
   *
   * @throws IOException only when the file cannot be read; bad bytes become {@link #problems()}
   */
  public Optional<ParsedRecord> next() throws IOException {
    if (stopped) {
      return Optional.empty();
    }
    return compressed() ? nextInMember() : nextPlain();
  }

  /** The problems found so far, in file order. */
  public List<WarcProblem> problems() {
    return List.copyOf(problems);
  }

  @Override
  public void close() throws IOException {
    file.close();
  }

  private Optional<ParsedRecord> nextPlain() throws IOException {
    long start = plain.position();
    try {
      Optional<ParsedRecord> record = WarcRecordParser.parse(plain, start);
      return record.map(r -> r.at(start, plain.position() - start));
    } catch (WarcFormatException e) {
      stop(e);
      return Optional.empty();
    }
  }

  private Optional<ParsedRecord> nextInMember() throws IOException {
    while (!stopped) {
      if (member == null && !startMember()) {
        return Optional.empty();
      }
      long start = member.start();
      try {
        Optional<ParsedRecord> record = WarcRecordParser.parse(memberInput, start);
        if (record.isPresent()) {
          return Optional.of(record.get().at(start, endOfRecord(start)));
        }
        if (recordsInMember == 0) {
          problems.add(new WarcProblem(start, EMPTY_MEMBER));
        }
        member = null;
      } catch (WarcFormatException e) {
        problems.add(e.toProblem());
        skipRestOfMember(e);
      }
    }
    return Optional.empty();
  }

  private boolean startMember() throws IOException {
    if (members.atEnd()) {
      return false;
    }
    try {
      member = members.nextMember();
    } catch (WarcFormatException e) {
      stop(e);
      return false;
    }
    memberInput = new RecordInput(member);
    recordsInMember = 0;
    return true;
  }

  /**
   * After a record of the member at {@code start}: the member's length if it ends right after its
   * one record, else -1. A problem in the gzip trailer is reported here, and makes the length -1.
   */
  private long endOfRecord(long start) throws IOException {
    if (++recordsInMember == 2) {
      problems.add(new WarcProblem(start, SHARED_MEMBER));
    }
    try {
      if (!memberInput.atEnd()) {
        return -1;
      }
      member = null;
      return recordsInMember == 1 ? members.position() - start : -1;
    } catch (WarcFormatException e) {
      problems.add(e.toProblem());
      skipRestOfMember(e);
      return -1;
    }
  }

  /** Goes on with the next member if the gzip framing allows, else stops reading. */
  private void skipRestOfMember(WarcFormatException reported) throws IOException {
    try {
      if (!member.ended()) {
        memberInput.drain();
      }
    } catch (WarcFormatException e) {
      if (e != reported) {
        problems.add(e.toProblem());
      }
    }
    if (!member.ended()) {
      stopped = true; // corrupt or cut deflate data: where the next member begins is unknown
    }
    member = null;
  }

  private void stop(WarcFormatException e) {
    problems.add(e.toProblem());
    stopped = true;
  }
}
