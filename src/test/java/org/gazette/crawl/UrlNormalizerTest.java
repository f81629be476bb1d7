package org.gazette.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One URL for the many spellings of a page. */
class UrlNormalizerTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      HTTP://News.Example.COM:80/a/./b/../c?b=2&a=1#frag     | http://news.example.com/a/c?a=1&b=2
      http://n.example/story?id=7&PHPSESSID=abc123           | http://n.example/story?id=7
      http://n.example/story?phpsessid=abc&id=7              | http://n.example/story?id=7
      http://n.example/story;jsessionid=0AB12?id=7           | http://n.example/story?id=7
      http://n.example/story;JSESSIONID=0AB12                | http://n.example/story
      http://n.example/story?utm_source=x&utm_medium=y&id=7  | http://n.example/story?id=7
      http://n.example/story?fbclid=1&gclid=2                | http://n.example/story
      http://n.example/story?sid=42                          | http://n.example/story?sid=42
      http://n.example/a;b=c/story                           | http://n.example/a;b=c/story
      http://n.example/a b/%zz                               | http://n.example/a%20b/%25zz
      """)
  void normalises(String in, String out) {
    assertThat(UrlNormalizer.normalize(in)).isEqualTo(out);
  }

  @org.junit.jupiter.api.Test
  void givesTheSameAnswerWhenAskedAgain() {
    // the normal forms are kept for the next page that holds the same links
    java.util.List<String> urls = java.util.List.of("HTTP://Again.Example/a/../b?z=1&a=2",
        "http://again example/", "http://again.example/a b", "http://again.example/x#y",
        "http://again.example/" + "p".repeat(3000) + "?b=1&a=2");
    java.util.List<String> first = urls.stream().map(UrlNormalizer::normalize).toList();
    assertThat(first).containsExactly("http://again.example/b?a=2&z=1", null,
        "http://again.example/a%20b", "http://again.example/x",
        "http://again.example/" + "p".repeat(3000) + "?a=2&b=1");
    for (int i = urls.size() - 1; i >= 0; i--) {
      assertThat(UrlNormalizer.normalize(urls.get(i))).isEqualTo(first.get(i));
    }
  }
}
