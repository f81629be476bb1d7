package org.gazette.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gazette.config.ConfigLoader;
import org.gazette.config.GazetteConfig;

/** Where the CLI's configuration comes from. */
final class Configs {
  private Configs() {}

  /**
   * The folder given with --config; else {@code ./config} when it exists; else the built-in
   * defaults (the commented default file inside the jar).
   */
  static GazetteConfig load(Path dir) {
    if (dir != null) {
      return ConfigLoader.load(dir);
    }
    Path local = Path.of("config");
    return Files.isDirectory(local) ? ConfigLoader.load(local) : ConfigLoader.defaults();
  }
}
