package org.gazette.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.gazette.config.GazetteConfig;
import org.gazette.extract.RecordJson;
import org.gazette.fetch.FetchOptions;
import org.gazette.records.PageRecords;
import org.gazette.records.Reextraction;
import org.gazette.records.Sites;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gazette extract}: JSON lines from WARC files and HTML files, made as the crawl makes
 * them ({@link Reextraction}), on stdout; never touches the network.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
    description = {"Turn the HTML pages of WARC files (responses and revisits) and HTML files"
        + " into JSON lines on stdout, as the crawl does; no network.",
        "Exit 0 if every input was read whole, 1 if some could not be, 2 on bad usage or"
            + " configuration."})
final class ExtractCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--config", paramLabel = "DIR",
      description = "Config folder (default: ./config if present, else the built-in defaults).")
  Path config;

  @Option(names = "--site", paramLabel = "NAME",
      description = "Read every page with this site's rules (default: the site whose hosts hold"
          + " the page's host, else rules for a site without configuration).")
  String site;

  @Option(names = "--url", paramLabel = "URL",
      description = "The address of the one HTML file given (default: its file: URL).")
  String url;

  @Option(names = "--time-zone", paramLabel = "ZONE",
      description = "Zone of page-local times (default: the site's, else guessed per page).")
  ZoneId timeZone;

  // read by Main before logging starts; declared here so picocli accepts and documents it
  @Option(names = {"-v", "--verbose"}, description = "Stack traces with the error lines.")
  boolean verbose;

  @Parameters(paramLabel = "PATH", arity = "1..*",
      description = "WARC files (.warc.gz, .warc), HTML files (.html, .htm), or folders searched"
          + " for both.")
  List<Path> paths;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    GazetteConfig global = Configs.load(config);
    Sites sites;
    try {
      sites = new Sites(global, site, timeZone, w -> err.println("gazette extract: warning: " + w));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    checkUrl();
    Lines lines = new Lines(out, err, verbose);
    Reextraction run = new Reextraction(new PageRecords(FetchOptions.agentName(global.userAgent())),
        sites, global.limits().maxBodySize(), lines);
    for (Path path : paths) { // in the order given, each folder's files sorted
      for (Reextraction.Input input : inputs(path, lines)) {
        run.read(input, url);
      }
    }
    out.flush();
    err.flush();
    return lines.failed ? Main.EXIT_FAILURE : 0;
  }

  /** The inputs a path names; a path that names none is a problem. */
  private static List<Reextraction.Input> inputs(Path path, Lines lines) {
    try {
      if (Files.isDirectory(path)) {
        List<Reextraction.Input> found = Reextraction.inFolder(path);
        if (found.isEmpty()) {
          lines.problem(path + ": no WARC file (.warc.gz, .warc) or HTML file (.html, .htm) in it",
              null);
        }
        return found;
      }
      if (!Files.exists(path)) {
        lines.problem(path + ": no such file or folder", null);
        return List.of();
      }
      Optional<Reextraction.Kind> kind = Reextraction.kindOf(path);
      if (kind.isEmpty()) {
        lines.problem(path + ": neither a WARC file nor an HTML file", null);
        return List.of();
      }
      return List.of(new Reextraction.Input(path, kind.get()));
    } catch (IOException e) {
      lines.problem(path + ": cannot read: " + e.getMessage(), e);
      return List.of();
    }
  }

  /** --url gives the address of one HTML file: an absolute URL, and one file to go with it. */
  private void checkUrl() throws IOException {
    if (url == null) {
      return;
    }
    try {
      if (!new URI(url).isAbsolute()) {
        throw new URISyntaxException(url, "not an absolute URL");
      }
    } catch (URISyntaxException e) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--url must be an absolute URL: " + url);
    }
    Path only = paths.size() == 1 ? paths.get(0) : null;
    if (only == null || Files.isDirectory(only) || (Files.exists(only)
        && Reextraction.kindOf(only).orElse(null) != Reextraction.Kind.HTML)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--url is the address of one HTML file: give exactly one .html file with it"
              + " (pages in WARC files have their own URL; files of a folder get their file: URL)");
    }
  }

  /** Records on stdout, one line each; problems and warnings on stderr, one line each. */
  private static final class Lines implements Reextraction.Output {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean verbose;
    boolean failed;

    Lines(PrintWriter out, PrintWriter err, boolean verbose) {
      this.out = out;
      this.err = err;
      this.verbose = verbose;
    }

    @Override
    public void record(Object record) {
      // the crawl's bytes (a lone surrogate escaped, not replaced), LF whatever the platform
      out.print(new String(RecordJson.writeUtf8(record), StandardCharsets.UTF_8) + "\n");
    }

    @Override
    public void problem(String message, Throwable cause) {
      failed = true;
      err.println("gazette extract: " + message);
      if (verbose && cause != null) {
        cause.printStackTrace(err);
      }
      err.flush();
    }

    @Override
    public void warning(String message) {
      err.println("gazette extract: warning: " + message);
      err.flush();
    }
  }
}
