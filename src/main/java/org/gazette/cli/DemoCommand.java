package org.gazette.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gazette.config.ConfigLoader;
import org.gazette.config.GazetteConfig;
import org.gazette.fetch.PrivateAddresses;
import org.gazette.config.SiteConfig;
import org.gazette.sample.SampleNewsSite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gazette demo}: serves the bundled sample news site on a free loopback port and crawls
 * it with the built-in defaults and demo site, into {@code warc/demo/}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Serve the bundled sample news site on 127.0.0.1 and crawl it into warc/demo/.")
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", description = "Root of the demo/ WARC folder.")
  Path out;

  @Mixin RunOptions run;

  @Override
  public Integer call() throws Exception {
    // the sample site lives on 127.0.0.1, which gazette refuses unless told otherwise; only
    // loopback is opened, so a link out of the demo still meets the guard
    GazetteConfig global = ConfigLoader.defaults()
        .withAllowPrivate(PrivateAddresses.of(List.of("127.0.0.0/8")));
    if (out != null) {
      global = global.withOutput(OptionValues.folder(spec.commandLine(), "--out", out)
          .toAbsolutePath());
    }
    OptionValues.folder(spec.commandLine(), "--state", run.state);
    try (SampleNewsSite site = SampleNewsSite.start("127.0.0.1", 0)) {
      spec.commandLine().getErr().println("gazette demo: sample news site at " + site.baseUri());
      SiteConfig demo = global.sites().get("demo").withSeeds(List.of(site.baseUri()));
      try (Runs runs = new Runs(global, run.state, spec.commandLine().getOut(),
          spec.commandLine().getErr())) {
        if (runs.crawl(demo).outcome().equals(org.gazette.store.RunRecord.INTERRUPTED)) {
          return StopSignals.EXIT_INTERRUPTED;
        }
      }
    }
    return 0;
  }
}
