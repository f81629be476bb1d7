// WARC gzip cost (not a test; issue 9): each of the first 3,000 .html files under DIR as one gzip
// member through Commons Compress (as gazette writes records) at level 6 and 1, and through one
// reused Deflater; three passes, time and bytes each.
//   java -cp target/gazette.jar bench/GzBench.java target/eval-pages
import java.nio.file.*; import java.util.*; import java.util.zip.*; import java.io.*;
import org.apache.commons.compress.compressors.gzip.*;
public class GzBench {
  public static void main(String[] a) throws Exception {
    List<byte[]> pages = new ArrayList<>();
    try (var s = Files.walk(Path.of(a[0]))) { for (Path p : s.filter(Files::isRegularFile).filter(p->p.toString().endsWith(".html")).limit(3000).toList()) pages.add(Files.readAllBytes(p)); }
    long bytes = pages.stream().mapToLong(b->b.length).sum();
    for (int round=0; round<3; round++) {
      for (int level : new int[]{6,1}) {
        long t0=System.nanoTime(); long out=0;
        for (byte[] p : pages) { ByteArrayOutputStream bo=new ByteArrayOutputStream(p.length/2+512); GzipParameters gp=new GzipParameters(); gp.setCompressionLevel(level); try (GzipCompressorOutputStream g=new GzipCompressorOutputStream(bo,gp)) { g.write(p);} out+=bo.size(); }
        long t1=System.nanoTime();
        Deflater d=new Deflater(level,true); long out2=0;
        byte[] buf=new byte[1<<16];
        for (byte[] p : pages) { d.reset(); d.setInput(p); d.finish(); while(!d.finished()) out2+=d.deflate(buf); CRC32 c=new CRC32(); c.update(p); }
        long t2=System.nanoTime();
        System.out.printf("level %d: commons new-deflater %.0f ms (%d -> %d), reused deflater %.0f ms%n", level,(t1-t0)/1e6, bytes, out, (t2-t1)/1e6);
      }
    }
  }
}
