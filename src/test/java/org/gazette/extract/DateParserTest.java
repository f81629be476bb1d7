package org.gazette.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateParserTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "=>",
      textBlock = """
          2020-03-18T22:36:10+08:00               => 2020-03-18T22:36:10+08:00
          2020-03-18T14:36:10Z                    => 2020-03-18T14:36:10Z
          2020-03-18T14:36:10.250Z                => 2020-03-18T14:36:10.25Z
          2020-03-18T22:36:10+0800                => 2020-03-18T22:36:10+08:00
          2020-03-18T22:36:10                     => 2020-03-18T22:36:10+08:00
          2020-03-18T22:36:10+08:00[Asia/Shanghai] => 2020-03-18T22:36:10+08:00
          'Wed, 18 Mar 2020 14:36:10 GMT'         => 2020-03-18T14:36:10Z
          2020-03-18 22:36:10                     => 2020-03-18T22:36:10+08:00
          2020-03-18 22:36                        => 2020-03-18T22:36:00+08:00
          2020/3/18 22:36                         => 2020-03-18T22:36:00+08:00
          2020.03.18 22:36                        => 2020-03-18T22:36:00+08:00
          2020-03-18                              => 2020-03-18T00:00:00+08:00
          """)
  void parsesWholeValues(String value, String expected) {
    assertThat(DateParser.parse(value, SHANGHAI)).hasValueSatisfying(
        t -> assertThat(RecordJson.format(t)).isEqualTo(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "=>",
      textBlock = """
          最后更新: 2020-03-18 22:36:10據外交部網站消息              => 2020-03-18T22:36:10+08:00
          最後更新：2020-03-18 22:36                              => 2020-03-18T22:36:00+08:00
          2020年3月18日 22:36                                     => 2020-03-18T22:36:00+08:00
          2020年03月18日22:36                                     => 2020-03-18T22:36:00+08:00
          2020年3月18日22時36分10秒                                => 2020-03-18T22:36:10+08:00
          發布時間：2020年3月18日                                    => 2020-03-18T00:00:00+08:00
          '特朗普:暫時關閉北部美加邊境 2020-03-18 22:15 美國一夢 -'  => 2020-03-18T22:15:00+08:00
          'Published March 18, 2020 10:36 PM'                     => 2020-03-18T22:36:00+08:00
          'Updated Mar. 18, 2020 at 9:05 a.m.'                    => 2020-03-18T09:05:00+08:00
          '18 March 2020, 22:36'                                  => 2020-03-18T22:36:00+08:00
          'June 2, 2021'                                          => 2021-06-02T00:00:00+08:00
          '2020-03-18 22:36 UTC'                                  => 2020-03-18T22:36:00Z
          '2020-03-18 22:36 GMT+8'                                => 2020-03-18T22:36:00+08:00
          """)
  void findsTheFirstDateTimeInText(String text, String expected) {
    assertThat(DateParser.find(text, SHANGHAI)).hasValueSatisfying(
        t -> assertThat(RecordJson.format(t)).isEqualTo(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "=>",
      textBlock = """
          no date here                => ''
          version 1.2.3               => ''
          2020-13-45 25:61            => ''
          12020-03-18                 => ''
          tel 010-0000-0000           => ''
          """)
  void findsNothingWhereThereIsNoDate(String text, String ignored) {
    assertThat(DateParser.find(text, SHANGHAI)).isEmpty();
    assertThat(DateParser.parse(text, SHANGHAI)).isEmpty();
  }

  @Test
  void readsLocalTimesWithTheZonesOffsetAtThatInstant() {
    ZoneId newYork = ZoneId.of("America/New_York");
    assertThat(DateParser.find("2021-01-15 09:00", newYork).orElseThrow().getOffset())
        .isEqualTo(ZoneOffset.ofHours(-5));
    assertThat(DateParser.find("2021-07-15 09:00", newYork).orElseThrow().getOffset())
        .isEqualTo(ZoneOffset.ofHours(-4));
  }

  @Test
  void skipsAnInvalidDateAndFindsTheNextOne() {
    assertThat(DateParser.find("2020-02-30 then 2020-03-01 08:00", SHANGHAI))
        .hasValueSatisfying(t -> assertThat(RecordJson.format(t))
            .isEqualTo("2020-03-01T08:00:00+08:00"));
  }

  @Test
  void reportsWhereEachDateWasFound() {
    String text = "发布时间：2020年03月10日 15:42  更新时间：2020年03月10日 18:05";
    var all = DateParser.findAll(text, SHANGHAI);
    assertThat(all).hasSize(2);
    assertThat(text.substring(all.get(0).start(), all.get(0).end())).isEqualTo("2020年03月10日 15:42");
    assertThat(all.get(1).hasTime()).isTrue();
  }

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "=>",
      textBlock = """
          'Veröffentlicht am 5. November 2021, 14:09'   => 2021-11-05T14:09:00+01:00
          '22.04.2020 / 06:15'                         => 2020-04-22T06:15:00+02:00
          'am 29.12.2010, 13:36 Uhr'                   => 2010-12-29T13:36:00+01:00
          '1.2.2022'                                   => 2022-02-01T00:00:00+01:00
          'Samstag, 5. Oktober 2013'                   => 2013-10-05T00:00:00+02:00
          '26. Mai 2008 um 21:07'                      => 2008-05-26T21:07:00+02:00
          'MÄRZ 3 . nope 3. März 2020'                 => 2020-03-03T00:00:00+01:00
          '5 de noviembre de 2021'                     => 2021-11-05T00:00:00+01:00
          '23 mai 2019'                                => 2019-05-23T00:00:00+02:00
          '12 sierpnia 2020 o 10:30'                   => 2020-08-12T10:30:00+02:00
          '21. Jan 2022 // Dominik'                    => 2022-01-21T00:00:00+01:00
          '18 March 2020, 22:36'                       => 2020-03-18T22:36:00+01:00
          'June 2, 2021'                               => 2021-06-02T00:00:00+02:00
          'Von: Björn Jahner | 31.10.23'               => 2023-10-31T00:00:00+01:00
          '28.09.19 12:44'                             => 2019-09-28T12:44:00+02:00
          """)
  void readsEuropeanFormsWhenAsked(String text, String expected) {
    assertThat(DateParser.findAll(text, BERLIN, DateParser.Forms.EUROPEAN))
        .first().satisfies(m -> assertThat(RecordJson.format(m.time())).isEqualTo(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "=>",
      textBlock = """
          'version 1.2.2020.4'                => ''
          'Kapitel 3.1.22'                    => ''
          'Version 10.12.19.5'                => ''
          'Sie 2020 kamen 12 Sie'             => ''
          '31.02.2020'                        => ''
          """)
  void findsNoEuropeanDateInLookAlikes(String text, String ignored) {
    assertThat(DateParser.findAll(text, BERLIN, DateParser.Forms.EUROPEAN)).isEmpty();
  }

  @Test
  void leavesEuropeanFormsToThoseWhoAsk() {
    // listings count dated teasers with the basic forms; a dotted date is not one of them
    assertThat(DateParser.find("22.04.2020", BERLIN)).isEmpty();
    assertThat(DateParser.parse("5. November 2021", BERLIN)).isEmpty();
    assertThat(DateParser.parse("5. November 2021", BERLIN, DateParser.Forms.EUROPEAN))
        .isPresent();
  }

  @Test
  void readsOneDateOnceWhenTwoFormsMatchIt() {
    assertThat(DateParser.findAll("18 March 2020 and 19.03.2020", BERLIN,
        DateParser.Forms.EUROPEAN)).hasSize(2);
  }

  @Test
  void toleratesNullAndBlank() {
    assertThat(DateParser.parse(null, SHANGHAI)).isEmpty();
    assertThat(DateParser.parse("  ", SHANGHAI)).isEmpty();
    assertThat(DateParser.find(null, SHANGHAI)).isEmpty();
  }
}
