package org.gazette.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * How much of a page's plain text (text outside links) each element holds, counted once per page
 * in one walk. A block that holds most of the page's plain text is where the story is, whatever
 * its class name says: {@code layoutTwoColumnsRightSidebar}, an ASP.NET page-wide {@code <form>},
 * a body classed {@code related-products}.
 */
final class TextShare {

  /** An element holding at least this share of the page's plain text holds most of it. */
  private static final double MOST = 0.4;

  /** ... and at least this much text (about two sentences). */
  private static final int MIN_WEIGHT = 250;

  private final Map<Element, Integer> plain = new IdentityHashMap<>();
  private final int total;

  private TextShare(Document doc) {
    Element body = PageMeta.body(doc); // read-only: doc.body() would add a <body>
    if (body != null) {
      NodeTraversor.traverse(new Counter(), body);
    }
    total = body == null ? 0 : plain.getOrDefault(body, 0);
  }

  static TextShare of(Document doc) {
    return new TextShare(doc);
  }

  /** The weight of the text outside links in the element. */
  int plainWeight(Element e) {
    return plain.getOrDefault(e, 0);
  }

  /** True if the element holds most of the page's text outside links. */
  boolean holdsMost(Element e) {
    int w = plainWeight(e);
    return w >= MIN_WEIGHT && w >= MOST * total;
  }

  private final class Counter implements NodeVisitor {
    private int linkDepth;

    @Override
    public void head(Node node, int depth) {
      if (node instanceof Element e && e.normalName().equals("a")) {
        linkDepth++;
      } else if (node instanceof TextNode t && linkDepth == 0) {
        int w = TextNormalizer.weight(t.getWholeText());
        Element p = t.parent();
        if (w > 0 && p != null) {
          plain.merge(p, w, Integer::sum);
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element e) {
        if (e.normalName().equals("a")) {
          linkDepth--;
        }
        // children are done: hand this element's sum up to its parent
        Integer w = plain.get(e);
        if (w != null && depth > 0 && e.parent() != null) {
          plain.merge(e.parent(), w, Integer::sum);
        }
      }
    }
  }
}
