package org.gazette.archive;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repairs the {@code .open} files a crash leaves: the WARC file is cut after its last complete,
 * well-formed gzip member holding one complete record (and before a last request whose response did
 * not make it, as the writer appends the two together), the JSON lines pointing at or past the cut
 * are dropped from the {@code .jsonl.open} beside it, and both are renamed to drop {@code .open},
 * as a clean close would have. Cutting loses nothing whole: the writer only appends.
 *
 * <p>Call {@link #repairFolder(Path)} on a site's folder when a run starts, before its {@link
 * WarcWriter} is made, and never while another writer may be writing to that folder: an {@code
 * .open} file being written looks exactly like one left by a crash.
 */
public final class WarcRepair {

  private static final Logger log = LoggerFactory.getLogger(WarcRepair.class);

  /**
   * What a repair did.
   *
   * @param warc the WARC file under its final name; it no longer exists if {@code records} is 0
   * @param records the records kept
   * @param keptBytes the length of the WARC file after the cut
   * @param cutBytes the bytes cut off its end
   * @param jsonLinesDropped the JSON lines dropped because they pointed past the cut
   */
  public record Result(
      Path warc, int records, long keptBytes, long cutBytes, int jsonLinesDropped) {
    public Result {
      Objects.requireNonNull(warc, "warc");
    }
  }

  /**
   * Told what a repair keeps of a file before the file takes its final name: what else refers to
   * the part cut off (a capture store) must forget it first. A crash between the two leaves the
   * file {@code .open}, so the next repair tells it again; the other way round, a file already
   * renamed would never be told.
   */
  @FunctionalInterface
  public interface BeforeClose {
    /**
     * @param warc the file's final name; it is deleted, not renamed, if {@code keptBytes} is 0
     * @param keptBytes its length after the cut: what lies at or past this offset is gone
     * @throws IOException to leave the file {@code .open}, for a later repair
     */
    void cut(Path warc, long keptBytes) throws IOException;
  }

  private static final BeforeClose NOTHING = (warc, kept) -> { };

  private WarcRepair() {}

  /**
   * Repairs every {@code .warc.gz.open} (and {@code .warc.open}) file in {@code dir}, not in its
   * subfolders. A file that cannot be repaired, e.g. because its final name is taken, is logged and
   * left as it is.
   *
   * @return what was done to each file repaired, in name order; empty if there was none
   */
  public static List<Result> repairFolder(Path dir) throws IOException {
    return repairFolder(dir, NOTHING);
  }

  /**
   * Repairs every open WARC file in {@code dir} as {@link #repairFolder(Path)} does, telling
   * {@code beforeClose} what is kept of each before it takes its final name; a file for which it
   * throws is logged and left {@code .open} (cut, not renamed).
   */
  public static List<Result> repairFolder(Path dir, BeforeClose beforeClose) throws IOException {
    List<Result> results = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return results;
    }
    List<Path> open;
    try (Stream<Path> files = Files.list(dir)) {
      open = files.filter(WarcRepair::isOpenWarc).sorted().toList();
    }
    for (Path file : open) {
      try {
        results.add(repair(file, beforeClose));
      } catch (IOException e) {
        log.warn("Cannot repair {}: {}", file, e.toString());
        log.debug("Repair of {} failed", file, e);
      }
    }
    return results;
  }

  /**
   * Repairs one file left {@code .open} by a crash, and the {@code .jsonl.open} beside it.
   *
   * @param openFile a {@code .warc.gz.open} or {@code .warc.open} file
   * @throws FileAlreadyExistsException if a file already has the final name of either
   * @throws IllegalArgumentException if {@code openFile} is not named {@code *.warc.gz.open} or
   *     {@code *.warc.open}
   */
  public static Result repair(Path openFile) throws IOException {
    return repair(openFile, NOTHING);
  }

  /**
   * Repairs one file as {@link #repair(Path)} does, telling {@code beforeClose} what is kept of it
   * before it takes its final name (or is deleted).
   */
  public static Result repair(Path openFile, BeforeClose beforeClose) throws IOException {
    if (!isOpenWarc(openFile)) {
      throw new IllegalArgumentException("not an open WARC file: " + openFile);
    }
    String finalName = WarcPaths.baseName(openFile) + (isGzip(openFile) ? ".warc.gz" : ".warc");
    Path warc = openFile.resolveSibling(finalName);
    Path jsonl =
        openFile.resolveSibling(WarcPaths.baseName(openFile) + WarcFileName.JSONL_EXTENSION);
    Path jsonlOpen = open(jsonl);
    requireAbsent(warc);
    if (Files.exists(jsonl) && Files.exists(jsonlOpen)) {
      throw new FileAlreadyExistsException(jsonl.toString());
    }
    Cut cut = findCut(openFile);
    long size = Files.size(openFile);
    truncate(openFile, cut.end());
    int dropped = JsonLinesCut.apply(jsonlOpen, finalName, cut.end());
    Result result = new Result(warc, cut.records(), cut.end(), size - cut.end(), dropped);
    beforeClose.cut(warc, cut.end());
    if (cut.records() == 0) {
      // not even the warcinfo record is whole: nothing worth keeping
      Files.deleteIfExists(jsonlOpen);
      Files.delete(openFile);
      log.warn("Deleted {}: no complete record in its {} bytes ({})", openFile, size, cut.why());
      return result;
    }
    close(openFile, warc, jsonlOpen, jsonl);
    logResult(result, cut);
    return result;
  }

  /**
   * Drops {@code .open} from both names, the JSON lines first, as {@link WarcFile#close()} does; a
   * crash in between leaves a state the next repair finishes.
   */
  private static void close(Path openFile, Path warc, Path jsonlOpen, Path jsonl)
      throws IOException {
    if (Files.exists(jsonlOpen)) {
      Files.move(jsonlOpen, jsonl, StandardCopyOption.ATOMIC_MOVE);
    } else if (!Files.exists(jsonl)) {
      Files.createFile(jsonl); // every closed WARC file has its JSON lines beside it
    }
    Files.move(openFile, warc, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void logResult(Result r, Cut cut) {
    if (r.cutBytes() > 0 || r.jsonLinesDropped() > 0) {
      log.warn(
          "Repaired {}: kept {} records ({} bytes), cut {} bytes at offset {} ({}), "
              + "dropped {} JSON lines",
          r.warc(),
          r.records(),
          r.keptBytes(),
          r.cutBytes(),
          r.keptBytes(),
          cut.why(),
          r.jsonLinesDropped());
    } else {
      log.info("Closed {} left open: its {} records are whole", r.warc(), r.records());
    }
  }

  /** Where to cut: after the last whole record before the first problem. */
  private record Cut(long end, int records, String why) {}

  /** A whole record kept: where it ends, its id, the records it was written with. */
  private record Kept(long end, String id, List<String> concurrentTo) {}

  private static Cut findCut(Path file) throws IOException {
    List<Kept> kept = new ArrayList<>();
    String why = "end of file";
    try (WarcFileReader reader = WarcFileReader.open(file)) {
      for (Optional<ParsedRecord> r = reader.next(); r.isPresent(); r = reader.next()) {
        ParsedRecord record = r.get();
        if (!reader.problems().isEmpty()) {
          break;
        }
        if (record.length() < 0) {
          why = "offset " + record.offset() + ": records not in separate gzip members";
          break;
        }
        kept.add(
            new Kept(
                record.offset() + record.length(),
                record.id().orElse(""),
                record.headers(WarcHeaders.WARC_CONCURRENT_TO)));
      }
      if (!reader.problems().isEmpty()) {
        why = reader.problems().get(0).toString();
      }
    }
    if (dropUnpairedTail(kept)) {
      why += "; then a request whose response was cut";
    }
    return new Cut(kept.isEmpty() ? 0 : kept.get(kept.size() - 1).end(), kept.size(), why);
  }

  /**
   * Drops the last records while they are linked to a record that was cut: the writer appends the
   * request and response of an exchange together, so a request without its response is half of a
   * write that did not finish, and would leave the file failing verification.
   *
   * @return true if any record was dropped
   */
  private static boolean dropUnpairedTail(List<Kept> kept) {
    boolean dropped = false;
    while (!kept.isEmpty()) {
      Set<String> ids = kept.stream().map(Kept::id).collect(Collectors.toSet());
      if (ids.containsAll(kept.get(kept.size() - 1).concurrentTo())) {
        break;
      }
      kept.remove(kept.size() - 1);
      dropped = true;
    }
    return dropped;
  }

  private static void truncate(Path file, long length) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      if (channel.size() > length) {
        channel.truncate(length);
        channel.force(true);
      }
    }
  }

  private static void requireAbsent(Path path) throws FileAlreadyExistsException {
    if (Files.exists(path)) {
      throw new FileAlreadyExistsException(path.toString());
    }
  }

  private static boolean isOpenWarc(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".warc.gz.open") || name.endsWith(".warc.open");
  }

  private static boolean isGzip(Path file) {
    return file.getFileName().toString().endsWith(".warc.gz.open");
  }

  private static Path open(Path finalPath) {
    return finalPath.resolveSibling(finalPath.getFileName() + WarcFileName.OPEN_SUFFIX);
  }
}
