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
    Environment env = environment(dir);
    HostAwareFrontier frontier = frontier(env, dir, 4);
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

  /**
   * With one connection per host, a page's slot goes back when its fetch ends, not when it has
   * been processed: the host's next page goes to another thread meanwhile. The slot goes back
   * once: after fetched() and setProcessed() of one page, a second page still holds the host.
   */
  @Test
  void aHostsNextPageIsGivenOutOnceTheFetchEndsAndEachSlotComesBackOnce(@TempDir Path dir)
      throws Exception {
    Environment env = environment(dir);
    HostAwareFrontier frontier = frontier(env, dir, 1);
    try {
      frontier.scheduleAll(List.of(url("http://n.example/a.html", 1),
          url("http://n.example/b.html", 2), url("http://n.example/c.html", 3)));
      List<WebURL> taken = new ArrayList<>();
      frontier.getNextURLs(1, taken);
      WebURL a = taken.get(0);

      frontier.fetched(a); // a is still being processed
      List<WebURL> second = new java.util.concurrent.CopyOnWriteArrayList<>();
      Thread taker = new Thread(() -> frontier.getNextURLs(1, second));
      taker.start();
      taker.join(5_000); // at once, as the host is free; without fetched() it waited for ever
      assertThat(second).as("the host's next page, a being processed").hasSize(1);
      WebURL b = second.get(0);
      frontier.fetched(a); // given back already: nothing more
      frontier.setProcessed(a);

      List<WebURL> third = new java.util.concurrent.CopyOnWriteArrayList<>();
      Thread waiter = new Thread(() -> frontier.getNextURLs(1, third));
      waiter.start();
      waiter.join(300);
      assertThat(third).as("b holds the host's one slot").isEmpty();
      frontier.fetched(b);
      waiter.join(5_000);
      assertThat(third).extracting(WebURL::getURL).singleElement().isNotIn(a.getURL(), b.getURL());
      frontier.setProcessed(b);
      frontier.setProcessed(third.get(0));
      assertThat(frontier.getNumberOfProcessedPages()).isEqualTo(3);
    } finally {
      frontier.finish();
      frontier.close();
      env.close();
    }
  }

  /** A Berkeley DB JE environment in {@code dir}, as crawler4j opens one, without transactions. */
  private static Environment environment(Path dir) {
    EnvironmentConfig ec = new EnvironmentConfig();
    ec.setAllowCreate(true);
    ec.setTransactional(false);
    ec.setLocking(false);
    return new Environment(dir.toFile(), ec);
  }

  private static HostAwareFrontier frontier(Environment env, Path dir, int connectionsPerHost) {
    CrawlConfig config = new CrawlConfig();
    config.setCrawlStorageFolder(dir.toString());
    return new HostAwareFrontier(env, config, new PolitenessGate(connectionsPerHost), url -> { });
  }

  private static WebURL url(String url, int docId) {
    WebURL u = new WebURL();
    u.setURL(url);
    u.setDocid(docId);
    u.setDepth((short) 1);
    return u;
  }
}
