package org.gazette.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.gazette.fetch.FetchOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScopeRulesTest {
  static RunSpec spec(List<Pattern> listing, List<Pattern> article) {
    return new RunSpec("news", List.of(URI.create("https://news.example.com/")),
        List.of("news.example.com"), listing, article, ZoneOffset.UTC, 10, 2, Duration.ZERO,
        Duration.ofSeconds(30), 0, 3, Duration.ofSeconds(30), 60, 1,
        new FetchOptions("gazette/1.0 (+https://example.org)", Duration.ofSeconds(1),
            Duration.ofSeconds(1), Duration.ofSeconds(1), 1000, false),
        Path.of("warc"), Path.of("state"), "gazette", 1000, "ops@example.org");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "https://news.example.com/news/1.shtml, true",
      "http://NEWS.example.com/list/2.html, true",
      "https://other.example.com/news/1.shtml, false",
      "ftp://news.example.com/news/1.shtml, false",
      "https://news.example.com/about.html, false",
      "https://news.example.com/news/very-long-path-that-goes-beyond-the-sixty-char-limit.shtml, false",
  })
  void followsSiteHostsAndPatterns(String url, boolean follows) {
    ScopeRules rules = new ScopeRules(spec(List.of(Pattern.compile("/list/\\d+\\.html$")),
        List.of(Pattern.compile("/news/.+\\.shtml$"))), 60);
    assertThat(rules.follows(url)).isEqualTo(follows);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "https://news.example.com/about.html, true",
      "https://news.example.com/private/x.html, true",
      "https://elsewhere.example.org/, false",
  })
  void withoutPatternsFollowsEverythingOnTheHosts(String url, boolean follows) {
    assertThat(new ScopeRules(spec(List.of(), List.of()), 60).follows(url)).isEqualTo(follows);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "https://news.example.com/news/1.shtml, ARTICLE",
      "https://news.example.com/list/1.html, LISTING",
      "https://news.example.com/, LISTING",
      "https://news.example.com/about.html, UNKNOWN",
  })
  void articlePatternsWinOverListingPatterns(String url, org.gazette.records.SiteRules.Kind kind) {
    ScopeRules rules = new ScopeRules(spec(
        List.of(Pattern.compile("/$"), Pattern.compile("/list/")),
        List.of(Pattern.compile("/news/"))), 200);
    assertThat(rules.kind(url)).isEqualTo(kind);
  }
}
