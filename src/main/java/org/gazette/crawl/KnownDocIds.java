package org.gazette.crawl;

import com.sleepycat.je.Environment;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.frontier.DocIDServer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * crawler4j's doc-id store (URL to id, in Berkeley DB JE) with the ids of URLs already seen also
 * kept in memory, up to a bound.
 *
 * <p>crawler4j asks the store about every link of every page, and most links of a news page
 * (its navigation, its footer, the lists beside the story) were seen on the pages before: each
 * question was a B-tree search in JE, under one lock for all threads. A URL's id never changes
 * within a run, so a remembered id is always right; "not seen" is never remembered, as the
 * next question may be the one that gives it an id. Past {@link #MAX_KNOWN} URLs the memory
 * starts over (the links that come back often come back soon), so a crawl of a million URLs
 * keeps its small heap.
 */
final class KnownDocIds extends DocIDServer {
  /** URLs whose ids are kept: about 4 MB of heap with URLs of 100 characters. */
  static final int MAX_KNOWN = 20_000;

  private final Map<String, Integer> known = new ConcurrentHashMap<>();

  KnownDocIds(Environment env, CrawlConfig config) {
    super(env, config);
  }

  @Override
  public int getDocId(String url) {
    Integer id = known.get(url);
    if (id != null) {
      return id;
    }
    int stored = super.getDocId(url);
    if (stored > 0) {
      remember(url, stored);
    }
    return stored;
  }

  @Override
  public int getNewDocID(String url) {
    int id = super.getNewDocID(url); // asks getDocId first: an id already given is returned
    if (id > 0) {
      remember(url, id);
    }
    return id;
  }

  private void remember(String url, int id) {
    if (known.size() >= MAX_KNOWN) {
      known.clear();
    }
    known.put(url, id);
  }
}
