package org.gazette.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;


/**
 * Runs {@link WarcWriteBench} (or, given its name first, {@link WarcWriteBreakdown}) through JMH
 * and ends with a table for docs/benchmarks.md: records/s, MB/s, and each method's ratio to
 * {@code rawGzip} (or, in the breakdown, to {@code gzipJdk}) of the same encoding, by wall clock
 * and by CPU time of the benchmark thread. Arguments after the optional class name are JMH's own
 * ({@code -f 1 -wi 2 -i 3}, {@code -p encoding=PLAIN}, {@code -prof gc}...).
 */
public final class WarcWriteRun {

  private WarcWriteRun() {}

  public static void main(String[] args) throws Exception {
    String bench = WarcWriteBench.class.getSimpleName();
    String baseline = "rawGzip";
    List<String> jmhArgs = new ArrayList<>(List.of(args));
    if (!jmhArgs.isEmpty() && !jmhArgs.get(0).startsWith("-")) {
      bench = jmhArgs.remove(0);
      if (bench.equals(WarcWriteBreakdown.class.getSimpleName())) {
        baseline = "gzipJdk";
      }
    }
    CommandLineOptions cli = new CommandLineOptions(jmhArgs.toArray(String[]::new));
    OptionsBuilder options = new OptionsBuilder();
    options.parent(cli);
    if (cli.getIncludes().isEmpty()) {
      options.include("org\\.gazette\\.bench\\." + bench + "\\.");
    }
    if (!cli.getResult().hasValue()) {
      options.result("target/jmh-" + bench + ".json");
    }
    if (!cli.getResultFormat().hasValue()) {
      options.resultFormat(ResultFormatType.JSON);
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    System.out.println();
    System.out.println(table(results, baseline));
  }

  /** One markdown table row per method and encoding, baseline ratios included. */
  static String table(Collection<RunResult> results, String baseline) {
    Map<String, Row> rows = new TreeMap<>();
    for (RunResult r : results) {
      Row row = new Row(r);
      rows.put(row.encoding + " " + row.method, row);
    }
    StringBuilder out = new StringBuilder()
        .append("| encoding | method | records/s | MB/s | vs ").append(baseline)
        .append(" | CPU share | records/CPU-s | vs ").append(baseline).append(" (CPU) |\n")
        .append("|---|---|---:|---:|---:|---:|---:|---:|\n");
    List<Row> sorted = new ArrayList<>(rows.values());
    sorted.sort(Comparator.comparing((Row x) -> x.encoding)
        .thenComparing(x -> x.method.equals(baseline) ? 1 : 0)
        .thenComparing(x -> x.method));
    for (Row row : sorted) {
      Row base = rows.get(row.encoding + " " + baseline);
      out.append(String.format(Locale.ROOT,
          "| %s | %s | %,.0f ± %,.0f | %.1f | %s | %.2f | %,.0f | %s |%n",
          row.encoding, row.method, row.records, row.recordsError, row.megabytes,
          base == null ? "" : String.format(Locale.ROOT, "%.2f", row.records / base.records),
          row.cpu, row.perCpu(),
          base == null ? "" : String.format(Locale.ROOT, "%.2f", row.perCpu() / base.perCpu())));
    }
    return out.toString();
  }

  private static final class Row {
    final String method;
    final String encoding;
    final double records;
    final double recordsError;
    final double megabytes;
    final double cpu;

    @SuppressWarnings("rawtypes") // JMH's own signature
    Row(RunResult r) {
      String name = r.getParams().getBenchmark();
      method = name.substring(name.lastIndexOf('.') + 1);
      String param = r.getParams().getParam("encoding");
      encoding = param == null ? "" : param;
      Result<?> primary = r.getPrimaryResult();
      records = primary.getScore();
      recordsError = Double.isNaN(primary.getScoreError()) ? 0 : primary.getScoreError();
      Map<String, Result> secondary = r.getSecondaryResults();
      megabytes = secondary.containsKey("megabytes") ? secondary.get("megabytes").getScore() : 0;
      cpu = secondary.containsKey("cpu") ? secondary.get("cpu").getScore() : Double.NaN;
    }

    double perCpu() {
      return records / cpu;
    }
  }
}
