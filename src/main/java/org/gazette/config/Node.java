package org.gazette.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One YAML value and where it was written.
 *
 * <p>Jackson's JsonNode forgets locations once the tree is built, so the loader keeps its own
 * small tree: every later check (a bad duration, a seed that is not a URL) can then name the line,
 * not only the syntax errors the parser itself reports.
 *
 * @param kind what the value is
 * @param path the key path from the root, e.g. {@code politeness.minDelay} or {@code seeds[0]}
 * @param line 1-based line of the key (for mapping entries) or of the item (for list items)
 * @param value for scalars: the text as written; booleans and numbers keep that text too, so that
 *     {@code warcPrefix: 2024} reads as the string it was meant to be
 * @param typed for scalars: a Boolean, a Number or the same String as {@code value}
 * @param entries for mappings, in file order; empty otherwise
 * @param items for lists; empty otherwise
 */
record Node(
    Kind kind,
    String path,
    int line,
    String value,
    Object typed,
    Map<String, Node> entries,
    List<Node> items) {

  enum Kind {
    MAP,
    LIST,
    SCALAR,
    NULL
  }

  static Node scalar(String path, int line, String text, Object typed) {
    return new Node(Kind.SCALAR, path, line, text, typed, Map.of(), List.of());
  }

  static Node nul(String path, int line) {
    return new Node(Kind.NULL, path, line, null, null, Map.of(), List.of());
  }

  static Node map(String path, int line, Map<String, Node> entries) {
    return new Node(Kind.MAP, path, line, null, null, entries, List.of());
  }

  static Node list(String path, int line, List<Node> items) {
    return new Node(Kind.LIST, path, line, null, null, Map.of(), items);
  }

  /**
   * True for {@code key: null}, {@code key: ~} and a bare {@code key:}. Jackson's YAML parser
   * reads the bare form as an empty string, and YAML cannot tell it from {@code key: ""}, so both
   * count as "no value".
   */
  boolean isBlank() {
    return kind == Kind.NULL || (kind == Kind.SCALAR && value.isEmpty());
  }

  /** As plain Java maps, lists, strings, numbers, booleans and nulls, all unmodifiable. */
  Object plain() {
    switch (kind) {
      case MAP:
        Map<String, Object> map = new LinkedHashMap<>();
        entries.forEach((k, v) -> map.put(k, v.plain()));
        return Collections.unmodifiableMap(map);
      case LIST:
        List<Object> list = new ArrayList<>();
        items.forEach(item -> list.add(item.plain()));
        return Collections.unmodifiableList(list);
      case NULL:
        return null;
      default:
        return typed;
    }
  }

  /** What this is, for messages like "expected a duration, found a list". */
  String describe() {
    switch (kind) {
      case MAP:
        return "a mapping";
      case LIST:
        return "a list";
      case NULL:
        return "no value";
      default:
        return typed instanceof String ? Values.quote(value) : value;
    }
  }
}
