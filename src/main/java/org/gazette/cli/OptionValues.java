package org.gazette.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * Checks of option values that picocli's own converters leave to the command, with messages that
 * name the option and the value, not a Java exception.
 */
final class OptionValues {
  private OptionValues() {}

  /** Registers the converters below on {@code cli} and all its subcommands. */
  static void register(CommandLine cli) {
    cli.registerConverter(URI.class, OptionValues::uri);
    cli.registerConverter(ZoneId.class, OptionValues::zone);
  }

  /** A URI; whether it is an http(s) URL with a host is the command's to say. */
  static URI uri(String text) {
    try {
      return new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new TypeConversionException("not a URL: \"" + text + "\" (" + e.getReason() + ")");
    }
  }

  static ZoneId zone(String text) {
    try {
      return ZoneId.of(text.strip());
    } catch (DateTimeException e) {
      throw new TypeConversionException("unknown time zone \"" + text
          + "\"; use a region like Asia/Shanghai or an offset like +08:00");
    }
  }

  /**
   * {@code dir}, after checking that it is a folder or can be made one: a file in its place
   * would otherwise fail deep inside the database driver or the WARC writer, with exit code 1.
   */
  static Path folder(CommandLine cli, String option, Path dir) {
    for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p)) {
        return dir;
      }
      if (Files.exists(p)) {
        throw new ParameterException(cli, option + ": not a folder: " + p + " is a file");
      }
    }
    return dir;
  }
}
