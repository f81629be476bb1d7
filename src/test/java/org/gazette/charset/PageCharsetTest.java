package org.gazette.charset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.gazette.charset.CharsetChoice.Source;
import org.gazette.testing.CharsetPages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What decides the charset, in which order; the texts themselves: PageCharsetRecordsTest. */
class PageCharsetTest {

  @Test
  void aRightHeaderDecidesAndTheMetaIsNotAsked() {
    byte[] gbk = CharsetPages.GBK.withMeta("<meta charset=\"big5\">");

    CharsetChoice c = PageCharset.decide(gbk, "text/html; charset=GBK");

    assertThat(c).isEqualTo(new CharsetChoice(Encoding.GB18030, Source.HEADER));
  }

  @Test
  void aRightMetaDecidesWhenTheHeaderNamesNone() {
    byte[] big5 = CharsetPages.BIG5.withMeta("<meta charset=\"big5\">");

    assertThat(PageCharset.decide(big5, "text/html"))
        .isEqualTo(new CharsetChoice(Encoding.BIG5, Source.META));
  }

  @Test
  void aWrongDeclarationGivesWayToDetection() {
    assertThat(PageCharset.decide(CharsetPages.GBK.bytes(), "text/html; charset=utf-8"))
        .isEqualTo(new CharsetChoice(Encoding.GB18030, Source.DETECTED));
    assertThat(PageCharset.decide(CharsetPages.UTF_8.withMeta("<meta charset=iso-8859-1>"), null))
        .isEqualTo(new CharsetChoice(Encoding.UTF_8, Source.DETECTED));
  }

  @Test
  void aUtf8DeclarationSurvivesAFewStrayBytes() {
    byte[] page = CharsetPages.UTF_8.bytes();
    page[page.length / 2 + 1] = (byte) 0xff; // one broken character among a hundred

    assertThat(PageCharset.decide(page, "text/html; charset=utf-8"))
        .isEqualTo(new CharsetChoice(Encoding.UTF_8, Source.HEADER));
  }

  @Test
  void aSingleByteDeclarationStandsForAccentedLatinText() {
    byte[] latin = "<p>Größere Maßnahmen für die Bürger: ação, coração, informações</p>"
        .getBytes(Charset.forName("windows-1252"));

    assertThat(PageCharset.decide(latin, "text/html; charset=iso-8859-1"))
        .isEqualTo(new CharsetChoice(Encoding.WINDOWS_1252, Source.HEADER));
  }

  @Test
  void withNothingDeclaredAsciiIsUtf8AsBefore() {
    byte[] ascii = "<html><title>plain</title></html>".getBytes(StandardCharsets.US_ASCII);

    assertThat(PageCharset.decide(ascii, null))
        .isEqualTo(new CharsetChoice(Encoding.UTF_8, Source.DEFAULT));
    assertThat(PageCharset.decide(new byte[0], null).encoding()).isEqualTo(Encoding.UTF_8);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ef bb bf 3c | UTF-8",
      "fe ff 00 3c | UTF-16BE",
      "ff fe 3c 00 | UTF-16LE",
      "ff fe 00 00 | UTF-32LE",
      "00 00 fe ff | UTF-32BE",
      "ff fe | UTF-32LE", // as jsoup reads it, past the end being zeros
  })
  void aByteOrderMarkOverridesTheHeader(String hex, String name) {
    String[] parts = hex.split(" ");
    byte[] b = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      b[i] = (byte) Integer.parseInt(parts[i], 16);
    }

    CharsetChoice c = PageCharset.decide(b, "text/html; charset=gbk");

    assertThat(c.source()).isEqualTo(Source.BOM);
    assertThat(c.encoding().name()).isEqualTo(name);
  }

  @Test
  void undeclaredBytesNothingRecognisesAreWindows1252() {
    byte[] b = {'<', 'p', '>', (byte) 0xe9, 't', (byte) 0xe9, '<', '/', 'p', '>'};

    assertThat(PageCharset.decide(b, null).encoding()).isEqualTo(Encoding.WINDOWS_1252);
  }
}
