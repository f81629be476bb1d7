package org.gazette.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gazette.archive.WarcProblem;
import org.gazette.archive.WarcVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gazette warc verify}: one line per file, {@code OK} or {@code FAIL} with its problems
 * indented below, then a summary line; exit 1 if anything is wrong.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Check WARC files: one record per gzip member, record syntax, mandatory fields,"
        + " unique ids, warcinfo first, block and payload digests, WARC-Concurrent-To links.",
        "Exit 0 if all is well, 1 if any file has a problem, 2 on bad usage."})
final class WarcVerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*",
      description = "WARC files, or folders searched for .warc.gz and .warc files.")
  List<Path> paths;

  @Override
  public Integer call() throws IOException {
    List<Path> files = WarcCommand.files(spec, paths);
    PrintWriter out = spec.commandLine().getOut();
    long records = 0;
    long errors = 0;
    for (Path file : files) {
      WarcVerifier.Report report;
      try {
        report = WarcVerifier.verify(file);
      } catch (IOException e) {
        out.println("FAIL " + file + ": cannot read: " + e);
        errors++;
        continue;
      }
      records += report.records();
      errors += report.problems().size();
      print(out, report);
    }
    out.println("verified " + files.size() + " files, " + records + " records, " + errors
        + " errors");
    out.flush();
    return errors == 0 ? 0 : Main.EXIT_FAILURE;
  }

  private static void print(PrintWriter out, WarcVerifier.Report report) {
    if (report.ok()) {
      out.println("OK " + report.file() + ": " + report.records() + " records");
      return;
    }
    out.println("FAIL " + report.file() + ": " + report.records() + " records, "
        + report.problems().size() + " errors");
    for (WarcProblem problem : report.problems()) {
      out.println("  " + problem);
    }
  }
}
