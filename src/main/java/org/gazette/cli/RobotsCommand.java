package org.gazette.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import org.gazette.config.GazetteConfig;
import org.gazette.config.Limits;
import org.gazette.config.Politeness;
import org.gazette.fetch.FetchException;
import org.gazette.fetch.FetchOptions;
import org.gazette.fetch.HttpFetcher;
import org.gazette.fetch.PoliteFetcher;
import org.gazette.fetch.PolitenessGate;
import org.gazette.fetch.RobotsCache;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gazette robots}: whether robots.txt lets gazette fetch each URL. One line per URL,
 * {@code allowed|disallowed<TAB>URL}, then as robots.txt lines the rule that decided it (when
 * one did), why robots.txt could not be read (when it could not), and the host's Crawl-delay,
 * marked when it is above maxCrawlDelay (a crawl then leaves the host alone).
 */
@Command(name = "robots", mixinStandardHelpOptions = true,
    description = {"Tell whether robots.txt allows each URL, one line per URL:",
        "allowed|disallowed<TAB>URL[<TAB>rule...]"})
final class RobotsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  /** Where the rules come from: exactly one of the two. */
  static final class Source {
    @Option(names = "--robots-file", paramLabel = "F", required = true,
        description = "Check every URL against this robots.txt file.")
    Path file;

    @Option(names = "--fetch", required = true,
        description = "Fetch each origin's robots.txt, politely, as a crawl would.")
    boolean fetch;
  }

  @Option(names = "--agent", paramLabel = "UA",
      description = "Agent whose rules apply: a product token or a whole user agent (default: the"
          + " configured userAgent). Requests always send the configured userAgent.")
  String agent;

  @Mixin PrivateAddressOptions privateAddresses;

  @Option(names = {"-v", "--verbose"}, description = "Log to the console too, with stack traces.")
  boolean verbose;

  @Parameters(paramLabel = "URL", arity = "1..*", description = "http(s) URLs to check.")
  List<URI> urls;

  /** The policy for a URL, from a file or from the network; closing it closes its connections. */
  private interface Rules extends AutoCloseable {
    RobotsCache.Policy policy(URI uri) throws FetchException, InterruptedException;

    @Override
    default void close() {}
  }

  @Override
  public Integer call() throws Exception {
    for (URI uri : urls) {
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "not an http(s) URL with a host: " + uri);
      }
    }
    GazetteConfig global = Configs.load(null);
    global = privateAddresses.apply(global, spec.commandLine());
    RobotsCache cache = new RobotsCache(agent == null ? global.userAgent() : agent);
    Duration maxCrawlDelay = global.politeness().maxCrawlDelay();
    PrintWriter out = spec.commandLine().getOut();
    try (Rules rules =
        source.file != null ? fromFile(cache, source.file) : fromNetwork(cache, global)) {
      for (URI uri : urls) {
        try {
          out.println(line(uri, rules.policy(uri), maxCrawlDelay));
        } catch (FetchException e) {
          if (e.kind() == FetchException.Kind.ADDRESS_REFUSED) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
          }
          throw e;
        }
      }
    }
    out.flush();
    return 0;
  }

  private Rules fromFile(RobotsCache cache, Path file) {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      String why = e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage();
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--robots-file: cannot read " + file + ": " + why);
    }
    RobotsCache.Policy policy = cache.parse(file.toUri(), content, "text/plain");
    return uri -> policy;
  }

  private static Rules fromNetwork(RobotsCache cache, GazetteConfig global) {
    Limits limits = global.limits();
    Politeness politeness = global.politeness();
    FetchOptions options = new FetchOptions(global.userAgent(), limits.connectTimeout(),
        limits.readTimeout(), limits.totalTimeout(), limits.maxBodySize(), global.allowPrivate());
    HttpFetcher fetcher = new HttpFetcher(options);
    PoliteFetcher polite = new PoliteFetcher(fetcher,
        new PolitenessGate(politeness.maxConnectionsPerHost()), cache,
        politeness.maxCrawlDelay(), politeness.delayFactor(), robotsExchange -> { });
    return new Rules() {
      @Override
      public RobotsCache.Policy policy(URI uri) throws FetchException, InterruptedException {
        return polite.robotsPolicy(uri, politeness.minDelay());
      }

      @Override
      public void close() {
        fetcher.close(); // the connections kept alive for the next URL of a host
      }
    };
  }

  static String line(URI uri, RobotsCache.Policy policy, Duration maxCrawlDelay) {
    StringJoiner line = new StringJoiner("\t");
    line.add(policy.allows(uri) ? "allowed" : "disallowed").add(uri.toString());
    policy.matchingRule(uri).ifPresent(rule -> line.add(rule.toString()));
    if (policy.unavailable() != null) {
      line.add("# " + policy.unavailable());
    }
    policy.crawlDelay().ifPresent(delay -> line.add(crawlDelay(delay, maxCrawlDelay)));
    return line.toString();
  }

  /**
   * {@code Crawl-delay: 2}, or past the limit
   * {@code Crawl-delay: 3600 (above maxCrawlDelay 30: the host is not crawled)}.
   */
  static String crawlDelay(Duration asked, Duration max) {
    String line = "Crawl-delay: " + seconds(asked);
    if (asked.compareTo(max) <= 0) {
      return line;
    }
    return line + " (above maxCrawlDelay " + seconds(max) + ": the host is not crawled)";
  }

  private static String seconds(Duration d) {
    return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
  }
}
