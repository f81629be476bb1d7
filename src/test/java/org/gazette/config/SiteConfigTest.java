package org.gazette.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

class SiteConfigTest {

  private static final GazetteConfig DEFAULTS = ConfigLoader.defaults();

  @Test
  void forSeedsNamesTheSiteAfterTheFirstHostWithDotsKept() {
    SiteConfig s = SiteConfig.forSeeds(List.of(URI.create("https://News.Example.com/a"),
        URI.create("https://cdn.example.com/b")), DEFAULTS);

    assertThat(s.name()).isEqualTo("news.example.com");
    assertThat(s.hosts()).containsExactly("news.example.com", "cdn.example.com");
    assertThat(s.listing()).isEqualTo(UrlPatterns.NONE);
    assertThat(s.article()).isEqualTo(UrlPatterns.NONE);
    assertThat(s.profile()).isEqualTo(SiteProfile.NONE);
    assertThat(s.politeness()).isEqualTo(DEFAULTS.politeness());
    assertThat(s.timeZone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(s.maxPages()).isEqualTo(1000);
    assertThat(s.maxDepth()).isEqualTo(5);
    assertThat(s.revisitAfter()).isEqualTo(Duration.ofDays(7));
    assertThat(s.schedule()).isEqualTo("0 */30 * * * ?");
  }

  @Test
  void forSeedsMakesAFileNameOfAnIpv6Host() {
    assertThat(SiteConfig.forSeeds(List.of(URI.create("http://[::1]:8080/")), DEFAULTS).name())
        .isEqualTo("1");
  }

  @Test
  void forSeedsRefusesWhatCannotBeCrawled() {
    assertThatThrownBy(() -> SiteConfig.forSeeds(List.of(), DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seeds");
    assertThatThrownBy(() -> SiteConfig.forSeeds(List.of(URI.create("file:///etc/passwd")), DEFAULTS))
        .hasMessage("seeds: not an absolute http(s) URL: \"file:///etc/passwd\"");
    assertThatThrownBy(() -> SiteConfig.forSeeds(List.of(URI.create("/news/")), DEFAULTS))
        .hasMessageContaining("not an absolute http(s) URL");
  }

  @Test
  void withSeedsKeepsTheScopeAndAddsTheNewHosts() {
    SiteConfig demo = DEFAULTS.sites().get("demo");
    SiteConfig live = demo.withSeeds(List.of(URI.create("http://127.0.0.1:41234/")));

    assertThat(live.seeds()).containsExactly(URI.create("http://127.0.0.1:41234/"));
    assertThat(live.hosts()).containsExactly("127.0.0.1");
    assertThat(live.listing()).isEqualTo(demo.listing());
    assertThat(demo.withSeeds(List.of(URI.create("http://localhost:1/"))).hosts())
        .containsExactly("127.0.0.1", "localhost");
  }

  @Test
  void withersChangeOneThingAndStillCheck() {
    SiteConfig demo = DEFAULTS.sites().get("demo");

    assertThat(demo.withMaxPages(3)).isEqualTo(new SiteConfig(demo.name(), demo.seeds(),
        demo.hosts(), demo.schedule(), demo.timeZone(), demo.revisitAfter(), 3, demo.maxDepth(),
        demo.politeness(), demo.listing(), demo.article(), demo.profile(), demo.sitemaps(),
        demo.feeds(), demo.honourNoindex()));
    assertThat(demo.withMaxDepth(0).maxDepth()).isZero();
    assertThat(demo.withTimeZone(ZoneId.of("Europe/Paris")).timeZone())
        .isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(demo.withPoliteness(demo.politeness().withMinDelay(Duration.ofSeconds(4)))
        .politeness().minDelay()).isEqualTo(Duration.ofSeconds(4));
    assertThatThrownBy(() -> demo.withMaxPages(0)).hasMessage("maxPages: must be at least 1");
    assertThatThrownBy(() -> demo.withMaxDepth(-1)).hasMessage("maxDepth: must not be negative");
  }

  @Test
  void globalWithersStillCheck() {
    assertThat(DEFAULTS.withThreads(8).threads()).isEqualTo(8);
    assertThat(DEFAULTS.withAllowPrivate(org.gazette.fetch.PrivateAddresses.ALL).allowPrivate().all()).isTrue();
    assertThat(DEFAULTS.withOutput(Path.of("x/../archive")).output())
        .isEqualTo(Path.of("archive").toAbsolutePath());
    assertThat(DEFAULTS.withUserAgent("bot/1 (+https://bot.example.org/)").userAgent())
        .isEqualTo("bot/1 (+https://bot.example.org/)");
    assertThatThrownBy(() -> DEFAULTS.withUserAgent("bot/1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("userAgent: has no contact");
    assertThatThrownBy(() -> DEFAULTS.withThreads(0)).hasMessage("threads: must be at least 1");
    assertThatThrownBy(() -> DEFAULTS.withSites(Map.of("a", DEFAULTS.sites().get("demo"))))
        .hasMessageContaining("sites");
  }

  @Test
  void recordsAreImmutable() {
    SiteConfig demo = DEFAULTS.sites().get("demo");

    assertThatThrownBy(() -> demo.seeds().add(URI.create("http://x/")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> DEFAULTS.sites().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void urlPatternsFindAnywhereInTheUrlAndCompareByText() {
    UrlPatterns p = UrlPatterns.of("/$", "/list/\\d+\\.html$");

    assertThat(p.matches("https://a.example/")).isTrue();
    assertThat(p.matches("https://a.example/list/12.html")).isTrue();
    assertThat(p.matches("https://a.example/list/12.html?x=1")).isFalse();
    assertThat(p.matches("https://a.example/news")).isFalse();
    assertThat(UrlPatterns.NONE.matches("https://a.example/")).isFalse();
    assertThat(p).isEqualTo(UrlPatterns.of("/$", "/list/\\d+\\.html$"))
        .hasSameHashCodeAs(UrlPatterns.of("/$", "/list/\\d+\\.html$"))
        .isNotEqualTo(UrlPatterns.of("/$"));
    assertThatThrownBy(() -> UrlPatterns.of("(")).isInstanceOf(PatternSyntaxException.class);
  }
}
