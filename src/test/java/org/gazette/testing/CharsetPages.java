package org.gazette.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The pages of {@code src/test/resources/charset/}: real bytes in GBK, Big5, Shift_JIS, EUC-KR,
 * windows-1252 and UTF-8, none declaring its charset, with what they say.
 */
public enum CharsetPages {
  GBK("gbk-article.html", "GB18030", "朱镕基旧居修缮完成 下月起对公众开放",
      "请广大市民提前在网上预约参观"),
  GBK_HEADLINE("gbk-headline.html", "GB18030", "北京今年将新建改建公园五十处",
      "新建公园将优先安排在居民区附近"),
  BIG5("big5-article.html", "Big5", "颱風逼近 氣象局發布海上陸上颱風警報",
      "山區須嚴防坍方、落石及土石流"),
  SHIFT_JIS("shift_jis-article.html", "Shift_JIS", "東京都心で桜が満開 平年より五日早く",
      "上野公園や千鳥ヶ淵には朝から大勢の花見客が訪れ"),
  EUC_KR("euc-kr-article.html", "EUC-KR", "서울시, 내년부터 시내버스 요금 인상",
      "버스 회사들의 적자가 늘어나"),
  WINDOWS_1252("windows-1252-article.html", "windows-1252",
      "Le prix du pain augmente encore à Paris",
      "« Nous n’avons pas le choix », explique une boulangère"),
  UTF_8("utf-8-article.html", "UTF-8", "香港國際機場客運量回升至疫情前九成",
      "預計下半年客運量將進一步上升");

  /** The file's name under {@code src/test/resources/charset/}. */
  public final String file;
  /** The name gazette records for the page's encoding. */
  public final String charset;
  /** The page's title (and h1). */
  public final String title;
  /** A piece of its body text. */
  public final String text;

  CharsetPages(String file, String charset, String title, String text) {
    this.file = file;
    this.charset = charset;
    this.title = title;
    this.text = text;
  }

  /** The page's bytes, as in the file. */
  public byte[] bytes() {
    try (InputStream in = CharsetPages.class.getResourceAsStream("/charset/" + file)) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + file);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The page with {@code meta} added at the start of its head: markup is ASCII, the same bytes in
   * every one of these encodings.
   */
  public byte[] withMeta(String meta) {
    byte[] page = bytes();
    byte[] head = "<head>".getBytes(StandardCharsets.US_ASCII);
    int at = indexOf(page, head) + head.length;
    byte[] tag = meta.getBytes(StandardCharsets.US_ASCII);
    byte[] out = Arrays.copyOf(page, page.length + tag.length);
    System.arraycopy(tag, 0, out, at, tag.length);
    System.arraycopy(page, at, out, at + tag.length, page.length - at);
    return out;
  }

  /** All pages. */
  public static List<CharsetPages> all() {
    return List.of(values());
  }

  private static int indexOf(byte[] data, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= data.length; i++) {
      for (int k = 0; k < part.length; k++) {
        if (data[i + k] != part[k]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalArgumentException("no <head> in the page");
  }
}
