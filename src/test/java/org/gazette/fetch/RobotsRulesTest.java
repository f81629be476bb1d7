package org.gazette.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 9309's rules (section 2.2) as gazette applies them: robots.txt fixtures parsed by
 * crawler-commons through {@link RobotsCache#parse}, and the rule that decided each URL.
 */
class RobotsRulesTest {
  private static final URI SITE = URI.create("https://news.example.com");

  @ParameterizedTest(name = "{0}: {1} {2} -> {3} {4}")
  @CsvSource(delimiter = '|', textBlock = """
      # fixture                 | agent                                | path                               | verdict    | rule
      rfc9309-simple-example    | otherbot                             | /example/x                         | disallowed | Disallow: /example/
      rfc9309-simple-example    | otherbot                             | /publications/2020.html            | allowed    | Allow: /publications/
      rfc9309-simple-example    | otherbot                             | /img/cat.gif                       | disallowed | Disallow: *.gif$
      rfc9309-simple-example    | otherbot                             | /img/cat.gif?size=2                | allowed    |
      rfc9309-simple-example    | foobot                               | /example/page.html                 | allowed    | Allow: /example/page.html
      rfc9309-simple-example    | foobot                               | /example/allowed.gif               | allowed    | Allow: /example/allowed.gif
      rfc9309-simple-example    | foobot                               | /example/other                     | disallowed | Disallow: /
      rfc9309-simple-example    | foobot                               | /publications/2020.html            | disallowed | Disallow: /
      rfc9309-simple-example    | barbot                               | /example/page.html                 | disallowed | Disallow: /example/page.html
      rfc9309-simple-example    | bazbot                               | /example/page.html                 | disallowed | Disallow: /example/page.html
      rfc9309-simple-example    | barbot                               | /example/other                     | allowed    |
      rfc9309-simple-example    | bazbot                               | /img/cat.gif                       | allowed    |
      rfc9309-simple-example    | quxbot                               | /example/page.html                 | allowed    |
      rfc9309-longest-match     | foobot                               | /example/page/disallowed.gif       | disallowed | Disallow: /example/page/disallowed.gif
      rfc9309-longest-match     | foobot                               | /example/page/other.gif            | allowed    | Allow: /example/page/
      allow-wins-tie            | anybot                               | /page                              | allowed    | Allow: /page
      allow-wins-tie            | anybot                               | /pages/2                           | allowed    | Allow: /page
      allow-wins-tie            | anybot                               | /folder/a.html                     | allowed    | Allow: /folder/
      merged-groups-same-agent  | ExampleBot/1.0                       | /foo                               | disallowed | Disallow: /foo
      merged-groups-same-agent  | examplebot                           | /bar                               | disallowed | Disallow: /bar
      merged-groups-same-agent  | EXAMPLEBOT                           | /baz                               | disallowed | Disallow: /baz
      merged-groups-same-agent  | examplebot                           | /qux                               | allowed    |
      star-group-fallback       | ExampleBot                           | /foo                               | disallowed | Disallow: /foo
      star-group-fallback       | ExampleBot                           | /baz                               | allowed    |
      star-group-fallback       | BazBot                               | /baz                               | disallowed | Disallow: /baz
      star-group-fallback       | BazBot                               | /foo                               | allowed    |
      agent-product-token       | gazette/0.1 (+https://example.org/b) | /private/x                         | disallowed | Disallow: /private/
      agent-product-token       | gazette/0.1 (+https://example.org/b) | /news/1.html                       | allowed    |
      agent-product-token       | Gazette                              | /news/1.html                       | allowed    |
      agent-product-token       | gazettebot/1.0                       | /news/1.html                       | disallowed | Disallow: /
      agent-product-token       | gazette-images                       | /news/1.html                       | disallowed | Disallow: /news/
      agent-product-token       | gazette-images                       | /private/x                         | allowed    |
      wildcards                 | anybot                               | /img/a.gif                         | disallowed | Disallow: /*.gif$
      wildcards                 | anybot                               | /img/a.gif?v=2                     | allowed    |
      wildcards                 | anybot                               | /search?q=cats                     | disallowed | Disallow: /search*q=
      wildcards                 | anybot                               | /search/advanced?lang=en&q=x       | disallowed | Disallow: /search*q=
      wildcards                 | anybot                               | /search?lang=en                    | allowed    |
      wildcards                 | anybot                               | /this/path/exactly                 | allowed    | Allow: /this/path/exactly$
      wildcards                 | anybot                               | /this/path/exactly/more            | disallowed | Disallow: /this/path/
      wildcards                 | anybot                               | /fishheads                         | disallowed | Disallow: /fish*
      wildcards                 | anybot                               | /Fish                              | allowed    |
      empty-disallow            | anybot                               | /anything                          | allowed    |
      slash-disallow            | anybot                               | /                                  | disallowed | Disallow: /
      slash-disallow            | anybot                               | /news/1.html                       | disallowed | Disallow: /
      slash-disallow            | anybot                               | /robots.txt                        | allowed    |
      percent-encoding          | anybot                               | /a/%E3%83%84                       | disallowed | Disallow: /a/%E3%83%84
      percent-encoding          | anybot                               | /a/ツ                              | disallowed | Disallow: /a/%E3%83%84
      percent-encoding          | anybot                               | /b/ツ                              | disallowed | Disallow: /b/%E3%83%84
      percent-encoding          | anybot                               | /b/%e3%83%84                       | disallowed | Disallow: /b/%E3%83%84
      percent-encoding          | anybot                               | /c/baz                             | disallowed | Disallow: /c/baz
      percent-encoding          | anybot                               | /c/%62%61%7A                       | disallowed | Disallow: /c/baz
      percent-encoding          | anybot                               | /d/file-with-a-*.html              | disallowed | Disallow: /d/file-with-a-%2A.html
      percent-encoding          | anybot                               | /d/file-with-a-x.html              | allowed    |
      percent-encoding          | anybot                               | /e/foo-$                           | disallowed | Disallow: /e/foo-%24
      percent-encoding          | anybot                               | /e/foo-                            | allowed    |
      percent-encoding          | anybot                               | /f/bar?baz=quz                     | disallowed | Disallow: /f/bar?baz=quz
      percent-encoding          | anybot                               | /g/bar?baz=https://foo.bar         | disallowed | Disallow: /g/bar?baz=https://foo.bar
      # RFC 9309's table also encodes ":" and "/" of this query; crawler-commons, like Google's
      # robotstxt, keeps reserved characters as written, so the encoded form is another path
      percent-encoding          | anybot                               | /g/bar?baz=https%3A%2F%2Ffoo.bar   | allowed    |
      """)
  void appliesRfc9309Rules(String fixture, String agent, String path, String verdict,
      String rule) throws IOException {
    RobotsCache.Policy policy = parse(fixture, agent);
    URI uri = URI.create(SITE + path);

    assertThat(policy.allows(uri) ? "allowed" : "disallowed").as("verdict").isEqualTo(verdict);
    assertThat(policy.matchingRule(uri).map(MatchingRule::toString))
        .as("matching rule").isEqualTo(Optional.ofNullable(rule));
    assertThat(policy.unavailable()).isNull();
  }

  @Test
  void keepsALongCrawlDelayAsWritten() throws IOException {
    // crawler-commons would turn a Crawl-delay over 5 minutes into "disallow all"; gazette leaves
    // the host alone instead and says why (PoliteFetcher.CrawlDelayTooLong)
    byte[] robots = "User-agent: *\nCrawl-delay: 3600\nDisallow: /private/\n"
        .getBytes(StandardCharsets.US_ASCII);
    RobotsCache.Policy policy = new RobotsCache("gazette")
        .parse(URI.create(SITE + "/robots.txt"), robots, "text/plain");

    assertThat(policy.crawlDelay()).contains(Duration.ofHours(1));
    assertThat(policy.allows(URI.create(SITE + "/news/1.html"))).isTrue();
    assertThat(policy.allows(URI.create(SITE + "/private/1.html"))).isFalse();
  }

  private static RobotsCache.Policy parse(String fixture, String agent) throws IOException {
    String resource = "/robots/" + fixture + ".txt";
    try (InputStream in = RobotsRulesTest.class.getResourceAsStream(resource)) {
      assertThat(in).as("fixture robots/%s.txt", fixture).isNotNull();
      return new RobotsCache(agent).parse(URI.create(SITE + "/robots.txt"), in.readAllBytes(),
          "text/plain");
    }
  }
}
