package org.gazette.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a WARC file as {@code gazette warc verify} does: every gzip member holds exactly one
 * record, every record parses, its mandatory fields are there and well formed, its block digest and
 * (for an HTTP response) payload digest match, ids are unique within the file, the first record is
 * a warcinfo and every {@code WARC-Concurrent-To} names a record of the same file.
 *
 * <pre>{@code
 * WarcVerifier.Report report = WarcVerifier.verify(Path.of("warc/demo/x.warc.gz"));
 * if (!report.ok()) report.problems().forEach(System.err::println);
 * }</pre>
 */
public final class WarcVerifier {

  /**
   * What verifying one file found.
   *
   * @param file the file verified
   * @param records how many records were read
   * @param problems everything wrong, in file order; empty when the file is valid
   */
  public record Report(Path file, int records, List<WarcProblem> problems) {
    public Report {
      Objects.requireNonNull(file, "file");
      problems = List.copyOf(problems);
    }

    /** True when nothing is wrong. */
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /** A WARC-Concurrent-To value, with where it was found. */
  private record Link(long offset, String target) {}

  private final List<WarcProblem> problems = new ArrayList<>();
  private final Map<String, Long> ids = new HashMap<>();
  private final List<Link> links = new ArrayList<>();
  private int records;

  private WarcVerifier() {}

  /**
   * Reads {@code file} to its end and checks it.
   *
   * @throws IOException only when the file cannot be read; what is wrong in it is in the report
   */
  public static Report verify(Path file) throws IOException {
    WarcVerifier verifier = new WarcVerifier();
    List<WarcProblem> readProblems;
    try (WarcFileReader reader = WarcFileReader.open(file)) {
      for (Optional<ParsedRecord> r = reader.next(); r.isPresent(); r = reader.next()) {
        verifier.check(r.get());
      }
      readProblems = reader.problems();
    }
    return verifier.report(file, readProblems);
  }

  private void check(ParsedRecord record) {
    long offset = record.offset();
    if (records++ == 0 && !record.type().equals(WarcType.WARCINFO.value())) {
      problems.add(
          new WarcProblem(offset, "first record is a " + describe(record) + ", not a warcinfo"));
    }
    for (String problem : RecordChecks.check(record)) {
      problems.add(new WarcProblem(offset, problem));
    }
    record
        .id()
        .ifPresent(
            id -> {
              Long first = ids.putIfAbsent(id, offset);
              if (first != null) {
                problems.add(
                    new WarcProblem(
                        offset, "WARC-Record-ID " + id + " already used at offset " + first));
              }
            });
    for (String target : record.headers(WarcHeaders.WARC_CONCURRENT_TO)) {
      links.add(new Link(offset, target));
    }
  }

  private Report report(Path file, List<WarcProblem> readProblems) {
    for (Link link : links) {
      if (!ids.containsKey(link.target())) {
        problems.add(
            new WarcProblem(
                link.offset(),
                "WARC-Concurrent-To " + link.target() + " names no record in this file"));
      }
    }
    if (records == 0 && readProblems.isEmpty()) {
      problems.add(new WarcProblem(0, "no WARC record"));
    }
    List<WarcProblem> all = new ArrayList<>(readProblems);
    all.addAll(problems);
    // stable: the problems of one offset stay in the order they were found
    all.sort(Comparator.comparingLong(WarcProblem::offset));
    return new Report(file, records, all);
  }

  private static String describe(ParsedRecord record) {
    return record.type().isEmpty() ? "record without WARC-Type" : record.type() + " record";
  }
}
