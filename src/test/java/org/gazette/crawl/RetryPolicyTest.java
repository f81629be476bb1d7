package org.gazette.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.gazette.fetch.PolitenessGate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {
  @ParameterizedTest
  @CsvSource({"0, 0", "1, 1", "120, 120", " 7 , 7"})
  void readsRetryAfterSeconds(String value, long seconds) {
    assertThat(RetryPolicy.parseRetryAfter(value)).contains(Duration.ofSeconds(seconds));
  }

  @ParameterizedTest
  @CsvSource({"-1", "soon", "''"})
  void ignoresRetryAfterThatIsNeitherSecondsNorADate(String value) {
    assertThat(RetryPolicy.parseRetryAfter(value)).isEmpty();
  }

  @Test
  void readsRetryAfterHttpDate() {
    String in30s = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
    assertThat(RetryPolicy.parseRetryAfter(in30s).orElseThrow())
        .isBetween(Duration.ofSeconds(28), Duration.ofSeconds(30));
    assertThat(RetryPolicy.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
  }

  @ParameterizedTest
  @CsvSource({"429, true", "503, true", "500, true", "502, true", "501, false", "404, false",
      "200, false", "304, false"})
  void retriesRateLimitsAndServerErrors(int status, boolean retryable) {
    assertThat(RetryPolicy.retryable(status)).isEqualTo(retryable);
  }

  @Test
  void triesAUrlMaxRetriesTimesThenGivesUp() {
    PolitenessGate gate = new PolitenessGate(1);
    RetryPolicy policy = new RetryPolicy(gate, 2, Duration.ofSeconds(1), Duration.ofMillis(10));
    assertThat(policy.failed("u", "h", null).decision()).isEqualTo(RetryPolicy.Decision.RETRY);
    policy.succeeded("h");
    assertThat(policy.failed("u", "h", null).decision()).isEqualTo(RetryPolicy.Decision.RETRY);
    policy.succeeded("h");
    assertThat(policy.failed("u", "h", null).decision()).isEqualTo(RetryPolicy.Decision.GIVE_UP);
    assertThat(gate.nanosUntilReady("h")).isPositive();
  }

  @Test
  void backsOffExponentiallyAndCapsThePause() {
    RetryPolicy policy = new RetryPolicy(new PolitenessGate(1), 10, Duration.ofMillis(300),
        Duration.ofMillis(100));
    Duration first = policy.failed("a", "h", null).pause();
    Duration second = policy.failed("b", "h", null).pause();
    Duration third = policy.failed("c", "h", null).pause();
    assertThat(first).isBetween(Duration.ofMillis(75), Duration.ofMillis(125));
    assertThat(second).isBetween(Duration.ofMillis(150), Duration.ofMillis(250));
    assertThat(third).isEqualTo(Duration.ofMillis(300)); // 400 +-25% capped
  }

  @Test
  void pausesTheHostAfterTheFailureLimit() {
    RetryPolicy policy = new RetryPolicy(new PolitenessGate(1), 100, Duration.ofMillis(1),
        Duration.ofMillis(1));
    for (int i = 1; i < RetryPolicy.HOST_FAILURE_LIMIT; i++) {
      assertThat(policy.failed("u" + i, "h", null).decision())
          .isEqualTo(RetryPolicy.Decision.RETRY);
    }
    assertThat(policy.failed("last", "h", null).decision())
        .isEqualTo(RetryPolicy.Decision.PAUSE_HOST);
  }
}
