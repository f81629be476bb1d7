package org.gazette.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.sleepycat.je.Environment;
import com.sleepycat.je.EnvironmentConfig;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link KnownDocIds}: the ids crawler4j's store gives, answered from memory where it can. */
class KnownDocIdsTest {
  @TempDir Path dir;

  @Test
  void aUrlNotSeenIsNotRememberedAsSuch() {
    Environment env = environment();
    try {
      KnownDocIds ids = new KnownDocIds(env, config());
      assertThat(ids.getDocId("http://n.example/a")).isEqualTo(-1);
      int a = ids.getNewDocID("http://n.example/a");
      assertThat(a).isPositive();
      assertThat(ids.getDocId("http://n.example/a")).isEqualTo(a);
      assertThat(ids.isSeenBefore("http://n.example/a")).isTrue();
      assertThat(ids.getNewDocID("http://n.example/a")).isEqualTo(a); // an id is given once
      assertThat(ids.getNewDocID("http://n.example/b")).isEqualTo(a + 1);
      ids.close();
    } finally {
      env.close();
    }
  }

  @Test
  void idsStayRightPastTheBoundOfWhatIsKept() {
    Environment env = environment();
    try {
      KnownDocIds ids = new KnownDocIds(env, config());
      Map<String, Integer> given = new HashMap<>();
      int n = KnownDocIds.MAX_KNOWN + 1_000; // the memory starts over once on the way
      for (int i = 0; i < n; i++) {
        String url = "http://n.example/" + i;
        given.put(url, ids.getNewDocID(url));
      }
      assertThat(given.values()).doesNotHaveDuplicates();
      given.forEach((url, id) -> assertThat(ids.getDocId(url)).as(url).isEqualTo(id));
      assertThat(ids.getDocCount()).isEqualTo(n);
      ids.close();
    } finally {
      env.close();
    }
  }

  private CrawlConfig config() {
    CrawlConfig config = new CrawlConfig();
    config.setCrawlStorageFolder(dir.toString());
    return config;
  }

  /** A Berkeley DB JE environment, as crawler4j opens one, without transactions. */
  private Environment environment() {
    EnvironmentConfig ec = new EnvironmentConfig();
    ec.setAllowCreate(true);
    ec.setTransactional(false);
    ec.setLocking(false);
    return new Environment(dir.toFile(), ec);
  }
}
