package org.gazette.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.gazette.fetch.PolitenessGate;
import org.gazette.fetch.RobotsCache;
import org.gazette.sample.SampleNewsSite;
import org.gazette.sample.ServedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** robots.txt's Crawl-delay, seen from the server's side. */
class CrawlDelayIT {
  @TempDir Path tmp;

  @Test
  void honoursCrawlDelayLongerThanTheMinimumDelay() throws Exception {
    Duration crawlDelay = Duration.ofMillis(600);
    try (SampleNewsSite site = SampleNewsSite.start("127.0.0.1", 0,
        SampleNewsSite.Options.defaults().withCrawlDelay(crawlDelay))) {
      CrawlIT.tmp = tmp;
      RunSpec spec = CrawlIT.spec("delayed", site.baseUri(), Duration.ZERO, 5);
      RunSummary summary = new CrawlRun(spec, new PolitenessGate(1),
          new RobotsCache(CrawlIT.UA)).execute(p -> { });

      List<ServedRequest> pages = site.requests().stream()
          .filter(r -> !r.path().equals("/robots.txt")).toList();
      // maxPages counts URLs scheduled, and the front page's link into /private/ is one of them
      assertThat(summary.pages()).isEqualTo(5);
      assertThat(pages).hasSizeGreaterThanOrEqualTo(4);
      for (int i = 1; i < pages.size(); i++) {
        assertThat(Duration.between(pages.get(i - 1).time(), pages.get(i).time()))
            .isGreaterThanOrEqualTo(crawlDelay.minusMillis(2));
      }
    }
  }

  @Test
  void skipsAHostWhoseCrawlDelayIsAboveTheCap() throws Exception {
    try (SampleNewsSite site = SampleNewsSite.start("127.0.0.1", 0,
        SampleNewsSite.Options.defaults().withCrawlDelay(Duration.ofSeconds(45)))) {
      CrawlIT.tmp = tmp;
      RunSpec spec = CrawlIT.spec("patient", site.baseUri(), Duration.ZERO, 5); // cap: 30 s

      RunSummary summary = new CrawlRun(spec, new PolitenessGate(1),
          new RobotsCache(CrawlIT.UA)).execute(p -> { });

      assertThat(site.requests()).extracting(ServedRequest::path).containsExactly("/robots.txt");
      assertThat(summary.errors()).containsEntry("host-skipped", 1L);
      assertThat(summary.count(Outcome.HOST_PAUSED)).isEqualTo(1);
    }
  }
}
