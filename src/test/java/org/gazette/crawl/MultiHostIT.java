package org.gazette.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.gazette.fetch.FetchOptions;
import org.gazette.fetch.PolitenessGate;
import org.gazette.fetch.RobotsCache;
import org.gazette.sample.SampleNewsSite;
import org.gazette.sample.ServedRequest;
import org.gazette.testing.WarcAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three hosts (127.0.0.1-3 are distinct hosts to a crawler) crawled in one run: each host's
 * requests keep the delay, and the hosts are fetched side by side, not one after the other.
 */
class MultiHostIT {
  @TempDir Path tmp;

  @Test
  void crawlsHostsSideBySideWithoutBreakingAnyHostsDelay() throws Exception {
    Duration delay = Duration.ofMillis(300);
    List<SampleNewsSite> sites = new ArrayList<>();
    try {
      for (int i = 1; i <= 3; i++) {
        sites.add(SampleNewsSite.start("127.0.0." + i, 0));
      }
      List<URI> seeds = sites.stream().map(SampleNewsSite::baseUri).toList();
      RunSpec spec = new RunSpec("three", seeds, seeds.stream().map(URI::getHost).toList(),
          List.of(Pattern.compile("/$"), Pattern.compile("/list/\\d+\\.html$")),
          List.of(Pattern.compile("/news/")), ZoneId.of("Asia/Shanghai"), 300, 1, delay,
          Duration.ofSeconds(30), 0, 3, Duration.ofSeconds(30), 2048, 3,
          new FetchOptions(CrawlIT.UA, Duration.ofSeconds(5), Duration.ofSeconds(5),
              Duration.ofSeconds(20), 10 << 20, true),
          tmp.resolve("warc"), tmp.resolve("state"), "gazette", 60_000, "ops@example.org");

      RunSummary summary = new CrawlRun(spec, new PolitenessGate(1), new RobotsCache(CrawlIT.UA))
          .execute(p -> { });

      assertThat(summary.pages()).isGreaterThan(30);
      for (SampleNewsSite site : sites) {
        List<ServedRequest> log = site.requests();
        assertThat(log).as("requests to %s", site.baseUri()).hasSizeGreaterThanOrEqualTo(4);
        for (int i = 1; i < log.size(); i++) {
          assertThat(Duration.between(log.get(i - 1).time(), log.get(i).time()))
              .as("gap before %s%s", site.baseUri(), log.get(i).path())
              .isGreaterThanOrEqualTo(delay.minusMillis(2));
        }
      }
      // small files rotate while threads write: every JSON line still lies beside its record
      assertThat(summary.warcFiles()).hasSizeGreaterThan(2);
      WarcAssertions.assertValidArchive(tmp.resolve("warc/three"));
      for (Path warc : summary.warcFiles()) {
        String name = warc.getFileName().toString();
        for (String line : Files.readAllLines(WarcAssertions.jsonlBeside(warc))) {
          assertThat(new ObjectMapper().readTree(line).get("warc").get("file").asText())
              .as("warc.file of a line beside %s", name).isEqualTo(name);
        }
      }
      // side by side: while one host is being crawled, the others are too
      for (SampleNewsSite a : sites) {
        for (SampleNewsSite b : sites) {
          if (a != b) {
            Instant aStart = a.requests().get(0).time();
            Instant aEnd = a.requests().get(a.requests().size() - 1).time();
            assertThat(b.requests()).as("%s fetched while %s was", b.baseUri(), a.baseUri())
                .anyMatch(r -> r.time().isAfter(aStart) && r.time().isBefore(aEnd));
          }
        }
      }
    } finally {
      sites.forEach(SampleNewsSite::close);
    }
  }
}
