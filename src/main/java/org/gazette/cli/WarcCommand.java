package org.gazette.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gazette.archive.WarcPaths;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gazette warc}: a dispatcher over the commands that work on WARC files. */
@Command(name = "warc", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
    description = "Check and index WARC files.",
    subcommands = {WarcVerifyCommand.class, WarcIndexCommand.class})
final class WarcCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "give a command: warc verify PATH... or warc index PATH...");
  }

  /**
   * The WARC files named by {@code paths} (folders searched); bad usage if a path does not exist
   * or no file is found.
   */
  static List<Path> files(CommandSpec spec, List<Path> paths) throws IOException {
    List<Path> files;
    try {
      files = WarcPaths.find(paths);
    } catch (NoSuchFileException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + e.getFile());
    }
    if (files.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "no .warc.gz or .warc file in " + paths);
    }
    return files;
  }
}
