package org.gazette.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZoneGuessTest {
  @ParameterizedTest(name = "lang={0} url={1} -> {2}")
  @CsvSource({
      "zh-Hant-TW, http://news.example.com/,  Asia/Taipei",
      "zh-Hant,    http://news.example.com/,  Asia/Shanghai",
      "zh_HK,      http://news.example.com/,  Asia/Hong_Kong",
      "ja,         http://news.example.com/,  Asia/Tokyo",
      "en,         http://www.example.co.uk/, Europe/London",
      "en-US,      http://news.example.com/,  ",
      ",           http://www.example.de/a,   Europe/Berlin",
      ",           http://127.0.0.1:8080/,    ",
  })
  void guessesFromLanguageThenCountryDomain(String lang, String url, String zone) {
    String html = lang == null ? "<html><body></body></html>"
        : "<html lang='" + lang + "'><body></body></html>";
    assertThat(ZoneGuess.of(Jsoup.parse(html), url).map(ZoneId::getId).orElse(null))
        .isEqualTo(zone);
  }
}
