package org.gazette.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gazette.records.PageRecords;
import org.gazette.records.SiteRules;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pages per second of gazette's extraction, one thread: the HTML of real pages (the folder
 * {@code pages}, e.g. ../shared/extraction-eval unpacked by its score.py) parsed by jsoup and
 * turned into a record by {@link PageRecords}, the code path of the crawl and of
 * {@code gazette extract}. Each invocation is one page, taken in turn, so the score is pages/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// the collector ./gazette runs `extract` and `crawl` with (the throughput collector: G1's barriers
// and concurrent threads cost a batch job CPU), so the number is the product's
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m", "-XX:+UseParallelGC"})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
public class ExtractionBench {
  /** The folder of .html pages. */
  @Param("")
  public String pages;

  private List<byte[]> bodies;
  private List<String> urls;
  private int next;
  private final PageRecords records = new PageRecords("gazette");
  private final SiteRules site = SiteRules.generic("bench", ZoneOffset.UTC);

  @Setup(Level.Trial)
  public void load() throws IOException {
    Path dir = Path.of(pages.isEmpty() ? System.getProperty("gazette.bench.pages", "") : pages);
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("no pages in " + dir.toAbsolutePath());
    }
    bodies = files.stream().map(f -> {
      try {
        return Files.readAllBytes(f);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).toList();
    urls = files.stream().map(f -> f.toUri().toString()).toList();
  }

  /** One page: parse, classify and extract, as a crawl does for every HTML response. */
  @Benchmark
  public Object page() throws IOException {
    int i = next;
    next = (next + 1) % bodies.size();
    PageRecords.Parsed parsed = records.parse(bodies.get(i), "text/html", List.of(), urls.get(i));
    return records.record(parsed, urls.get(i), Instant.EPOCH, 200, null, site, true);
  }
}
