package org.gazette.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gazette.config.GazetteConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gazette check-config}: loads and checks a config folder, crawls nothing. */
@Command(name = "check-config", mixinStandardHelpOptions = true,
    description = "Check a config folder; exit 2 with every problem named if it is wrong.")
final class CheckConfigCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--config", paramLabel = "DIR",
      description = "Config folder (default: ./config if present, else the built-in defaults).")
  Path config;

  // read by Main before logging starts; declared here so picocli accepts and documents it
  @Option(names = {"-v", "--verbose"}, description = "Log to the console too, with stack traces.")
  boolean verbose;

  @Override
  public Integer call() {
    GazetteConfig global = Configs.load(config);
    spec.commandLine().getOut().println("config OK: " + global.sites().size() + " site(s): "
        + String.join(", ", global.sites().keySet()));
    return 0;
  }
}
