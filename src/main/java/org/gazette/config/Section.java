package org.gazette.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One mapping of a YAML file, read key by key into typed values.
 *
 * <p>Every getter takes the default to return when the key is absent, and returns that same
 * default after reporting a bad value: reading goes on, so that one pass finds every problem,
 * and the records built meanwhile stay valid even though they will be thrown away.
 */
final class Section {

  private final Problems problems;
  private final String path;
  private final Map<String, Node> entries;

  private Section(Problems problems, String path, Map<String, Node> entries) {
    this.problems = problems;
    this.path = path;
    this.entries = entries;
  }

  /** The top of a file; {@code root} is a mapping node. */
  static Section root(Problems problems, Node root) {
    return new Section(problems, "", root.entries());
  }

  /** Reports every key not in {@code known}, suggesting the closest known one. */
  Section allow(String... known) {
    Set<String> allowed = new LinkedHashSet<>(Arrays.asList(known));
    for (Map.Entry<String, Node> e : entries.entrySet()) {
      String key = e.getKey();
      Node n = e.getValue();
      if (!allowed.contains(key)) {
        String guess = Values.closest(key, allowed);
        problems.add(n, "unknown key" + (guess == null ? "" : " (did you mean " + guess + "?)")
            + "; allowed here: " + String.join(", ", allowed));
      }
    }
    return this;
  }

  /** The value, or null when the key is absent or has no value ({@code key:}, {@code ~}). */
  Node get(String key) {
    Node n = entries.get(key);
    return n == null || n.isBlank() ? null : n;
  }

  boolean has(String key) {
    return entries.containsKey(key);
  }

  /** Reports a problem about {@code key}, at its line when it is present. */
  void problem(String key, String message) {
    Node n = entries.get(key);
    problems.add(n == null ? 0 : n.line(), key.isEmpty() ? path : keyPath(key), message);
  }

  void problem(Node at, String message) {
    problems.add(at, message);
  }

  /** A nested mapping; absent or empty reads as an empty one, so every key takes its default. */
  Section section(String key) {
    Node n = get(key);
    if (n != null && n.kind() != Node.Kind.MAP) {
      problem(n, "expected a mapping (indented key: value lines), found " + n.describe());
      n = null;
    }
    return new Section(problems, keyPath(key), n == null ? Map.of() : n.entries());
  }

  /** Text; a number or boolean reads as written. Absent: {@code def}. */
  String text(String key, String def) {
    Node n = entries.get(key);
    if (n == null) {
      return def;
    }
    if (n.isBlank()) {
      problem(n, "must not be empty (remove the key for the default, " + Values.quote(def) + ")");
      return def;
    }
    return scalar(n, "text") ? n.value() : def;
  }

  /** Text that may be left out: absent, null or empty all read as null. */
  String optionalText(String key) {
    Node n = get(key);
    return n != null && scalar(n, "text") ? n.value() : null;
  }

  boolean bool(String key, boolean def) {
    Node n = present(key);
    if (n == null || !scalar(n, "true or false")) {
      return def;
    }
    if (n.typed() instanceof Boolean) {
      return (Boolean) n.typed();
    }
    if (n.value().equalsIgnoreCase("true") || n.value().equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(n.value()); // quoted, as templating scripts tend to write it
    }
    problem(n, "expected true or false, found " + n.describe());
    return def;
  }

  /** A whole number from {@code min} to {@code max}; quoted digits are accepted. */
  long whole(String key, long def, long min, long max) {
    Node n = present(key);
    if (n == null || !scalar(n, "a whole number")) {
      return def;
    }
    Object v = n.typed();
    BigInteger big = null;
    if (v instanceof BigInteger || v instanceof Long || v instanceof Integer) {
      big = new BigInteger(v.toString());
    } else if (v instanceof String && n.value().strip().matches("[-+]?\\d{1,30}")) {
      big = new BigInteger(n.value().strip());
    }
    if (big == null) {
      problem(n, "expected a whole number, found " + n.describe());
      return def;
    }
    return inRange(n, big, min, max) ? big.longValue() : def;
  }

  int integer(String key, int def, int min) {
    return (int) whole(key, def, min, Integer.MAX_VALUE);
  }

  /** A decimal number, at least {@code min}. */
  double decimal(String key, double def, double min) {
    Node n = present(key);
    if (n == null || !scalar(n, "a number")) {
      return def;
    }
    double d;
    try {
      d = n.typed() instanceof Number
          ? ((Number) n.typed()).doubleValue() : new BigDecimal(n.value().strip()).doubleValue();
    } catch (NumberFormatException e) {
      d = Double.NaN;
    }
    if (!Double.isFinite(d)) {
      problem(n, "expected a number, found " + n.describe());
      return def;
    }
    if (d < min) {
      problem(n, "must be at least " + min + ", found " + n.value());
      return def;
    }
    return d;
  }

  /** A duration, not negative, and more than zero unless {@code zeroAllowed}. */
  Duration duration(String key, Duration def, boolean zeroAllowed) {
    Node n = present(key);
    if (n == null || !scalar(n, "a duration")) {
      return def;
    }
    Duration d = Values.parseDuration(n.value());
    if (d == null) {
      problem(n, "not a duration: " + Values.quote(n.value()) + " (" + Values.DURATION_HINT + ")");
    } else if (d.isNegative()) {
      problem(n, "must not be negative: " + Values.quote(n.value()));
    } else if (d.isZero() && !zeroAllowed) {
      problem(n, "must be more than zero: " + Values.quote(n.value()));
    } else {
      return d;
    }
    return def;
  }

  /** A size in bytes, more than zero. */
  long size(String key, long def) {
    return size(key, def, false);
  }

  /** A size in bytes; {@code zeroAllowed}: 0 too (a bare 0 turns a check off). */
  long size(String key, long def, boolean zeroAllowed) {
    Node n = present(key);
    if (n == null || !scalar(n, "a size")) {
      return def;
    }
    Long bytes = Values.parseSize(n.value());
    if (bytes == null) {
      problem(n, "not a size: " + Values.quote(n.value()) + " (" + Values.SIZE_HINT + ")");
      return def;
    }
    if (bytes < 0 || (bytes == 0 && !zeroAllowed)) {
      problem(n, "must be more than zero: " + Values.quote(n.value()));
      return def;
    }
    return bytes;
  }

  /**
   * A folder, made when first needed; relative paths resolve against the current directory. A
   * file where the folder or one of its parents should be is reported now rather than when the
   * first run writes there.
   */
  Path path(String key, String def) {
    String s = text(key, def);
    Path dir;
    try {
      dir = Path.of(s).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      problem(key, "not a usable path: " + Values.quote(s) + " (" + e.getReason() + ")");
      return Path.of(def).toAbsolutePath().normalize();
    }
    for (Path p = dir; p != null && !Files.isDirectory(p); p = p.getParent()) {
      if (Files.exists(p)) {
        problem(key, "not a folder: " + p + " is a file");
        break;
      }
    }
    return dir;
  }

  /** A time zone ID such as Asia/Shanghai or +08:00. */
  ZoneId zone(String key, ZoneId def) {
    String s = text(key, def.getId());
    try {
      return ZoneId.of(s.strip());
    } catch (DateTimeException e) {
      String guess = Values.closest(s.strip(), ZoneId.getAvailableZoneIds());
      problem(key, "unknown time zone " + Values.quote(s)
          + (guess == null ? "" : " (did you mean " + guess + "?)")
          + "; use a region like Asia/Shanghai or an offset like +08:00");
      return def;
    }
  }

  /**
   * The items of a list; null when the key is absent or has no value. Anything else than a list
   * is reported and reads as an empty list.
   */
  List<Node> list(String key) {
    Node n = get(key);
    if (n == null) {
      return null;
    }
    if (n.kind() != Node.Kind.LIST) {
      problem(n, "expected a list like [\"a\", \"b\"], found " + n.describe());
      return List.of();
    }
    return n.items();
  }

  /** The text of a list item, or null (reported) when it is not a scalar or is empty. */
  String itemText(Node item) {
    if (item.isBlank()) {
      problem(item, "empty item");
      return null;
    }
    return scalar(item, "text") ? item.value() : null;
  }

  /** A mapping as plain Java values (see {@link Node#plain()}); absent reads as empty. */
  @SuppressWarnings("unchecked")
  Map<String, Object> raw(String key) {
    Node n = get(key);
    if (n != null && n.kind() != Node.Kind.MAP) {
      problem(n, "expected a mapping (indented key: value lines), found " + n.describe());
      n = null;
    }
    return n == null ? Map.of() : (Map<String, Object>) n.plain();
  }

  /** The node for a typed value; a present key without a value is reported. */
  private Node present(String key) {
    Node n = entries.get(key);
    if (n != null && n.isBlank()) {
      problem(n, "has no value (remove the key for the default)");
      return null;
    }
    return n;
  }

  private boolean scalar(Node n, String expected) {
    if (n.kind() != Node.Kind.SCALAR) {
      problem(n, "expected " + expected + ", found " + n.describe());
      return false;
    }
    return true;
  }

  private boolean inRange(Node n, BigInteger v, long min, long max) {
    if (v.compareTo(BigInteger.valueOf(min)) < 0) {
      problem(n, (min == 0 ? "must not be negative" : "must be at least " + min)
          + ", found " + n.value());
      return false;
    }
    if (v.compareTo(BigInteger.valueOf(max)) > 0) {
      problem(n, "must be at most " + max + ", found " + n.value());
      return false;
    }
    return true;
  }

  private String keyPath(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
