package org.gazette.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.sleepycat.je.Environment;
import com.sleepycat.je.EnvironmentConfig;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.url.WebURL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gazette.fetch.PolitenessGate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostAwareFrontierTest {

  /**
   * Two crawler threads that find one link at once both schedule it with the same doc id
   * (crawler4j checks and numbers a link outside a lock). Counted twice but queued once, the run
   * waited for ever for a page it would never get (bench/crawl.sh with 4 threads hung so).
   */
  @Test
  void aLinkScheduledTwiceWithOneDocIdIsQueuedAndCountedOnce(@TempDir Path dir) {
    EnvironmentConfig ec = new EnvironmentConfig();
    ec.setAllowCreate(true);
    ec.setTransactional(false);
    ec.setLocking(false);
    Environment env = new Environment(dir.toFile(), ec);
    CrawlConfig config = new CrawlConfig();
    config.setCrawlStorageFolder(dir.toString());
    HostAwareFrontier frontier = new HostAwareFrontier(env, config, new PolitenessGate(4),
        url -> { });
    try {
      frontier.scheduleAll(
          List.of(url("http://n.example/a.html", 7), url("http://n.example/b.html", 8)));
      frontier.scheduleAll(List.of(url("http://n.example/a.html", 7)));
      frontier.schedule(url("http://n.example/b.html", 8));
      assertThat(frontier.getNumberOfScheduledPages()).isEqualTo(2);

      List<WebURL> taken = new ArrayList<>();
      frontier.getNextURLs(1, taken);
      frontier.getNextURLs(1, taken);
      assertThat(taken).extracting(WebURL::getURL)
          .containsExactlyInAnyOrder("http://n.example/a.html", "http://n.example/b.html");
      taken.forEach(frontier::setProcessed);
      assertThat(frontier.getNumberOfProcessedPages())
          .isEqualTo(frontier.getNumberOfScheduledPages());
    } finally {
      frontier.close();
      env.close();
    }
  }

  private static WebURL url(String url, int docId) {
    WebURL u = new WebURL();
    u.setURL(url);
    u.setDocid(docId);
    u.setDepth((short) 1);
    return u;
  }
}
