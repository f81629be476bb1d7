package org.gazette.archive;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The name of one WARC file and of its JSON-lines file: {@code
 * <prefix>-<yyyyMMddHHmmssSSS>-<serial>-<node>.warc.gz}, the time in UTC, the serial of at least
 * five digits; {@code .open} is appended while the file is written.
 */
record WarcFileName(String prefix, Instant opened, int serial, String node) {

  static final String WARC_EXTENSION = ".warc.gz";
  static final String JSONL_EXTENSION = ".jsonl";
  static final String OPEN_SUFFIX = ".open";

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

  /** The common part of both names, without extension. */
  String base() {
    return String.format("%s-%s-%05d-%s", prefix, TIMESTAMP.format(opened), serial, node);
  }

  /** The WARC file's final name. */
  String warc() {
    return base() + WARC_EXTENSION;
  }

  /** The JSON-lines file's final name. */
  String jsonl() {
    return base() + JSONL_EXTENSION;
  }
}
