package org.gazette.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gazette.schedule.Daemon;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gazette daemon}: crawls every site of the config folder on its schedule until SIGTERM
 * or SIGINT (then stops cleanly and exits 0); SIGHUP reloads the configuration.
 */
@Command(name = "daemon", mixinStandardHelpOptions = true,
    description = {"Crawl every configured site on its schedule (Quartz cron), until stopped.",
        "SIGTERM or Ctrl-C: stop cleanly (fetches in flight finish, WARC files are closed).",
        "SIGHUP, or any change in the config folder: reload the configuration."})
final class DaemonCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--config", paramLabel = "DIR",
      description = "Config folder: gazette.yaml and sites/*.yaml (default: config).")
  Path config = Path.of("config");

  @Mixin RunOptions run;

  @Override
  public Integer call() throws Exception {
    Daemon daemon = new Daemon(config,
        OptionValues.folder(spec.commandLine(), "--state", run.state),
        spec.commandLine().getErr());
    // Signals rather than a shutdown hook: the daemon stops in its own time and exits 0, and
    // the JVM has no hook for SIGHUP. sun.misc.Signal is the JDK's supported way to catch them.
    AtomicBoolean stopping = new AtomicBoolean();
    Runnable stop = () -> {
      if (stopping.getAndSet(true)) {
        // a second signal: the operator will not wait; .open files are repaired at next start
        Runtime.getRuntime().halt(StopSignals.EXIT_INTERRUPTED);
      }
      daemon.stop();
    };
    handle("TERM", stop);
    handle("INT", stop);
    handle("HUP", daemon::reloadSoon);
    daemon.run();
    return 0;
  }

  private static void handle(String signal, Runnable action) {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal(signal), s -> action.run());
    } catch (IllegalArgumentException unsupported) {
      LoggerFactory.getLogger(DaemonCommand.class).info("signal {} cannot be caught here", signal);
    }
  }
}
