package org.gazette.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Relative times against the fetch time 2026-11-26T10:17:43Z, read in Asia/Shanghai (+08:00). */
class RelativeTimesTest {

  private static final Instant FETCHED = Instant.parse("2026-11-26T10:17:43Z");
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
      3小時前                  | 2026-11-26T15:17+08:00
      3小时前                  | 2026-11-26T15:17+08:00
      更新於 5分鐘前            | 2026-11-26T18:12+08:00
      30秒前                   | 2026-11-26T18:16:30+08:00
      2天前                    | 2026-11-24T18:17+08:00
      1周前                    | 2026-11-19T18:17+08:00
      剛剛                     | 2026-11-26T18:17+08:00
      昨天 14:30               | 2026-11-25T14:30+08:00
      前天 09:05               | 2026-11-24T09:05+08:00
      今天 08:00               | 2026-11-26T08:00+08:00
      2 hours ago              | 2026-11-26T16:17+08:00
      an hour ago              | 2026-11-26T17:17+08:00
      Updated 45 mins ago      | 2026-11-26T17:32+08:00
      3 days ago               | 2026-11-23T18:17+08:00
      yesterday at 2:30        | 2026-11-25T02:30+08:00
      Yesterday                | 2026-11-25T00:00+08:00
      2020年3月18日             | none
      (前)                     | none
      昨天 25:30               | none
      100 years of history     | none
      """)
  void readsAgainstTheFetchTime(String text, String expected) {
    assertThat(RelativeTimes.find(text, FETCHED, SHANGHAI).orElse(null))
        .isEqualTo(expected == null ? null : OffsetDateTime.parse(expected));
  }
}
