package org.gazette.bench;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.gazette.archive.WarcDigest;
import org.gazette.archive.WarcWriter;
import org.gazette.archive.WarcWriterOptions;
import org.gazette.archive.Warcinfo;
import org.gazette.fetch.HttpExchange;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * WARC writing throughput: gazette's {@link WarcWriter#write(HttpExchange)} against plain {@link
 * GZIPOutputStream} compressing the same record bytes, one gzip member per record, into a file.
 *
 * <p>One operation is one WARC record: an invocation writes {@value #EXCHANGES} exchanges, a
 * request and a response record each. The primary score is records per second; the {@code
 * megabytes} counter is megabytes (10^6 bytes) of uncompressed record (WARC header, block, CRLF
 * CRLF) per second, the same bytes for both methods.
 *
 * <ul>
 *   <li>{@code gazette}: a {@link WarcWriter} writing into a fresh folder each iteration: record
 *       ids, headers, block and payload SHA-1 digests, one Commons Compress gzip member per record,
 *       compressed in memory, then unbuffered {@code FileChannel} writes, one per member.
 *   <li>{@code rawGzip}: the baseline. The records gazette would write, serialized beforehand
 *       (same header fields, same lengths), each compressed as its own member by a new {@code
 *       GZIPOutputStream} (default level, as a caller would use it) into a 64 KB-buffered {@code
 *       FileOutputStream} flushed after every exchange. No digests, no header formatting.
 *   <li>{@code rawGzipSha1}: the baseline plus the three SHA-1 digests (with Base32) that every
 *       exchange's records must carry: the least work any writer of these records has to do.
 * </ul>
 *
 * <p>Not a test: its name does not end in Test or IT, so {@code mvn verify} never runs it. Run it
 * with {@code bench/warc-write.sh}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class WarcWriteBench {

  /** Exchanges written per invocation, each a request and a response record. */
  static final int EXCHANGES = 16;

  static final int RECORDS = 2 * EXCHANGES;

  /** How the response bodies travel: as is, or gzip-encoded and chunked. */
  @Param({"PLAIN", "GZIP"})
  public String encoding;

  private List<HttpExchange> exchanges;
  private List<byte[]> records;
  private long recordBytes;
  private Path folder;
  private WarcWriter writer;
  private OutputStream file;
  private OutputStream member;

  /**
   * Secondary results, each reported per second of the iteration: {@code megabytes} of
   * uncompressed record written, and {@code cpu}, the CPU seconds the benchmark thread used (1.0
   * when it ran all the time). Records per CPU second, score / cpu, hardly moves when other
   * processes compete for the cores, where records per second does.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Volume {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public double megabytes;
    public double cpu;

    @Setup(Level.Iteration)
    public void reset() {
      megabytes = 0;
      cpu = 0;
    }

    static long cpuNanos() {
      return THREADS.getCurrentThreadCpuTime();
    }

    void add(long bytes, long cpuStart) {
      megabytes += bytes / 1e6;
      cpu += (cpuNanos() - cpuStart) / 1e9;
    }
  }

  @Setup(Level.Trial)
  public void inputs() {
    NewsExchanges inputs =
        NewsExchanges.build(EXCHANGES, NewsExchanges.Encoding.valueOf(encoding));
    exchanges = inputs.exchanges();
    records = inputs.records();
    recordBytes = inputs.recordBytes();
  }

  @Setup(Level.Iteration)
  public void open() throws IOException {
    folder = Files.createTempDirectory("gazette-bench-");
    WarcWriterOptions options =
        new WarcWriterOptions(folder,
                Warcinfo.of("bench", "bench-run", "gazette/bench (+https://example.org/bench)",
                    "bench@example.org"))
            .node("bench");
    writer = new WarcWriter(options);
    file = new BufferedOutputStream(Files.newOutputStream(folder.resolve("raw.warc.gz")), 65536);
    // GZIPOutputStream.close() finishes the member and frees its Deflater; this keeps the file open
    member = new FilterOutputStream(file) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() {}
    };
  }

  @TearDown(Level.Iteration)
  public void close() throws IOException {
    writer.close();
    file.close();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void gazette(Volume volume) throws IOException {
    long cpuStart = Volume.cpuNanos();
    for (HttpExchange exchange : exchanges) {
      writer.write(exchange);
    }
    volume.add(recordBytes, cpuStart);
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void rawGzip(Volume volume) throws IOException {
    long cpuStart = Volume.cpuNanos();
    rawGzip(records);
    volume.add(recordBytes, cpuStart);
  }

  private void rawGzip(List<byte[]> records) throws IOException {
    for (int i = 0; i < records.size(); i++) {
      try (GZIPOutputStream gzip = new GZIPOutputStream(member)) {
        gzip.write(records.get(i));
      }
      if (i % 2 == 1) {
        file.flush(); // one write per exchange (gazette makes one per member)
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public int rawGzipSha1(Volume volume) throws IOException {
    long cpuStart = Volume.cpuNanos();
    int digests = 0; // returned, so that JMH keeps the digests alive
    for (HttpExchange exchange : exchanges) {
      digests += WarcDigest.sha1(exchange.request()).hashCode();
      digests += WarcDigest.sha1(exchange.response()).hashCode();
      digests += WarcDigest.sha1(exchange.payload()).hashCode();
    }
    rawGzip(records);
    volume.add(recordBytes, cpuStart);
    return digests;
  }
}
