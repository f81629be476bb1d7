// SHA-1 under the crawl's compiler (not a test; issue 9, docs/benchmarks.md "fourth round"): the
// JDK's MessageDigest against a hand-written SHA-1 (rounds unrolled five at a time, no VarHandles),
// over the first 3,000 .html files under DIR, 8 passes; MODE is jdk, own or none (reading only).
// Checks first that both agree on 20,000 random inputs. Count with perf:
//   perf stat -e instructions:u,cycles:u java -XX:TieredStopAtLevel=1 bench/Sha1C1.java target/eval-pages jdk
//   (and own; without -XX:TieredStopAtLevel=1 for C2)
import java.nio.file.*; import java.util.*; import java.security.*;
public class Sha1C1 {
  public static void main(String[] a) throws Exception {
    Random r = new Random(7);
    for (int i = 0; i < 20000; i++) {
      byte[] d = new byte[(i < 300 ? i : r.nextInt(20000)) + 5]; r.nextBytes(d);
      int off = r.nextInt(6), len = d.length - 5;
      MessageDigest m = MessageDigest.getInstance("SHA-1"); m.update(d, off, len);
      if (!Arrays.equals(m.digest(), new Sha1().digest(d, off, len))) throw new AssertionError(i);
    }
    List<byte[]> pages = new ArrayList<>();
    try (var s = Files.walk(Path.of(a[0]))) {
      for (Path p : s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".html")).limit(3000).toList()) pages.add(Files.readAllBytes(p));
    }
    for (int round = 0; round < 8; round++) for (byte[] p : pages) {
      switch (a[1]) {
        case "jdk" -> { MessageDigest m = MessageDigest.getInstance("SHA-1"); m.update(p); m.digest(); }
        case "own" -> new Sha1().digest(p, 0, p.length);
        default -> { }
      }
    }
  }
}
final class Sha1 {
  private final int[] w = new int[80];
  private int h0, h1, h2, h3, h4;

  byte[] digest(byte[] data, int off, int len) {
    h0 = 0x67452301; h1 = 0xEFCDAB89; h2 = 0x98BADCFE; h3 = 0x10325476; h4 = 0xC3D2E1F0;
    int full = off + (len & ~63);
    for (int p = off; p < full; p += 64) {
      block(data, p);
    }
    int rest = off + len - full;
    byte[] tail = new byte[rest < 56 ? 64 : 128];
    System.arraycopy(data, full, tail, 0, rest);
    tail[rest] = (byte) 0x80;
    long bits = (long) len << 3;
    for (int i = 0; i < 8; i++) {
      tail[tail.length - 1 - i] = (byte) (bits >>> (8 * i));
    }
    for (int p = 0; p < tail.length; p += 64) {
      block(tail, p);
    }
    byte[] out = new byte[20];
    put(out, 0, h0); put(out, 4, h1); put(out, 8, h2); put(out, 12, h3); put(out, 16, h4);
    return out;
  }

  private static void put(byte[] out, int at, int v) {
    out[at] = (byte) (v >>> 24); out[at + 1] = (byte) (v >>> 16);
    out[at + 2] = (byte) (v >>> 8); out[at + 3] = (byte) v;
  }

  private void block(byte[] b, int p) {
    int[] w = this.w;
    for (int t = 0; t < 16; t++, p += 4) {
      w[t] = (b[p] << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
    }
    for (int t = 16; t < 80; t++) {
      int x = w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16];
      w[t] = (x << 1) | (x >>> 31);
    }
    int a = h0, bb = h1, c = h2, d = h3, e = h4;
    int t = 0;
    for (; t < 20; t += 5) {
      e += ((a << 5) | (a >>> 27)) + ((bb & c) | (~bb & d)) + w[t] + 0x5A827999; bb = (bb << 30) | (bb >>> 2);
      d += ((e << 5) | (e >>> 27)) + ((a & bb) | (~a & c)) + w[t + 1] + 0x5A827999; a = (a << 30) | (a >>> 2);
      c += ((d << 5) | (d >>> 27)) + ((e & a) | (~e & bb)) + w[t + 2] + 0x5A827999; e = (e << 30) | (e >>> 2);
      bb += ((c << 5) | (c >>> 27)) + ((d & e) | (~d & a)) + w[t + 3] + 0x5A827999; d = (d << 30) | (d >>> 2);
      a += ((bb << 5) | (bb >>> 27)) + ((c & d) | (~c & e)) + w[t + 4] + 0x5A827999; c = (c << 30) | (c >>> 2);
    }
    for (; t < 40; t += 5) {
      e += ((a << 5) | (a >>> 27)) + (bb ^ c ^ d) + w[t] + 0x6ED9EBA1; bb = (bb << 30) | (bb >>> 2);
      d += ((e << 5) | (e >>> 27)) + (a ^ bb ^ c) + w[t + 1] + 0x6ED9EBA1; a = (a << 30) | (a >>> 2);
      c += ((d << 5) | (d >>> 27)) + (e ^ a ^ bb) + w[t + 2] + 0x6ED9EBA1; e = (e << 30) | (e >>> 2);
      bb += ((c << 5) | (c >>> 27)) + (d ^ e ^ a) + w[t + 3] + 0x6ED9EBA1; d = (d << 30) | (d >>> 2);
      a += ((bb << 5) | (bb >>> 27)) + (c ^ d ^ e) + w[t + 4] + 0x6ED9EBA1; c = (c << 30) | (c >>> 2);
    }
    for (; t < 60; t += 5) {
      e += ((a << 5) | (a >>> 27)) + ((bb & c) | (bb & d) | (c & d)) + w[t] + 0x8F1BBCDC; bb = (bb << 30) | (bb >>> 2);
      d += ((e << 5) | (e >>> 27)) + ((a & bb) | (a & c) | (bb & c)) + w[t + 1] + 0x8F1BBCDC; a = (a << 30) | (a >>> 2);
      c += ((d << 5) | (d >>> 27)) + ((e & a) | (e & bb) | (a & bb)) + w[t + 2] + 0x8F1BBCDC; e = (e << 30) | (e >>> 2);
      bb += ((c << 5) | (c >>> 27)) + ((d & e) | (d & a) | (e & a)) + w[t + 3] + 0x8F1BBCDC; d = (d << 30) | (d >>> 2);
      a += ((bb << 5) | (bb >>> 27)) + ((c & d) | (c & e) | (d & e)) + w[t + 4] + 0x8F1BBCDC; c = (c << 30) | (c >>> 2);
    }
    for (; t < 80; t += 5) {
      e += ((a << 5) | (a >>> 27)) + (bb ^ c ^ d) + w[t] + 0xCA62C1D6; bb = (bb << 30) | (bb >>> 2);
      d += ((e << 5) | (e >>> 27)) + (a ^ bb ^ c) + w[t + 1] + 0xCA62C1D6; a = (a << 30) | (a >>> 2);
      c += ((d << 5) | (d >>> 27)) + (e ^ a ^ bb) + w[t + 2] + 0xCA62C1D6; e = (e << 30) | (e >>> 2);
      bb += ((c << 5) | (c >>> 27)) + (d ^ e ^ a) + w[t + 3] + 0xCA62C1D6; d = (d << 30) | (d >>> 2);
      a += ((bb << 5) | (bb >>> 27)) + (c ^ d ^ e) + w[t + 4] + 0xCA62C1D6; c = (c << 30) | (c >>> 2);
    }
    h0 += a; h1 += bb; h2 += c; h3 += d; h4 += e;
  }
}
