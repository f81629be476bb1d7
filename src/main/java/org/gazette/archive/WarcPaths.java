package org.gazette.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds the WARC files that the paths given to a command name. */
public final class WarcPaths {

  private WarcPaths() {}

  /**
   * The files named by {@code paths}, in order: a file as it is, whatever its name; a folder as the
   * closed {@code .warc.gz} and {@code .warc} files anywhere under it, sorted. Files still being
   * written ({@code .open}) are only taken when named.
   *
   * @throws NoSuchFileException for a path that does not exist
   */
  public static List<Path> find(List<Path> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> tree = Files.walk(path)) {
          tree.filter(Files::isRegularFile)
              .filter(WarcPaths::isClosedWarc)
              .sorted()
              .forEach(files::add);
        }
      } else if (Files.exists(path)) {
        files.add(path);
      } else {
        throw new NoSuchFileException(path.toString());
      }
    }
    return files;
  }

  /** True for a name ending {@code .warc.gz} or {@code .warc}. */
  public static boolean isClosedWarc(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".warc.gz") || name.endsWith(".warc");
  }

  /**
   * The name without {@code .warc.gz} or {@code .warc} (and {@code .open}): the base that the
   * {@code .jsonl} and {@code .cdxj} files beside it share.
   */
  static String baseName(Path file) {
    String name = file.getFileName().toString();
    if (name.endsWith(WarcFileName.OPEN_SUFFIX)) {
      name = name.substring(0, name.length() - WarcFileName.OPEN_SUFFIX.length());
    }
    for (String extension : new String[] {WarcFileName.WARC_EXTENSION, ".warc"}) {
      if (name.endsWith(extension)) {
        return name.substring(0, name.length() - extension.length());
      }
    }
    return name;
  }

  /** The CDXJ file written beside a closed WARC file: {@code <base>.cdxj}. */
  public static Path cdxjBeside(Path warc) {
    return warc.resolveSibling(baseName(warc) + ".cdxj");
  }
}
