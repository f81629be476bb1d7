package org.gazette.charset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EncodingTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "none", value = {
      "utf-8 | UTF-8",
      "UTF8 | UTF-8",
      "gb2312 | GB18030",
      "GBK | GB18030",
      "x-gbk | GB18030",
      "gb18030 | GB18030",
      "big5 | Big5",
      "Big5-HKSCS | Big5",
      "shift_jis | Shift_JIS",
      "x-sjis | Shift_JIS",
      "euc-kr | EUC-KR",
      "ks_c_5601-1987 | EUC-KR",
      "iso-8859-1 | windows-1252",
      "latin1 | windows-1252",
      "us-ascii | windows-1252",
      "windows-1252 | windows-1252",
      "windows-1251 | windows-1251",
      "' koi8-r ' | KOI8-R",
      "euc-jp | EUC-JP",
      "utf-16 | none",
      "UTF-16LE | none",
      "utf-32 | none",
      "no-such-charset | none",
      "'' | none",
      "'=?' | none",
  })
  void readsLabelsAsBrowsersDo(String label, String name) {
    assertThat(Encoding.forLabel(label).map(Encoding::name).orElse(null)).isEqualTo(name);
  }

  @Test
  void decodesTheLegacyFamiliesWithTheSupersetsPagesUse() {
    // 镕 (GBK only), ① (NEC row 13, in windows-31j), 똠 (UHC only), € (windows-1252 only)
    assertThat(decode(Encoding.forLabel("gb2312").orElseThrow(), 0xe9, 0x46)).isEqualTo("镕");
    assertThat(decode(Encoding.forLabel("shift_jis").orElseThrow(), 0x87, 0x40)).isEqualTo("①");
    assertThat(decode(Encoding.forLabel("euc-kr").orElseThrow(), 0x8c, 0x63)).isEqualTo("똠");
    assertThat(decode(Encoding.forLabel("iso-8859-1").orElseThrow(), 0x80)).isEqualTo("€");
  }

  @Test
  void checksBig5AgainstPlainBig5WhichRejectsMoreGbk() {
    // 驱 in GBK: not a Big5 character, but an HKSCS one
    byte[] gbk = "驱".getBytes(java.nio.charset.Charset.forName("GBK"));
    assertThat(ByteStats.errors(Encoding.BIG5, gbk, gbk.length)).isEqualTo(1);
    assertThat(new String(gbk, Encoding.BIG5.decoder())).doesNotContain("\ufffd");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "none", value = {
      "text/html; charset=utf-8 | UTF-8",
      "text/html;charset=\"GBK\" | GB18030",
      "text/html; Charset = 'big5' | Big5",
      "text/html; charset=ISO-8859-1; foo=bar | windows-1252",
      "text/html; charset= | none",
      "text/html | none",
      "none | none",
  })
  void readsTheCharsetOfAContentType(String contentType, String name) {
    assertThat(Encoding.fromContentType(contentType).map(Encoding::name).orElse(null))
        .isEqualTo(name);
  }

  @Test
  void singleByteEncodingsAreTheOnesThatFitAnyBytes() {
    assertThat(Encoding.WINDOWS_1252.singleByte()).isTrue();
    assertThat(Encoding.forLabel("koi8-r").orElseThrow().singleByte()).isTrue();
    assertThat(Encoding.UTF_8.singleByte()).isFalse();
    assertThat(Encoding.GB18030.singleByte()).isFalse();
    assertThat(Encoding.BIG5.singleByte()).isFalse();
    assertThat(Encoding.SHIFT_JIS.singleByte()).isFalse();
    assertThat(Encoding.EUC_KR.singleByte()).isFalse();
  }

  private static String decode(Encoding e, int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      b[i] = (byte) bytes[i];
    }
    assertThat(ByteStats.errors(e, b, b.length)).isZero();
    String s = new String(b, e.decoder());
    assertThat(s).isNotEqualTo(new String(b, StandardCharsets.ISO_8859_1));
    return s;
  }
}
