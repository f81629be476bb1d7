package org.gazette.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * One WARC file and its JSON-lines file while they are written, both named {@code *.open} until
 * {@link #close()} renames them.
 *
 * <p>Writes go straight to the channels, unbuffered, so that what {@link #size()} reports is on its
 * way to the disk and a JSON line is never left in a buffer. A failed write is rolled back by
 * cutting the file where the write began, so a file never holds half a record; if even that fails
 * the file is {@link #broken()} and must be abandoned.
 */
final class WarcFile {

  private final Path warcPath;
  private final Path jsonlPath;
  private final String name;
  private final FileChannel warc;
  private final FileChannel jsonl;
  private long size;
  private boolean broken;

  private WarcFile(Path dir, WarcFileName name, FileChannel warc, FileChannel jsonl) {
    this.warcPath = dir.resolve(name.warc());
    this.jsonlPath = dir.resolve(name.jsonl());
    this.name = name.warc();
    this.warc = warc;
    this.jsonl = jsonl;
  }

  /**
   * Creates both {@code .open} files in {@code dir}.
   *
   * @throws FileAlreadyExistsException if either file exists, open or closed: files are never
   *     overwritten
   */
  static WarcFile create(Path dir, WarcFileName name) throws IOException {
    for (String finalName : new String[] {name.warc(), name.jsonl()}) {
      if (Files.exists(dir.resolve(finalName))) {
        throw new FileAlreadyExistsException(dir.resolve(finalName).toString());
      }
    }
    FileChannel warc = createNew(dir.resolve(name.warc() + WarcFileName.OPEN_SUFFIX));
    try {
      FileChannel jsonl = createNew(dir.resolve(name.jsonl() + WarcFileName.OPEN_SUFFIX));
      return new WarcFile(dir, name, warc, jsonl);
    } catch (IOException e) {
      warc.close();
      Files.deleteIfExists(dir.resolve(name.warc() + WarcFileName.OPEN_SUFFIX));
      throw e;
    }
  }

  /** The WARC file's final name, without folder. */
  String name() {
    return name;
  }

  /** The WARC file's path while it is written. */
  Path openPath() {
    return open(warcPath);
  }

  /** The JSON-lines file's path while it is written. */
  Path jsonlOpenPath() {
    return open(jsonlPath);
  }

  /** The WARC file's path once closed. */
  Path finalPath() {
    return warcPath;
  }

  /** Bytes written to the WARC file so far. */
  long size() {
    return size;
  }

  /** True when a failed write could not be rolled back: the file must not be written again. */
  boolean broken() {
    return broken;
  }

  /**
   * Appends gzip members to the WARC file, all or none of them.
   *
   * @return the offset of the first member
   */
  long append(byte[]... members) throws IOException {
    long start = size;
    ByteBuffer[] buffers = new ByteBuffer[members.length];
    for (int i = 0; i < members.length; i++) {
      buffers[i] = ByteBuffer.wrap(members[i]);
    }
    size = start + writeFully(warc, start, buffers, openPath());
    return start;
  }

  /** Appends one line, newline included, to the JSON-lines file. */
  void appendLine(byte[] line) throws IOException {
    writeFully(jsonl, jsonl.size(), new ByteBuffer[] {ByteBuffer.wrap(line)}, open(jsonlPath));
  }

  /**
   * Syncs and closes both files and drops {@code .open}: the JSON-lines file first, so that a WARC
   * file under its final name always has its final JSON-lines file beside it.
   *
   * @return the WARC file's final path
   */
  Path close() throws IOException {
    try (warc;
        jsonl) {
      jsonl.force(true);
      warc.force(true);
    }
    Files.move(open(jsonlPath), jsonlPath, StandardCopyOption.ATOMIC_MOVE);
    Files.move(open(warcPath), warcPath, StandardCopyOption.ATOMIC_MOVE);
    return warcPath;
  }

  /** Closes and deletes both files, when not even the warcinfo record could be written. */
  void discard() throws IOException {
    abandon();
    Files.deleteIfExists(openPath());
    Files.deleteIfExists(open(jsonlPath));
  }

  /**
   * Closes both files without renaming them, after a failure: the {@code .open} name tells the next
   * start that the file needs repair.
   */
  void abandon() {
    closeQuietly(warc);
    closeQuietly(jsonl);
  }

  private long writeFully(FileChannel channel, long start, ByteBuffer[] buffers, Path path)
      throws IOException {
    try {
      long written = 0;
      for (ByteBuffer buffer : buffers) {
        while (buffer.hasRemaining()) {
          written += channel.write(buffer);
        }
      }
      return written;
    } catch (IOException e) {
      rollBack(channel, start);
      throw new IOException("cannot write to " + path + " at offset " + start, e);
    }
  }

  private void rollBack(FileChannel channel, long start) {
    try {
      channel.truncate(start);
      channel.position(start);
    } catch (IOException e) {
      broken = true;
    }
  }

  private static FileChannel createNew(Path path) throws IOException {
    return FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  private static Path open(Path finalPath) {
    return finalPath.resolveSibling(finalPath.getFileName() + WarcFileName.OPEN_SUFFIX);
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // already failing; the caller reports the first error
    }
  }
}
