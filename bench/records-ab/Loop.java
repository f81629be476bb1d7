/**
 * One build's page-to-record path in a loop, to profile (docs/benchmarks.md, Speed, "2026-11-27
 * evening"): {@code Harness}'s passes over the pages, parsing included, one jar on the class
 * path, printing each pass's pages per second.
 *
 * <pre>
 * javac -cp target/gazette.jar -d /tmp/loop bench/records-ab/Harness.java bench/records-ab/Loop.java
 * java -Dab.other=true -Xmx512m -XX:+UseParallelGC \
 *     -XX:StartFlightRecording=filename=/tmp/loop.jfr,settings=profile \
 *     -cp /tmp/loop:target/gazette.jar Loop target/eval-pages 20
 * python3 bench/jfr-costs.py /tmp/loop.jfr main 20
 * </pre>
 *
 * Arguments: the folder of pages, passes.
 */
public class Loop {
  public static void main(String[] a) throws Exception {
    Harness.load(a[0], "http://127.0.0.1:18517", 1, false);
    int passes = Integer.parseInt(a[1]);
    for (int p = 0; p < passes; p++) {
      long t0 = System.nanoTime();
      Harness.pass(true);
      System.out.printf("pass %d: %.1f pages/s%n", p,
          Harness.urls.size() / ((System.nanoTime() - t0) / 1e9));
    }
  }
}
