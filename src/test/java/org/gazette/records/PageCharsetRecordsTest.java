package org.gazette.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.gazette.extract.ArticleRecord;
import org.gazette.fetch.HttpHeader;
import org.gazette.testing.CharsetPages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pages in GBK, Big5, Shift_JIS, EUC-KR, windows-1252 and UTF-8, with no declaration, a wrong
 * one (header or meta), a right one, and a byte order mark against the header: the record's
 * title, body and {@code charset} come out right, through {@link PageRecords} as the crawl and
 * {@code gazette extract} both use it.
 */
class PageCharsetRecordsTest {
  private static final PageRecords PAGES = new PageRecords("gazette");

  /**
   * One row of the table.
   *
   * @param contentType the response's Content-Type, or null
   * @param body the bytes served
   * @param charset the charset the record must name
   */
  record Case(String name, CharsetPages page, String contentType, byte[] body, String charset) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (CharsetPages p : CharsetPages.all()) {
      cases.add(new Case(p + " declared nowhere", p, null, p.bytes(), p.charset));
      cases.add(new Case(p + " served as text/html alone", p, "text/html", p.bytes(), p.charset));
    }
    // the header is wrong: the bytes are not valid in what it says
    for (CharsetPages p : List.of(CharsetPages.GBK, CharsetPages.GBK_HEADLINE, CharsetPages.BIG5,
        CharsetPages.SHIFT_JIS, CharsetPages.EUC_KR, CharsetPages.WINDOWS_1252)) {
      cases.add(new Case(p + " with a utf-8 header", p, "text/html; charset=utf-8", p.bytes(),
          p.charset));
    }
    cases.add(new Case("GBK with a big5 header", CharsetPages.GBK, "text/html; charset=big5",
        CharsetPages.GBK.bytes(), "GB18030"));
    // a single-byte label fits any bytes: double-byte text and UTF-8 still show through
    for (CharsetPages p : List.of(CharsetPages.GBK, CharsetPages.BIG5, CharsetPages.EUC_KR,
        CharsetPages.SHIFT_JIS, CharsetPages.UTF_8)) {
      cases.add(new Case(p + " with an iso-8859-1 header", p, "text/html; charset=ISO-8859-1",
          p.bytes(), p.charset));
    }
    cases.add(new Case("UTF-8 with a gbk header", CharsetPages.UTF_8, "text/html; charset=gbk",
        CharsetPages.UTF_8.bytes(), "UTF-8"));
    // the meta tag is wrong
    cases.add(meta(CharsetPages.UTF_8, "<meta charset=\"iso-8859-1\">"));
    cases.add(meta(CharsetPages.UTF_8, "<meta charset=\"gb2312\">"));
    cases.add(meta(CharsetPages.GBK,
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"));
    cases.add(meta(CharsetPages.GBK_HEADLINE, "<meta charset=utf-8>"));
    cases.add(meta(CharsetPages.BIG5, "<meta charset=\"utf-8\">"));
    cases.add(meta(CharsetPages.SHIFT_JIS, "<meta charset=\"windows-1252\">"));
    cases.add(meta(CharsetPages.EUC_KR, "<meta charset=\"us-ascii\">"));
    cases.add(meta(CharsetPages.WINDOWS_1252, "<meta charset=\"utf-8\">"));
    // right declarations stand, read as browsers read their labels
    cases.add(new Case("GBK with a gb2312 header", CharsetPages.GBK,
        "text/html; charset=gb2312", CharsetPages.GBK.bytes(), "GB18030"));
    cases.add(new Case("windows-1252 with an iso-8859-1 header", CharsetPages.WINDOWS_1252,
        "text/html; charset=iso-8859-1", CharsetPages.WINDOWS_1252.bytes(), "windows-1252"));
    cases.add(new Case("Big5 with a big5 meta", CharsetPages.BIG5, null,
        CharsetPages.BIG5.withMeta("<meta charset=big5>"), "Big5"));
    cases.add(new Case("Shift_JIS with a shift_jis meta under a header naming nothing",
        CharsetPages.SHIFT_JIS, "text/html; charset=none",
        CharsetPages.SHIFT_JIS.withMeta("<meta charset=shift_jis>"), "Shift_JIS"));
    // a byte order mark overrides the header
    cases.add(new Case("UTF-8 with a BOM and a gbk header", CharsetPages.UTF_8,
        "text/html; charset=gbk", withUtf8Bom(CharsetPages.UTF_8.bytes()), "UTF-8"));
    cases.add(new Case("UTF-16LE with a BOM and an iso-8859-1 header", CharsetPages.UTF_8,
        "text/html; charset=iso-8859-1", utf16le(CharsetPages.UTF_8), "UTF-16LE"));
    return cases;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readsThePageInTheRightCharsetAndSaysWhichOne(Case c) throws Exception {
    ArticleRecord r = article(c.body(), c.contentType());

    assertThat(r.charset()).isEqualTo(c.charset());
    assertThat(r.title()).isEqualTo(c.page().title);
    assertThat(r.body()).contains(c.page().text);
  }

  @ParameterizedTest
  @EnumSource(value = CharsetPages.class, names = "UTF_8", mode = EnumSource.Mode.EXCLUDE)
  void theLegacyPagesAreNotTheirTextInUtf8NorInLatin1(CharsetPages p) {
    // so reading them as before (UTF-8 when nothing is declared) would fail the table above
    assertThat(new String(p.bytes(), StandardCharsets.UTF_8)).doesNotContain(p.text);
    assertThat(new String(p.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain(p.text);
  }

  @Test
  void aGb2312LabelReadsGbkCharactersOutsideGb2312() throws Exception {
    byte[] page = CharsetPages.GBK.withMeta("<meta charset=gb2312>");
    // 镕 is in GBK, not in GB2312: a strict GB2312 decoder loses it
    assertThat(new String(page, Charset.forName("GB2312"))).doesNotContain("朱镕基");

    assertThat(article(page, null).title()).startsWith("朱镕基");
  }

  @Test
  void listingRecordsNameTheirCharsetToo() throws Exception {
    StringBuilder html = new StringBuilder("<html><head><title>要闻</title></head><body><ul>");
    for (int i = 1; i <= 4; i++) {
      html.append("<li><a href=\"/news/").append(i).append(".html\">第").append(i)
          .append("条新闻的标题在这里</a> <span>2020-03-1").append(i).append(" 10:0").append(i)
          .append("</span></li>");
    }
    byte[] gbk = html.append("</ul></body></html>").toString().getBytes(Charset.forName("GBK"));

    PageRecords.Result result = PAGES.extract(new HttpPage("https://news.example.com/", null, 200,
        List.of(new HttpHeader("Content-Type", "text/html; charset=utf-8")), gbk, null),
        SiteRules.generic(null, ZoneOffset.UTC), false);

    assertThat(result.record()).isInstanceOf(org.gazette.extract.ListingRecord.class);
    org.gazette.extract.ListingRecord listing = (org.gazette.extract.ListingRecord) result.record();
    assertThat(listing.charset()).isEqualTo("GB18030");
    assertThat(listing.items()).first().extracting(i -> i.title()).isEqualTo("第1条新闻的标题在这里");
  }

  static ArticleRecord article(byte[] body, String contentType) throws Exception {
    List<HttpHeader> headers = contentType == null ? List.of()
        : List.of(new HttpHeader("Content-Type", contentType));
    Object record = PAGES.extract(new HttpPage("https://news.example.com/news/1.html", null, 200,
        headers, body, null), SiteRules.generic(null, ZoneOffset.UTC), true).record();
    assertThat(record).isInstanceOf(ArticleRecord.class);
    return (ArticleRecord) record;
  }

  private static Case meta(CharsetPages p, String meta) {
    return new Case(p + " with " + meta, p, null, p.withMeta(meta), p.charset);
  }

  private static byte[] withUtf8Bom(byte[] page) {
    byte[] out = new byte[page.length + 3];
    out[0] = (byte) 0xef;
    out[1] = (byte) 0xbb;
    out[2] = (byte) 0xbf;
    System.arraycopy(page, 0, out, 3, page.length);
    return out;
  }

  private static byte[] utf16le(CharsetPages p) {
    String text = "\ufeff" + new String(p.bytes(), StandardCharsets.UTF_8);
    return text.getBytes(StandardCharsets.UTF_16LE);
  }
}
