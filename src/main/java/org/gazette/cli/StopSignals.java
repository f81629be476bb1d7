package org.gazette.cli;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM while a crawl runs: the first asks the run to stop cleanly, a
 * second ends the process at once. Caught as signals rather than in a shutdown hook, because
 * once the JVM shuts down the H2 store closes itself under the run that is still stopping.
 * {@code sun.misc.Signal} is the JDK's supported way to catch them.
 */
final class StopSignals implements AutoCloseable {
  /** The exit code of a process stopped by SIGINT, as shells report it. */
  static final int EXIT_INTERRUPTED = 130;

  private final List<Signal> signals = new ArrayList<>();
  private final List<SignalHandler> previous = new ArrayList<>();
  private volatile boolean received;

  private StopSignals(Runnable stop) {
    for (String name : new String[] {"INT", "TERM"}) {
      try {
        Signal signal = new Signal(name);
        previous.add(Signal.handle(signal, s -> {
          if (received) {
            Runtime.getRuntime().halt(EXIT_INTERRUPTED); // the operator insists
          }
          received = true;
          stop.run();
        }));
        signals.add(signal);
      } catch (IllegalArgumentException unsupported) {
        LoggerFactory.getLogger(StopSignals.class).debug("cannot catch SIG{}", name);
      }
    }
  }

  /** Calls {@code stop} on the first SIGINT or SIGTERM, until closed. */
  static StopSignals install(Runnable stop) {
    return new StopSignals(stop);
  }

  /** Whether a signal came. */
  boolean received() {
    return received;
  }

  @Override
  public void close() {
    for (int i = 0; i < signals.size(); i++) {
      Signal.handle(signals.get(i), previous.get(i));
    }
  }
}
