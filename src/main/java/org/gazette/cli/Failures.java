package org.gazette.cli;

import org.gazette.config.ConfigException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Turns an exception that escaped a command into a message and an exit code: 2 for bad
 * configuration, 1 for the rest. The stack trace goes to the log, and to the console only with
 * --verbose.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    if (e instanceof ConfigException || e instanceof CommandLine.ParameterException) {
      // the user's mistake, said in full on the console: no stack trace needed
      LoggerFactory.getLogger(Failures.class).info("gazette {}: {}", cli.getCommandName(),
          e.getMessage());
    } else {
      LoggerFactory.getLogger(Failures.class).error("gazette {} failed", cli.getCommandName(), e);
    }
    if (e instanceof ConfigException ce) {
      cli.getErr().println("gazette: bad configuration:");
      for (ConfigException.Problem p : ce.problems()) {
        cli.getErr().println("  " + format(p));
      }
      return Main.EXIT_USAGE;
    }
    if (e instanceof CommandLine.ParameterException pe) {
      cli.getErr().println("gazette: " + pe.getMessage());
      return Main.EXIT_USAGE;
    }
    cli.getErr().println("gazette: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
    return Main.EXIT_FAILURE;
  }

  static String format(ConfigException.Problem p) {
    StringBuilder sb = new StringBuilder(p.file());
    if (p.line() > 0) {
      sb.append(':').append(p.line());
    }
    sb.append(": ");
    if (!p.key().isEmpty()) {
      sb.append(p.key()).append(": ");
    }
    return sb.append(p.message()).toString();
  }
}
