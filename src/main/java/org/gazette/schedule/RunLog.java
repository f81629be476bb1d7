package org.gazette.schedule;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.gazette.store.RunRecord;

/**
 * {@code logs/runs.jsonl}: one JSON line per finished run, keys in DESIGN.md's order, for the
 * operator's scripts ({@code tail -f}, {@code jq}).
 */
final class RunLog {
  private final Path file;
  private final ObjectMapper json = JsonMapper.builder().build();

  RunLog(Path logsDir) {
    this.file = logsDir.resolve("runs.jsonl");
  }

  Path file() {
    return file;
  }

  /** Appends {@code run}; the line is on disk (handed to the OS) when this returns. */
  synchronized void append(RunRecord run) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, line(run) + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
  }

  String line(RunRecord run) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = json.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("site", run.site());
      g.writeStringField("run", run.runId());
      g.writeStringField("started", text(run.started()));
      g.writeStringField("ended", text(run.ended()));
      g.writeStringField("outcome", run.outcome());
      g.writeNumberField("fetched", run.fetched());
      g.writeNumberField("new_articles", run.newArticles());
      g.writeNumberField("revisits", run.revisits());
      g.writeNumberField("errors", run.errors());
      if (run.message() != null) {
        g.writeStringField("message", run.message());
      }
      g.writeEndObject();
    }
    return out.toString();
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }
}
