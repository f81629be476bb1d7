package org.gazette.archive;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.gazette.fetch.HttpExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes HTTP exchanges to rotating {@code .warc.gz} files, and JSON records to the {@code .jsonl}
 * file beside each of them. One writer is shared by all the crawl threads of a site; every method
 * is synchronized, so the request and response records of an exchange are always adjacent.
 *
 * <p>Files are made lazily: nothing is created until the first record or JSON line, so a run that
 * fetched nothing leaves no empty file, and every file that exists begins with its warcinfo record.
 * A file is named {@code <prefix>-<yyyyMMddHHmmssSSS>-<serial>-<node>.warc.gz} (UTC, serial from
 * 00000 per writer) and carries {@code .open}, as does its {@code .jsonl}, until it is closed.
 * Before each exchange, a file that has reached {@link WarcWriterOptions#maxFileSize()} is closed
 * and the next begun; JSON lines and metadata records never rotate, so they stay beside the
 * exchange they were written after.
 *
 * <p>Each record is its own gzip member, so a {@link WarcLocation} offset can be seeked to. A write
 * that fails is cut back out of the file and the file stays usable; if it cannot be cut out the
 * file is left {@code .open}, for the next start to repair, and the next write begins a new file.
 * A write that fails for lack of space, or that {@link WarcWriterOptions#minFreeSpace()} holds
 * back, throws {@link NoSpaceLeftException}; the files stay whole and {@link #close()} still
 * closes the current one.
 */
public final class WarcWriter implements Closeable {

  private static final Logger log = LoggerFactory.getLogger(WarcWriter.class);

  private final Path directory;
  private final String prefix;
  private final String node;
  private final long maxFileSize;
  private final long minFreeSpace;
  private final Warcinfo warcinfo;
  private final ObjectWriter json;
  private final Clock clock;
  private final LongConsumer onWrite;
  private final java.util.function.Consumer<Path> beforeClose;
  private final List<Path> closedFiles = new ArrayList<>();
  private WarcFile current;
  private java.nio.file.FileStore store; // of the directory, once it exists
  private String warcinfoId;
  private int nextSerial;
  private boolean closed;

  /** A writer with a copy of {@code options}; no file is made until something is written. */
  public WarcWriter(WarcWriterOptions options) {
    Objects.requireNonNull(options, "options");
    this.directory = options.directory();
    this.prefix = options.prefix();
    this.node = options.node();
    this.maxFileSize = options.maxFileSize();
    this.minFreeSpace = options.minFreeSpace();
    this.warcinfo = options.warcinfo();
    this.json = options.objectMapper().writer().without(SerializationFeature.INDENT_OUTPUT);
    this.clock = options.clock();
    this.onWrite = options.onWrite();
    this.beforeClose = options.beforeClose();
  }

  /**
   * Writes a request record and a response record for {@code exchange}, adjacent, linked both ways
   * by {@code WARC-Concurrent-To}.
   *
   * @return where the response record is
   * @throws IllegalArgumentException if the exchange lacks its URI, date or bytes (no file is made)
   * @throws IllegalStateException if the writer is closed
   */
  public synchronized WarcLocation write(HttpExchange exchange) throws IOException {
    return write(exchange, location -> null);
  }

  /**
   * Writes {@code exchange} as {@link #write(HttpExchange)} does, then the JSON record {@code
   * jsonRecord} makes from the response's location, in the same synchronized step: the line is sure
   * to land beside the WARC file holding the exchange, however many threads write.
   *
   * @param jsonRecord makes the record to append, or returns null to append none; if it throws,
   *     or its record cannot be serialized, the exchange stays written and no line is appended
   * @return where the response record is
   */
  public synchronized WarcLocation write(
      HttpExchange exchange, Function<? super WarcLocation, ?> jsonRecord) throws IOException {
    Objects.requireNonNull(jsonRecord, "jsonRecord");
    CaptureRecord.requireValid(exchange);
    requireOpen();
    WarcFile file = fileForExchange();
    String requestId = WarcRecord.newRecordId();
    String responseId = WarcRecord.newRecordId();
    RequestRecord request = new RequestRecord(requestId, warcinfoId, responseId, exchange);
    ResponseRecord response = new ResponseRecord(responseId, warcinfoId, requestId, exchange);
    // compressed under the lock, since the warcinfo id depends on the file; at a polite crawl
    // rate this costs nothing worth the complexity of doing it outside
    byte[] requestMember = GzipMember.of(request);
    long start = append(file, requestMember, GzipMember.of(response));
    WarcLocation location =
        new WarcLocation(
            file.name(), start + requestMember.length, responseId, response.payloadDigest());
    Object record = jsonRecord.apply(location);
    if (record != null) {
      appendLine(file, toLine(record));
    }
    return location;
  }

  /**
   * Writes a request record and a {@code revisit} record for {@code exchange}, whose content is
   * already archived in {@code target}.
   *
   * @return where the revisit record is; its payload digest is the target's
   */
  public synchronized WarcLocation writeRevisit(
      HttpExchange exchange, RevisitRecord.Profile profile, RevisitTarget target)
      throws IOException {
    CaptureRecord.requireValid(exchange);
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(target, "target");
    requireOpen();
    WarcFile file = fileForExchange();
    String requestId = WarcRecord.newRecordId();
    String revisitId = WarcRecord.newRecordId();
    RequestRecord request = new RequestRecord(requestId, warcinfoId, revisitId, exchange);
    RevisitRecord revisit =
        new RevisitRecord(revisitId, warcinfoId, requestId, exchange, profile, target);
    byte[] requestMember = GzipMember.of(request);
    long start = append(file, requestMember, GzipMember.of(revisit));
    return new WarcLocation(
        file.name(), start + requestMember.length, revisitId, target.payloadDigest());
  }

  /**
   * Writes a metadata record about a record already written, in the current file.
   *
   * @param targetUri the URI of the record it refers to
   * @param date normally the date of the record it refers to
   * @param refersTo the id of the record it refers to, e.g. {@link WarcLocation#recordId()}
   * @param contentType the media type of {@code block}, e.g. {@link WarcContentTypes#JSON}
   * @param block the metadata, e.g. {@link MetadataRecord#outlinks(List)}
   * @return where the metadata record is, without payload digest
   */
  public synchronized WarcLocation writeMetadata(
      URI targetUri, Instant date, String refersTo, String contentType, byte[] block)
      throws IOException {
    requireOpen();
    // checked before a file is made for it; the record checks the rest
    Objects.requireNonNull(targetUri, "targetUri");
    Objects.requireNonNull(date, "date");
    WarcRecord.requireRecordId(refersTo, WarcHeaders.WARC_REFERS_TO);
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(block, "block");
    WarcFile file = currentOrNewFile();
    MetadataRecord metadata =
        new MetadataRecord(
            WarcRecord.newRecordId(), warcinfoId, date, targetUri, refersTo, contentType, block);
    long offset = append(file, GzipMember.of(metadata));
    return new WarcLocation(file.name(), offset, metadata.id(), null);
  }

  /**
   * Appends {@code record}, serialized as JSON on one line, to the {@code .jsonl} file beside the
   * WARC file being written (making the pair if there is none yet). Under concurrent writers,
   * prefer {@link #write(HttpExchange, Function)}, which cannot be separated from its exchange by a
   * rotation.
   *
   * @throws IllegalArgumentException if the record serializes to more than one line
   * @throws IllegalStateException if the writer is closed
   */
  public synchronized void appendJson(Object record) throws IOException {
    Objects.requireNonNull(record, "record");
    requireOpen();
    byte[] line = toLine(record); // first, so that a record that fails makes no file
    appendLine(currentOrNewFile(), line);
  }

  /**
   * Appends {@code record} to the {@code .jsonl} beside the WARC file that holds {@code at}, even
   * when that file was closed since: rotated by this writer, or written by an earlier run of the
   * same folder (a run that resumes a crashed one parses the pages that run archived but did not
   * extract, and their records lie in that run's files). A JSON line always lies beside its
   * record.
   *
   * @throws IllegalArgumentException if no closed WARC file of that name is in this writer's
   *     folder
   */
  public synchronized void appendJson(Object record, WarcLocation at) throws IOException {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(at, "at");
    requireOpen();
    appendBeside(toLine(record), at);
  }

  /**
   * Appends a JSON text already serialized as UTF-8 (e.g. by {@code RecordJson.writeUtf8}) as one
   * line beside the WARC file that holds {@code at}, as {@link #appendJson(Object, WarcLocation)}
   * does: the crawl serializes a record once and writes the same bytes here and in its metadata
   * record.
   *
   * @throws IllegalArgumentException if {@code json} holds a line break, or as {@link
   *     #appendJson(Object, WarcLocation)}
   */
  public synchronized void appendJsonLine(byte[] json, WarcLocation at) throws IOException {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(at, "at");
    requireOpen();
    appendBeside(line(json, "JSON text"), at);
  }

  private void appendBeside(byte[] line, WarcLocation at) throws IOException {
    if (current != null && current.name().equals(at.file())) {
      appendLine(current, line);
      return;
    }
    Path jsonl = closedJsonl(at).orElseThrow(() -> new IllegalArgumentException(
        "no closed WARC file " + at.file() + " in " + directory));
    // No other writer appends here: one run writes to a folder at a time (CrawlRun's lock).
    // One write of the whole line (Files.write would cut it in 8 KB writes), and a failed one
    // cut back out: no repair visits a closed file, so half a line would stay for ever.
    try (FileChannel channel = FileChannel.open(jsonl, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      long before = channel.size();
      try {
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      } catch (IOException e) {
        try {
          channel.truncate(before);
        } catch (IOException alsoFailed) {
          e.addSuppressed(alsoFailed);
        }
        throw noSpaceOr(e, line.length);
      }
    }
  }

  /**
   * The JSON-lines file beside the WARC file that holds {@code at}: the {@code .jsonl.open} of the
   * file being written, or the {@code .jsonl} of a closed file of this writer's folder; empty if
   * there is none.
   */
  public synchronized Optional<Path> jsonLinesOf(WarcLocation at) {
    Objects.requireNonNull(at, "at");
    if (current != null && current.name().equals(at.file())) {
      return Optional.of(current.jsonlOpenPath());
    }
    return closedJsonl(at).filter(Files::isRegularFile);
  }

  /**
   * The {@code .jsonl} beside {@code at}'s WARC file if that file is a closed one of this folder;
   * the JSON lines may not exist yet.
   */
  private Optional<Path> closedJsonl(WarcLocation at) {
    String name = at.file();
    Path warc = directory.resolve(name).normalize();
    if (!name.endsWith(WarcFileName.WARC_EXTENSION) || warc.getParent() == null
        || !warc.getParent().equals(directory.normalize()) || !Files.isRegularFile(warc)) {
      return Optional.empty();
    }
    return Optional.of(warc.resolveSibling(name.substring(0,
        name.length() - WarcFileName.WARC_EXTENSION.length()) + WarcFileName.JSONL_EXTENSION));
  }

  /** The WARC file being written, under its {@code .open} name; empty between files. */
  public synchronized Optional<Path> currentFile() {
    return Optional.ofNullable(current).map(WarcFile::openPath);
  }

  /** The WARC files closed so far, under their final names, oldest first. */
  public synchronized List<Path> closedFiles() {
    return List.copyOf(closedFiles);
  }

  /** Closes the current file now, if any; the next write begins a new one. */
  public synchronized void rotate() throws IOException {
    requireOpen();
    closeCurrent();
  }

  /** Closes the current file, if any, and renames it; later writes fail. Safe to call twice. */
  @Override
  public synchronized void close() throws IOException {
    if (!closed) {
      closed = true;
      closeCurrent();
    }
  }

  private WarcFile fileForExchange() throws IOException {
    requireSpace();
    if (current != null && current.size() >= maxFileSize) {
      closeCurrent();
    }
    return currentOrNewFile();
  }

  private WarcFile currentOrNewFile() throws IOException {
    if (current == null) {
      openNext();
    }
    return current;
  }

  private void openNext() throws IOException {
    requireSpace();
    Instant now = clock.instant();
    WarcFileName name = new WarcFileName(prefix, now, nextSerial++, node);
    Files.createDirectories(directory);
    WarcinfoRecord info = new WarcinfoRecord(WarcRecord.newRecordId(), now, name.warc(), warcinfo);
    byte[] member = GzipMember.of(info);
    WarcFile file;
    try {
      file = WarcFile.create(directory, name);
    } catch (IOException e) {
      throw noSpaceOr(e, member.length);
    }
    try {
      file.append(member);
    } catch (IOException e) {
      file.discard();
      throw noSpaceOr(e, member.length);
    }
    onWrite.accept(member.length);
    current = file;
    warcinfoId = info.id();
    log.debug("Opened WARC file {}", file.openPath());
  }

  private void closeCurrent() throws IOException {
    if (current == null) {
      return;
    }
    WarcFile file = current;
    current = null;
    warcinfoId = null;
    beforeClose.accept(file.finalPath());
    try {
      closedFiles.add(file.close());
      log.info("Closed WARC file {} ({} bytes)", file.finalPath(), file.size());
    } catch (IOException e) {
      file.abandon();
      throw new IOException("cannot close " + file.openPath(), e);
    }
  }

  private long append(WarcFile file, byte[]... members) throws IOException {
    long start;
    try {
      start = file.append(members);
    } catch (IOException e) {
      dropIfBroken(file);
      long bytes = 0;
      for (byte[] m : members) {
        bytes += m.length;
      }
      throw noSpaceOr(e, bytes);
    }
    onWrite.accept(file.size() - start);
    return start;
  }

  private byte[] toLine(Object record) throws IOException {
    return line(json.writeValueAsBytes(record), "JSON record of " + record.getClass().getName());
  }

  private static byte[] line(byte[] bytes, String what) {
    for (byte b : bytes) {
      if (b == '\n' || b == '\r') {
        // only a raw value (@JsonRawValue) can do this; it would split the record in two
        throw new IllegalArgumentException(what + " spans several lines");
      }
    }
    byte[] line = Arrays.copyOf(bytes, bytes.length + 1);
    line[bytes.length] = '\n';
    return line;
  }

  private void appendLine(WarcFile file, byte[] line) throws IOException {
    try {
      file.appendLine(line);
    } catch (IOException e) {
      dropIfBroken(file);
      throw noSpaceOr(e, line.length);
    }
  }

  /**
   * Refuses to go on below {@link WarcWriterOptions#minFreeSpace()}: checked before each exchange
   * and each new file, under the writer's lock, so no two writes pass it on the same space.
   */
  private void requireSpace() throws NoSpaceLeftException {
    if (minFreeSpace <= 0) {
      return;
    }
    long free = usableSpace();
    if (free >= 0 && free < minFreeSpace) {
      throw new NoSpaceLeftException(directory, free, minFreeSpace, null);
    }
  }

  /**
   * {@code e} as a {@link NoSpaceLeftException} when it failed for lack of space: its message says
   * so, or the space left (the failed write rolled back) is less than the {@code bytes} it was to
   * write, which holds whatever the language of the system's messages.
   */
  private IOException noSpaceOr(IOException e, long bytes) {
    if (e instanceof NoSpaceLeftException) {
      return e;
    }
    long free = usableSpace();
    if (NoSpaceLeftException.saysNoSpace(e) || (free >= 0 && free < bytes)) {
      return new NoSpaceLeftException(directory, free, 0, e);
    }
    return e;
  }

  /** The bytes this process may still write to the directory's disk; -1 if it cannot be told. */
  private long usableSpace() {
    try {
      if (store == null) {
        Path dir = directory.toAbsolutePath();
        Path existing = dir;
        while (existing != null && !Files.isDirectory(existing)) {
          existing = existing.getParent(); // not made yet: its disk is its nearest parent's
        }
        if (existing == null) {
          return -1;
        }
        java.nio.file.FileStore found = Files.getFileStore(existing);
        if (existing.equals(dir)) {
          store = found; // looking a store up reads the mount table: once is enough
        }
        return found.getUsableSpace();
      }
      return store.getUsableSpace();
    } catch (IOException e) {
      return -1;
    }
  }

  private void dropIfBroken(WarcFile file) {
    if (file.broken() && file == current) {
      log.warn("Abandoning {}: a failed write could not be rolled back", file.openPath());
      file.abandon();
      current = null;
      warcinfoId = null;
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("WARC writer for " + directory + " is closed");
    }
  }
}
