package org.gazette.cli;

import org.gazette.config.ConfigException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Turns an exception that escaped a command into a message and an exit code: 2 for bad
 * configuration or usage, 1 for the rest. The stack trace goes to the log, and to the console only
 * with --verbose.
 *
 * <p>A bad configuration prints one line per problem, {@code file:line: key: message}, and
 * nothing else; bad usage (an unknown option, a bad option value) prints one line,
 * {@code gazette: message}, without the usage help that would bury it.
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
      for (ConfigException.Problem p : ce.problems()) {
        cli.getErr().println(format(p));
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

  /**
   * Picocli's parameter exception handler: a wrong option or option value, found while parsing
   * the command line or by the command itself.
   */
  static int badUsage(CommandLine.ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    LoggerFactory.getLogger(Failures.class).info("gazette {}: {}", cli.getCommandName(),
        e.getMessage());
    String hint = "";
    if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
      hint = " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)";
    }
    if (e instanceof CommandLine.UnmatchedArgumentException
        || e instanceof CommandLine.MissingParameterException) {
      hint += "; see '" + cli.getCommandSpec().qualifiedName() + " --help'";
    }
    cli.getErr().println("gazette: " + e.getMessage() + hint);
    return Main.EXIT_USAGE;
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
