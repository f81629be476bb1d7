package org.gazette.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlDatesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "=>",
      textBlock = """
          https://www.example.de/2019/10/16/klimaschutz-banken/           => 2019-10-16
          https://blog.example.com/2017/7/12/unter-uns                    => 2017-07-12
          https://example.org/news/2021-11-05-tesla-model                  => 2021-11-05
          https://www.example.de/Meldung/2022/20220124-foerderung.html     => 2022-01-24
          https://web.archive.org/web/20140109030403/http://example.com/2013/12/09/p/ => 2013-12-09
          """)
  void readsTheDateInThePath(String url, String expected) {
    assertThat(UrlDates.date(url)).hasValueSatisfying(d -> assertThat(d).hasToString(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "=>",
      textBlock = """
          https://www.example.com/2019/10/monthly-archive/     => ''
          https://www.example.com/story?date=2019/10/16        => ''
          https://2019-10-16.example.com/story                 => ''
          https://www.example.com/product/20191399-widget      => ''
          https://www.example.com/2019/02/30/no-such-day       => ''
          https://web.archive.org/web/20140109030403/http://example.com/post => ''
          file:///work/pages/example.html                      => ''
          file:///data/archive/2019/10/16/story.html           => ''
          """)
  void findsNoDateWhereThePathHasNone(String url, String ignored) {
    assertThat(UrlDates.date(url)).isEmpty();
  }
}
