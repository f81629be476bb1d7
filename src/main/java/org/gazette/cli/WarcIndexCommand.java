package org.gazette.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gazette.archive.CdxjIndexer;
import org.gazette.archive.WarcPaths;
import org.gazette.archive.WarcProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gazette warc index}: a CDXJ index in pywb's format, of all the files given, sorted, on
 * stdout; or with {@code --write}, one {@code <name>.cdxj} beside each closed WARC file.
 */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = {"Index the response and revisit records of WARC files in pywb's CDXJ format,"
        + " sorted, on stdout.",
        "Exit 0 if every file was read whole, 1 if some could not be, 2 on bad usage."})
final class WarcIndexCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*",
      description = "WARC files, or folders searched for .warc.gz and .warc files.")
  List<Path> paths;

  @Option(names = "--write",
      description = "Write <name>.cdxj beside each closed WARC file instead of printing.")
  boolean write;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> lines = new ArrayList<>();
    boolean failed = false;
    for (Path file : WarcCommand.files(spec, paths)) {
      CdxjIndexer.Result result;
      try {
        result = CdxjIndexer.index(file);
      } catch (IOException e) {
        err.println("gazette: cannot read " + file + ": " + e);
        failed = true;
        continue;
      }
      for (WarcProblem problem : result.problems()) {
        err.println(file + ": " + problem);
        failed = true;
      }
      if (!write) {
        lines.addAll(result.lines());
      } else if (WarcPaths.isClosedWarc(file)) {
        Path cdxj = CdxjIndexer.writeBeside(file, result.lines());
        err.println("wrote " + cdxj + ": " + result.lines().size() + " lines");
      } else {
        err.println(file + ": not a closed WARC file, no index written");
      }
    }
    lines.sort(CdxjIndexer.LINE_ORDER);
    for (String line : lines) {
      out.print(line + "\n"); // LF whatever the platform: CDXJ files are compared byte for byte
    }
    out.flush();
    err.flush();
    return failed ? Main.EXIT_FAILURE : 0;
  }
}
