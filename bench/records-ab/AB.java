import java.lang.reflect.Method;
import java.net.*;
import java.nio.file.*;
import java.util.*;

/**
 * CPU of gazette's page-to-record path, two builds side by side (docs/benchmarks.md, Crawl,
 * "fifth round"): each jar in its own class loader with {@code Harness}, the same pages, passes
 * alternating between the jars; prints per jar the median and least thread CPU per pass, the
 * bytes allocated per pass and a checksum of the JSON records (equal checksums: equal output).
 *
 * <pre>
 * # A.jar, B.jar: target/gazette.jar of the two commits; SITE: the synthetic site's folder
 * # (bench/crawl.sh with KEEP=1 prints where it keeps it)
 * javac -cp A.jar -d /tmp/ab-cls bench/records-ab/Harness.java bench/records-ab/AB.java
 * java -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xmx3g -cp /tmp/ab-cls AB SITE 10 41 false A.jar B.jar
 * </pre>
 *
 * Arguments: the site's folder, every how many pages to take (10: 511 of 5,101), passes, whether
 * each pass parses the HTML too (false: pages parsed once, before), then the jars.
 * {@code -Dab.other=true} records every page as {@code gazette extract} and ExtractionBench do
 * (see {@code Harness}); the default records them as a crawl does.
 */
public class AB {
  public static void main(String[] a) throws Exception {
    String dir = a[0]; int step = Integer.parseInt(a[1]); int passes = Integer.parseInt(a[2]);
    boolean parse = Boolean.parseBoolean(a[3]);
    List<String> jars = Arrays.asList(a).subList(4, a.length);
    List<Method> passM = new ArrayList<>();
    for (String jar : jars) {
      URL harness = AB.class.getProtectionDomain().getCodeSource().getLocation();
      URLClassLoader l = new URLClassLoader(new URL[] {harness, Path.of(jar).toUri().toURL()},
          ClassLoader.getPlatformClassLoader());
      Class<?> h = Class.forName("Harness", true, l);
      h.getMethod("load", String.class, String.class, int.class, boolean.class).invoke(null, dir, "http://127.0.0.1:18517", step, !parse);
      passM.add(h.getMethod("pass", boolean.class));
    }
    long[][] t = new long[jars.size()][passes];
    long[] sums = new long[jars.size()];
    long[] alloc = new long[jars.size()];
    for (int p = 0; p < passes; p++) {
      for (int j = 0; j < jars.size(); j++) {
        int jj = (p % 2 == 0) ? j : jars.size() - 1 - j;
        long[] r = (long[]) passM.get(jj).invoke(null, parse);
        t[jj][p] = r[0]; sums[jj] = r[1]; alloc[jj] = r[2];
      }
    }
    int warm = passes / 3;
    for (int j = 0; j < jars.size(); j++) {
      long[] m = Arrays.copyOfRange(t[j], warm, passes); Arrays.sort(m);
      StringBuilder sb = new StringBuilder();
      for (long x : t[j]) sb.append(x / 1_000_000).append(' ');
      System.out.printf("%s: median %d ms min %d ms alloc/pass %d MB sum %x | %s%n", jars.get(j), m[m.length / 2] / 1_000_000, m[0] / 1_000_000, alloc[j] >> 20, sums[j], sb);
    }
  }
}
