package org.gazette.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * Settings of a {@link WarcWriter}: where files go, how they are named, when they rotate and what
 * their warcinfo says. Fluent setters; each accessor of the same name returns the value. A writer
 * copies the settings when it is made, so later changes do not reach it.
 *
 * <pre>{@code
 * new WarcWriterOptions(Path.of("warc/portal"), Warcinfo.of("portal", runId, userAgent, contact))
 *     .prefix("portal")
 *     .maxFileSize(500_000_000);
 * }</pre>
 */
public final class WarcWriterOptions {

  /** The default {@link #maxFileSize()}: 1 GB, 10^9 bytes, as Heritrix. */
  public static final long DEFAULT_MAX_FILE_SIZE = 1_000_000_000L;

  /** The default {@link #prefix()}. */
  public static final String DEFAULT_PREFIX = "gazette";

  // both end up in file names: no separators, no spaces, nothing a shell would trip over
  private static final Pattern NAME_PART = Pattern.compile("[A-Za-z0-9._-]+");

  private Path directory;
  private Warcinfo warcinfo;
  private String prefix = DEFAULT_PREFIX;
  private String node;
  private long maxFileSize = DEFAULT_MAX_FILE_SIZE;
  private long minFreeSpace;
  private ObjectMapper objectMapper;
  private Clock clock = Clock.systemUTC();
  private LongConsumer onWrite = bytes -> { };
  private java.util.function.Consumer<Path> beforeClose = file -> { };

  /**
   * @param directory the folder files are written to, created when the first file is
   * @param warcinfo what the warcinfo record at the head of each file says
   */
  public WarcWriterOptions(Path directory, Warcinfo warcinfo) {
    directory(directory);
    warcinfo(warcinfo);
  }

  /** The folder files are written to, created with its parents when the first file is. */
  public Path directory() {
    return directory;
  }

  public WarcWriterOptions directory(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
    return this;
  }

  /** What the warcinfo record at the head of each file says. */
  public Warcinfo warcinfo() {
    return warcinfo;
  }

  public WarcWriterOptions warcinfo(Warcinfo warcinfo) {
    this.warcinfo = Objects.requireNonNull(warcinfo, "warcinfo");
    return this;
  }

  /** The first part of every file name. Defaults to {@value #DEFAULT_PREFIX}. */
  public String prefix() {
    return prefix;
  }

  /**
   * @throws IllegalArgumentException unless made of letters, digits, '.', '_' and '-'
   */
  public WarcWriterOptions prefix(String prefix) {
    this.prefix = requireNamePart(prefix, "prefix");
    return this;
  }

  /**
   * The last part of every file name, telling apart files written at the same moment on several
   * machines. Defaults to this machine's host name, with any character other than letters, digits,
   * '.' and '-' replaced by '_'.
   */
  public String node() {
    if (node == null) {
      node = LocalHost.nodeName();
    }
    return node;
  }

  /**
   * @throws IllegalArgumentException unless made of letters, digits, '.', '_' and '-'
   */
  public WarcWriterOptions node(String node) {
    this.node = requireNamePart(node, "node");
    return this;
  }

  /**
   * The size in bytes (compressed, on disk) at which a file is closed and the next one begun. A
   * file is checked before each exchange is written, so it may exceed this by one exchange.
   * Defaults to {@value #DEFAULT_MAX_FILE_SIZE}.
   */
  public long maxFileSize() {
    return maxFileSize;
  }

  /**
   * @throws IllegalArgumentException if not positive
   */
  public WarcWriterOptions maxFileSize(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("maxFileSize must be positive: " + bytes);
    }
    this.maxFileSize = bytes;
    return this;
  }

  /**
   * The free space, in bytes, that the writer keeps on the disk of {@link #directory()}: before
   * each exchange (request with response or revisit) and before it begins a file, it checks the
   * space left and, below this, throws {@link NoSpaceLeftException} without writing, as Heritrix's
   * disk space monitor pauses a crawl. The JSON line and metadata record that complete an exchange
   * already written are not held back: the space kept is there for them, and for whatever else
   * shares the disk (the state store, the logs). Defaults to 0: no check, a write fails only when
   * the disk is full.
   */
  public long minFreeSpace() {
    return minFreeSpace;
  }

  /**
   * @throws IllegalArgumentException if negative
   */
  public WarcWriterOptions minFreeSpace(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("minFreeSpace must not be negative: " + bytes);
    }
    this.minFreeSpace = bytes;
    return this;
  }

  /**
   * Serializes the records given to {@link WarcWriter#appendJson(Object)}. Indentation, if the
   * mapper has it turned on, is turned off for the JSON-lines file. Defaults to a plain {@link
   * JsonMapper} with the modules found on the class path.
   */
  public ObjectMapper objectMapper() {
    if (objectMapper == null) {
      objectMapper = JsonMapper.builder().findAndAddModules().build();
    }
    return objectMapper;
  }

  public WarcWriterOptions objectMapper(ObjectMapper objectMapper) {
    this.objectMapper = Objects.requireNonNull(objectMapper, "objectMapper");
    return this;
  }

  /**
   * The clock giving the time in file names and the date of warcinfo records. Defaults to the
   * system clock; tests set a fixed one.
   */
  public Clock clock() {
    return clock;
  }

  public WarcWriterOptions clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Told the size of every write to a WARC file once it is written: the gzip members of a
   * warcinfo record, of an exchange (request with response or revisit), of a metadata record.
   * Writes rolled back after a failure are not told, so the sizes told add up to the files'
   * sizes on disk. JSON lines are not counted. Called under the writer's lock: it must be quick
   * and must not throw. Defaults to doing nothing.
   */
  public LongConsumer onWrite() {
    return onWrite;
  }

  public WarcWriterOptions onWrite(LongConsumer onWrite) {
    this.onWrite = Objects.requireNonNull(onWrite, "onWrite");
    return this;
  }

  /**
   * Told the final name of each WARC file just before the file is closed and loses {@code .open}
   * (rotation, or the writer's close): what must be durable before the file counts as closed,
   * such as the captures a state store holds of its records. Called under the writer's lock; it
   * must not throw. Defaults to doing nothing.
   */
  public java.util.function.Consumer<Path> beforeClose() {
    return beforeClose;
  }

  public WarcWriterOptions beforeClose(java.util.function.Consumer<Path> beforeClose) {
    this.beforeClose = Objects.requireNonNull(beforeClose, "beforeClose");
    return this;
  }

  private static String requireNamePart(String value, String what) {
    Objects.requireNonNull(value, what);
    if (!NAME_PART.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what + " may only hold letters, digits, '.', '_' and '-': \"" + value + "\"");
    }
    return value;
  }
}
