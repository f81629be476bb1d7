package org.gazette.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Walks of a jsoup document that are cheaper than jsoup's own: its element lists ({@code
 * getAllElements}, {@code getElementsByTag}, {@code select}) run a stream over a node iterator
 * and test an evaluator on each node, several times the cost of visiting the child nodes.
 */
public final class DomWalk {

  private DomWalk() {}

  /**
   * The root and every element inside it, in document order: what {@link
   * Element#getAllElements()} lists, from a plain walk of the child nodes rather than jsoup's
   * stream of a node iterator and an evaluator, which cost several times as much. No recursion:
   * depth is not bounded here.
   */
  public static List<Element> allElements(Element root) {
    List<Element> out = new ArrayList<>();
    out.add(root);
    Node n = root.firstChild();
    while (n != null) {
      if (n instanceof Element e) {
        out.add(e);
      }
      n = next(n, root);
    }
    return out;
  }

  /**
   * The node after {@code n} in document order, inside {@code root}; null after the last. No
   * recursion: depth is not bounded here.
   */
  static Node next(Node n, Node root) {
    Node next = n.firstChild();
    // no child: the next sibling of this node or of its nearest ancestor that has one
    while (next == null && n != root) {
      next = n.nextSibling();
      if (next == null) {
        n = n.parent();
      }
    }
    return next;
  }
}
