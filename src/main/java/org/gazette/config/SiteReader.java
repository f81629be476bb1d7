package org.gazette.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads one site file, and the politeness block that gazette.yaml and site files share. */
final class SiteReader {

  private SiteReader() {}

  /**
   * The site in {@code root}, or null when the file has problems (they are in {@code problems}).
   *
   * @param globalPoliteness what the site's own politeness keys are laid over
   */
  static SiteConfig read(String name, Node root, Problems problems, Politeness globalPoliteness) {
    String nameProblem = Values.nameProblem(name);
    if (nameProblem != null) {
      problems.add(0, "", "site name (the file name without .yaml) " + nameProblem);
    }
    if (root == null) {
      return null; // a syntax error, already reported
    }
    Section s = Section.root(problems, root).allow("seeds", "hosts", "schedule", "timeZone",
        "revisitAfter", "maxPages", "maxDepth", "politeness", "listing", "article", "selectors",
        "sitemaps", "feeds", "honourNoindex");
    List<URI> seeds = seeds(s);
    List<String> hosts = hosts(s);
    String schedule = s.text("schedule", Defaults.SCHEDULE);
    try {
      org.quartz.CronExpression.validateExpression(schedule);
    } catch (java.text.ParseException e) {
      s.problem("schedule", "not a Quartz cron expression (sec min hour day-of-month month"
          + " day-of-week [year], e.g. \"0 */30 * * * ?\"): " + Values.quote(schedule) + ": "
          + e.getMessage());
    }
    var timeZone = s.zone("timeZone", Defaults.TIME_ZONE);
    var revisitAfter = s.duration("revisitAfter", Defaults.REVISIT_AFTER, true);
    int maxPages = s.integer("maxPages", Defaults.MAX_PAGES, 1);
    int maxDepth = s.integer("maxDepth", Defaults.MAX_DEPTH, 0);
    Politeness politeness = politeness(s.section("politeness"), globalPoliteness);
    UrlPatterns listing = patterns(s.section("listing"));
    UrlPatterns article = patterns(s.section("article"));
    var selectors = s.raw("selectors");
    List<URI> sitemaps = s.get("sitemaps") == null ? List.of() : urls(s, "sitemaps");
    List<URI> feeds = s.get("feeds") == null ? List.of() : urls(s, "feeds");
    boolean honourNoindex = s.bool("honourNoindex", false);
    if (!problems.isEmpty()) {
      return null;
    }
    return build(s, () -> new SiteConfig(name, seeds, hosts, schedule, timeZone, revisitAfter,
        maxPages, maxDepth, politeness, listing, article, selectors, sitemaps, feeds,
        honourNoindex), null);
  }

  /** {@code base} with the keys {@code s} sets laid over it. */
  static Politeness politeness(Section s, Politeness base) {
    s.allow("minDelay", "maxCrawlDelay", "maxConnectionsPerHost", "delayFactor", "maxRetries",
        "maxRetryAfter");
    return build(s, () -> new Politeness(
        s.duration("minDelay", base.minDelay(), true),
        s.duration("maxCrawlDelay", base.maxCrawlDelay(), true),
        s.integer("maxConnectionsPerHost", base.maxConnectionsPerHost(), 1),
        s.decimal("delayFactor", base.delayFactor(), 0),
        s.integer("maxRetries", base.maxRetries(), 0),
        s.duration("maxRetryAfter", base.maxRetryAfter(), true)), base);
  }

  /**
   * Calls a record constructor. The getters already reported and replaced bad values, so this
   * should not fail; if a rule exists only in a constructor, its IllegalArgumentException
   * ("key: why") still becomes a problem with a file and key rather than a stack trace.
   */
  static <T> T build(Section s, Supplier<T> constructor, T fallback) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      String m = String.valueOf(e.getMessage());
      int colon = m.indexOf(": ");
      if (colon > 0 && s.has(m.substring(0, colon))) {
        s.problem(m.substring(0, colon), m.substring(colon + 2));
      } else {
        s.problem("", m);
      }
      return fallback;
    }
  }

  private static List<URI> seeds(Section s) {
    Node node = s.get("seeds");
    if (node == null || (node.kind() == Node.Kind.LIST && node.items().isEmpty())) {
      s.problem("seeds", "a site needs at least one seed URL, like"
          + " seeds: [\"https://news.example.com/\"]");
      return List.of();
    }
    return urls(s, "seeds");
  }

  /** A list of absolute http(s) URLs under {@code key}; each bad one reported with its line. */
  private static List<URI> urls(Section s, String key) {
    List<Node> items = s.list(key); // reports anything else than a list
    List<URI> seeds = new ArrayList<>();
    for (Node item : items) {
      String text = s.itemText(item);
      if (text == null) {
        continue;
      }
      try {
        URI seed = new URI(text.strip());
        String problem = SiteConfig.seedProblem(seed);
        if (problem == null) {
          seeds.add(seed);
        } else {
          s.problem(item, problem);
        }
      } catch (URISyntaxException e) {
        s.problem(item, "not a URL: " + Values.quote(text) + " (" + e.getReason() + ")");
      }
    }
    return seeds;
  }

  /** Null for the default (the seeds' hosts). */
  private static List<String> hosts(Section s) {
    List<Node> items = s.list("hosts");
    if (items == null) {
      return null;
    }
    if (items.isEmpty()) {
      s.problem("hosts", "must list at least one host; remove the key for the seeds' hosts");
    }
    List<String> hosts = new ArrayList<>();
    for (Node item : items) {
      String text = s.itemText(item);
      String problem = text == null ? null : SiteConfig.hostProblem(text.strip());
      if (problem != null) {
        s.problem(item, problem);
      } else if (text != null) {
        hosts.add(text.strip());
      }
    }
    return hosts.isEmpty() ? null : hosts;
  }

  private static UrlPatterns patterns(Section s) {
    s.allow("urlPatterns");
    List<Node> items = s.list("urlPatterns");
    if (items == null) {
      return UrlPatterns.NONE;
    }
    List<Pattern> patterns = new ArrayList<>();
    for (Node item : items) {
      String regex = s.itemText(item);
      if (regex == null) {
        continue;
      }
      try {
        patterns.add(Pattern.compile(regex));
      } catch (PatternSyntaxException e) {
        s.problem(item, "bad regular expression " + Values.quote(regex) + ": "
            + e.getDescription() + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
      }
    }
    return new UrlPatterns(patterns);
  }
}
