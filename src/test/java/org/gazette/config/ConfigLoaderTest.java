package org.gazette.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  static final Path FIXTURES = Path.of("src/test/resources/config");

  @Test
  void builtInDefaultsAreTheDocumentedValues() {
    GazetteConfig c = ConfigLoader.defaults();

    assertThat(c.userAgent())
        .isEqualTo("gazette/0.1 (+https://github.com/gazette-crawler/gazette; ops@example.org)");
    assertThat(c.output()).isEqualTo(Path.of("warc").toAbsolutePath());
    assertThat(c.logs()).isEqualTo(Path.of("logs").toAbsolutePath());
    assertThat(c.state())
        .isEqualTo(new StateConfig("jdbc:h2:file:./state/gazette", null, null, false, null));
    assertThat(c.status()).isEqualTo(new StatusConfig("127.0.0.1", 8765));
    assertThat(c.politeness()).isEqualTo(
        new Politeness(Duration.ofSeconds(1), Duration.ofSeconds(30), 1, 5.0));
    assertThat(c.limits()).isEqualTo(new Limits(10 * 1024 * 1024, Duration.ofSeconds(10),
        Duration.ofSeconds(30), Duration.ofMinutes(2), 5, 2048, 1000, 256L * 1024 * 1024));
    assertThat(c.allowPrivate()).isEqualTo(org.gazette.fetch.PrivateAddresses.NONE);
    assertThat(c.warcPrefix()).isEqualTo("gazette");
    assertThat(c.warcMaxFileSize()).isEqualTo(1024L * 1024 * 1024);
    assertThat(c.threads()).isEqualTo(4);
    assertThat(c.sites()).containsOnlyKeys("demo");
  }

  @Test
  void builtInDemoSiteIsTheSampleSite() {
    SiteConfig demo = ConfigLoader.defaults().sites().get("demo");

    assertThat(demo.name()).isEqualTo("demo");
    assertThat(demo.seeds()).containsExactly(URI.create("http://127.0.0.1:8080/"));
    assertThat(demo.hosts()).containsExactly("127.0.0.1");
    assertThat(demo.schedule()).isEqualTo("0 */30 * * * ?");
    assertThat(demo.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(demo.revisitAfter()).isEqualTo(Duration.ofDays(7));
    assertThat(demo.maxPages()).isEqualTo(200);
    assertThat(demo.maxDepth()).isEqualTo(5);
    // minDelay from the site file, the rest from gazette.yaml
    assertThat(demo.politeness()).isEqualTo(
        new Politeness(Duration.ofMillis(100), Duration.ofSeconds(30), 1, 5.0));
    assertThat(demo.listing().regexes()).containsExactly("/$", "/list/\\d+\\.html$");
    assertThat(demo.article().regexes())
        .containsExactly("/news/\\d{4}/\\d{2}/\\d{2}/[^/]+\\.shtml$");
    // the demo ships a full profile (DemoProfileTest checks what it reads)
    assertThat(demo.profile().hasSelectors()).isTrue();
    assertThat(demo.profile().body()).isEqualTo(CssQuery.parse("#article-content"));
    assertThat(demo.profile().listing().item().css()).isEqualTo("#focus, ul.news-list > li.item");
    assertThat(demo.profile().dateFormats()).contains("yyyy-MM-dd HH:mm:ss");
    assertThat(demo.profile().follow()).isEqualTo(SiteProfile.Region.DEFAULT_FOLLOW);
  }

  @Test
  void shippedConfigFolderLoadsLikeTheBuiltInDefaults() {
    GazetteConfig shipped = ConfigLoader.load(Path.of("config"));
    GazetteConfig builtIn = ConfigLoader.defaults();

    // more sites may be added to config/sites/ later; the demo must stay the built-in one
    assertThat(shipped.withSites(Map.of())).isEqualTo(builtIn.withSites(Map.of()));
    assertThat(shipped.sites()).containsEntry("demo", builtIn.sites().get("demo"));
    SiteConfig demo = shipped.sites().get("demo");
    assertThat(demo.listing().matches("http://127.0.0.1:8080/")).isTrue();
    assertThat(demo.listing().matches("http://127.0.0.1:8080/list/2.html")).isTrue();
    assertThat(demo.article().matches("http://127.0.0.1:8080/news/2020/03/18/abc.shtml")).isTrue();
    assertThat(demo.article().matches("http://127.0.0.1:8080/news/2020/03/abc.shtml")).isFalse();
    assertThat(demo.listing().matches("http://127.0.0.1:8080/news/2020/03/18/abc.shtml"))
        .isFalse();
  }

  /** The commented default file and the defaults in code must say the same. */
  @Test
  void emptyFolderGivesTheSameValuesAsTheDefaultFile(@TempDir Path dir) throws Exception {
    GazetteConfig fromCode = ConfigLoader.load(dir);
    Files.writeString(dir.resolve("gazette.yaml"), "# nothing but a comment\n");
    GazetteConfig fromEmptyFile = ConfigLoader.load(dir);

    GazetteConfig fromDefaultFile = ConfigLoader.defaults().withSites(Map.of());
    assertThat(fromCode).isEqualTo(fromDefaultFile);
    assertThat(fromEmptyFile).isEqualTo(fromDefaultFile);
    assertThat(fromCode.sites()).isEmpty();
  }

  @Test
  void minFreeSpaceTakesASizeAndZeroTurnsTheCheckOff(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("gazette.yaml"), "limits:\n  minFreeSpace: 2GB\n");
    assertThat(ConfigLoader.load(dir).limits().minFreeSpace()).isEqualTo(2L << 30);

    Files.writeString(dir.resolve("gazette.yaml"), "limits:\n  minFreeSpace: 0\n");
    assertThat(ConfigLoader.load(dir).limits().minFreeSpace()).isZero();
  }

  @Test
  void sitePolitenessOverridesOnlyTheKeysItSets() {
    GazetteConfig c = ConfigLoader.load(FIXTURES.resolve("merge"));

    Politeness global = new Politeness(Duration.ofSeconds(3), Duration.ofSeconds(10), 2, 1.5);
    assertThat(c.politeness()).isEqualTo(global);
    assertThat(c.sites().get("inherits").politeness()).isEqualTo(global);
    assertThat(c.sites().get("overrides").politeness())
        .isEqualTo(new Politeness(Duration.ofSeconds(3), Duration.ofSeconds(5), 2, 1.5));
    assertThat(c.sites().keySet()).containsExactly("inherits", "overrides");
  }

  @Test
  void relativePathsResolveAgainstTheCurrentDirectory() {
    GazetteConfig c = ConfigLoader.load(FIXTURES.resolve("merge"));

    // not against the config folder
    assertThat(c.output()).isEqualTo(Path.of("").toAbsolutePath().resolve("out/warc"));
  }

  @Test
  void everySiteKeyIsRead() {
    GazetteConfig c = ConfigLoader.load(FIXTURES.resolve("no-global"));
    SiteConfig s = c.sites().get("full");

    assertThat(c.userAgent()).contains("ops@example.org"); // gazette.yaml absent: defaults
    assertThat(s.seeds()).containsExactly(URI.create("https://News.Example.com/"),
        URI.create("https://news.example.com/world/"));
    assertThat(s.hosts()).containsExactly("news.example.com", "img.example.com");
    assertThat(s.schedule()).isEqualTo("0 0 * * * ?");
    assertThat(s.timeZone()).isEqualTo(ZoneOffset.ofHours(8));
    assertThat(s.revisitAfter()).isEqualTo(Duration.ofDays(1));
    assertThat(s.maxPages()).isEqualTo(50);
    assertThat(s.maxDepth()).isZero();
    assertThat(s.politeness()).isEqualTo(
        new Politeness(Duration.ofSeconds(2), Duration.ofSeconds(30), 1, 5.0));
    assertThat(s.listing().matches("https://news.example.com/index.html")).isTrue();
    assertThat(s.article().matches("https://news.example.com/news/a/b.shtml")).isTrue();
    SiteProfile p = s.profile();
    assertThat(p.title()).isEqualTo(CssQuery.parse("h1.headline"));
    assertThat(p.published()).isEqualTo(CssQuery.parse("meta[property=article:published_time]@content"));
    assertThat(p.published().attribute()).isEqualTo("content");
    assertThat(p.related().block().css()).isEqualTo(".related");
    assertThat(p.related().item().css()).isEqualTo("li a");
    assertThat(p.drop()).extracting(CssQuery::css).containsExactly(".ad", "nav");
    assertThat(p.dateFormats()).containsExactly("yyyy年M月d日 HH:mm");
    assertThat(p.follow()).containsExactlyInAnyOrder(SiteProfile.Region.LISTING,
        SiteProfile.Region.NAVIGATION);
    assertThatThrownBy(() -> p.drop().add(p.title()))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void hostsDefaultToTheSeedsHosts() {
    SiteConfig s = ConfigLoader.load(FIXTURES.resolve("merge")).sites().get("overrides");

    assertThat(s.hosts()).containsExactly("news.example.com");
    assertThat(s.timeZone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(s.maxPages()).isEqualTo(1000);
    assertThat(s.maxDepth()).isEqualTo(5);
    assertThat(s.revisitAfter()).isEqualTo(Duration.ofDays(7));
    assertThat(s.schedule()).isEqualTo("0 */30 * * * ?");
    assertThat(s.listing().isEmpty()).isTrue();
  }

  @Test
  void loadsOneSiteFile() {
    SiteConfig s = ConfigLoader.loadSite(Path.of("config/sites/demo.yaml"),
        ConfigLoader.load(FIXTURES.resolve("merge")));

    assertThat(s.name()).isEqualTo("demo");
    // the site's minDelay over the given global politeness
    assertThat(s.politeness()).isEqualTo(
        new Politeness(Duration.ofMillis(100), Duration.ofSeconds(10), 2, 1.5));
  }

  @Test
  void missingFolderIsAnError() {
    assertThatThrownBy(() -> ConfigLoader.load(FIXTURES.resolve("no-such-folder")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(FIXTURES.resolve("no-such-folder") + ": no such folder");
  }

  @Test
  void siteFilesEndingInYmlAreReportedNotSkipped(@TempDir Path dir) throws Exception {
    Files.createDirectory(dir.resolve("sites"));
    Files.writeString(dir.resolve("sites/news.yml"), "seeds: [\"https://news.example.com/\"]\n");

    assertThatThrownBy(() -> ConfigLoader.load(dir))
        .hasMessage(dir.resolve("sites/news.yml") + ": ignored: site files end in .yaml");
  }

  @Test
  void nonUtf8FileIsReported(@TempDir Path dir) throws Exception {
    Files.createDirectory(dir.resolve("sites"));
    Files.write(dir.resolve("sites/x.yaml"), new byte[] {'s', 'e', 'e', 'd', 's', ':', (byte) 0xe9});

    assertThatThrownBy(() -> ConfigLoader.load(dir))
        .hasMessage(dir.resolve("sites/x.yaml") + ":1: not UTF-8 text (byte 0xE9); save the file as"
            + " UTF-8");
  }

  @Test
  void passwordStaysOutOfToString() {
    StateConfig s = new StateConfig("jdbc:postgresql://db/gazette", "crawler", "s3cret", true, "n1");

    assertThat(s.toString()).doesNotContain("s3cret").contains("crawler", "***");
  }

  @Test
  void allowPrivateTakesTrueFalseOrAListOfBlocks(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("gazette.yaml"), "allowPrivate: [10.1.0.0/16, 127.0.0.1]\n");
    org.gazette.fetch.PrivateAddresses allowed = ConfigLoader.load(dir).allowPrivate();
    assertThat(allowed.allows(java.net.InetAddress.getByName("10.1.2.3"))).isTrue();
    assertThat(allowed.allows(java.net.InetAddress.getByName("127.0.0.2"))).isFalse();

    Files.writeString(dir.resolve("gazette.yaml"), "allowPrivate: true\n");
    assertThat(ConfigLoader.load(dir).allowPrivate())
        .isEqualTo(org.gazette.fetch.PrivateAddresses.ALL);
  }

  @Test
  void aBadBlockInAllowPrivateIsReportedWithItsLine(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("gazette.yaml"), "threads: 2\nallowPrivate:\n"
        + "  - 10.0.0.0/8\n  - intranet.example\n");
    ConfigException e = org.assertj.core.api.Assertions.catchThrowableOfType(
        ConfigException.class, () -> ConfigLoader.load(dir));
    assertThat(e.getMessage()).isEqualTo(dir.resolve("gazette.yaml")
        + ":4: allowPrivate[1]: not an IP address or CIDR block: \"intranet.example\"");
  }
}
