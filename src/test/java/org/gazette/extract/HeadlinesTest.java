package org.gazette.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeadlinesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "=>",
      textBlock = """
          評論 51                               => 51
          又一位頂尖華人科學家從美回國! 評論 51“烏克蘭 => 51
          评论(12)                              => 12
          （35条评论）                           => 35
          Comments (1,204)                      => 1204
          34 comments                           => 34
          2020-03-18 19:14 評論 5               => 5
          no count here                         =>
          """)
  void readsCommentCounts(String text, Integer count) {
    assertThat(Headlines.comments(text)).isEqualTo(count);
  }

  /** The hand matching of comments and withoutComments finds what their patterns find. */
  @Test
  void matchesCountsAsThePatternsDo() {
    String[] parts = {"評論", "评论", "留言", "跟帖", "comment", "COMMENTs", "s", "條", "条", "則", "则",
        "論", " ", "\t", "\n", "\u00A0", ":", "：", "(", "（", ")", "）", "0", "19", "3,4", ",", ".",
        "x", "19:14", "99999999999"};
    java.util.Random random = new java.util.Random(1);
    for (int i = 0; i < 200_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(12); n > 0; n--) {
        text.append(parts[random.nextInt(parts.length)]);
      }
      String t = text.toString();
      assertThat(Headlines.comments(t)).as(t).isEqualTo(countByPatterns(t));
      assertThat(Headlines.withoutComments(t)).as(t).isEqualTo(
          Headlines.COUNT_FIRST.matcher(Headlines.LABEL_FIRST.matcher(t).replaceAll("  "))
              .replaceAll("  "));
    }
  }

  /** The first count as the patterns read it: LABEL_FIRST's, else COUNT_FIRST's. */
  private static Integer countByPatterns(String text) {
    java.util.regex.Matcher m = Headlines.LABEL_FIRST.matcher(text);
    if (!m.find()) {
      m = Headlines.COUNT_FIRST.matcher(text);
      if (!m.find()) {
        return null;
      }
    }
    try {
      return Integer.valueOf(m.group(1).replace(",", ""));
    } catch (NumberFormatException tooLarge) {
      return null;
    }
  }

  @Test
  void tellsHeadlinesFromLabelsAndCounts() {
    assertThat(Headlines.isHeadline(link("<a href='/a'>德國確診病例破萬</a>"))).isTrue();
    assertThat(Headlines.isHeadline(link("<a href='/a'>“我無罪”</a>"))).isTrue();
    assertThat(Headlines.isHeadline(link("<a href='/a'>更多</a>"))).isFalse();
    assertThat(Headlines.isHeadline(link("<a href='/a'>Read more</a>"))).isFalse();
    assertThat(Headlines.isHeadline(link("<a href='/a#c'>評論 158</a>"))).isFalse();
    assertThat(Headlines.isHeadline(link("<a href='javascript:void(0)'>分享到微信朋友圈</a>")))
        .isFalse();
  }

  @Test
  void dropsTheFragmentOfUrls() {
    assertThat(Headlines.url(link("<a href='/x.shtml#comment'>t</a>")))
        .hasValue("https://news.example.com/x.shtml");
  }

  private static Element link(String html) {
    return Jsoup.parse(html, "https://news.example.com/").selectFirst("a");
  }
}
