package org.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of configuration mistake, through the real command line ({@link Main#run}, as
 * {@code gazette} runs it): exit code 2 and, on stderr, exactly one line per problem naming
 * {@code file:line: key} (or the option), and no stack trace anywhere on the console.
 *
 * <p>{@link #files()} is a table of config files: each row writes one file into a config folder
 * that otherwise holds only a valid {@code sites/ok.yaml}, runs {@code gazette check-config} and
 * {@code gazette crawl} on it, and compares stderr with the row's line (the config folder's path
 * in front). A few rows are valid, exit 0, and name what {@code check-config} prints on stdout:
 * they show that the table tells good from bad. {@link #options()} does the same for command
 * line options. Every row fails if the check it names is taken out: the config would load, and
 * the command would succeed or fail otherwise.
 *
 * <p>In contents, expectations and arguments, {@code {tmp}} is a temporary folder that holds a
 * plain file {@code a-file}, to put where a folder belongs.
 */
class ConfigErrorsCliTest {

  /** The first line of a site file, so that the line a row is about is line 2. */
  static final String SEED = "seeds: ['http://127.0.0.1:9/']\n";

  static final Object FOLDER = new Object();

  /** A symbolic link to {@code target}, which does not exist. */
  record Link(String target) {}

  /**
   * One row: what is written at {@code path} in the config folder, the exit code, and the line
   * gazette must print (stderr for 2, stdout for 0).
   */
  record Row(String path, Object content, int exit, String says) {
    @Override
    public String toString() {
      if (content == null) {
        return "gazette " + path + " -> " + says; // a command line
      }
      return exit == 0 ? "valid " + path + ": " + String.valueOf(content).strip() : says;
    }
  }

  static Row global(String yaml, int exit, String says) {
    return new Row("gazette.yaml", yaml + "\n", exit, says);
  }

  /** A site file whose first line is {@link #SEED}. */
  static Row site(String yaml, int exit, String says) {
    return new Row("sites/x.yaml", SEED + yaml + "\n", exit, says);
  }

  /** A site file exactly as given. */
  static Row siteAsIs(String yaml, int exit, String says) {
    return new Row("sites/x.yaml", yaml, exit, says);
  }

  static Row file(String path, Object content, int exit, String says) {
    return new Row(path, content, exit, says);
  }

  static byte[] latin1(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  static Stream<Row> files() {
    return Stream.of(
        // gazette.yaml: unknown keys
        global("userAgnet: 'bot (+https://example.org/)'", 2, "gazette.yaml:1: userAgnet: unknown key (did you mean userAgent?)"),
        global("colour: red", 2, "gazette.yaml:1: colour: unknown key; allowed here: userAgent, output"),
        global("limits:\n  maxBodySise: 1MB", 2, "gazette.yaml:2: limits.maxBodySise: unknown key (did you mean maxBodySize?)"),
        global("politeness:\n  minDelay: 1s\n  speed: 3", 2, "gazette.yaml:3: politeness.speed: unknown key; allowed here: minDelay"),
        // gazette.yaml: wrong types and values out of range
        global("threads: four", 2, "gazette.yaml:1: threads: expected a whole number, found \"four\""),
        global("threads: [4]", 2, "gazette.yaml:1: threads: expected a whole number, found a list"),
        global("threads: {n: 4}", 2, "gazette.yaml:1: threads: expected a whole number, found a mapping"),
        global("threads: 1.5", 2, "gazette.yaml:1: threads: expected a whole number, found 1.5"),
        global("threads: 0", 2, "gazette.yaml:1: threads: must be at least 1, found 0"),
        global("threads: 99999999999", 2, "gazette.yaml:1: threads: must be at most 2147483647"),
        global("userAgent: {name: bot}", 2, "gazette.yaml:1: userAgent: expected text, found a mapping"),
        global("userAgent: 'bot/1.0'", 2, "gazette.yaml:1: userAgent: has no contact: add a URL or an e-mail address"),
        global("userAgent: 'bot/1.0 (+example.org/bot)'", 2, "gazette.yaml:1: userAgent: has no contact"),
        global("userAgent: ''", 2, "gazette.yaml:1: userAgent: must not be empty"),
        global("userAgent: 'bot/1.0 (ops@exämple.org)'", 2, "gazette.yaml:1: userAgent: must be one line of printable ASCII"),
        global("output: {path: warc}", 2, "gazette.yaml:1: output: expected text, found a mapping"),
        global("output: '{tmp}/a-file/warc'", 2, "gazette.yaml:1: output: not a folder: {tmp}/a-file is a file"),
        global("logs: ''", 2, "gazette.yaml:1: logs: must not be empty"),
        global("state: [h2]", 2, "gazette.yaml:1: state: expected a mapping (indented key: value lines), found a list"),
        global("state:\n  url: 'postgres://db/gazette'", 2, "gazette.yaml:2: state.url: not a JDBC URL"),
        global("state:\n  cluster: true", 2, "gazette.yaml:2: state.cluster: needs a shared database such as PostgreSQL, not H2"),
        global("state:\n  poolSize: 1", 2, "gazette.yaml:2: state.poolSize: must be at least 2, found 1"),
        global("state:\n  checkinInterval: 10ms", 2, "gazette.yaml:2: state.checkinInterval: must be at least 100ms"),
        global("state:\n  node: crawler/1", 2, "gazette.yaml:2: state.node: must be letters, digits"),
        global("status:\n  port: 70000", 2, "gazette.yaml:2: status.port: must be at most 65535, found 70000"),
        global("status:\n  port: http", 2, "gazette.yaml:2: status.port: expected a whole number, found \"http\""),
        global("daemon:\n  jitter: soon", 2, "gazette.yaml:2: daemon.jitter: not a duration: \"soon\" (use ISO-8601 like PT1S or 500ms, 2s, 30m)"),
        global("daemon:\n  shutdownTimeout: -PT1S", 2, "gazette.yaml:2: daemon.shutdownTimeout: must not be negative"),
        global("daemon:\n  maxConcurrentSites: 0", 2, "gazette.yaml:2: daemon.maxConcurrentSites: must be at least 1, found 0"),
        global("politeness: 5", 2, "gazette.yaml:1: politeness: expected a mapping (indented key: value lines), found 5"),
        global("politeness:\n  minDelay: 1.5s", 2, "gazette.yaml:2: politeness.minDelay: not a duration: \"1.5s\""),
        global("politeness:\n  delayFactor: -1", 2, "gazette.yaml:2: politeness.delayFactor: must be at least 0.0, found -1"),
        global("politeness:\n  maxConnectionsPerHost: 0", 2, "gazette.yaml:2: politeness.maxConnectionsPerHost: must be at least 1, found 0"),
        global("politeness:\n  maxRetries: -1", 2, "gazette.yaml:2: politeness.maxRetries: must not be negative, found -1"),
        global("limits:\n  maxBodySize: huge", 2, "gazette.yaml:2: limits.maxBodySize: not a size: \"huge\""),
        global("limits:\n  connectTimeout: 0", 2, "gazette.yaml:2: limits.connectTimeout: must be more than zero"),
        global("limits:\n  maxRedirects: -1", 2, "gazette.yaml:2: limits.maxRedirects: must not be negative, found -1"),
        global("limits:\n  maxPagesPerHost: 0", 2, "gazette.yaml:2: limits.maxPagesPerHost: must be at least 1, found 0"),
        global("allowPrivate: [10.0.0.0/8, intranet]", 2, "gazette.yaml:1: allowPrivate[1]: not an IP address or CIDR block: \"intranet\""),
        global("allowPrivate: [10.0.0.0/33]", 2, "gazette.yaml:1: allowPrivate[0]: bad prefix length in \"10.0.0.0/33\": expected 0 to 32"),
        global("allowPrivate: maybe", 2, "gazette.yaml:1: allowPrivate: expected true or false, found \"maybe\""),
        global("warcPrefix: 'my archive'", 2, "gazette.yaml:1: warcPrefix: must be letters, digits"),
        global("warcMaxFileSize: 0", 2, "gazette.yaml:1: warcMaxFileSize: must be more than zero"),
        global("robotsCacheTtl: forever", 2, "gazette.yaml:1: robotsCacheTtl: not a duration: \"forever\""),
        global("politenessScope: street", 2, "gazette.yaml:1: politenessScope: must be host or domain"),
        // gazette.yaml: the file itself
        global("- threads: 4", 2, "gazette.yaml:1: expected a mapping of keys (key: value) at the top, found a list"),
        global("politeness:\n\tminDelay: 1s", 2, "gazette.yaml:2: YAML syntax error: found character '\\t(TAB)' that cannot start any token"),
        global("userAgent: 'bot (+https://example.org/)\nthreads: 4", 2, "gazette.yaml:3: YAML syntax error: found unexpected end of stream (while scanning a quoted scalar started at line 1)"),
        global("threads: 4\nthreads: 5", 2, "gazette.yaml:2: threads: duplicate key (first at line 1)"),
        global("threads: 4\n---\nthreads: 5", 2, "gazette.yaml:3: more than one YAML document"),
        global("threads: &n 4\nlimits:\n  maxRedirects: *n", 2, "gazette.yaml:3: limits.maxRedirects: YAML aliases (*n) are not supported"),
        file("gazette.yaml", latin1("threads: 4\n# caf\u00e9\n"), 2, "gazette.yaml:2: not UTF-8 text (byte 0xE9)"),
        file("gazette.yaml", FOLDER, 2, "gazette.yaml: is a folder, not a file"),
        file("gazette.yaml", new Link("nowhere.yaml"), 2, "gazette.yaml: is a link to nowhere.yaml, which does not exist"),
        file("gazette.yml", "threads: 4\n", 2, "gazette.yaml: a gazette.yml beside it is ignored: the file is gazette.yaml"),
        global("", 0, "config OK: 1 site(s): ok"),
        global("# every key at its default", 0, "config OK: 1 site(s): ok"),
        // site files: seeds and hosts
        siteAsIs("", 2, "sites/x.yaml: seeds: a site needs at least one seed URL"),
        siteAsIs("maxPages: 10\n", 2, "sites/x.yaml: seeds: a site needs at least one seed URL"),
        siteAsIs("seeds: []\n", 2, "sites/x.yaml:1: seeds: a site needs at least one seed URL"),
        siteAsIs("seeds: 'http://127.0.0.1:9/'\n", 2, "sites/x.yaml:1: seeds: expected a list like [\"a\", \"b\"], found \"http://127.0.0.1:9/\""),
        siteAsIs("seeds: {url: 'http://127.0.0.1:9/'}\n", 2, "sites/x.yaml:1: seeds: expected a list like [\"a\", \"b\"], found a mapping"),
        siteAsIs("seeds: ['news.example.com/']\n", 2, "sites/x.yaml:1: seeds[0]: not an absolute http(s) URL: \"news.example.com/\""),
        siteAsIs("seeds: ['ftp://news.example.com/']\n", 2, "sites/x.yaml:1: seeds[0]: not an absolute http(s) URL: \"ftp://news.example.com/\""),
        siteAsIs("seeds: ['file:///etc/passwd']\n", 2, "sites/x.yaml:1: seeds[0]: not an absolute http(s) URL"),
        siteAsIs("seeds: ['http://news.exa mple.com/']\n", 2, "sites/x.yaml:1: seeds[0]: not a URL: \"http://news.exa mple.com/\" (Illegal character in authority)"),
        siteAsIs("seeds: ['http:///news/']\n", 2, "sites/x.yaml:1: seeds[0]: no host name"),
        siteAsIs("seeds: ['http://news.example.com:99999/']\n", 2, "sites/x.yaml:1: seeds[0]: port out of range (1 to 65535)"),
        siteAsIs("seeds:\n  - 'http://127.0.0.1:9/'\n  - {url: x}\n", 2, "sites/x.yaml:3: seeds[1]: expected text, found a mapping"),
        site("hosts: ['http://news.example.com/']", 2, "sites/x.yaml:2: hosts[0]: not a host name (write news.example.com, not a URL)"),
        site("hosts: news.example.com", 2, "sites/x.yaml:2: hosts: expected a list like [\"a\", \"b\"], found \"news.example.com\""),
        site("hosts: []", 2, "sites/x.yaml:2: hosts: must list at least one host"),
        // site files: schedule, zone, durations, numbers
        site("schedule: every hour", 2, "sites/x.yaml:2: schedule: not a Quartz cron expression"),
        site("schedule: '*/30 * * * *'", 2, "sites/x.yaml:2: schedule: not a Quartz cron expression"),
        site("schedule: '0 0 * * * *'", 2, "sites/x.yaml:2: schedule: not a Quartz cron expression"),
        site("schedule: '0 0 0 30 2 ?'", 2, "sites/x.yaml:2: schedule: never fires"),
        site("schedule: '0 0 0 1 1 ? 2020'", 2, "sites/x.yaml:2: schedule: never fires"),
        site("schedule: ['0 0 * * * ?']", 2, "sites/x.yaml:2: schedule: expected text, found a list"),
        site("schedule:", 2, "sites/x.yaml:2: schedule: must not be empty"),
        site("schedule: '0 0 12 ? * MON#5'", 0, "config OK: 2 site(s): ok, x"),
        site("timeZone: Asia/Shangai", 2, "sites/x.yaml:2: timeZone: unknown time zone \"Asia/Shangai\" (did you mean Asia/Shanghai?)"),
        site("timeZone: Mars/Olympus", 2, "sites/x.yaml:2: timeZone: unknown time zone \"Mars/Olympus\"; use a region"),
        site("timeZone: 8", 2, "sites/x.yaml:2: timeZone: unknown time zone \"8\"; use a region like Asia/Shanghai or an offset like +08:00"),
        site("timeZone: '+08:00'", 0, "config OK: 2 site(s): ok, x"),
        site("revisitAfter: week", 2, "sites/x.yaml:2: revisitAfter: not a duration: \"week\""),
        site("revisitAfter: -P1D", 2, "sites/x.yaml:2: revisitAfter: must not be negative"),
        site("maxPages: many", 2, "sites/x.yaml:2: maxPages: expected a whole number, found \"many\""),
        site("maxPages: 0", 2, "sites/x.yaml:2: maxPages: must be at least 1, found 0"),
        site("maxDepth: -1", 2, "sites/x.yaml:2: maxDepth: must not be negative, found -1"),
        site("honourNoindex: 1", 2, "sites/x.yaml:2: honourNoindex: expected true or false, found 1"),
        // site files: unknown keys, nested blocks
        site("maxPage: 10", 2, "sites/x.yaml:2: maxPage: unknown key (did you mean maxPages?)"),
        site("userAgent: 'bot (+https://example.org/)'", 2, "sites/x.yaml:2: userAgent: unknown key; allowed here: seeds, hosts"),
        site("politeness: [1s]", 2, "sites/x.yaml:2: politeness: expected a mapping (indented key: value lines), found a list"),
        site("politeness:\n  minDelai: 1s", 2, "sites/x.yaml:3: politeness.minDelai: unknown key (did you mean minDelay?)"),
        site("politeness:\n  minDelay: fast", 2, "sites/x.yaml:3: politeness.minDelay: not a duration: \"fast\""),
        site("listing: '/list/'", 2, "sites/x.yaml:2: listing: expected a mapping (indented key: value lines), found \"/list/\""),
        site("listing:\n  urlPattern: ['/list/']", 2, "sites/x.yaml:3: listing.urlPattern: unknown key (did you mean urlPatterns?)"),
        site("listing:\n  urlPatterns: '/list/'", 2, "sites/x.yaml:3: listing.urlPatterns: expected a list"),
        site("article:\n  urlPatterns: ['/news/', '/news/(\\d+']", 2, "sites/x.yaml:3: article.urlPatterns[1]: bad regular expression \"/news/(\\\\d+\": Unclosed group"),
        site("article:\n  urlPatterns: ['*.shtml']", 2, "sites/x.yaml:3: article.urlPatterns[0]: bad regular expression \"*.shtml\": Dangling meta character '*'"),
        site("sitemaps: ['/sitemap.xml']", 2, "sites/x.yaml:2: sitemaps[0]: not an absolute http(s) URL"),
        site("feeds: 'http://127.0.0.1:9/rss'", 2, "sites/x.yaml:2: feeds: expected a list"),
        site("feeds: ['ftp://127.0.0.1/rss']", 2, "sites/x.yaml:2: feeds[0]: not an absolute http(s) URL"),
        // site files: CSS selectors, parsed with jsoup at load time
        site("selectors:\n  title: 'h1[['", 2, "sites/x.yaml:3: selectors.title: bad CSS selector \"h1[[\": Did not find balanced marker"),
        site("selectors:\n  related: {block: '.related', item: 'li >> a'}", 2, "sites/x.yaml:3: selectors.related.item: bad CSS selector \"li >> a\""),
        site("selectors:\n  drop: ['.ad', 'div:nth-child(x)']", 2, "sites/x.yaml:3: selectors.drop[1]: bad CSS selector \"div:nth-child(x)\""),
        site("selectors:\n  title: 5", 2, "sites/x.yaml:3: selectors.title: expected a CSS selector such as \"h1.headline\", found 5"),
        site("selectors: 'h1'", 2, "sites/x.yaml:2: selectors: expected a mapping (indented key: value lines), found \"h1\""),
        site("selectors:\n  title: 'h1.headline'\n  related: {block: '.related', item: 'li a'}\n  drop: ['.ad', nav]", 0, "config OK: 2 site(s): ok, x"),
        site("selectors:\n  titel: 'h1'", 2, "sites/x.yaml:3: selectors.titel: unknown key (did you mean title?)"),
        site("selectors:\n  related: {block: '.related'}", 2, "sites/x.yaml:3: selectors.related: needs an item selector"),
        site("selectors:\n  listing: {item: 'li', time: 'i', section: 'em', comments: 'b'}\n  related: {item: 'li', time: 'i'}", 2, "sites/x.yaml:4: selectors.related.time: unknown key"),
        site("selectors:\n  published: 'meta[name=date]@content'\n  body: '#story'", 0, "config OK: 2 site(s): ok, x"),
        site("selectors:\n  published: 'span@'", 2, "sites/x.yaml:3: selectors.published: bad CSS selector \"span@\""),
        site("dateFormats: ['yyyy-MM-dd HH:mm', 'yyyy-bb']", 2, "sites/x.yaml:2: dateFormats[1]: bad date format \"yyyy-bb\""),
        site("follow: [listing, navigaton]", 2, "sites/x.yaml:2: follow[1]: unknown region \"navigaton\" (did you mean navigation?)"),
        site("follow: [listing, footer, ADS]", 0, "config OK: 2 site(s): ok, x"),
        // site files: the file itself
        site("maxPages: 10\nmaxPages: 20", 2, "sites/x.yaml:3: maxPages: duplicate key (first at line 2)"),
        site("politeness:\n  minDelay: 1s\n  minDelay: 2s", 2, "sites/x.yaml:4: politeness.minDelay: duplicate key (first at line 3)"),
        site("maxPages: &n 10\nmaxDepth: *n", 2, "sites/x.yaml:3: maxDepth: YAML aliases (*n) are not supported"),
        site("politeness:\n\tminDelay: 2s", 2, "sites/x.yaml:3: YAML syntax error: found character '\\t(TAB)' that cannot start any token"),
        site("schedule: '0 0 * * * ?\nmaxPages: 3", 2, "sites/x.yaml:4: YAML syntax error: found unexpected end of stream (while scanning a quoted scalar started at line 2)"),
        siteAsIs("seeds: ['http://127.0.0.1:9/'\nmaxPages: 3\n", 2, "sites/x.yaml:2: YAML syntax error: expected ',' or ']'"),
        site("maxPages: 3\n  maxDepth: 2", 2, "sites/x.yaml:3: YAML syntax error: mapping values are not allowed here"),
        siteAsIs("just text\n", 2, "sites/x.yaml:1: expected a mapping of keys (key: value) at the top, found a single value"),
        file("sites/x.yaml", latin1(SEED + "schedule: 'caf\u00e9'\n"), 2, "sites/x.yaml:2: not UTF-8 text (byte 0xE9)"),
        // the sites folder
        file("sites/y.yaml", FOLDER, 2, "sites/y.yaml: is a folder, not a file"),
        file("sites/y.yaml", new Link("nowhere.yaml"), 2, "sites/y.yaml: is a link to nowhere.yaml, which does not exist"),
        file("sites/my site.yaml", SEED, 2, "sites/my site.yaml: site name (the file name without .yaml) must be letters"),
        file("sites/x.yml", SEED, 2, "sites/x.yml: ignored: site files end in .yaml"),
        file("sites/OK.yaml", SEED, 2, "sites/ok.yaml: site name differs only in case from OK.yaml's"),
        file("sites", "not a folder\n", 2, "sites: not a folder"));
  }

  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void configFiles(Row row) throws Exception {
    Path config = tmp.resolve("config");
    Files.createDirectories(config);
    if (!row.path().equals("sites")) {
      Files.createDirectories(config.resolve("sites"));
      Files.writeString(config.resolve("sites/ok.yaml"), SEED);
    }
    Path target = config.resolve(row.path());
    if (row.content() == FOLDER) {
      Files.createDirectories(target);
    } else if (row.content() instanceof Link link) {
      Files.createSymbolicLink(target, Path.of(link.target()));
    } else if (row.content() instanceof byte[] bytes) {
      Files.write(target, bytes);
    } else {
      Files.writeString(target, withTmp((String) row.content()));
    }
    String expected = row.exit() == 0 ? row.says() : config + "/" + withTmp(row.says());

    Result check = run("check-config", "--config", config.toString());
    check.assertSays(row.exit(), expected);
    if (row.exit() != 0) {
      // the same config read by a command that would crawl: it stops before any fetch
      Result crawl = run("crawl", "--config", config.toString(), "--seed", "http://127.0.0.1:9/",
          "--out", tmp.resolve("warc").toString(), "--state", tmp.resolve("state").toString());
      crawl.assertSays(row.exit(), expected);
      assertThat(crawl.err).isEqualTo(check.err);
    }
  }

  /**
   * Command lines, with {@code {tmp}} as above. {@code crawl} gets {@code --config} (a folder
   * holding the valid site {@code ok}), {@code --out} and {@code --state} in {@code {tmp}} unless
   * the row gives them, and {@code daemon} and {@code demo} the same {@code --state}, so that
   * nothing is written outside {@code {tmp}}.
   */
  static Stream<Row> options() {
    return Stream.of(
        option("check-config --config {tmp}/nope", "{tmp}/nope: no such folder"),
        option("check-config --verbose --config {tmp}/nope", "{tmp}/nope: no such folder"),
        option("check-config --config {tmp}/a-file", "{tmp}/a-file: not a folder"),
        option("crawl --seed http://127.0.0.1:9/ --allow-private-range 10.0.0.0/x", "gazette: --allow-private-range: bad prefix length in \"10.0.0.0/x\": expected 0 to 32"),
        option("crawl --config {tmp}/nope --seed http://127.0.0.1:9/", "{tmp}/nope: no such folder"),
        option("daemon --config {tmp}/nope", "{tmp}/nope: no such folder"),
        option("status --config {tmp}/nope", "{tmp}/nope: no such folder"),
        option("crawl --seed ftp://127.0.0.1/", "gazette: --seed: not an absolute http(s) URL: \"ftp://127.0.0.1/\""),
        option("crawl --seed 127.0.0.1/news/", "gazette: --seed: not an absolute http(s) URL: \"127.0.0.1/news/\""),
        option("crawl --seed http:///news/", "gazette: --seed: no host name"),
        option("crawl --seed http://127.0.0.1:99999/", "gazette: --seed: port out of range (1 to 65535)"),
        option("crawl --seed http://news^example.com/", "gazette: Invalid value for option '--seed' (URL): not a URL: \"http://news^example.com/\" (Illegal character in authority)"),
        option("crawl --site ok --seed mailto:ops@example.org", "gazette: --seed: not an absolute http(s) URL"),
        option("crawl --site nope", "gazette: no site 'nope' in the config (sites: ok)"),
        option("crawl", "gazette: give --site NAME or --seed URL"),
        option("crawl --seed http://127.0.0.1:9/ --threads four", "gazette: Invalid value for option '--threads': 'four' is not an int"),
        option("crawl --seed http://127.0.0.1:9/ --threads 0", "gazette: --threads: must be at least 1"),
        option("crawl --seed http://127.0.0.1:9/ --max-pages 0", "gazette: --max-pages: must be at least 1"),
        option("crawl --seed http://127.0.0.1:9/ --max-depth -1", "gazette: --max-depth: must not be negative"),
        option("crawl --seed http://127.0.0.1:9/ --min-delay -5", "gazette: --min-delay: must not be negative"),
        option("crawl --seed http://127.0.0.1:9/ --min-delay 1s", "gazette: Invalid value for option '--min-delay': '1s' is not a long"),
        option("crawl --seed http://127.0.0.1:9/ --time-zone Mars/Olympus", "gazette: Invalid value for option '--time-zone': unknown time zone \"Mars/Olympus\""),
        option("crawl --seed http://127.0.0.1:9/ --user-agent bot/1.0", "gazette: --user-agent: has no contact"),
        option("crawl --seed http://127.0.0.1:9/ --user-agent", "gazette: Missing required parameter for option '--user-agent' (UA); see 'gazette crawl --help'"),
        option("crawl --seed http://127.0.0.1:9/ --thread 3", "gazette: Unknown options: '--thread', '3' (did you mean --threads?)"),
        option("crawl --seed http://127.0.0.1:9/ --out {tmp}/a-file", "gazette: --out: not a folder: {tmp}/a-file is a file"),
        option("crawl --seed http://127.0.0.1:9/ --state {tmp}/a-file/state", "gazette: --state: not a folder: {tmp}/a-file is a file"),
        option("daemon --config {tmp}/config --state {tmp}/a-file", "gazette: --state: not a folder: {tmp}/a-file is a file"),
        option("demo --out {tmp}/a-file", "gazette: --out: not a folder: {tmp}/a-file is a file"),
        option("robots --robots-file {tmp}/a-file ftp://127.0.0.1/x", "gazette: not an http(s) URL with a host: ftp://127.0.0.1/x"),
        option("robots --robots-file {tmp}/nope.txt http://127.0.0.1/x", "gazette: --robots-file: cannot read {tmp}/nope.txt: no such file"),
        option("sample-site --port 70000", "gazette: --port: must be from 0 to 65535, found 70000"),
        option("sample-site --port 0 --crawl-delay -1", "gazette: --crawl-delay: must not be negative, found -1.0"));
  }

  static Row option(String args, String says) {
    return new Row(args, null, 2, says);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("options")
  void commandLineOptions(Row row) throws Exception {
    Files.createDirectories(tmp.resolve("config/sites"));
    Files.writeString(tmp.resolve("config/sites/ok.yaml"), SEED);
    List<String> given = Arrays.asList(withTmp(row.path()).split(" "));
    String command = given.get(0);
    List<String> args = new ArrayList<>(List.of(command));
    // right after the command, so that a row can end with an option that lacks its value
    if (command.equals("crawl") && !given.contains("--config")) {
      args.addAll(List.of("--config", tmp.resolve("config").toString()));
    }
    if ((command.equals("crawl") || command.equals("demo")) && !given.contains("--out")) {
      args.addAll(List.of("--out", tmp.resolve("warc").toString()));
    }
    if (List.of("crawl", "daemon", "demo").contains(command) && !given.contains("--state")) {
      args.addAll(List.of("--state", tmp.resolve("state").toString()));
    }
    args.addAll(given.subList(1, given.size()));

    run(args.toArray(String[]::new)).assertSays(row.exit(), withTmp(row.says()));
  }

  @Test
  void severalProblemsAreOneLineEachInFileOrder() throws Exception {
    Path config = Files.createDirectories(tmp.resolve("config/sites"));
    Files.writeString(config.resolve("../gazette.yaml"), "threads: 0\nlimits:\n  maxBodySise: 1MB\n");
    Files.writeString(config.resolve("a.yaml"), SEED + "maxPage: 3\nselectors: {title: 'h1[['}\n");
    Path dir = tmp.resolve("config");

    Result r = run("check-config", "--config", dir.toString());

    assertThat(r.code).isEqualTo(2);
    assertThat(r.err.lines()).satisfiesExactly(
        l -> assertThat(l).startsWith(dir + "/gazette.yaml:1: threads: must be at least 1"),
        l -> assertThat(l).startsWith(dir + "/gazette.yaml:3: limits.maxBodySise: unknown key"),
        l -> assertThat(l).startsWith(dir + "/sites/a.yaml:2: maxPage: unknown key"),
        l -> assertThat(l).startsWith(dir + "/sites/a.yaml:3: selectors.title: bad CSS selector"));
    r.assertNoStackTrace();
  }

  private String withTmp(String s) {
    return s.replace("{tmp}", tmp.toString());
  }

  private Result run(String... args) throws Exception {
    Files.writeString(tmp.resolve("a-file"), "a file, not a folder\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    // whatever bypasses the command's writers (a library's own printing, a log appender on the
    // console) would reach the user's terminal too: catch it to check for stack traces
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
    return new Result(String.join(" ", args), code, out.toString(), err.toString(),
        console.toString(StandardCharsets.UTF_8));
  }

  record Result(String args, int code, String out, String err, String console) {

    /** Exit code {@code exit}; for 2, {@code line} is all of stderr; for 0, on stdout. */
    void assertSays(int exit, String line) {
      assertThat(code).as("exit code of gazette %s; stderr:%n%s", args, err).isEqualTo(exit);
      if (exit == 0) {
        assertThat(err).as("stderr of gazette %s", args).isEmpty();
        assertThat(out).as("stdout of gazette %s", args).contains(line);
      } else {
        assertThat(err.lines().toList()).as("stderr of gazette %s", args)
            .singleElement().asString().startsWith(line);
      }
      assertNoStackTrace();
    }

    void assertNoStackTrace() {
      for (String s : List.of(err, console)) {
        assertThat(s).as("gazette %s printed", args)
            .doesNotContain("\tat ").doesNotContain("Exception");
      }
    }
  }
}
