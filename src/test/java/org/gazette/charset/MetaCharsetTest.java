package org.gazette.charset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetaCharsetTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "none", value = {
      "<meta charset=\"gbk\"> | GB18030",
      "<META CHARSET=big5> | Big5",
      "<meta charset='shift_jis'/> | Shift_JIS",
      "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"> | GB18030",
      "<meta content='text/html;charset=euc-kr' http-equiv='content-type'> | EUC-KR",
      "<meta name=\"description\" content=\"charset=gbk\"> | none",
      "<meta http-equiv=\"refresh\" content=\"5; charset=gbk\"> | none",
      "<!-- <meta charset=\"big5\"> --><meta charset=\"utf-8\"> | UTF-8",
      "<meta charset=\"no-such\"><meta charset=\"euc-kr\"> | EUC-KR",
      "<meta charset=\"utf-16\"> | none",
      "<metadata charset=\"gbk\"> | none",
      "<meta name=\"x\" content=\"a > b\"><meta charset=big5> | Big5",
      "<?xml version=\"1.0\" encoding=\"gb2312\"?><html> | GB18030",
  })
  void findsTheDeclarationBrowsersFind(String head, String name) {
    byte[] page = ("<html><head>" + head + "<title>t</title></head></html>")
        .getBytes(StandardCharsets.ISO_8859_1);
    if (head.startsWith("<?xml")) {
      page = head.getBytes(StandardCharsets.ISO_8859_1);
    }
    assertThat(MetaCharset.find(page).map(Encoding::name).orElse(null)).isEqualTo(name);
  }

  @Test
  void looksOnlyAtTheFirstBytes() {
    String pad = "<script>var x = 1;</script>\n".repeat(400); // about 11 KB
    byte[] late = ("<html><head>" + pad + "<meta charset=\"gbk\"></head></html>")
        .getBytes(StandardCharsets.ISO_8859_1);
    byte[] early = ("<html><head><meta charset=\"gbk\">" + pad + "</head></html>")
        .getBytes(StandardCharsets.ISO_8859_1);

    assertThat(MetaCharset.find(late)).isEmpty();
    assertThat(MetaCharset.find(early)).contains(Encoding.GB18030);
  }

  @Test
  void anUnclosedCommentHidesTheRest() {
    byte[] page = "<html><!-- <meta charset=gbk>".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(MetaCharset.find(page)).isEmpty();
  }
}
