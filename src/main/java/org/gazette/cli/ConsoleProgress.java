package org.gazette.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import org.gazette.crawl.Progress;

/** One progress line, rewritten in place, when the console is a terminal; silent otherwise. */
final class ConsoleProgress implements Consumer<Progress> {
  private final PrintWriter err;
  private final boolean terminal;
  private boolean shown;

  ConsoleProgress(PrintWriter err) {
    this.err = err;
    this.terminal = System.console() != null;
  }

  @Override
  public synchronized void accept(Progress p) {
    if (!terminal) {
      return;
    }
    err.print(String.format(Locale.ROOT, "\r%s: %d fetched, %d queued, %.1f pages/s   ",
        p.site(), p.processed(), p.queued(), p.pagesPerSecond()));
    err.flush();
    shown = true;
  }

  /** Ends the progress line so the summary starts on a fresh one. */
  synchronized void finish() {
    if (shown) {
      err.print("\r" + " ".repeat(70) + "\r");
      err.flush();
      shown = false;
    }
  }
}
