// SHA-1 cost (not a test; issue 9): MessageDigest SHA-1 over the first 3,000 .html files under
// DIR, four passes; compare the JIT modes:
//   java -XX:TieredStopAtLevel=1 bench/ShaBench.java target/eval-pages     (C1 only, as crawl)
//   java bench/ShaBench.java target/eval-pages                            (C2: SHA intrinsics)
import java.nio.file.*; import java.util.*; import java.security.*;
public class ShaBench {
  public static void main(String[] a) throws Exception {
    List<byte[]> pages = new ArrayList<>();
    try (var s = Files.walk(Path.of(a[0]))) { for (Path p : s.filter(Files::isRegularFile).filter(p->p.toString().endsWith(".html")).limit(3000).toList()) pages.add(Files.readAllBytes(p)); }
    for (int r=0;r<4;r++){ long t0=System.nanoTime(); for (byte[] p: pages){ MessageDigest m=MessageDigest.getInstance("SHA-1"); m.update(p); m.digest(); } System.out.printf("%.0f ms for %d MB%n",(System.nanoTime()-t0)/1e6, pages.stream().mapToLong(b->b.length).sum()>>20); }
  }
}
