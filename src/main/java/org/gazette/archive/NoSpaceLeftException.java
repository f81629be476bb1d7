package org.gazette.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The folder a {@link WarcWriter} writes to has no room left: either its free space fell below
 * {@link WarcWriterOptions#minFreeSpace()} before a write, which was then not attempted, or a
 * write failed for lack of space (ENOSPC, a full quota) and was rolled back. Either way the files
 * hold whole records only. Nothing written after it can succeed until space is freed, so a crawl
 * stops when it sees one, where it goes on after other write failures of a single page.
 */
public final class NoSpaceLeftException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path directory;
  private final long freeBytes;
  private final long minFreeSpace;

  /**
   * @param directory the folder written to
   * @param freeBytes the space left for gazette there, in bytes; -1 if unknown
   * @param minFreeSpace the minimum that was not met, or 0 when the disk itself filled up
   * @param cause the failed write, or null when the minimum stopped the write before it began
   */
  public NoSpaceLeftException(Path directory, long freeBytes, long minFreeSpace,
      IOException cause) {
    super(message(directory, freeBytes, minFreeSpace, cause), cause);
    this.directory = directory;
    this.freeBytes = freeBytes;
    this.minFreeSpace = minFreeSpace;
  }

  /** The folder written to. */
  public Path directory() {
    return directory;
  }

  /** The space left for gazette in {@link #directory()}, in bytes; -1 if unknown. */
  public long freeBytes() {
    return freeBytes;
  }

  /** The minimum that was not met, or 0 when a write failed because the disk itself was full. */
  public long minFreeSpace() {
    return minFreeSpace;
  }

  /**
   * Whether {@code e}, or an exception it was caused by, says the disk or the quota is full.
   * Java does not expose errno; the JDK's message for ENOSPC is strerror's, "No space left on
   * device" ("Disk quota exceeded" for EDQUOT). The caller also compares the free space with the
   * write, which needs no message at all.
   */
  static boolean saysNoSpace(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null) {
        String lower = m.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left") || lower.contains("disk quota exceeded")) {
          return true;
        }
      }
    }
    return false;
  }

  private static String message(Path directory, long free, long min, IOException cause) {
    String where = "no space left in " + directory;
    String left = free < 0 ? "" : ": " + size(free) + " free";
    if (cause == null) {
      return where + left + ", less than the minimum of " + size(min) + " kept free";
    }
    return where + left + " (" + rootMessage(cause) + ")";
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  /** Bytes in the units of the configuration: KB, MB, GB, TB of 1024. */
  static String size(long bytes) {
    String[] units = {"bytes", "KB", "MB", "GB", "TB"};
    double v = bytes;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return u == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
