package org.gazette.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real, small file system for tests that fill a disk: a tmpfs of a given size mounted on a
 * folder, so that writes there fail with ENOSPC ("No space left on device") as on a full disk.
 * Mounting needs root (CI runs as root); where {@code mount} is refused, the test that asked is
 * skipped, with the reason. Unmounted on {@link #close()}, before the folder is deleted.
 */
public final class SmallDisk implements AutoCloseable {
  private final Path dir;

  private SmallDisk(Path dir) {
    this.dir = dir;
  }

  /**
   * Mounts a tmpfs of {@code size} ({@code mount -o size=}, e.g. {@code 256k}, {@code 2m}) on
   * {@code dir}, made if missing; skips the calling test if that is not permitted.
   */
  public static SmallDisk mount(Path dir, String size) throws IOException {
    Files.createDirectories(dir);
    String why = run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0755", "gazette-test",
        dir.toString());
    Assumptions.assumeTrue(why == null, () -> "cannot mount a tmpfs to fill (" + why
        + "); the disk-full tests need root, as in CI");
    return new SmallDisk(dir);
  }

  /** The folder the file system is mounted on. */
  public Path dir() {
    return dir;
  }

  /** Bytes free on it. */
  public long free() throws IOException {
    return Files.getFileStore(dir).getUsableSpace();
  }

  /** Grows (or shrinks) the file system in place, its files kept. */
  public void resize(String size) throws IOException {
    String why = run("mount", "-o", "remount,size=" + size, dir.toString());
    if (why != null) {
      throw new IOException("cannot resize the tmpfs on " + dir + ": " + why);
    }
  }

  @Override
  public void close() throws IOException {
    String why = run("umount", dir.toString());
    if (why != null && run("umount", "-l", dir.toString()) != null) {
      throw new IOException("cannot unmount the tmpfs on " + dir + ": " + why);
    }
  }

  /** Runs a command; returns null if it succeeded, else what it said. */
  private static String run(String... command) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(command));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return String.join(" ", command) + " did not return";
      }
      return p.exitValue() == 0 ? null
          : String.join(" ", command) + " exited with " + p.exitValue() + ": " + out;
    } catch (IOException e) {
      return String.join(" ", command) + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException(String.join(" ", command) + " interrupted");
    }
  }
}
