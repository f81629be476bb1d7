import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.*;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.*;
import java.util.stream.*;
import org.gazette.records.PageRecords;
import org.gazette.records.SiteRules;
import org.gazette.extract.RecordJson;

/**
 * One build's side of {@code AB}: the pages under crawl-style URLs (http://127.0.0.1:18517/...,
 * as bench/crawl.sh serves them), turned into records and JSON as a crawl does.
 */
public class Harness {
  static List<PageRecords.Parsed> docs = new ArrayList<>();
  static List<String> urls = new ArrayList<>();
  static PageRecords records = new PageRecords("gazette");
  static SiteRules site = SiteRules.generic("synthetic", ZoneOffset.UTC);
  static List<byte[]> bodies = new ArrayList<>();
  /**
   * -Dab.other=true: a page neither an article nor a listing by its content is extracted as an
   * article, as {@code gazette extract} and ExtractionBench do; false (the default): no record,
   * as in a crawl.
   */
  static final boolean OTHER_AS_ARTICLE = Boolean.getBoolean("ab.other");

  public static void load(String dir, String base, int step, boolean keepDocs) throws Exception {
    Path root = Path.of(dir);
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
    for (int i = 0; i < files.size(); i += step) {
      Path f = files.get(i);
      String rel = root.relativize(f).toString();
      String url = base + "/" + (rel.equals("index.html") ? "" : rel);
      byte[] b = Files.readAllBytes(f);
      urls.add(url);
      bodies.add(b);
      if (keepDocs) docs.add(records.parse(b, "text/html", List.of(), url));
    }
  }

  /** One pass; returns thread CPU nanos and a checksum. */
  public static long[] pass(boolean parse) throws Exception {
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long t0 = mx.getCurrentThreadCpuTime();
    long a0 = mx.getCurrentThreadAllocatedBytes();
    long sum = 0;
    Instant at = Instant.parse("2026-11-27T12:00:00Z");
    for (int i = 0; i < urls.size(); i++) {
      PageRecords.Parsed p = parse ? records.parse(bodies.get(i), "text/html", List.of(), urls.get(i)) : docs.get(i);
      Object r = records.record(p, urls.get(i), at, 200, null, site, OTHER_AS_ARTICLE).record();
      if (r != null) sum += Arrays.hashCode(RecordJson.writeUtf8(r));
    }
    long cpu = mx.getCurrentThreadCpuTime() - t0;
    return new long[] {cpu, sum, mx.getCurrentThreadAllocatedBytes() - a0};
  }
}
