package org.gazette.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.gazette.archive.RequestRecord;
import org.gazette.archive.ResponseRecord;
import org.gazette.archive.WarcDigest;
import org.gazette.archive.WarcRecord;
import org.gazette.fetch.HttpExchange;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The parts of a {@link WarcWriteBench} write, each alone on the same inputs, to see where the
 * time goes: one operation is one record, as there. Run with {@code bench/warc-write.sh
 * WarcWriteBreakdown}.
 *
 * <ul>
 *   <li>{@code digests}: the three SHA-1s of an exchange (request block, response block, payload)
 *       with their Base32 encoding, as {@link WarcDigest} makes them.
 *   <li>{@code records}: making the request and response records (ids, header fields and their
 *       checks, digests) and serializing them into a null stream: all but compression and I/O.
 *   <li>{@code gzipCommons}: compressing ready-made records as gazette's {@code GzipMember} does
 *       (Commons Compress {@code GzipCompressorOutputStream}, defaults, into a byte array).
 *   <li>{@code gzipJdk}: the same with {@code java.util.zip.GZIPOutputStream}.
 *   <li>{@code sha1Only}: the three SHA-1s without Base32, to tell the digest from its encoding.
 *   <li>{@code recordIds}: the two random record ids of an exchange ({@code UUID.randomUUID}).
 *   <li>{@code gzipReusedDeflater}: compressing as {@code gzipCommons} does, but with one {@link
 *       Deflater} reset between members instead of a new one each, and the gzip header and trailer
 *       written by hand: what a writer that kept its deflater would do.
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@State(Scope.Thread)
public class WarcWriteBreakdown {

  private static final OutputStream NULL = OutputStream.nullOutputStream();
  private static final String WARCINFO_ID = "<urn:uuid:00000000-0000-4000-8000-000000000000>";

  @Param({"PLAIN", "GZIP"})
  public String encoding;

  private List<HttpExchange> exchanges;
  private List<WarcRecord> records;
  private long recordBytes;

  @Setup(Level.Trial)
  public void inputs() {
    NewsExchanges inputs =
        NewsExchanges.build(WarcWriteBench.EXCHANGES, NewsExchanges.Encoding.valueOf(encoding));
    exchanges = inputs.exchanges();
    recordBytes = inputs.recordBytes();
    records = new ArrayList<>();
    for (HttpExchange e : exchanges) {
      String request = WarcRecord.newRecordId();
      String response = WarcRecord.newRecordId();
      records.add(new RequestRecord(request, WARCINFO_ID, response, e));
      records.add(new ResponseRecord(response, WARCINFO_ID, request, e));
    }
    checkReusedDeflater();
  }

  // the hand-written member must read back as the record, also after a reset
  private void checkReusedDeflater() {
    try {
      for (WarcRecord record : records.subList(0, 4)) {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        record.writeTo(plain);
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (ReusedDeflaterGzip gzip = new ReusedDeflaterGzip(packed, deflater, deflateBuffer)) {
          record.writeTo(gzip);
        }
        byte[] back = new GZIPInputStream(new ByteArrayInputStream(packed.toByteArray()))
            .readAllBytes();
        if (!Arrays.equals(back, plain.toByteArray())) {
          throw new IllegalStateException("reused-deflater gzip does not read back");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Benchmark
  @OperationsPerInvocation(WarcWriteBench.RECORDS)
  public void digests(WarcWriteBench.Volume volume, Blackhole bh) {
    long cpuStart = WarcWriteBench.Volume.cpuNanos();
    for (HttpExchange e : exchanges) {
      bh.consume(WarcDigest.sha1(e.request()));
      bh.consume(WarcDigest.sha1(e.response()));
      bh.consume(WarcDigest.sha1(e.payload()));
    }
    volume.add(recordBytes, cpuStart);
  }

  @Benchmark
  @OperationsPerInvocation(WarcWriteBench.RECORDS)
  public void sha1Only(WarcWriteBench.Volume volume, Blackhole bh)
      throws NoSuchAlgorithmException {
    long cpuStart = WarcWriteBench.Volume.cpuNanos();
    for (HttpExchange e : exchanges) {
      bh.consume(MessageDigest.getInstance("SHA-1").digest(e.request()));
      bh.consume(MessageDigest.getInstance("SHA-1").digest(e.response()));
      bh.consume(MessageDigest.getInstance("SHA-1").digest(e.payload()));
    }
    volume.add(recordBytes, cpuStart);
  }

  @Benchmark
  @OperationsPerInvocation(WarcWriteBench.RECORDS)
  public void recordIds(WarcWriteBench.Volume volume, Blackhole bh) {
    long cpuStart = WarcWriteBench.Volume.cpuNanos();
    for (int i = 0; i < WarcWriteBench.RECORDS; i++) {
      bh.consume(WarcRecord.newRecordId());
    }
    volume.add(recordBytes, cpuStart);
  }

  @Benchmark
  @OperationsPerInvocation(WarcWriteBench.RECORDS)
  public void records(WarcWriteBench.Volume volume) throws IOException {
    long cpuStart = WarcWriteBench.Volume.cpuNanos();
    for (HttpExchange e : exchanges) {
      String requestId = WarcRecord.newRecordId();
      String responseId = WarcRecord.newRecordId();
      new RequestRecord(requestId, WARCINFO_ID, responseId, e).writeTo(NULL);
      new ResponseRecord(responseId, WARCINFO_ID, requestId, e).writeTo(NULL);
    }
    volume.add(recordBytes, cpuStart);
  }

  @Benchmark
  @OperationsPerInvocation(WarcWriteBench.RECORDS)
  public void gzipCommons(WarcWriteBench.Volume volume, Blackhole bh) throws IOException {
    long cpuStart = WarcWriteBench.Volume.cpuNanos();
    for (WarcRecord record : records) {
      // GzipMember.of, line for line
      ByteArrayOutputStream bytes =
          new ByteArrayOutputStream((int) record.contentLength() / 2 + 512);
      try (GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(bytes)) {
        record.writeTo(gzip);
      }
      bh.consume(bytes.toByteArray());
    }
    volume.add(recordBytes, cpuStart);
  }

  @Benchmark
  @OperationsPerInvocation(WarcWriteBench.RECORDS)
  public void gzipJdk(WarcWriteBench.Volume volume, Blackhole bh) throws IOException {
    long cpuStart = WarcWriteBench.Volume.cpuNanos();
    for (WarcRecord record : records) {
      ByteArrayOutputStream bytes =
          new ByteArrayOutputStream((int) record.contentLength() / 2 + 512);
      try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
        record.writeTo(gzip);
      }
      bh.consume(bytes.toByteArray());
    }
    volume.add(recordBytes, cpuStart);
  }

  @Benchmark
  @OperationsPerInvocation(WarcWriteBench.RECORDS)
  public void gzipReusedDeflater(WarcWriteBench.Volume volume, Blackhole bh) throws IOException {
    long cpuStart = WarcWriteBench.Volume.cpuNanos();
    for (WarcRecord record : records) {
      ByteArrayOutputStream bytes =
          new ByteArrayOutputStream((int) record.contentLength() / 2 + 512);
      try (ReusedDeflaterGzip gzip = new ReusedDeflaterGzip(bytes, deflater, deflateBuffer)) {
        record.writeTo(gzip);
      }
      bh.consume(bytes.toByteArray());
    }
    volume.add(recordBytes, cpuStart);
  }

  private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
  private final byte[] deflateBuffer = new byte[8192];

  /** One gzip member through a deflater that outlives it (reset, not ended, at close). */
  static final class ReusedDeflaterGzip extends OutputStream {
    // magic, deflate, no flags, no mtime, no extra flags, OS unknown: what Commons Compress writes
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 255};
    private final OutputStream out;
    private final Deflater deflater;
    private final byte[] buffer;
    private final CRC32 crc = new CRC32();

    ReusedDeflaterGzip(OutputStream out, Deflater deflater, byte[] buffer) throws IOException {
      this.out = out;
      this.deflater = deflater;
      this.buffer = buffer;
      deflater.reset();
      out.write(HEADER);
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      deflater.setInput(b, off, len);
      while (!deflater.needsInput()) {
        drain();
      }
      crc.update(b, off, len);
    }

    @Override
    public void close() throws IOException {
      deflater.finish();
      while (!deflater.finished()) {
        drain();
      }
      int value = (int) crc.getValue();
      int size = deflater.getTotalIn();
      out.write(new byte[] {
        (byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24),
        (byte) size, (byte) (size >> 8), (byte) (size >> 16), (byte) (size >> 24)});
    }

    private void drain() throws IOException {
      int n = deflater.deflate(buffer, 0, buffer.length);
      if (n > 0) {
        out.write(buffer, 0, n);
      }
    }
  }
}
