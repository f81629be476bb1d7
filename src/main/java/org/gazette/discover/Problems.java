package org.gazette.discover;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems met while reading one document. Capped, so a feed with ten thousand bad items
 * gives a readable list rather than ten thousand lines.
 */
final class Problems {
  static final int MAX = 20;

  private final List<String> list = new ArrayList<>();
  private int dropped;

  void add(String problem) {
    if (list.size() < MAX) {
      list.add(problem);
    } else {
      dropped++;
    }
  }

  List<String> list() {
    if (dropped == 0) {
      return List.copyOf(list);
    }
    List<String> out = new ArrayList<>(list);
    out.add("... and " + dropped + " more");
    return List.copyOf(out);
  }
}
