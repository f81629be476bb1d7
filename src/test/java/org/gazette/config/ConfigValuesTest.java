package org.gazette.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigValuesTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "500ms,  PT0.5S",
    "0ms,    PT0S",
    "0,      PT0S",
    "2s,     PT2S",
    "30m,    PT30M",
    "1h,     PT1H",
    "7d,     PT168H",
    "' 2 s ', PT2S",
    "PT1S,   PT1S",
    "PT0.5S, PT0.5S",
    "pt1s,   PT1S",
    "P7D,    PT168H",
    "P1DT2H, PT26H",
    "-PT1S,  PT-1S",
  })
  void parsesDurations(String text, String expected) {
    assertThat(Values.parseDuration(text)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "fast", "5", "1.5s", "-1s", "2S", "1w", "ms", "P1W", "P1M", "PT", "1y",
      "99999999999999999999d", "2s3", "1h30m"})
  void rejectsWhatIsNotADuration(String text) {
    assertThat(Values.parseDuration(text)).isNull();
  }

  @ParameterizedTest(name = "{0} = {1} bytes")
  @CsvSource({
    "0,       0",
    "1048576, 1048576",
    "512B,    512",
    "500KB,   512000",
    "10MB,    10485760",
    "10 MB,   10485760",
    "1GB,     1073741824",
    "1gb,     1073741824",
    "1GiB,    1073741824",
    "2TB,     2199023255552",
  })
  void parsesSizes(String text, long bytes) {
    assertThat(Values.parseSize(text)).isEqualTo(bytes);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "huge", "1.5GB", "-1", "10 M", "1PB", "9999999999TB"})
  void rejectsWhatIsNotASize(String text) {
    assertThat(Values.parseSize(text)).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "gazette/0.1 (+https://github.com/gazette-crawler/gazette; ops@example.org)",
    "newsbot/2.0 (+http://bot.example.com/about)",
    "newsbot/2.0 (crawler-ops@news.example.co.uk)",
  })
  void acceptsUserAgentsWithAContact(String userAgent) {
    assertThat(Values.userAgentProblem(userAgent)).isNull();
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(delimiter = '|', textBlock = """
      gazette/1.0                          | has no contact
      gazette/1.0 (compatible; +http://x)  | has no contact
      gazette/1.0 (ops@localhost)          | has no contact
      '  '                                 | must not be empty
      gazette/1.0\u0007 (ops@example.org)  | printable ASCII
      gazette/1.0 (ops@exämple.org)        | printable ASCII
      """)
  void rejectsUserAgentsWithoutAContact(String userAgent, String problem) {
    assertThat(Values.userAgentProblem(userAgent)).contains(problem);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"minDelai, minDelay", "MINDELAY, minDelay", "maxPage, maxPages", "colour, ''"})
  void suggestsTheClosestKey(String typo, String expected) {
    String guess = Values.closest(typo, java.util.List.of("minDelay", "maxPages", "seeds"));
    assertThat(guess == null ? "" : guess).isEqualTo(expected);
  }
}
