package org.gazette.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.time.format.DateTimeFormatter;
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
        "dateFormats", "follow", "sitemaps", "feeds", "honourNoindex");
    List<URI> seeds = seeds(s);
    List<String> hosts = hosts(s);
    String schedule = s.text("schedule", Defaults.SCHEDULE);
    var timeZone = s.zone("timeZone", Defaults.TIME_ZONE);
    schedule(s, schedule, timeZone);
    var revisitAfter = s.duration("revisitAfter", Defaults.REVISIT_AFTER, true);
    int maxPages = s.integer("maxPages", Defaults.MAX_PAGES, 1);
    int maxDepth = s.integer("maxDepth", Defaults.MAX_DEPTH, 0);
    Politeness politeness = politeness(s.section("politeness"), globalPoliteness);
    UrlPatterns listing = patterns(s.section("listing"));
    UrlPatterns article = patterns(s.section("article"));
    SiteProfile profile = profile(s);
    List<URI> sitemaps = s.get("sitemaps") == null ? List.of() : urls(s, "sitemaps");
    List<URI> feeds = s.get("feeds") == null ? List.of() : urls(s, "feeds");
    boolean honourNoindex = s.bool("honourNoindex", false);
    if (!problems.isEmpty()) {
      return null;
    }
    return build(s, () -> new SiteConfig(name, seeds, hosts, schedule, timeZone, revisitAfter,
        maxPages, maxDepth, politeness, listing, article, profile, sitemaps, feeds,
        honourNoindex), null);
  }

  /**
   * Reports a schedule Quartz cannot parse, and one that parses but never fires again (February
   * 30th, a year gone by), which the scheduler would only refuse when the daemon starts.
   */
  private static void schedule(Section s, String schedule, ZoneId zone) {
    org.quartz.CronExpression cron;
    try {
      cron = new org.quartz.CronExpression(schedule);
    } catch (java.text.ParseException e) {
      s.problem("schedule", "not a Quartz cron expression (sec min hour day-of-month month"
          + " day-of-week [year], e.g. \"0 */30 * * * ?\"): " + Values.quote(schedule) + ": "
          + e.getMessage());
      return;
    }
    cron.setTimeZone(TimeZone.getTimeZone(zone));
    if (cron.getNextValidTimeAfter(new Date()) == null) {
      s.problem("schedule", "never fires: no date matches " + Values.quote(schedule)
          + " from now on");
    }
  }

  /**
   * The site profile: {@code selectors:} (each parsed as jsoup will when it extracts, so a typo
   * is a config error naming file, line and key, not a field silently left to the generic
   * extractor), {@code dateFormats:} and {@code follow:}.
   */
  private static SiteProfile profile(Section s) {
    Section sel = s.section("selectors").allow("title", "published", "modified", "authors",
        "editor", "source", "section", "body", "drop", "related", "hot", "listing", "pagination");
    List<CssQuery> drop = new ArrayList<>();
    List<Node> dropNodes = sel.list("drop");
    for (Node n : dropNodes == null ? List.<Node>of() : dropNodes) {
      CssQuery q = query(sel, n);
      if (q != null) {
        drop.add(q);
      }
    }
    return new SiteProfile(query(sel, "title"), query(sel, "published"),
        query(sel, "modified"), query(sel, "authors"), query(sel, "editor"),
        query(sel, "source"), query(sel, "section"), query(sel, "body"), drop,
        items(sel, "related", false), items(sel, "hot", false), items(sel, "listing", true),
        query(sel, "pagination"), dateFormats(s), follow(s));
  }

  /** A group of items: {@code {block, item, title, link, ...}}, {@code item} required. */
  private static SiteProfile.Items items(Section sel, String key, boolean listing) {
    if (sel.get(key) == null) {
      return null;
    }
    Section g = sel.section(key);
    if (listing) {
      g.allow("block", "item", "title", "link", "time", "section", "comments");
    } else {
      g.allow("block", "item", "title", "link", "comments");
    }
    CssQuery item = query(g, "item");
    if (item == null && sel.get(key).kind() == Node.Kind.MAP && !g.has("item")) {
      sel.problem(key, "needs an item selector (each entry of the list), e.g. {item: \"li\"}");
    }
    CssQuery block = query(g, "block");
    CssQuery title = query(g, "title");
    CssQuery link = query(g, "link");
    CssQuery time = listing ? query(g, "time") : null;
    CssQuery section = listing ? query(g, "section") : null;
    CssQuery comments = query(g, "comments");
    return item == null ? null
        : new SiteProfile.Items(block, item, title, link, time, section, comments);
  }

  private static CssQuery query(Section s, String key) {
    Node n = s.get(key);
    if (n == null && s.has(key)) {
      s.problem(key, "expected a CSS selector such as \"h1.headline\", found no value");
    }
    return n == null ? null : query(s, n);
  }

  private static CssQuery query(Section s, Node n) {
    if (n.isBlank() || n.kind() != Node.Kind.SCALAR || !(n.typed() instanceof String)) {
      s.problem(n, "expected a CSS selector such as \"h1.headline\", found " + n.describe());
      return null;
    }
    try {
      return CssQuery.parse(n.value());
    } catch (IllegalArgumentException e) {
      s.problem(n, e.getMessage());
      return null;
    }
  }

  /** {@code dateFormats:}: DateTimeFormatter patterns, each checked by building it. */
  private static List<String> dateFormats(Section s) {
    List<String> out = new ArrayList<>();
    List<Node> items = s.list("dateFormats");
    for (Node n : items == null ? List.<Node>of() : items) {
      String pattern = s.itemText(n);
      if (pattern == null) {
        continue;
      }
      try {
        DateTimeFormatter.ofPattern(pattern);
        out.add(pattern);
      } catch (IllegalArgumentException e) {
        s.problem(n, "bad date format " + Values.quote(pattern) + " (Java DateTimeFormatter"
            + " letters, e.g. \"yyyy-MM-dd HH:mm:ss\"): " + e.getMessage());
      }
    }
    return out;
  }

  /** {@code follow:}: region names; absent means the default regions. */
  private static Set<SiteProfile.Region> follow(Section s) {
    List<Node> items = s.list("follow");
    if (items == null) {
      return null;
    }
    Set<SiteProfile.Region> out = EnumSet.noneOf(SiteProfile.Region.class);
    List<String> names = Arrays.stream(SiteProfile.Region.values())
        .map(SiteProfile.Region::key).toList();
    for (Node n : items) {
      String name = s.itemText(n);
      if (name == null) {
        continue;
      }
      int at = names.indexOf(name.strip().toLowerCase(Locale.ROOT));
      if (at < 0) {
        String guess = Values.closest(name, names);
        s.problem(n, "unknown region " + Values.quote(name)
            + (guess == null ? "" : " (did you mean " + guess + "?)")
            + "; regions: " + String.join(", ", names));
      } else {
        out.add(SiteProfile.Region.values()[at]);
      }
    }
    return out;
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
    if (items.isEmpty() && s.get("hosts").kind() == Node.Kind.LIST) { // else already reported
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
