package org.gazette.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gazette} executable: a dispatcher over one class per subcommand. */
@Command(name = "gazette", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "A polite crawler and archiver for news sites: WARC files and JSON lines.",
    subcommands = {CrawlCommand.class, DemoCommand.class, DaemonCommand.class,
        StatusCommand.class,
        CheckConfigCommand.class, ExtractCommand.class,
        RobotsCommand.class, WarcCommand.class, SampleSiteCommand.class,
        CommandLine.HelpCommand.class})
public final class Main {
  /** Exit code for bad usage or bad configuration. */
  public static final int EXIT_USAGE = 2;
  /** Exit code for any other failure. */
  public static final int EXIT_FAILURE = 1;

  public static void main(String[] args) {
    // the log configuration reads this when the first logger is made, so it is set first
    boolean verbose = Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v");
    System.setProperty("gazette.console.level", verbose ? "DEBUG" : "OFF");
    // stdout is UTF-8 whatever the locale: JSON lines (gazette extract) are UTF-8 by contract,
    // and Java 17 would otherwise write '?' for every non-ASCII character under LANG=C
    PrintWriter out = new PrintWriter(
        new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true);
    System.exit(run(out, new PrintWriter(System.err, true), args));
  }

  /** Runs gazette with the given output streams; returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new Failures());
    cli.setParameterExceptionHandler(Failures::badUsage);
    OptionValues.register(cli);
    return cli.execute(args);
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"gazette " + (v == null ? "dev" : v)};
    }
  }
}
