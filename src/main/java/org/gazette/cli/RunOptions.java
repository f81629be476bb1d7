package org.gazette.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command that runs crawls shares (a picocli mixin). */
final class RunOptions {
  @Option(names = "--state", paramLabel = "DIR",
      description = "Folder of the crawl state: frontiers and the H2 state store, when state.url is the default (default: state).")
  Path state = Path.of("state");

  // read by Main before logging starts; declared here so picocli accepts and documents it
  @Option(names = {"-v", "--verbose"}, description = "Log to the console too, with stack traces.")
  boolean verbose;
}
