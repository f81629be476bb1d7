package org.gazette.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gazette} executable: a dispatcher over one class per subcommand. */
@Command(name = "gazette", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "A polite crawler and archiver for news sites: WARC files and JSON lines.")
public final class Main {
  /** The subcommands, in the order {@code gazette --help} lists them. */
  static final List<Class<?>> COMMANDS = List.of(CrawlCommand.class, DemoCommand.class,
      DaemonCommand.class, StatusCommand.class, CheckConfigCommand.class, ExtractCommand.class,
      RobotsCommand.class, WarcCommand.class, SampleSiteCommand.class,
      CommandLine.HelpCommand.class);

  /** Exit code for bad usage or bad configuration. */
  public static final int EXIT_USAGE = 2;
  /** Exit code for any other failure. */
  public static final int EXIT_FAILURE = 1;

  public static void main(String[] args) {
    // the log configuration reads this when the first logger is made, so it is set first
    boolean verbose = Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v");
    System.setProperty("gazette.console.level", verbose ? "DEBUG" : "OFF");
    if (args.length > 0 && !args[0].startsWith("-") && !args[0].equals("help")) {
      // logback reads its XML configuration in a third of a second; a command that will log
      // has it done on the other core while picocli and the config loader do their part
      // (calls made meanwhile are queued and replayed by SLF4J, which would say so on stderr
      // in three lines a user has no use for). --help and --version never start logging.
      if (System.getProperty("slf4j.internal.verbosity") == null) {
        System.setProperty("slf4j.internal.verbosity", "ERROR");
      }
      Thread logging = new Thread(org.slf4j.LoggerFactory::getILoggerFactory, "log-setup");
      logging.setDaemon(true);
      logging.start();
    }
    // stdout is UTF-8 whatever the locale: JSON lines (gazette extract) are UTF-8 by contract,
    // and Java 17 would otherwise write '?' for every non-ASCII character under LANG=C
    PrintWriter out = new PrintWriter(
        new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true);
    System.exit(run(out, new PrintWriter(System.err, true), args));
  }

  /** Runs gazette with the given output streams; returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    // picocli reads every option of every subcommand it is given, by reflection, before it
    // parses a word: a third of a second at start. A command line naming a subcommand needs
    // only that one; anything else (--help, help, a typo picocli suggests a name for) gets all.
    Class<?> named = args.length == 0 ? null : COMMANDS.stream()
        .filter(c -> c != CommandLine.HelpCommand.class
            && c.getAnnotation(Command.class).name().equals(args[0]))
        .findFirst().orElse(null);
    for (Class<?> command : named == null ? COMMANDS : List.of(named)) {
      cli.addSubcommand(command);
    }
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
