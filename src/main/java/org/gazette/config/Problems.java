package org.gazette.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The problems found in one file, reported together once the whole file has been checked. */
final class Problems {

  private final String file;
  private final List<ConfigException.Problem> list = new ArrayList<>();

  Problems(String file) {
    this.file = file;
  }

  String file() {
    return file;
  }

  void add(int line, String key, String message) {
    list.add(new ConfigException.Problem(file, line, key, message));
  }

  void add(Node at, String message) {
    add(at.line(), at.path(), message);
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  /** By line, so the report reads top to bottom like the file; problems without a line first. */
  List<ConfigException.Problem> sorted() {
    List<ConfigException.Problem> out = new ArrayList<>(list);
    out.sort(Comparator.comparingInt(ConfigException.Problem::line));
    return out;
  }
}
