package org.gazette.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Indexes WARC files in pywb's CDXJ format, one line per response or revisit record:
 *
 * <pre>
 * com,example)/a?a=1 20261126100000 {"url": "http://example.com/a?a=1", "mime": "text/html",
 *     "status": "200", "digest": "3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ", "length": "1242",
 *     "offset": "784", "filename": "x.warc.gz"}
 * </pre>
 *
 * (one line each). The fields are those cdxj-indexer writes by default, in its order, as strings,
 * with its spacing: {@code digest} without the {@code sha1:} prefix, {@code mime} the HTTP media
 * type or {@code warc/revisit}, {@code length} and {@code offset} those of the record's gzip
 * member. Fields a record lacks are left out. Request, warcinfo and metadata records are not
 * indexed. Lines sort by their UTF-8 bytes, as {@code LC_ALL=C sort} and pywb's binary search
 * expect.
 */
public final class CdxjIndexer {

  /** Orders lines by their UTF-8 bytes. */
  public static final Comparator<String> LINE_ORDER =
      (a, b) ->
          Arrays.compareUnsigned(
              a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  /**
   * The index of one file.
   *
   * @param lines the CDXJ lines, sorted, without line ends
   * @param problems what could not be read or indexed; the lines cover the rest
   */
  public record Result(List<String> lines, List<WarcProblem> problems) {
    public Result {
      lines = List.copyOf(lines);
      problems = List.copyOf(problems);
    }
  }

  private CdxjIndexer() {}

  /**
   * Indexes {@code warc}; {@code filename} in the lines is its name without folder.
   *
   * @throws IOException only when the file cannot be read
   */
  public static Result index(Path warc) throws IOException {
    String filename = warc.getFileName().toString();
    List<String> lines = new ArrayList<>();
    List<WarcProblem> problems = new ArrayList<>();
    try (WarcFileReader reader = WarcFileReader.open(warc)) {
      for (Optional<ParsedRecord> r = reader.next(); r.isPresent(); r = reader.next()) {
        try {
          line(r.get(), filename).ifPresent(lines::add);
        } catch (IllegalArgumentException e) {
          problems.add(new WarcProblem(r.get().offset(), "not indexed: " + e.getMessage()));
        }
      }
      problems.addAll(0, reader.problems());
    }
    lines.sort(LINE_ORDER);
    return new Result(lines, problems);
  }

  /**
   * Writes {@code lines} to {@code <name>.cdxj} beside {@code warc}, replacing any index there, in
   * one atomic move so that a reader never sees half of it.
   *
   * @return the file written
   */
  public static Path writeBeside(Path warc, List<String> lines) throws IOException {
    Path cdxj = WarcPaths.cdxjBeside(warc);
    Path temp = cdxj.resolveSibling(cdxj.getFileName() + ".tmp");
    StringBuilder text = new StringBuilder();
    lines.forEach(line -> text.append(line).append('\n'));
    Files.writeString(temp, text, StandardCharsets.UTF_8);
    Files.move(temp, cdxj, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return cdxj;
  }

  /**
   * The CDXJ line of one record, empty for records not indexed.
   *
   * @throws IllegalArgumentException if the record should be indexed but cannot be
   */
  static Optional<String> line(ParsedRecord record, String filename) {
    String type = record.type();
    if (!type.equals("response") && !type.equals("revisit")) {
      return Optional.empty();
    }
    String url =
        record.targetUri().orElseThrow(() -> new IllegalArgumentException("no WARC-Target-URI"));
    if (record.length() < 0) {
      throw new IllegalArgumentException("record not in a gzip member of its own");
    }
    Optional<HttpBlock> http = isHttp(record) ? HttpBlock.parse(record.block()) : Optional.empty();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("url", url);
    if (type.equals("revisit")) {
      fields.put("mime", "warc/revisit");
    } else {
      http.flatMap(HttpBlock::mediaType).ifPresent(mime -> fields.put("mime", mime));
    }
    http.map(HttpBlock::status)
        .filter(s -> s > 0)
        .ifPresent(s -> fields.put("status", s.toString()));
    record
        .header(WarcHeaders.WARC_PAYLOAD_DIGEST)
        .ifPresent(d -> fields.put("digest", d.substring(d.indexOf(':') + 1)));
    fields.put("length", Long.toString(record.length()));
    fields.put("offset", Long.toString(record.offset()));
    fields.put("filename", filename);
    return Optional.of(Surt.of(url) + " " + timestamp(record) + " " + json(fields));
  }

  private static boolean isHttp(ParsedRecord record) {
    return record.header(WarcHeaders.CONTENT_TYPE).orElse("").startsWith("application/http");
  }

  private static String timestamp(ParsedRecord record) {
    String date =
        record
            .header(WarcHeaders.WARC_DATE)
            .orElseThrow(() -> new IllegalArgumentException("no WARC-Date"));
    try {
      return TIMESTAMP.format(Instant.parse(date));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("bad WARC-Date " + date);
    }
  }

  /** JSON as Python's json.dumps writes it, which is what cdxj-indexer's lines are. */
  private static String json(Map<String, String> fields) {
    StringBuilder json = new StringBuilder("{");
    fields.forEach(
        (name, value) -> {
          if (json.length() > 1) {
            json.append(", ");
          }
          quote(json, name).append(": ");
          quote(json, value);
        });
    return json.append('}').toString();
  }

  /** A JSON string; like json.dumps, escapes all but printable ASCII. */
  private static StringBuilder quote(StringBuilder json, String s) {
    json.append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        case '\b' -> json.append("\\b");
        case '\f' -> json.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"');
  }
}
