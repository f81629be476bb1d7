package org.gazette.crawl;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.gazette.store.CaptureEntry;

/**
 * Which links a run leaves alone because their article is already archived: an article page
 * captured less than {@code revisitAfter} ago (ever, when it is zero). Listing pages, feeds and
 * pages of unknown kind are fetched every run, conditionally. A run that resumes an interrupted
 * one leaves nothing alone that the interrupted run captured: those pages are replayed from the
 * archive, so that the links only they carry are followed.
 */
final class Freshness {
  private final RunSpec spec;
  private final CaptureArchiver captures;
  private final Supplier<Instant> clock;
  private final Instant resumeFrom;
  private final Set<String> skipped = ConcurrentHashMap.newKeySet();

  /** @param resumeFrom the start of the interrupted run chain this run finishes, or null */
  Freshness(RunSpec spec, CaptureArchiver captures, Supplier<Instant> clock, Instant resumeFrom) {
    this.resumeFrom = resumeFrom;
    this.spec = spec;
    this.captures = captures;
    this.clock = clock;
  }

  /** True when {@code url} is an article captured recently enough to leave alone. */
  boolean skip(String url) {
    Duration revisitAfter = spec.revisitAfter();
    if (revisitAfter == null || matches(spec.listingPatterns(), url)) {
      return false;
    }
    if (skipped.contains(url)) {
      return true;
    }
    boolean fresh = captures.latestAtDiscovery(url)
        .filter(CaptureEntry::success)
        .filter(last -> resumeFrom == null || last.fetchedAt().isBefore(resumeFrom))
        .filter(last -> CaptureEntry.ARTICLE.equals(last.kind())
            || (last.kind() == null && matches(spec.articlePatterns(), url)))
        .filter(last -> revisitAfter.isZero()
            || last.fetchedAt().plus(revisitAfter).isAfter(clock.get()))
        .isPresent();
    if (fresh) {
      captures.notFetching(url);
      skipped.add(url);
    }
    return fresh;
  }

  /** Distinct URLs left alone so far. */
  long skipped() {
    return skipped.size();
  }

  private static boolean matches(java.util.List<Pattern> patterns, String url) {
    for (Pattern p : patterns) {
      if (p.matcher(url).find()) {
        return true;
      }
    }
    return false;
  }
}
