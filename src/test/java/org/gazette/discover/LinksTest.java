package org.gazette.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LinksTest {

  @ParameterizedTest(name = "{1} against {0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          https://x.example/a/b.html | c.html              | https://x.example/a/c.html
          https://x.example/a/b.html | /c.html             | https://x.example/c.html
          https://x.example/a/b.html | ../c.html           | https://x.example/c.html
          https://x.example/a/b.html | ../../../c.html?x=1 | https://x.example/c.html?x=1
          https://x.example/a/b.html | ?page=2             | https://x.example/a/b.html?page=2
          https://x.example/a/b.html | //cdn.example/c.js  | https://cdn.example/c.js
          https://x.example          | c.html              | https://x.example/c.html
          https://x.example/a/       | 'new story.html'    | https://x.example/a/new%20story.html
          https://x.example/a/       | 港澳.html | https://x.example/a/%E6%B8%AF%E6%BE%B3.html
          https://x.example/a/       | 'q?a=1|2&b=%20'     | https://x.example/a/q?a=1%7C2&b=%20
          https://x.example/a/       | 'p#top#more'        | https://x.example/a/p#top%23more
          https://x.example/a/       | 'HTTP://Y.example/' | HTTP://Y.example/
          https://x.example/a/       | 'https://新闻.example/a'  | https://xn--efvy88h.example/a
          https://x.example/a/       | '  https://y.example/\\t'  | https://y.example/
          """)
  void resolvesLinksAsBrowsersDo(String base, String href, String expected) {
    // a tab cannot stand in a CSV cell: backslash-t stands for one
    assertThat(Links.resolve(URI.create(base), href.replace("\\t", "\t")))
        .isEqualTo(URI.create(expected));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {
      "", "  ", "javascript:void(0)", "mailto:desk@example.com", "ftp://x.example/a",
      "tag:blog.example.net,2020:x", "urn:uuid:60a76c80", "https://", "http:///path"})
  void refusesWhatIsNotAWebUrl(String href) {
    assertThat(Links.resolve(URI.create("https://x.example/"), href)).isNull();
  }
}
