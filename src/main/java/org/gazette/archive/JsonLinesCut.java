package org.gazette.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Drops from a JSON-lines file the records that point into the part of their WARC file that a
 * repair cut off ({@code warc.offset} at or past the cut, in that file), and a last line cut short
 * by the crash. Every other line is kept byte for byte.
 */
final class JsonLinesCut {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLinesCut() {}

  /**
   * Rewrites {@code file} without the dropped lines; atomically, so that a crash during the repair
   * leaves either the old file or the new one.
   *
   * @param warcName the name of the WARC file that was cut (its final name)
   * @return how many lines were dropped; 0 if the file does not exist
   */
  static int apply(Path file, String warcName, long cut) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    byte[] data = Files.readAllBytes(file);
    ByteArrayOutputStream kept = new ByteArrayOutputStream(data.length);
    int dropped = 0;
    for (int start = 0; start < data.length; ) {
      int lf = indexOf(data, start);
      boolean complete = lf >= 0;
      int end = complete ? lf : data.length;
      byte[] line = Arrays.copyOfRange(data, start, end);
      start = end + 1;
      if (keep(line, complete, warcName, cut)) {
        kept.write(line);
        kept.write('\n');
      } else {
        dropped++;
      }
    }
    byte[] result = kept.toByteArray();
    if (!Arrays.equals(result, data)) {
      Path temp = file.resolveSibling(file.getFileName() + ".repair");
      Files.write(temp, result);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    return dropped;
  }

  private static boolean keep(byte[] line, boolean complete, String warcName, long cut) {
    JsonNode record;
    try {
      record = JSON.readTree(new String(line, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      // a line the crash cut short is dropped; one that was never JSON is not ours to judge
      return complete;
    }
    JsonNode warc = record == null ? null : record.path("warc");
    if (warc == null || (warc.path("file").isTextual()
        && !warc.path("file").asText().equals(warcName))) {
      // a record of another file says nothing about this cut: the writer appends a line beside
      // its record's file, but a line that strayed must not be lost to another file's repair
      return true;
    }
    JsonNode offset = warc.path("offset");
    return !offset.canConvertToLong() || offset.asLong() < cut;
  }

  private static int indexOf(byte[] data, int from) {
    for (int i = from; i < data.length; i++) {
      if (data[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
