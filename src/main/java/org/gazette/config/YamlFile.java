package org.gazette.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one YAML file into a {@link Node} tree, reporting syntax errors with their line.
 *
 * <p>It walks Jackson's streaming YAML parser by hand rather than binding with databind: databind
 * stops at the first error, while the point here is to find them all, and the token stream is the
 * one place where each value's line is known.
 */
final class YamlFile {

  private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

  private final Problems problems;

  private YamlFile(Problems problems) {
    this.problems = problems;
  }

  /**
   * The top-level mapping of {@code text}, or null when the file cannot be read as one (the
   * reason is then in {@code problems}). An empty file, or one with only comments, is an empty
   * mapping: every key takes its default.
   */
  static Node parse(String text, Problems problems) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1); // a byte order mark, as some Windows editors write
    }
    YamlFile reader = new YamlFile(problems);
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return Node.map("", 1, Map.of());
      }
      if (first != JsonToken.START_OBJECT) {
        problems.add(line(p), "", "expected a mapping of keys (key: value) at the top, found "
            + (first == JsonToken.START_ARRAY ? "a list" : "a single value"));
        return null;
      }
      Node root = reader.value(p, "", 1);
      if (p.nextToken() != null) {
        // A second document after "---": silently using only the first would hide the rest.
        problems.add(line(p), "", "more than one YAML document (---): put one site in each file");
        return null;
      }
      return root;
    } catch (JsonProcessingException e) {
      reader.syntaxError(e);
      return null;
    } catch (IOException e) {
      // A StringReader does not fail, but the parser's signature says it may.
      problems.add(0, "", "cannot read: " + e.getMessage());
      return null;
    }
  }

  /** The value at the current token, or null for an alias (reported). */
  private Node value(JsonParser p, String path, int line) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT:
        return mapping(p, path, line);
      case START_ARRAY:
        List<Node> items = new ArrayList<>();
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          Node item = value(p, path + "[" + index++ + "]", line(p));
          if (item != null) {
            items.add(item);
          }
        }
        return Node.list(path, line, List.copyOf(items));
      case VALUE_NULL:
        return Node.nul(path, line);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return Node.scalar(path, line, p.getText(), t == JsonToken.VALUE_TRUE);
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return Node.scalar(path, line, p.getText(), p.getNumberValue());
      default:
        if (p instanceof YAMLParser && ((YAMLParser) p).isCurrentAlias()) {
          // Jackson hands an alias over as its name, which would be read as a value: the key is
          // left out instead, so that its name is not reported a second time as a bad value.
          problems.add(line(p), path, "YAML aliases (*" + p.getText() + ") are not supported");
          return null;
        }
        return Node.scalar(path, line, p.getText(), p.getText());
    }
  }

  private Node mapping(JsonParser p, String path, int line) throws IOException {
    Map<String, Node> entries = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      int keyLine = line(p);
      String childPath = path.isEmpty() ? key : path + "." + key;
      p.nextToken();
      Node child = value(p, childPath, keyLine);
      if (child == null) {
        continue; // an alias, reported
      }
      Node first = entries.putIfAbsent(key, child);
      if (first != null) {
        // YAML forbids it, and "the last one wins" hides edits made to the wrong copy.
        problems.add(keyLine, childPath, "duplicate key (first at line " + first.line() + ")");
      }
    }
    return Node.map(path, line, Collections.unmodifiableMap(entries));
  }

  /** Turns SnakeYAML's multi-line report with a caret drawing into one line. */
  private void syntaxError(JsonProcessingException e) {
    int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
    String message = e.getOriginalMessage();
    if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException) {
      org.yaml.snakeyaml.error.MarkedYAMLException m =
          (org.yaml.snakeyaml.error.MarkedYAMLException) e.getCause();
      message = m.getProblem();
      if (m.getProblemMark() != null) {
        line = m.getProblemMark().getLine() + 1;
      }
      if (m.getContext() != null) {
        message += " (" + m.getContext()
            + (m.getContextMark() == null ? "" : " started at line "
                + (m.getContextMark().getLine() + 1)) + ")";
      }
    }
    problems.add(line, "", "YAML syntax error: " + oneLine(message));
  }

  private static String oneLine(String s) {
    return s == null ? "unreadable" : s.strip().replaceAll("\\s*\\n\\s*", " ");
  }

  private static int line(JsonParser p) {
    return Math.max(0, p.currentTokenLocation().getLineNr());
  }
}
