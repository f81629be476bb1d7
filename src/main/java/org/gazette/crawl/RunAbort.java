package org.gazette.crawl;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.gazette.archive.NoSpaceLeftException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Why a run must stop now rather than go on page by page: its WARC folder has no space left. A
 * failed fetch or a page that cannot be parsed costs that page; a full disk costs every page
 * after it, each fetched from the site for nothing, so the first thread that meets one stops the
 * run, and the run ends by throwing it (recorded as failed) instead of completing.
 */
final class RunAbort {
  private static final Logger log = LoggerFactory.getLogger(RunAbort.class);

  private final AtomicReference<NoSpaceLeftException> reason = new AtomicReference<>();
  private final Runnable stop;

  /** @param stop asks the run to stop after the pages in flight */
  RunAbort(Runnable stop) {
    this.stop = stop;
  }

  /**
   * Stops the run if {@code e} (or what caused it) says the disk is full.
   *
   * @return true if it did, or had already: the caller has nothing more to report
   */
  boolean check(Throwable e) {
    NoSpaceLeftException full = find(e);
    if (full == null) {
      return false;
    }
    if (reason.compareAndSet(null, full)) {
      log.error("{}; stopping the run", full.getMessage());
      stop.run();
    }
    return true;
  }

  /** Why the run was stopped, if it was. */
  Optional<NoSpaceLeftException> reason() {
    return Optional.ofNullable(reason.get());
  }

  /**
   * What the run fails with: one line for the console that names the folder and says what to
   * do, the writer's exception as its cause.
   *
   * @param closeFailure why the last WARC file could not be closed, or null if it was
   */
  IOException failure(NoSpaceLeftException full, IOException closeFailure) {
    StringBuilder m = new StringBuilder("no space left in ").append(full.directory());
    if (full.minFreeSpace() > 0) {
      m.append(": ").append(size(full.freeBytes())).append(" free, less than limits.minFreeSpace (")
          .append(size(full.minFreeSpace())).append(')');
    } else {
      m.append(full.freeBytes() >= 0 ? ": " + size(full.freeBytes()) + " free" : "")
          .append(" (").append(rootMessage(full)).append(')');
    }
    m.append("; the run stopped, ").append(closeFailure == null
        ? "its WARC files are closed"
        : "its last WARC file stays .open for the next run to repair");
    IOException failure = new IOException(m.toString(), full);
    if (closeFailure != null) {
      failure.addSuppressed(closeFailure);
    }
    return failure;
  }

  private static NoSpaceLeftException find(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof NoSpaceLeftException full) {
        return full;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  private static String size(long bytes) {
    return RunSummary.humanBytes(bytes);
  }
}
