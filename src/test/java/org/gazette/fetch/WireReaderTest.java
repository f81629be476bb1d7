package org.gazette.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link WireReader#readLine}: the lines it returns, the bytes it consumes and records, and the
 * too-long line, whatever the sizes the stream hands over at a time (a line split across reads,
 * CR and LF in different reads).
 */
class WireReaderTest {

  @Test
  void linesEndAtLfWithAnOptionalCrAndKeepEveryByteOnTheWire() throws IOException {
    byte[] input = "HTTP/1.1 200 OK\r\nA: b\nC: d\r\n\r\nbody".getBytes(StandardCharsets.ISO_8859_1);
    WireReader wire = new WireReader(new Trickle(input, new Random(1), 3));

    assertThat(wire.readLine(100)).isEqualTo("HTTP/1.1 200 OK");
    assertThat(wire.readLine(100)).isEqualTo("A: b");
    assertThat(wire.readLine(100)).isEqualTo("C: d");
    assertThat(wire.readLine(100)).isEmpty();
    assertThat(wire.wireLength()).isEqualTo(input.length - 4);
    assertThat(wire.readLine(100)).isEqualTo("body"); // the stream's end ends the last line
    assertThat(wire.readLine(100)).isNull();
    assertThat(wire.wireBytes()).isEqualTo(input);
  }

  @Test
  void aLineOfExactlyTheLimitPassesAndOneByteMoreFailsAfterConsumingThatByte() throws IOException {
    WireReader fits = new WireReader(new ByteArrayInputStream("abcd\r\nx".getBytes(StandardCharsets.US_ASCII)));
    assertThat(fits.readLine(5)).isEqualTo("abcd"); // the CR counts: 5 bytes before the LF

    WireReader tooLong = new WireReader(new Trickle("abcdef\n".getBytes(StandardCharsets.US_ASCII),
        new Random(2), 2));
    assertThatThrownBy(() -> tooLong.readLine(5)).hasMessage("line longer than 5 bytes");
    assertThat(new String(tooLong.wireBytes(), StandardCharsets.US_ASCII)).isEqualTo("abcdef");
  }

  @Test
  void readsAsAByteAtATimeReaderDoesOnRandomStreams() throws IOException {
    Random random = new Random(20261127);
    for (int round = 0; round < 2_000; round++) {
      byte[] input = randomLines(random);
      int maxBytes = 1 + random.nextInt(40);
      WireReader wire = new WireReader(new Trickle(input, random, 1 + random.nextInt(50)));
      ByteByByte expected = new ByteByByte(input);
      List<String> got = new ArrayList<>();
      List<String> want = new ArrayList<>();
      while (true) {
        String a = outcome(() -> wire.readLine(maxBytes));
        String b = outcome(() -> expected.readLine(maxBytes));
        got.add(a);
        want.add(b);
        if (a == null || b == null || a.startsWith("!") || b.startsWith("!")) {
          break;
        }
      }
      assertThat(got).as("round %d, limit %d", round, maxBytes).isEqualTo(want);
      assertThat(wire.wireBytes()).as("round %d", round).isEqualTo(expected.consumed.toByteArray());
    }
  }

  private static byte[] randomLines(Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int lines = random.nextInt(8);
    for (int i = 0; i < lines; i++) {
      int length = random.nextInt(random.nextInt(10) == 0 ? 80 : 20);
      for (int j = 0; j < length; j++) {
        int kind = random.nextInt(20);
        out.write(kind == 0 ? '\r' : kind == 1 ? 0xe9 : 'a' + random.nextInt(26));
      }
      out.writeBytes(random.nextBoolean() ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
    }
    for (int j = random.nextInt(5); j > 0; j--) {
      out.write('z'); // an unterminated tail, sometimes
    }
    return out.toByteArray();
  }

  private interface LineRead {
    String read() throws IOException;
  }

  private static String outcome(LineRead read) {
    try {
      return read.read();
    } catch (IOException e) {
      return "!" + e.getMessage();
    }
  }

  /** The reference: one byte at a time, each consumed byte recorded. */
  private static final class ByteByByte {
    private final byte[] input;
    private int pos;
    final ByteArrayOutputStream consumed = new ByteArrayOutputStream();

    ByteByByte(byte[] input) {
      this.input = input;
    }

    String readLine(int maxBytes) throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      while (true) {
        if (pos == input.length) {
          return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
        }
        int b = input[pos++] & 0xff;
        consumed.write(b);
        if (b == '\n') {
          byte[] bytes = line.toByteArray();
          int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
          return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
        }
        if (line.size() >= maxBytes) {
          throw new IOException("line longer than " + maxBytes + " bytes");
        }
        line.write(b);
      }
    }
  }

  /** Hands over 1 to {@code most} bytes a read, as a slow server does. */
  private static final class Trickle extends InputStream {
    private final byte[] input;
    private final Random random;
    private final int most;
    private int pos;

    Trickle(byte[] input, Random random, int most) {
      this.input = input;
      this.random = random;
      this.most = most;
    }

    @Override
    public int read() {
      return pos < input.length ? input[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos == input.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, 1 + random.nextInt(most)), input.length - pos);
      System.arraycopy(input, pos, b, off, n);
      pos += n;
      return n;
    }
  }
}
