package org.gazette.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@link WarcWriteBench}'s methods run in turns in one JVM. After a warm-up, each round gives every
 * method a quarter second, and the order rotates from round to round. Each slice is timed by wall
 * clock and by the thread's CPU time. Each round gives every method a ratio to {@code rawGzip}
 * measured under the same load, and the medians over all rounds are printed. On a shared machine,
 * where other processes come and go, these ratios are far steadier than those of JMH runs made
 * minutes apart.
 *
 * <p>Arguments: {@code [rounds] [encoding...]}, default 40 rounds of PLAIN and GZIP.
 */
public final class WarcWritePaired {

  private static final long SLICE_NANOS = 250_000_000L;
  private static final long WARMUP_NANOS = 8_000_000_000L;
  private static final List<String> METHODS = List.of("gazette", "rawGzipSha1", "rawGzip");

  private static int digests; // keeps rawGzipSha1's digests alive

  private WarcWritePaired() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    List<String> encodings = args.length > 1
        ? Arrays.asList(args).subList(1, args.length) : List.of("PLAIN", "GZIP");
    System.out.println("| encoding | method | records/CPU-s | vs rawGzip (CPU) | records/s "
        + "| vs rawGzip (wall) | rounds |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|");
    for (String encoding : encodings) {
      run(encoding, rounds);
    }
  }

  private static void run(String encoding, int rounds) throws Exception {
    WarcWriteBench bench = new WarcWriteBench();
    bench.encoding = encoding;
    bench.inputs();
    bench.open();
    int n = METHODS.size();
    int base = METHODS.indexOf("rawGzip");
    try {
      long end = System.nanoTime() + WARMUP_NANOS;
      while (System.nanoTime() < end) {
        for (int m = 0; m < n; m++) {
          slice(bench, m);
        }
      }
      double[][] cpu = new double[n][rounds];
      double[][] wall = new double[n][rounds];
      for (int r = 0; r < rounds; r++) {
        for (int k = 0; k < n; k++) {
          int m = (r + k) % n; // rotate the order from round to round
          double[] s = slice(bench, m);
          cpu[m][r] = s[0];
          wall[m][r] = s[1];
        }
        if (r % 10 == 9) { // keep the folder from growing without end
          bench.close();
          bench.open();
        }
      }
      for (int m = 0; m < n; m++) {
        double[] cpuRatio = new double[rounds];
        double[] wallRatio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          cpuRatio[r] = cpu[m][r] / cpu[base][r];
          wallRatio[r] = wall[m][r] / wall[base][r];
        }
        System.out.println(String.format(Locale.ROOT,
            "| %s | %s | %,.0f | %.2f (%.2f–%.2f) | %,.0f | %.2f (%.2f–%.2f) | %d |",
            encoding, METHODS.get(m), median(cpu[m]), median(cpuRatio),
            quantile(cpuRatio, 0.25), quantile(cpuRatio, 0.75), median(wall[m]),
            median(wallRatio), quantile(wallRatio, 0.25), quantile(wallRatio, 0.75), rounds));
      }
    } finally {
      bench.close();
    }
  }

  /** Records per CPU second and per wall second of one slice of one method. */
  private static double[] slice(WarcWriteBench bench, int method) throws Exception {
    WarcWriteBench.Volume volume = new WarcWriteBench.Volume();
    long wallStart = System.nanoTime();
    long invocations = 0;
    while (System.nanoTime() - wallStart < SLICE_NANOS) {
      switch (METHODS.get(method)) {
        case "gazette" -> bench.gazette(volume);
        case "rawGzipSha1" -> digests += bench.rawGzipSha1(volume);
        default -> bench.rawGzip(volume);
      }
      invocations++;
    }
    double wall = (System.nanoTime() - wallStart) / 1e9;
    double records = invocations * (double) WarcWriteBench.RECORDS;
    return new double[] {records / volume.cpu, records / wall};
  }

  private static double median(double[] values) {
    return quantile(values, 0.5);
  }

  private static double quantile(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  }
}
