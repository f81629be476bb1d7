package org.gazette.sample;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gazette.sample.SampleContent.Article;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes the sample site while it serves: publishes new articles and edits existing ones. Each
 * change builds a new, immutable {@link SampleRoutes} and replaces the served one in a single
 * write, so that a request sees the whole site either before or after a change, never half of it
 * (a listing linking to an article that is not there yet, or two listings that disagree).
 *
 * <p>Time on the site is a logical clock: every change happens {@link #STEP} after the previous
 * one, starting from the newest bundled article. Published articles are therefore newer than
 * every other one, an edited article's Last-Modified always moves forward (whole seconds, as
 * HTTP dates have), and the same sequence of changes gives the same pages on every run.
 */
final class SampleEditor {

  /** How far the site's clock moves with every change. */
  static final Duration STEP = Duration.ofMinutes(5);

  private static final Logger LOG = LoggerFactory.getLogger(SampleEditor.class);

  private final SampleWriter writer = new SampleWriter();
  // Read by the server's threads without the lock; written only under it.
  private volatile SampleRoutes routes;
  // The rest is guarded by this.
  private List<Article> articles; // every article served, newest first
  private final Map<String, Integer> revisions = new HashMap<>();
  private int published;
  private LocalDateTime clock;

  /** Starts from the bundled {@code content}, served as {@code initial}. */
  SampleEditor(SampleContent content, SampleRoutes initial) {
    routes = initial;
    articles = content.articles();
    clock = articles.stream().map(Article::updated).max(Comparator.naturalOrder()).orElseThrow();
  }

  /** What the site serves now: a snapshot that no later change alters. */
  SampleRoutes routes() {
    return routes;
  }

  /** Publishes the next article: newest of all, first on the front page and listing 1. */
  synchronized Article publish() {
    Article article = writer.publish(published + 1, clock.plus(STEP));
    List<Article> next = new ArrayList<>(articles.size() + 1);
    next.add(article);
    next.addAll(articles);
    commit(article, next);
    published++;
    LOG.info("Sample site published {} ({} articles now)", article.path(), next.size());
    return article;
  }

  /**
   * Edits the article at {@code path}, bundled or published: a new body, a new Last-Modified and
   * so a new ETag. It keeps its place in the listings, whose entry shows the new time.
   *
   * @return the new version, or empty if no article is served at {@code path}
   */
  synchronized Optional<Article> edit(String path) {
    int index = 0;
    while (index < articles.size() && !articles.get(index).path().equals(path)) {
      index++;
    }
    if (index == articles.size()) {
      return Optional.empty();
    }
    int revision = revisions.getOrDefault(path, 0) + 1;
    Article edited = writer.revise(articles.get(index), revision, clock.plus(STEP));
    List<Article> next = new ArrayList<>(articles);
    next.set(index, edited);
    commit(edited, next);
    revisions.put(path, revision);
    LOG.info("Sample site edited {} (edit {})", path, revision);
    return Optional.of(edited);
  }

  /** Serves {@code next} (newest first), in which {@code changed} is new; the clock follows it. */
  private void commit(Article changed, List<Article> next) {
    // Rendered before anything is assigned: a failure leaves the site as it was.
    List<Article> served = List.copyOf(next);
    SampleRoutes changedRoutes = routes.with(changed, served);
    articles = served;
    clock = changed.updated();
    routes = changedRoutes;
  }
}
