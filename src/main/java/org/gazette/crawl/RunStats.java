package org.gazette.crawl;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters of a run, updated by the crawler threads, read by progress and the summary. */
final class RunStats {
  private final Map<Outcome, LongAdder> outcomes = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final LongAdder requests = new LongAdder();
  private final LongAdder bytes = new LongAdder();
  private final LongAdder articles = new LongAdder();
  private final LongAdder listings = new LongAdder();
  private final LongAdder revisits = new LongAdder();
  private final LongAdder retries = new LongAdder();

  void outcome(Outcome outcome) {
    outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
  }

  /** An error by kind, e.g. {@code http-404}, {@code timeout}; kinds appear in the summary. */
  void error(String kind) {
    errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  /** One request that got a response, {@code wireBytes} long. */
  void exchange(long wireBytes) {
    requests.increment();
    bytes.add(wireBytes);
  }

  void article() {
    articles.increment();
  }

  void listing() {
    listings.increment();
  }

  /** A page archived as a revisit record: its content was already in the archive. */
  void revisit() {
    revisits.increment();
  }

  /** An attempt that failed and will be made again: not a page of its own. */
  void retry() {
    retries.increment();
  }

  long retries() {
    return retries.sum();
  }

  long revisits() {
    return revisits.sum();
  }

  long requests() {
    return requests.sum();
  }

  long bytes() {
    return bytes.sum();
  }

  long articles() {
    return articles.sum();
  }

  long listings() {
    return listings.sum();
  }

  long count(Outcome outcome) {
    LongAdder a = outcomes.get(outcome);
    return a == null ? 0 : a.sum();
  }

  Map<Outcome, Long> outcomes() {
    Map<Outcome, Long> out = new EnumMap<>(Outcome.class);
    outcomes.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  Map<String, Long> errors() {
    Map<String, Long> out = new TreeMap<>();
    errors.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
