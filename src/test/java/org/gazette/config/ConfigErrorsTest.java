package org.gazette.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Each kind of mistake, from a fixture folder named after it, is reported with file, line, key. */
class ConfigErrorsTest {

  static final Path FIXTURES = ConfigLoaderTest.FIXTURES;

  @ParameterizedTest(name = "{0}: {1}:{2}: {3}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      # folder        | file                | line | key                    | message contains
      unknown-key      | sites/x.yaml        | 3    | politeness.minDelai    | unknown key (did you mean minDelay?)
      wrong-type       | gazette.yaml        | 2    | threads                | expected a whole number, found "four"
      syntax-error     | sites/x.yaml        | 2    | ''                     | YAML syntax error: expected ',' or ']'
      bad-duration     | sites/demo.yaml     | 7    | politeness.minDelay    | not a duration: "fast"
      negative         | sites/x.yaml        | 2    | maxPages               | must be at least 1, found -1
      negative         | sites/x.yaml        | 3    | maxDepth               | must not be negative, found -2
      negative         | gazette.yaml        | 2    | limits.maxRedirects    | must not be negative, found -1
      negative         | gazette.yaml        | 3    | limits.connectTimeout  | must not be negative: "-PT1S"
      bad-seed         | sites/x.yaml        | 2    | seeds[0]               | not an absolute http(s) URL: "ftp://news.example.com/"
      bad-seed         | sites/x.yaml        | 3    | seeds[1]               | not an absolute http(s) URL: "news.example.com/path"
      bad-seed         | sites/x.yaml        | 4    | seeds[2]               | not a URL: "http://exa mple.com/"
      bad-regex        | sites/x.yaml        | 7    | article.urlPatterns[1] | bad regular expression "/news/(\\\\d+\\\\.html": Unclosed group
      bad-zone         | sites/x.yaml        | 2    | timeZone               | unknown time zone "Asia/Shangai" (did you mean Asia/Shanghai?)
      empty-user-agent | gazette.yaml        | 2    | userAgent              | must not be empty
      no-contact       | gazette.yaml        | 1    | userAgent              | has no contact: add a URL or an e-mail address
      no-seeds         | sites/x.yaml        | 0    | seeds                  | a site needs at least one seed URL
      duplicate-key    | sites/x.yaml        | 4    | maxPages               | duplicate key (first at line 2)
      not-a-mapping    | gazette.yaml        | 2    | politeness             | expected a mapping (indented key: value lines), found 5
      bad-size         | gazette.yaml        | 1    | warcMaxFileSize        | not a size: "huge" (use a number of bytes or 500KB, 10MB, 1GB)
      bad-size         | gazette.yaml        | 4    | limits.minFreeSpace    | not a size: "plenty"
      bad-size         | gazette.yaml        | 5    | limits.minFreeSpce     | unknown key (did you mean minFreeSpace?)
      cluster-on-h2    | gazette.yaml        | 3    | state.cluster          | needs a shared database such as PostgreSQL, not H2
      """)
  void namesFileLineAndKey(String folder, String file, int line, String key, String message) {
    Path dir = FIXTURES.resolve(folder);
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(dir));

    assertThat(e).as("loading %s must fail", dir).isNotNull();
    String where = dir.resolve(file) + (line > 0 ? ":" + line : "") + ": "
        + (key.isEmpty() ? "" : key + ": ");
    assertThat(e.problems())
        .anySatisfy(p -> {
          assertThat(p.file()).isEqualTo(dir.resolve(file).toString());
          assertThat(p.line()).isEqualTo(line);
          assertThat(p.key()).isEqualTo(key);
          assertThat(p.message()).contains(message);
        });
    assertThat(e.getMessage().lines()).anySatisfy(l -> assertThat(l).startsWith(where).contains(message));
  }

  @Test
  void messageIsOneLinePerProblemInTheCompilerForm() {
    Path dir = FIXTURES.resolve("bad-duration");
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(dir));

    assertThat(e.getMessage()).isEqualTo(dir.resolve("sites/demo.yaml")
        + ":7: politeness.minDelay: not a duration: \"fast\""
        + " (use ISO-8601 like PT1S or 500ms, 2s, 30m)");
  }

  @Test
  void everyProblemInEveryFileIsReportedTogether() {
    Path dir = FIXTURES.resolve("many-errors");
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(dir));

    String g = dir.resolve("gazette.yaml").toString();
    String a = dir.resolve("sites/a.yaml").toString();
    String b = dir.resolve("sites/b.yaml").toString();
    assertThat(e.problems()).extracting(p -> p.file() + ":" + p.line() + ":" + p.key())
        .containsExactly(
            g + ":1:threads",
            g + ":3:politeness.minDelay",
            a + ":1:seeds[0]",
            a + ":2:colour",
            b + ":3:");
    assertThat(e.getMessage().lines()).hasSize(5);
    assertThat(e.getMessage()).contains(b + ":3: YAML syntax error:")
        .contains("while parsing a flow sequence started at line 2");
  }

  @Test
  void oneMistakeIsOneProblem() {
    Path dir = FIXTURES.resolve("seeds-not-a-list");
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(dir));

    assertThat(e.getMessage()).isEqualTo(dir.resolve("sites/x.yaml")
        + ":2: seeds: expected a list like [\"a\", \"b\"], found \"https://news.example.com/\"");
  }

  @Test
  void problemsWithoutLineOrKeyLeaveThemOut() {
    assertThat(new ConfigException.Problem("f.yaml", 0, "seeds", "missing"))
        .hasToString("f.yaml: seeds: missing");
    assertThat(new ConfigException.Problem("f.yaml", 4, "", "YAML syntax error: x"))
        .hasToString("f.yaml:4: YAML syntax error: x");
    assertThat(new ConfigException(List.of(
        new ConfigException.Problem("a", 1, "k", "one"),
        new ConfigException.Problem("b", 2, "l", "two"))))
        .hasMessage("a:1: k: one\nb:2: l: two");
  }
}
