package org.gazette.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The captures of every URL, kept across runs in an append-only JSON-lines file: one line per
 * capture, the last line of a URL wins. The whole index is held in memory, which suits a file
 * per installation of up to a few million URLs; the JDBC store replaces it for the daemon.
 */
public final class CaptureIndex implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(CaptureIndex.class);

  private final Path file;
  private final ObjectMapper json = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .build();
  private final Map<String, CaptureEntry> latest = new ConcurrentHashMap<>();
  private BufferedWriter out;

  private CaptureIndex(Path file) throws IOException {
    this.file = file;
    load();
    Files.createDirectories(file.toAbsolutePath().getParent());
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** Opens (or creates) the index in {@code file}. */
  public static CaptureIndex open(Path file) throws IOException {
    return new CaptureIndex(file);
  }

  /** The latest capture of {@code url}, if it was ever captured. */
  public Optional<CaptureEntry> latest(String url) {
    return Optional.ofNullable(latest.get(url));
  }

  /** Records a capture; it is on disk (flushed to the OS) when this returns. */
  public synchronized void record(CaptureEntry entry) throws IOException {
    out.write(json.writeValueAsString(entry));
    out.newLine();
    out.flush();
    latest.put(entry.url(), entry);
  }

  /**
   * Forgets the captures whose content lies in {@code warcFile} at or past {@code offset}: what
   * the repair of a crashed file cut away. The file is rewritten with the captures kept.
   *
   * @return how many captures were forgotten
   */
  public synchronized int forgetFrom(Path warcFile, long offset) throws IOException {
    Path file = warcFile.toAbsolutePath().normalize();
    List<String> gone = latest.values().stream()
        .filter(e -> Path.of(e.warcFile()).toAbsolutePath().normalize().equals(file)
            && e.offset() >= offset)
        .map(CaptureEntry::url).toList();
    if (gone.isEmpty()) {
      return 0;
    }
    gone.forEach(latest::remove);
    out.close();
    Path tmp = this.file.resolveSibling(this.file.getFileName() + ".tmp");
    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      for (CaptureEntry e : latest.values()) {
        w.write(json.writeValueAsString(e));
        w.newLine();
      }
    }
    Files.move(tmp, this.file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    out = Files.newBufferedWriter(this.file, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    log.warn("{}: forgot {} capture(s) cut from {} by its repair", this.file, gone.size(), file);
    return gone.size();
  }

  public int size() {
    return latest.size();
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }

  private void load() throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    int bad = 0;
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      try {
        CaptureEntry e = json.readValue(line, CaptureEntry.class);
        latest.put(e.url(), e);
      } catch (IOException | RuntimeException e) {
        bad++; // a line cut by a crash; the capture it described is simply unknown
      }
    }
    if (bad > 0) {
      log.warn("{}: skipped {} unreadable line(s)", file, bad);
    }
    log.info("capture index {}: {} URLs", file, latest.size());
  }
}
