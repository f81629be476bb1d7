package org.gazette.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedDatesTest {

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          'Wed, 18 Mar 2020 14:36:10 GMT'     | UTC           | 2020-03-18T14:36:10Z
          'Wed, 18 Mar 2020 22:36:10 +0800'   | UTC           | 2020-03-18T14:36:10Z
          'Wed, 18 Mar 2020 09:36:10 -0500'   | UTC           | 2020-03-18T14:36:10Z
          'Wed, 18 Mar 2020 08:36:10 -05:30'  | UTC           | 2020-03-18T14:06:10Z
          '18 Mar 2020 14:36 UT'              | UTC           | 2020-03-18T14:36:00Z
          'wed, 18 mar 20 14:36:10 gmt'       | UTC           | 2020-03-18T14:36:10Z
          'Wednesday, 18 March 2020 14:36:10 Z' | UTC         | 2020-03-18T14:36:10Z
          'Wed, 18 Mar 2020 09:36:10 EST'     | UTC           | 2020-03-18T14:36:10Z
          'Wed, 18 Mar 2020 07:36:10 PDT'     | UTC           | 2020-03-18T14:36:10Z
          'Wed, 18 Mar 2020 08:36:10 CST'     | UTC           | 2020-03-18T14:36:10Z
          'Wed, 18 Mar 2020 22:36:10 CST'     | Asia/Shanghai | 2020-03-18T14:36:10Z
          'Wed, 18 Mar 2020 22:36:10 CST'     | Asia/Taipei   | 2020-03-18T14:36:10Z
          'Wed, 18 Mar 2020 09:36:10 CDT'     | America/Chicago | 2020-03-18T14:36:10Z
          'Wed, 18 Mar 2020 14:36:10 GMT'     | Europe/London | 2020-03-18T14:36:10Z
          'Wed, 18 Mar 2020 23:36:10 JST'     | UTC           | 2020-03-18T14:36:10Z
          'Wed, 18 Mar 2020 22:36:10 GMT+8'   | UTC           | 2020-03-18T14:36:10Z
          'Wed, 18 Mar 2020 22:36:10'         | Asia/Shanghai | 2020-03-18T14:36:10Z
          '18 Mar 2020'                       | UTC           | 2020-03-18T00:00:00Z
          'Wed Mar 18 22:36:10 CST 2020'      | Asia/Shanghai | 2020-03-18T14:36:10Z
          2020-03-18T22:36:10+08:00           | UTC           | 2020-03-18T14:36:10Z
          2020-03-18T14:36:10Z                | Asia/Shanghai | 2020-03-18T14:36:10Z
          2020-03-18T14:36:10.25Z             | UTC           | 2020-03-18T14:36:10.250Z
          2020-03-18T22:36:10+0800            | UTC           | 2020-03-18T14:36:10Z
          2020-03-18T22:36+08                 | UTC           | 2020-03-18T14:36:00Z
          2020-03-18 22:36:10                 | Asia/Shanghai | 2020-03-18T14:36:10Z
          2020-03-18T22:36:10                 | UTC           | 2020-03-18T22:36:10Z
          2020-03-18                          | Asia/Shanghai | 2020-03-17T16:00:00Z
          """)
  void readsFeedDates(String input, String zone, String expected) {
    assertThat(FeedDates.parse(input, ZoneId.of(zone))).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @NullAndEmptySource
  @ValueSource(strings = {
      "yesterday", "Wed, 31 Feb 2020 10:00:00 GMT", "2020-13-01", "Wed, 18 Foo 2020 10:00 GMT",
      "Wed, 18 Mar 2020 10:00:00 XYZ", "2020-03-18T25:00:00Z", "   "})
  void unreadableDatesAreNull(String input) {
    assertThat(FeedDates.parse(input, ZoneOffset.UTC)).isNull();
  }
}
