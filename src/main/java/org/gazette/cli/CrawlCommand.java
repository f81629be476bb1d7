package org.gazette.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gazette.config.GazetteConfig;
import org.gazette.config.SiteConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gazette crawl}: one-off crawls of configured sites or of seed URLs. */
@Command(name = "crawl", mixinStandardHelpOptions = true,
    description = "Crawl sites once into WARC files and JSON lines under <output>/<site>/.")
final class CrawlCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--config", paramLabel = "DIR",
      description = "Config folder (default: ./config if present, else the built-in defaults).")
  Path config;

  @Option(names = "--site", paramLabel = "NAME", description = "A site of config/sites/.")
  List<String> sites = new ArrayList<>();

  @Option(names = "--seed", paramLabel = "URL",
      description = "Start URL; without --site, crawls it with default rules.")
  List<URI> seeds = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "Root of <site>/ WARC folders.")
  Path out;

  @Option(names = "--max-pages", paramLabel = "N") Integer maxPages;

  @Option(names = "--max-depth", paramLabel = "N") Integer maxDepth;

  @Option(names = "--min-delay", paramLabel = "MS",
      description = "Least milliseconds between two requests to one host.")
  Long minDelay;

  @Option(names = "--threads", paramLabel = "N") Integer threads;

  @Option(names = "--user-agent", paramLabel = "UA",
      description = "User agent with your contact (URL or e-mail).")
  String userAgent;

  @Option(names = "--time-zone", paramLabel = "ZONE",
      description = "Zone of page-local times (default: the site's, else UTC).")
  ZoneId timeZone;

  @Mixin PrivateAddressOptions privateAddresses;

  @Mixin RunOptions run;

  /** The options that override a record's key, to name them in messages. */
  private static final Map<String, String> OPTIONS = Map.of("userAgent", "--user-agent",
      "output", "--out", "threads", "--threads", "seeds", "--seed", "maxPages", "--max-pages",
      "maxDepth", "--max-depth", "minDelay", "--min-delay", "timeZone", "--time-zone");

  @Override
  public Integer call() throws Exception {
    if (sites.isEmpty() && seeds.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "give --site NAME or --seed URL");
    }
    if (out != null) {
      OptionValues.folder(spec.commandLine(), "--out", out);
    }
    OptionValues.folder(spec.commandLine(), "--state", run.state);
    GazetteConfig global = overrides(Configs.load(config));
    // bare seeds without --time-zone: DESIGN.md says guess the zone from the page, else UTC
    boolean guess = sites.isEmpty() && timeZone == null;
    try (Runs runs = new Runs(global, run.state, spec.commandLine().getOut(),
        spec.commandLine().getErr())) {
      for (SiteConfig site : selectedSites(global)) {
        if (runs.crawl(site, guess).outcome().equals(org.gazette.store.RunRecord.INTERRUPTED)) {
          return StopSignals.EXIT_INTERRUPTED; // stopped by Ctrl-C: the other sites are not run
        }
      }
    }
    return 0;
  }

  private GazetteConfig overrides(GazetteConfig global) {
    try {
      GazetteConfig g = global;
      if (userAgent != null) {
        g = g.withUserAgent(userAgent);
      }
      if (out != null) {
        g = g.withOutput(out.toAbsolutePath());
      }
      if (threads != null) {
        g = g.withThreads(threads);
      }
      g = privateAddresses.apply(g, spec.commandLine());
      return g;
    } catch (IllegalArgumentException e) {
      throw badOption(e);
    }
  }

  /** "threads: must be at least 1", from a record, as "--threads: must be at least 1". */
  private CommandLine.ParameterException badOption(IllegalArgumentException e) {
    String m = String.valueOf(e.getMessage());
    int colon = m.indexOf(": ");
    String option = colon > 0 ? OPTIONS.get(m.substring(0, colon)) : null;
    return new CommandLine.ParameterException(spec.commandLine(),
        option == null ? m : option + m.substring(colon));
  }

  private List<SiteConfig> selectedSites(GazetteConfig global) {
    try {
      return sitesWithOverrides(global);
    } catch (IllegalArgumentException e) {
      throw badOption(e);
    }
  }

  private List<SiteConfig> sitesWithOverrides(GazetteConfig global) {
    List<SiteConfig> selected = new ArrayList<>();
    if (sites.isEmpty()) {
      selected.add(SiteConfig.forSeeds(seeds, global));
    }
    for (String name : new LinkedHashSet<>(sites)) { // --site a --site a crawls a once
      SiteConfig site = global.sites().get(name);
      if (site == null) {
        throw new CommandLine.ParameterException(spec.commandLine(), "no site '" + name
            + "' in the config (sites: " + String.join(", ", global.sites().keySet()) + ")");
      }
      selected.add(seeds.isEmpty() ? site : site.withSeeds(seeds));
    }
    return selected.stream().map(this::siteOverrides).toList();
  }

  private SiteConfig siteOverrides(SiteConfig site) {
    SiteConfig s = site;
    if (maxPages != null) {
      s = s.withMaxPages(maxPages);
    }
    if (maxDepth != null) {
      s = s.withMaxDepth(maxDepth);
    }
    if (timeZone != null) {
      s = s.withTimeZone(timeZone);
    }
    if (minDelay != null) {
      s = s.withPoliteness(s.politeness().withMinDelay(Duration.ofMillis(minDelay)));
    }
    return s;
  }
}
