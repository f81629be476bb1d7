package org.gazette.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.gazette.testing.Fuzzing;

/**
 * Fuzzes gazette's robots.txt handling: {@link RobotsCache#parse} (crawler-commons' parser with
 * gazette's agent, the one {@code gazette robots --robots-file} and every crawl use), the rule
 * display of {@link MatchingRule}, the 500 KiB cut of {@link RobotsCache#firstLines}, and the
 * mapping of a fetch outcome (status, redirects, content coding, a cut body) to a policy in
 * {@link RobotsCache#policy}.
 *
 * <p>Inputs are arbitrary bytes and generated robots.txt files whose verdict is known by
 * construction: files without a Disallow rule, and files whose {@code *} group disallows
 * {@code /} with only other agents' groups beside it, written with every line ending, BOMs,
 * comments, odd spacing and letter case that RFC 9309 allows.
 */
@AddLifecycleHook(Fuzzing.class)
class RobotsFuzzTest {

  private static final String SITE = "https://news.example.com";
  private static final URI ROBOTS = URI.create(SITE + "/robots.txt");
  private static final String AGENT = "gazette/1.0 (+https://example.org/bot)";

  /** Agents that are not gazette's, some of them prefixes or extensions of its name. */
  private static final String[] OTHER_AGENTS = {
    "otherbot", "Googlebot", "gazette-images", "gazettebot", "gaz", "news-gazette", "bingbot/2.0"
  };

  private static Runnable loud;

  @BeforeContainer
  static void quiet() {
    loud = Fuzzing.silence("crawlercommons.robots", RobotsCache.class.getName());
  }

  @AfterContainer
  static void restoreLogging() {
    loud.run();
  }

  // ---- arbitrary input --------------------------------------------------------------------

  @Property(tries = 200)
  void anyBytesParseToAConsistentPolicy(
      @ForAll("robotsBytes") byte[] content, @ForAll("paths") List<String> paths) {
    RobotsCache.Policy policy = new RobotsCache(AGENT).parse(ROBOTS, content, "text/plain");
    RobotsCache.Policy again = new RobotsCache(AGENT).parse(ROBOTS, content, "text/plain");

    assertThat(policy.unavailable()).isNull();
    assertThat(again.crawlDelay()).isEqualTo(policy.crawlDelay());
    for (String path : paths) {
      URI uri = uri(path);
      assertConsistent(policy, uri);
      assertThat(again.allows(uri)).as("second parse, %s", uri).isEqualTo(policy.allows(uri));
      assertThat(again.matchingRule(uri)).isEqualTo(policy.matchingRule(uri));
    }
  }

  // ---- verdicts known by construction --------------------------------------------------------

  @Property(tries = 200)
  void aFileThatDisallowsNothingAllowsEveryPath(
      @ForAll("withoutDisallow") String robots, @ForAll("paths") List<String> paths) {
    RobotsCache.Policy policy = parse(robots);

    for (String path : paths) {
      URI uri = uri(path);
      assertThat(policy.allows(uri)).as("%s under%n%s", uri, robots).isTrue();
      assertConsistent(policy, uri);
    }
  }

  @Property(tries = 200)
  void disallowSlashForStarRefusesEveryPathButRobotsTxt(
      @ForAll("starDisallowsAll") String robots, @ForAll("paths") List<String> paths) {
    RobotsCache.Policy policy = parse(robots);

    for (String path : paths) {
      URI uri = uri(path);
      // RFC 9309 2.2.2 leaves /robots.txt itself always allowed, and crawler-commons does so
      boolean robotsTxt = uri.getRawPath().equals("/robots.txt");
      assertThat(policy.allows(uri)).as("%s under%n%s", uri, robots).isEqualTo(robotsTxt);
      assertConsistent(policy, uri);
    }
  }

  @Property(tries = 150)
  void gazettesOwnGroupReplacesTheStarGroup(
      @ForAll("starDisallowsAll") String starGroup, @ForAll("ownDisallows") List<String> own,
      @ForAll("ownAgent") String spelling, @ForAll("paths") List<String> paths) {
    StringBuilder robots = new StringBuilder(starGroup).append("\nUser-agent: ").append(spelling)
        .append('\n');
    own.forEach(prefix -> robots.append("Disallow: ").append(prefix).append('\n'));
    RobotsCache.Policy policy = parse(robots.toString());

    for (String path : paths) {
      URI uri = uri(path);
      boolean refused = own.stream().anyMatch(uri.getRawPath()::startsWith);
      assertThat(policy.allows(uri)).as("%s under%n%s", uri, robots).isEqualTo(!refused);
      assertConsistent(policy, uri);
    }
  }

  // ---- the 500 KiB limit ----------------------------------------------------------------------

  @Property(tries = 30)
  void onlyWholeLinesOfTheFirst500KiBAreParsed(@ForAll("aroundTheLimit") byte[] body) {
    byte[] head = RobotsCache.firstLines(body);

    assertThat(head).isEqualTo(Arrays.copyOf(body, head.length));
    if (body.length <= RobotsCache.MAX_BYTES) {
      assertThat(head.length).isEqualTo(body.length);
      return;
    }
    assertThat(head.length).isLessThanOrEqualTo(RobotsCache.MAX_BYTES);
    int lastBreak = lastLineBreak(body, RobotsCache.MAX_BYTES);
    if (isLineBreak(body[RobotsCache.MAX_BYTES])) {
      assertThat(head.length).as("cut at a line break").isEqualTo(RobotsCache.MAX_BYTES);
    } else if (lastBreak < 0) {
      assertThat(head.length).as("no line break at all: the limit")
          .isEqualTo(RobotsCache.MAX_BYTES);
    } else {
      assertThat(head.length).as("after the last whole line").isEqualTo(lastBreak + 1);
    }
  }

  // ---- fetch outcome to policy (RFC 9309 2.3.1) -----------------------------------------------

  @Property(tries = 200)
  void everyFetchOutcomeMapsToThePolicyOfRfc9309(
      @ForAll("answers") List<Answer> answers, @ForAll("paths") List<String> paths)
      throws Exception {
    List<URI> asked = new ArrayList<>();
    RobotsCache.Fetch fetch = uri -> {
      Answer answer = answers.get(Math.min(asked.size(), answers.size() - 1));
      asked.add(uri);
      return answer.exchange(uri);
    };

    RobotsCache.Policy policy = new RobotsCache(AGENT).policy(URI.create(SITE + "/x"), fetch);

    Expected expected = expect(answers);
    Statistics.collect(expected.kind);
    assertThat(asked).as("robots.txt requests").hasSize(expected.fetches);
    assertThat(asked.get(0)).isEqualTo(ROBOTS);
    switch (expected.kind) {
      case "unreachable" -> {
        assertThat(policy.unavailable()).isNotNull();
        paths.forEach(p -> assertThat(policy.allows(uri(p))).as(p).isFalse());
      }
      case "allow-all" -> {
        assertThat(policy.unavailable()).isNull();
        paths.forEach(p -> assertThat(policy.allows(uri(p))).as(p).isTrue());
      }
      default -> assertThat(policy.unavailable()).isNull(); // rules read: any verdict
    }
    for (String path : paths) {
      assertConsistent(policy, uri(path));
    }
    Statistics.coverage(c -> {
      c.check("unreachable").percentage(p -> p > 5);
      c.check("allow-all").percentage(p -> p > 5);
      c.check("read").percentage(p -> p > 5);
    });
  }

  /** One response of the fake robots.txt server. */
  record Answer(int status, String location, String encoding, byte[] payload, Truncation cut) {

    HttpExchange exchange(URI uri) {
      List<HttpHeader> headers = new ArrayList<>();
      headers.add(new HttpHeader("Content-Type", "text/plain"));
      if (location != null) {
        headers.add(new HttpHeader("Location", location));
      }
      if (encoding != null) {
        headers.add(new HttpHeader("Content-Encoding", encoding));
      }
      return new HttpExchange(uri, Instant.EPOCH, InetAddress.getLoopbackAddress(), new byte[0],
          payload, 0, status, headers, payload, cut, 0);
    }

    @Override
    public String toString() {
      return status + (location == null ? "" : " -> " + location) + " " + encoding + " "
          + payload.length + " bytes " + cut;
    }
  }

  /** What RFC 9309 2.3.1 makes of a sequence of answers: a policy kind and the requests. */
  private record Expected(String kind, int fetches) {}

  private static Expected expect(List<Answer> answers) {
    for (int i = 0; ; i++) {
      Answer a = answers.get(Math.min(i, answers.size() - 1));
      int s = a.status();
      if (s >= 200 && s < 300) {
        boolean cut = a.cut() == Truncation.TIME || a.cut() == Truncation.DISCONNECT;
        return new Expected(cut && a.payload().length < RobotsCache.MAX_BYTES
            ? "unreachable" : "read", i + 1);
      }
      if (s >= 300 && s < 400) {
        // String.trim, as RobotsCache: it strips every control character, not only spaces
        if (a.location() == null || a.location().trim().isEmpty() || !resolvable(a.location())) {
          return new Expected("unreachable", i + 1);
        }
        if (i == RobotsCache.MAX_REDIRECTS) {
          return new Expected("allow-all", i + 1); // RFC 9309 2.3.1.2: then "unavailable"
        }
        continue;
      }
      if (s >= 400 && s < 500 && s != 429) {
        return new Expected("allow-all", i + 1);
      }
      return new Expected("unreachable", i + 1);
    }
  }

  private static boolean resolvable(String location) {
    try {
      ROBOTS.resolve(location.trim());
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  // ---- generators -----------------------------------------------------------------------------

  @Provide
  Arbitrary<byte[]> robotsBytes() {
    Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
    Arbitrary<byte[]> soup = Arbitraries.oneOf(robotsLine(), Arbitraries.strings().all()
            .ofMaxLength(40))
        .list().ofMaxSize(40)
        .map(lines -> String.join(lineEndingFor(lines.size()), lines).getBytes(
            StandardCharsets.UTF_8));
    Arbitrary<byte[]> latin1 = Arbitraries.strings().all().ofMaxLength(500)
        .map(s -> s.getBytes(StandardCharsets.ISO_8859_1));
    return Arbitraries.oneOf(noise, soup, latin1);
  }

  /** A line a robots.txt may hold, right or wrong. */
  private Arbitrary<String> robotsLine() {
    Arbitrary<String> key = Arbitraries.of("User-agent", "user-agent", "USER-AGENT", "Allow",
        "Disallow", "disallow", "Crawl-delay", "Sitemap", "Host", "Noindex", "Clean-param",
        "Request-rate", "Dissallow", "#", "", "User agent", "Useragent");
    Arbitrary<String> sep = Arbitraries.of(":", ": ", " : ", ":\t", " ", "", "::");
    Arbitrary<String> value = Arbitraries.oneOf(
        Arbitraries.of("*", "/", "", "gazette", "Gazette/1.0", "/private/", "/*.gif$", "$", "*$",
            "/%E3%83%84", "/%zz", "-1", "0", "2.5", "1e309", "NaN", "99999999999999999999",
            "https://news.example.com/sitemap.xml", "/a#b", "/ツ"),
        Arbitraries.strings().withChars("/*$?=&%.-_aZ09~#").ofMaxLength(30),
        Arbitraries.strings().all().ofMaxLength(30));
    Arbitrary<String> comment = Arbitraries.of("", "", " # note", "#", " #\u0000");
    return Combinators.combine(key, sep, value, comment).as((k, s, v, c) -> k + s + v + c);
  }

  private static String lineEndingFor(int n) {
    return switch (n % 3) {
      case 0 -> "\n";
      case 1 -> "\r\n";
      default -> "\r";
    };
  }

  /** Files with any lines but Disallow ones: every path is allowed. */
  @Provide
  Arbitrary<String> withoutDisallow() {
    Arbitrary<String> agentLine = agentSpellings().map(a -> "User-agent: " + a);
    Arbitrary<String> allow = Arbitraries.oneOf(Arbitraries.of("/", "/*", "*", "/private/", "$"),
        pathPattern()).map(p -> "Allow: " + p);
    Arbitrary<String> emptyDisallow = Arbitraries.of("Disallow:", "Disallow: ", "disallow:\t",
        "Disallow: # nothing");
    Arbitrary<String> other = Arbitraries.of("Crawl-delay: 2", "Sitemap: " + SITE + "/s.xml",
        "Host: news.example.com", "# Disallow: /", "", "   ", "Noindex: /x", "Request-rate: 1/5");
    Arbitrary<String> line = Arbitraries.frequencyOf(
        Tuple.of(3, agentLine), Tuple.of(3, allow), Tuple.of(2, emptyDisallow), Tuple.of(2, other));
    return file(line.list().ofMaxSize(30));
  }

  /**
   * A {@code *} group (perhaps split in several, merged as RFC 9309 2.2.1 says) disallowing
   * {@code /} among other Disallow rules, and groups for other agents with any rules.
   */
  @Provide
  Arbitrary<String> starDisallowsAll() {
    Arbitrary<List<String>> starRules = pathPattern().map(p -> "Disallow: " + p).list()
        .ofMaxSize(5)
        .flatMap(rules -> Arbitraries.integers().between(0, rules.size()).map(at -> {
          List<String> all = new ArrayList<>(rules);
          all.add(at, "Disallow: /");
          return all;
        }));
    Arbitrary<List<String>> starGroup = Combinators.combine(
            Arbitraries.of("User-agent: *", "user-agent:*", "USER-AGENT : *",
                "User-agent: * # all"),
            starRules,
            Arbitraries.<List<String>>of(List.of(), List.of("Crawl-delay: 1"), List.of("Sitemap: /s")))
        .as((head, rules, extra) -> {
          List<String> lines = new ArrayList<>();
          lines.add(head);
          lines.addAll(rules);
          lines.addAll(extra);
          return lines;
        });
    Arbitrary<List<String>> otherGroup = Combinators.combine(
            Arbitraries.of(OTHER_AGENTS),
            Arbitraries.oneOf(pathPattern().map(p -> "Allow: " + p),
                pathPattern().map(p -> "Disallow: " + p)).list().ofMaxSize(4))
        .as((agent, rules) -> {
          List<String> lines = new ArrayList<>();
          lines.add("User-agent: " + agent);
          lines.addAll(rules);
          return lines;
        });
    return Combinators.combine(starGroup, otherGroup.list().ofMaxSize(3),
            Arbitraries.integers().between(0, 3))
        .as((star, others, at) -> {
          List<List<String>> groups = new ArrayList<>(others);
          groups.add(Math.min(at, groups.size()), star);
          List<String> lines = new ArrayList<>();
          groups.forEach(g -> {
            lines.addAll(g);
            lines.add("");
          });
          return lines;
        })
        .flatMap(lines -> file(Arbitraries.just(lines)));
  }

  /** Plain path prefixes for gazette's own group, under /private/ so that others stay open. */
  @Provide
  Arbitrary<List<String>> ownDisallows() {
    return Arbitraries.strings().withChars("abcxyz0-9/").ofMaxLength(8)
        .map(s -> "/private/" + s).list().ofMinSize(1).ofMaxSize(4);
  }

  /** gazette's product token as a robots.txt group names it: matched without regard to case. */
  @Provide
  Arbitrary<String> ownAgent() {
    return Arbitraries.of("gazette", "Gazette", "GAZETTE", "gAzEtTe");
  }

  /** gazette's product token as robots.txt files write it: any case, a version, other agents. */
  private static Arbitrary<String> agentSpellings() {
    return Arbitraries.of("gazette", "Gazette", "GAZETTE", "gAzEtTe", "gazette/1.0", "*",
        "otherbot", "Gazette/2.0 (compatible)");
  }

  /** The lines of a file, written with one of the line endings, a BOM or not, odd spacing. */
  private static Arbitrary<String> file(Arbitrary<List<String>> lines) {
    return Combinators.combine(lines, Arbitraries.of("\n", "\r\n", "\r"),
            Arbitraries.of("", "\uFEFF"), Arbitraries.of("", " ", "\t"),
            Arbitraries.of(true, false))
        .as((ls, eol, bom, indent, finalEol) -> bom + String.join(eol,
            ls.stream().map(l -> indent + l).toList()) + (finalEol ? eol : ""));
  }

  /** Rule paths: prefixes, wildcards, end anchors, percent-encoding, non-ASCII. */
  private static Arbitrary<String> pathPattern() {
    return Arbitraries.oneOf(
        Arbitraries.of("/private/", "/*.gif$", "/search*q=", "/a/%E3%83%84", "/ツ", "/fish*",
            "/$", "/*", "/page?x=1"),
        Arbitraries.strings().withChars("abz09/*$%?=.-").ofMaxLength(12).map(s -> "/" + s));
  }

  /** Probe paths, always some that the generated files name. */
  @Provide
  Arbitrary<List<String>> paths() {
    Arbitrary<String> named = Arbitraries.of("/", "/robots.txt", "/private/", "/private/x/y",
        "/news/1.html", "/img/a.gif", "/img/a.gif?v=2", "/search?q=1", "/ツ", "/a/%E3%83%84",
        "/fish", "/page?x=1", "/index.html", "/%zz");
    Arbitrary<String> random = Arbitraries.strings().withChars("abz09/*$%?=.-~ツé").ofMaxLength(20)
        .map(s -> "/" + s);
    return Arbitraries.oneOf(named, random).list().ofMinSize(1).ofMaxSize(12);
  }

  @Provide
  Arbitrary<byte[]> aroundTheLimit() {
    int max = RobotsCache.MAX_BYTES;
    return Combinators.combine(
            Arbitraries.integers().between(max - 3, max + 5000),
            Arbitraries.integers().between(0, max + 4999).list().ofMaxSize(6),
            Arbitraries.of((byte) '\n', (byte) '\r'))
        .as((size, breaks, lineBreak) -> {
          byte[] body = new byte[size];
          Arrays.fill(body, (byte) 'a');
          breaks.stream().filter(b -> b < size).forEach(b -> body[b] = lineBreak);
          return body;
        });
  }

  @Provide
  Arbitrary<List<Answer>> answers() {
    Arbitrary<Integer> status = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(200, 206, 299)),
        Tuple.of(4, Arbitraries.of(301, 302, 307, 308, 300, 399)),
        Tuple.of(2, Arbitraries.of(400, 401, 403, 404, 410, 429, 499)),
        Tuple.of(2, Arbitraries.of(500, 502, 503, 599)),
        Tuple.of(1, Arbitraries.of(100, 101, 103, 600, 999)));
    Arbitrary<String> location = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.of("/robots2.txt", "https://other.example.org/robots.txt",
            "http://news.example.com:8080/r.txt", "robots.txt", "  /spaced.txt  ")),
        Tuple.of(1, Arbitraries.of("", "   ", "http://[broken", "%zz", "a b", "\u0000")),
        Tuple.of(1, Arbitraries.just((String) null)),
        Tuple.of(1, Arbitraries.strings().all().ofMaxLength(20)));
    Arbitrary<String> encoding = Arbitraries.of(null, null, "identity", "gzip", "x-gzip",
        "deflate", "br", "GZIP ", "compress", "");
    Arbitrary<byte[]> rules = Arbitraries.of("User-agent: *\nDisallow: /private/\n",
            "User-agent: gazette\nDisallow: /\n", "", "<html><body>not found</body></html>")
        .map(s -> s.getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> payload = Arbitraries.oneOf(rules, rules.map(RobotsFuzzTest::gzip),
        rules.map(RobotsFuzzTest::gzip).map(g -> Arrays.copyOf(g, g.length / 2)),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(300));
    Arbitrary<Answer> answer = Combinators.combine(status, location, encoding, payload,
        Arbitraries.of(Truncation.class)).as(Answer::new);
    return answer.list().ofMinSize(1).ofMaxSize(8);
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static RobotsCache.Policy parse(String robots) {
    return new RobotsCache(AGENT).parse(ROBOTS, robots.getBytes(StandardCharsets.UTF_8),
        "text/plain");
  }

  /**
   * What every policy promises for every URL: a deciding rule, when one is named, agrees with
   * the verdict (it is what {@code gazette robots} prints as the reason), and asking twice gives
   * the same answer.
   */
  private static void assertConsistent(RobotsCache.Policy policy, URI uri) {
    boolean allowed = policy.allows(uri);
    Optional<MatchingRule> rule = policy.matchingRule(uri);
    rule.ifPresent(r -> {
      assertThat(r.allow()).as("rule %s deciding %s", r, uri).isEqualTo(allowed);
      assertThat(r.pattern()).isNotEmpty();
      assertThat(r.toString()).startsWith(allowed ? "Allow: " : "Disallow: ");
    });
    assertThat(policy.allows(uri)).isEqualTo(allowed);
  }

  /**
   * A URI of the site with {@code path}; characters a URI may not hold as they are (and a
   * {@code %} not followed by two hex digits) are percent-encoded, as a crawler's URLs are.
   */
  static URI uri(String path) {
    StringBuilder s = new StringBuilder(SITE);
    byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      boolean escape = b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1])
          && isHex(bytes[i + 2]);
      if (escape || (b < 0x80 && "-._~!$&'()*+,;=:@/?".indexOf(b) >= 0)
          || (b < 0x80 && Character.isLetterOrDigit(b))) {
        s.append((char) b);
      } else {
        s.append('%').append(String.format("%02X", b));
      }
    }
    return URI.create(s.toString());
  }

  private static boolean isHex(byte b) {
    return Character.digit(b, 16) >= 0;
  }

  private static int lastLineBreak(byte[] body, int before) {
    for (int i = before - 1; i >= 0; i--) {
      if (isLineBreak(body[i])) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isLineBreak(byte b) {
    return b == '\n' || b == '\r';
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
