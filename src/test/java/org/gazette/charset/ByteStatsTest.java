package org.gazette.charset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteStatsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // hex bytes | well-formed sequences | errors
      "41 42 43 | 0 | 0",
      "c3 a9 | 1 | 0",
      "e4 b8 ad e6 96 87 | 2 | 0",
      "f0 9f 98 80 | 1 | 0",
      "c0 af | 0 | 2",          // overlong '/'
      "e0 80 af | 0 | 3",       // overlong, three bytes
      "ed a0 80 | 0 | 3",       // a surrogate
      "f4 90 80 80 | 0 | 4",    // above U+10FFFF
      "f5 80 80 80 | 0 | 4",
      "80 41 | 0 | 1",          // a lone continuation byte
      "c3 41 | 0 | 1",
      "41 e4 b8 | 0 | 0",       // cut off by the end: the body may go on
      "d6 d0 ce c4 | 0 | 3",    // 中文 in GBK, the last byte a lead cut off by the end
  })
  void readsUtf8AsUnicodeDefinesIt(String hex, int sequences, int errors) {
    byte[] b = bytes(hex);
    ByteStats s = ByteStats.of(b, b.length);

    assertThat(s.utf8Sequences()).isEqualTo(sequences);
    assertThat(s.utf8Errors()).isEqualTo(errors);
  }

  @Test
  void readsLongAsciiRunsAndWhatFollowsThem() {
    String text = "a".repeat(1000) + "é" + "b".repeat(13) + "中" + "c".repeat(7);
    byte[] b = text.getBytes(StandardCharsets.UTF_8);

    ByteStats s = ByteStats.of(b, b.length);

    assertThat(s.utf8Sequences()).isEqualTo(2);
    assertThat(s.highBytes()).isEqualTo(5);
    assertThat(s.validUtf8WithNonAscii()).isTrue();
    // only the first 1000 bytes: ASCII alone
    assertThat(ByteStats.of(b, 1000).validUtf8WithNonAscii()).isFalse();
  }

  @Test
  void toleratesAFewStrayBytesInUtf8ButNotLegacyText() {
    // a Latin-1 "é" pasted into a UTF-8 page
    byte[] mostly = concat(("中文新闻".repeat(5) + " caf").getBytes(StandardCharsets.UTF_8),
        new byte[] {(byte) 0xe9}, " au lait".getBytes(StandardCharsets.UTF_8));
    byte[] gbk = "国务院联防联控机制严防境外疫情输入".getBytes(Charset.forName("GBK"));

    assertThat(ByteStats.of(mostly, mostly.length).utf8Errors()).isEqualTo(1);
    assertThat(ByteStats.of(mostly, mostly.length).mostlyUtf8()).isTrue();
    assertThat(ByteStats.of(gbk, gbk.length).mostlyUtf8()).isFalse();
  }

  @Test
  void tellsDoubleByteTextFromAccentedLatinText() {
    byte[] gbk = "国务院联防联控机制".getBytes(Charset.forName("GBK"));
    byte[] big5 = "金磚國家伙伴國".getBytes(Charset.forName("Big5"));
    byte[] french = "Le président a déclaré à la presse qu’il était très déçu."
        .getBytes(Charset.forName("windows-1252"));

    assertThat(ByteStats.of(gbk, gbk.length).looksDoubleByte()).isTrue();
    assertThat(ByteStats.of(big5, big5.length).looksDoubleByte()).isTrue();
    assertThat(ByteStats.of(french, french.length).looksDoubleByte()).isFalse();
  }

  @Test
  void countsDecodingErrorsButNotACharacterCutOffByTheEnd() {
    byte[] gbk = "国务院".getBytes(Charset.forName("GBK"));
    byte[] cut = java.util.Arrays.copyOf(gbk, gbk.length - 1);

    assertThat(ByteStats.errors(Encoding.GB18030, gbk, gbk.length)).isZero();
    assertThat(ByteStats.errors(Encoding.GB18030, cut, cut.length)).isZero();
    assertThat(ByteStats.errors(Encoding.UTF_8, gbk, gbk.length)).isPositive();
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static byte[] bytes(String hex) {
    String[] parts = hex.trim().split("\\s+");
    byte[] b = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      b[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    return b;
  }
}
