package org.gazette.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gazette.testing.HostileServer.html;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gazette.fetch.PrivateAddresses;
import org.gazette.testing.HostileServer;
import org.gazette.testing.WarcAssertions;
import org.gazette.testing.WarcAssertions.ReadRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, crawler traps: pages that generate links for ever (a calendar, a path that grows or
 * repeats itself, session ids, the same page spelt many ways) against a real crawl of a loopback
 * server. Each test counts the requests the server saw: the trap is entered, then bounded by the
 * rule that is meant to bound it, and the normal article beside it is archived.
 */
class CrawlTrapsIT {
  private static final Pattern NUMBER = Pattern.compile("[?&]day=(-?\\d+)");

  @TempDir Path tmp;
  HostileServer server;

  @BeforeEach
  void start() throws Exception {
    server = new HostileServer();
    server.on("/news/normal", html("<html><body><article><h1>Normal</h1><p>"
        + "Plain words of a plain story. ".repeat(40) + "</p></article></body></html>"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private RunSummary crawl(String site, int maxDepth, int maxPagesPerHost, String... hrefs)
      throws Exception {
    List<String> links = new java.util.ArrayList<>(List.of(hrefs));
    links.add("/news/normal");
    server.on("/", HostileWebIT.front(links));
    URI seed = server.uri("/");
    return HostileWebIT.run(HostileWebIT.spec(site, seed, List.of(seed.getHost()), 0, maxDepth,
        PrivateAddresses.ALL, tmp).withMaxPagesPerHost(maxPagesPerHost));
  }

  private List<ReadRecord> archive(String site) throws Exception {
    List<ReadRecord> records = WarcAssertions.assertValidArchive(tmp.resolve("warc").resolve(site));
    assertThat(records).as("the normal article")
        .anyMatch(r -> r.type().equals("response")
            && (server.base() + "/news/normal").equals(r.targetUri()) && r.httpStatus() == 200);
    return records;
  }

  @Test
  void endlessCalendarIsBoundedByMaxDepth() throws Exception {
    // every day links to the next and the previous one, for ever
    server.onTarget("/news/calendar", target -> {
      Matcher m = NUMBER.matcher(target);
      int day = m.find() ? Integer.parseInt(m.group(1)) : 0;
      return html("<html><body><h1>Day " + day + "</h1><a href=\"/news/calendar?day="
          + (day + 1) + "\">next</a> <a href=\"/news/calendar?day=" + (day - 1)
          + "\">previous</a></body></html>");
    });

    crawl("calendar", 3, Integer.MAX_VALUE, "/news/calendar?day=0");

    // depth 1 is day 0; depth 2 days -1 and 1; depth 3 days -2 and 2; nothing deeper
    assertThat(server.targets()).filteredOn(t -> t.startsWith("/news/calendar"))
        .containsExactlyInAnyOrder("/news/calendar?day=0", "/news/calendar?day=-1",
            "/news/calendar?day=1", "/news/calendar?day=-2", "/news/calendar?day=2");
    archive("calendar");
  }

  @Test
  void aHostFullOfGeneratedPagesStopsAtMaxPagesPerHost() throws Exception {
    // a faceted search: every page links to ten new ones
    server.onTarget("/news/search", target -> {
      StringBuilder page = new StringBuilder("<html><body>");
      for (int i = 0; i < 10; i++) {
        page.append("<a href=\"/news/search?q=").append(UUID.randomUUID()).append("\">r</a>");
      }
      return html(page.append("</body></html>").toString());
    });

    RunSummary summary = crawl("search", 50, 20, "/news/search?q=start");

    // the seed is not counted; the front page's two links and 18 search pages are the 20
    assertThat(server.count("/news/search")).isEqualTo(19);
    assertThat(summary.errors()).containsKey("host-page-limit");
    archive("search");
  }

  @Test
  void pathsThatGrowOrRepeatAreCutByThePathRules() throws Exception {
    // a relative link that resolves against its own page: /news/loop/x/, /news/loop/x/x/, ...
    server.onPrefix("/news/loop/", target -> html("<html><body><a href=\"x/\">again</a>"
        + "</body></html>"));
    // two segments that repeat: /news/pair/a/b/, /news/pair/a/b/a/b/, ...
    server.onPrefix("/news/pair/", target -> html("<html><body><a href=\"a/b/\">again</a>"
        + "</body></html>"));
    // ever deeper, never repeating: /news/deep/1/, /news/deep/1/2/, ...
    server.onPrefix("/news/deep/", target -> {
      String path = target.split("\\?")[0];
      int depth = path.split("/").length;
      return html("<html><body><a href=\"" + path + depth + "/\">deeper</a></body></html>");
    });

    RunSummary summary = crawl("paths", 60, Integer.MAX_VALUE,
        "/news/loop/", "/news/pair/", "/news/deep/");

    List<String> targets = server.targets();
    // x/x/x would repeat x three times, a/b/a/b/a/b a/b three times: neither is requested
    assertThat(targets).filteredOn(t -> t.startsWith("/news/loop/"))
        .containsExactly("/news/loop/", "/news/loop/x/", "/news/loop/x/x/");
    assertThat(targets).filteredOn(t -> t.startsWith("/news/pair/"))
        .containsExactly("/news/pair/", "/news/pair/a/b/", "/news/pair/a/b/a/b/");
    // the deep trap goes to 20 path segments exactly (news, deep and 18 more), not one further
    assertThat(targets).filteredOn(t -> t.startsWith("/news/deep/"))
        .hasSize(19)
        .allMatch(t -> segments(t) <= CrawlTraps.MAX_SEGMENTS)
        .anyMatch(t -> segments(t) == CrawlTraps.MAX_SEGMENTS);
    assertThat(summary.errors()).containsEntry("trap-path", 3L);
    archive("paths");
  }

  @Test
  void sessionIdsReorderedParametersAndFragmentsAreOnePage() throws Exception {
    // every visit hands out a new session id, and links to the page in other spellings
    server.onTarget("/news/story", target -> html("<html><body><article><h1>Story</h1>"
        + "<a href=\"/news/story?id=7&PHPSESSID=" + UUID.randomUUID() + "\">again</a>"
        + "<a href=\"/news/story;jsessionid=" + UUID.randomUUID() + "?id=7\">again</a>"
        + "<a href=\"/news/story?utm_source=feed&id=7#comments\">again</a>"
        + "<a href=\"/news/story?b=2&a=1\">one</a><a href=\"/news/story?a=1&b=2#top\">one</a>"
        + "</article></body></html>"));

    crawl("session", 5, Integer.MAX_VALUE,
        "/news/story?id=7&sessionid=" + UUID.randomUUID(), "/news/story?JSESSIONID=x&id=7");

    assertThat(server.targets()).filteredOn(t -> t.startsWith("/news/story"))
        .containsExactlyInAnyOrder("/news/story?id=7", "/news/story?a=1&b=2");
    archive("session");
  }

  private static int segments(String target) {
    String path = target.split("\\?")[0];
    String trimmed = path.endsWith("/") ? path.substring(1, path.length() - 1) : path.substring(1);
    return trimmed.split("/").length;
  }
}
