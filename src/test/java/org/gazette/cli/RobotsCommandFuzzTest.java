package org.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.gazette.fetch.RobotsCache;
import org.gazette.testing.Fuzzing;

/**
 * Fuzzes {@code gazette robots --robots-file}, end to end through {@link Main#run}: any robots.txt
 * file, right or broken, gives exit code 0 and one well-formed line per URL whose verdict is the
 * one {@link RobotsCache#parse} gives and whose deciding rule, when printed, agrees with it. The
 * parsing itself is fuzzed harder by {@code org.gazette.fetch.RobotsFuzzTest}; this checks what
 * the command makes of it.
 */
@AddLifecycleHook(Fuzzing.class)
class RobotsCommandFuzzTest {

  private static final List<String> URLS = List.of("https://news.example.com/",
      "https://news.example.com/private/x.html", "https://news.example.com/robots.txt",
      "https://news.example.com/img/a.gif?v=2", "https://news.example.com/%E3%83%84",
      "https://news.example.com/search?q=a&b=c");

  private static Runnable loud;

  /**
   * crawler-commons warns of every line it does not know, and such a line may hold characters
   * that surefire copies into its XML report unescaped, leaving the report unreadable.
   */
  @BeforeContainer
  static void quiet() {
    loud = Fuzzing.silence("crawlercommons.robots");
  }

  @AfterContainer
  static void restoreLogging() {
    loud.run();
  }

  @Property(tries = 20)
  void everyUrlGetsOneLineWithTheCachesVerdict(
      @ForAll("robotsFiles") String robots, @ForAll("agents") String agent) throws Exception {
    Path dir = Files.createTempDirectory("gazette-fuzz-robots");
    try {
      byte[] content = robots.getBytes(StandardCharsets.UTF_8); // lone surrogates become '?'
      Path file = Files.write(dir.resolve("robots.txt"), content);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      List<String> args = new ArrayList<>(List.of("robots", "--robots-file", file.toString(),
          "--agent", agent));
      args.addAll(URLS);

      int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true),
          args.toArray(String[]::new));

      assertThat(code).as("exit code; stderr %s", err).isZero();
      List<String> lines = out.toString().lines().toList();
      assertThat(lines).hasSameSizeAs(URLS);
      RobotsCache.Policy policy = new RobotsCache(agent).parse(file.toUri(), content,
          "text/plain");
      for (int i = 0; i < URLS.size(); i++) {
        String[] fields = lines.get(i).split("\t");
        boolean allowed = policy.allows(URI.create(URLS.get(i)));
        assertThat(fields[0]).isEqualTo(allowed ? "allowed" : "disallowed");
        assertThat(fields[1]).isEqualTo(URLS.get(i));
        for (int f = 2; f < fields.length; f++) {
          assertThat(fields[f]).matches("(Allow: |Disallow: |Crawl-delay: |# ).*");
          if (fields[f].startsWith("Allow: ") || fields[f].startsWith("Disallow: ")) {
            assertThat(fields[f].startsWith("Allow: ")).as("rule agrees with verdict: %s",
                lines.get(i)).isEqualTo(allowed);
          }
        }
      }
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }

  @Provide
  Arbitrary<String> agents() {
    return Arbitraries.of("gazette", "gazette/1.0 (+https://example.org/bot)", "OtherBot/2.0");
  }

  @Provide
  Arbitrary<String> robotsFiles() {
    Arbitrary<String> path = Arbitraries.oneOf(
        Arbitraries.of("/", "/private/", "*.gif$", "/*?", "/%E3%83%84", "/ツ", "", "/search*b="),
        Arbitraries.strings().withChars("/*$?=&%aZ09").ofMaxLength(10));
    Arbitrary<String> line = Arbitraries.oneOf(
        Combinators.combine(Arbitraries.of("Allow: ", "Disallow: ", "disallow:", "ALLOW :"),
            path).as(String::concat),
        Arbitraries.of("User-agent: *", "User-agent: gazette", "User-agent: otherbot", "",
            "Crawl-delay: 2", "Crawl-delay: 99999999999", "Crawl-delay: -1", "Crawl-delay: 0.5",
            "Sitemap: https://news.example.com/s.xml", "# comment", "\uFEFFUser-agent: *"),
        Arbitraries.strings().all().ofMaxLength(20).map(s -> s.replace("\n", " ")));
    return Combinators.combine(line.list().ofMaxSize(15), Arbitraries.of("\n", "\r\n", "\r"))
        .as((ls, eol) -> String.join(eol, ls));
  }
}
