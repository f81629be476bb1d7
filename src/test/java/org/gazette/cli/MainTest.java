package org.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path tmp;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  Path configWithSite(String name, String yaml) throws Exception {
    Path sites = Files.createDirectories(tmp.resolve("config/sites"));
    Files.writeString(sites.resolve(name + ".yaml"), yaml, StandardCharsets.UTF_8);
    return tmp.resolve("config");
  }

  @Test
  void badConfigExitsTwoNamingFileLineAndKey() throws Exception {
    Path config = configWithSite("news", """
        seeds: ["http://127.0.0.1:9/"]
        politeness:
          minDelay: fast
        """);

    int code = run("crawl", "--config", config.toString(), "--site", "news");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("news.yaml:3").contains("politeness.minDelay")
        .contains("fast").doesNotContain("Exception");
  }

  @Test
  void unknownKeyIsAConfigError() throws Exception {
    Path config = configWithSite("news", """
        seeds: ["http://127.0.0.1:9/"]
        maxPagez: 10
        """);

    assertThat(run("check-config", "--config", config.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("news.yaml:2").contains("maxPagez");
  }

  @Test
  void checkConfigAcceptsTheShippedConfig() {
    assertThat(run("check-config", "--config", "config")).isEqualTo(0);
    assertThat(out.toString()).contains("config OK").contains("demo");
  }

  @Test
  void unknownSiteIsBadUsage() throws Exception {
    Path config = configWithSite("news", "seeds: [\"http://127.0.0.1:9/\"]\n");

    assertThat(run("crawl", "--config", config.toString(), "--site", "nope")).isEqualTo(2);
    assertThat(err.toString()).contains("no site 'nope'").contains("news");
  }

  @Test
  void crawlWithoutSiteOrSeedIsBadUsage() {
    assertThat(run("crawl")).isEqualTo(2);
    assertThat(err.toString()).contains("--site").contains("--seed");
  }

  @Test
  void userAgentWithoutContactIsRefused() {
    int code = run("crawl", "--seed", "http://127.0.0.1:9/", "--user-agent", "bot/1.0",
        "--out", tmp.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).containsIgnoringCase("contact");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"example.com", "ftp://example.com/"})
  void badSeedIsBadUsage(String seed) {
    assertThat(run("crawl", "--seed", seed, "--out", tmp.toString(), "--state",
        tmp.resolve("state").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("seed");
  }

  @Test
  void politenessScopeIsHostOrDomain() throws Exception {
    Path config = configWithSite("news", "seeds: [\"http://127.0.0.1:9/\"]\n");
    Files.writeString(config.resolve("gazette.yaml"), "politenessScope: street\n");

    assertThat(run("check-config", "--config", config.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("gazette.yaml:1").contains("politenessScope")
        .contains("host or domain");
  }

  @Test
  void configuredSitemapsAndFeedsMustBeHttpUrls() throws Exception {
    Path config = configWithSite("news", """
        seeds: ["http://127.0.0.1:9/"]
        sitemaps: ["http://127.0.0.1:9/sitemap.xml"]
        feeds: ["http://127.0.0.1:9/rss.xml", "ftp://127.0.0.1/feed"]
        """);

    assertThat(run("check-config", "--config", config.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("news.yaml:3").contains("feeds").contains("ftp");
  }
}
