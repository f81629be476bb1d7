package org.gazette.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Tells when the config folder changed: gazette.yaml or a site file added, removed or written.
 * Polls a fingerprint (names, sizes, modification times), which works the same on every file
 * system, network mounts included, unlike change notification.
 */
final class ConfigWatcher {
  private final Path dir;
  private List<String> last;

  ConfigWatcher(Path dir) {
    this.dir = dir;
    this.last = fingerprint();
  }

  /** True when the folder differs from the last call (or from construction). */
  synchronized boolean changed() {
    List<String> now = fingerprint();
    if (now.equals(last)) {
      return false;
    }
    last = now;
    return true;
  }

  private List<String> fingerprint() {
    List<String> out = new ArrayList<>();
    add(out, dir.resolve("gazette.yaml"));
    Path sites = dir.resolve("sites");
    if (Files.isDirectory(sites)) {
      try (Stream<Path> files = Files.list(sites)) {
        files.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(f -> add(out, f));
      } catch (IOException e) {
        out.add("unreadable " + sites);
      }
    }
    return out;
  }

  private static void add(List<String> out, Path f) {
    try {
      out.add(f + " " + Files.size(f) + " " + Files.getLastModifiedTime(f).toMillis());
    } catch (IOException gone) {
      // not there: its absence is the fingerprint
    }
  }
}
