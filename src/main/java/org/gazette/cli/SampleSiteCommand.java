package org.gazette.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.gazette.sample.SampleNewsSite;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gazette sample-site}: serves the bundled sample news site until stopped, for trying
 * {@code gazette crawl --site demo} by hand and for benchmarks (several hosts on 127.0.0.x).
 * While it runs, {@code POST /_sample/publish} and {@code POST /_sample/edit?path=...} change
 * the site (see {@link SampleNewsSite}), to try a re-crawl by hand.
 */
@Command(name = "sample-site", mixinStandardHelpOptions = true,
    description = "Serve the bundled sample news site on loopback until Ctrl-C.")
final class SampleSiteCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--host", paramLabel = "ADDR", description = "Loopback address (default 127.0.0.1).")
  String host = "127.0.0.1";

  @Option(names = "--port", paramLabel = "N", description = "Port (default 8080; 0 = any free one).")
  int port = 8080;

  @Option(names = "--crawl-delay", paramLabel = "SECONDS",
      description = "Crawl-delay for robots.txt (default: none).")
  Double crawlDelay;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--port: must be from 0 to 65535, found " + port);
    }
    if (crawlDelay != null && !(crawlDelay >= 0)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--crawl-delay: must not be negative, found " + crawlDelay);
    }
    SampleNewsSite.Options options = SampleNewsSite.Options.defaults();
    if (crawlDelay != null) {
      options = options.withCrawlDelay(Duration.ofMillis((long) (crawlDelay * 1000)));
    }
    CountDownLatch stopped = new CountDownLatch(1);
    try (SampleNewsSite site = SampleNewsSite.start(host, port, options)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "sample-site-stop"));
      spec.commandLine().getOut().println("sample news site at " + site.baseUri()
          + " (Ctrl-C to stop)");
      // A separate line: scripts (bench/politeness.sh) wait for the one above.
      spec.commandLine().getOut().println("change it: POST " + SampleNewsSite.PUBLISH_PATH
          + " adds an article, POST " + SampleNewsSite.EDIT_PATH + "?path=/news/... edits one");
      spec.commandLine().getOut().flush();
      stopped.await();
    }
    return 0;
  }
}
