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
 * How a page's text is shared among its elements, counted once per page in one walk: the weight
 * ({@link TextNormalizer#weight}) of each element's text, of its links' text, and of its plain
 * text (text outside links).
 *
 * <p>A block that holds most of the page's plain text is where the story is, whatever its class
 * name says: {@code layoutTwoColumnsRightSidebar}, an ASP.NET page-wide {@code <form>}, a body
 * classed {@code related-products}. The text and link weights give link densities without
 * taking the text of every nested block again, which is quadratic on deep pages.
 */
final class TextShare {

  /** An element holding at least this share of the page's plain text holds most of it. */
  private static final double MOST = 0.4;

  /** ... and at least this much text (about two sentences). */
  private static final int MIN_WEIGHT = 250;

  /** The sums of one element's subtree. */
  private static final class Sums {
    int plain;
    int text;
    int links;
    /** False if a character makes the sum differ from the weight of {@link Element#text()}. */
    boolean exact = true;
  }

  private final Map<Element, Sums> sums = new IdentityHashMap<>();
  private final int total;

  private TextShare(Document doc) {
    Element body = PageMeta.body(doc); // read-only: doc.body() would add a <body>
    if (body != null) {
      NodeTraversor.traverse(new Counter(), body);
    }
    total = body == null ? 0 : plainWeight(body);
  }

  static TextShare of(Document doc) {
    return new TextShare(doc);
  }

  /** The weight of the text outside links in the element. */
  int plainWeight(Element e) {
    Sums s = sums.get(e);
    return s == null ? 0 : s.plain;
  }

  /** True if the element holds most of the page's text outside links. */
  boolean holdsMost(Element e) {
    int w = plainWeight(e);
    return w >= MIN_WEIGHT && w >= MOST * total;
  }

  /** {@code TextNormalizer.weight(e.text())}, without taking the text when the sums allow. */
  int textWeight(Element e) {
    Sums s = sums.get(e);
    return s != null && s.exact ? s.text : TextNormalizer.weight(e.text());
  }

  /** The sum of {@link #textWeight} over the element's {@code <a>} elements, itself included. */
  int linkWeight(Element e) {
    Sums s = sums.get(e);
    if (s != null) {
      return s.links;
    }
    int links = 0; // outside the body: not counted
    for (Element a : e.select("a")) {
      links += textWeight(a);
    }
    return links;
  }

  /**
   * True if {@link Element#text()} keeps every character of this text node that {@link
   * TextNormalizer#weight} counts: it drops zero-width spaces and soft hyphens (outside
   * {@code <pre>}) and trims control characters at its ends, and text nodes are joined, which
   * pairs lone surrogates. Pages with such characters are rare; their elements take the text.
   */
  private static boolean weighsAsInText(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 0x200B || c == 0x00AD || (c < ' ' && !Character.isWhitespace(c))) {
        return false;
      }
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return false;
        }
      }
    }
    return true;
  }

  private final class Counter implements NodeVisitor {
    private int linkDepth;

    @Override
    public void head(Node node, int depth) {
      if (node instanceof Element e) {
        sums.put(e, new Sums());
        if (e.normalName().equals("a")) {
          linkDepth++;
        }
      } else if (node instanceof TextNode t && t.parent() != null) {
        String text = t.getWholeText();
        int w = TextNormalizer.weight(text);
        Sums s = sums.get(t.parent());
        s.text += w;
        s.exact &= weighsAsInText(text);
        if (linkDepth == 0) {
          s.plain += w;
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element e) {
        Sums s = sums.get(e);
        if (e.normalName().equals("a")) {
          linkDepth--;
          s.links += textWeight(e);
        }
        // children are done: hand this element's sums up to its parent
        if (depth > 0 && e.parent() != null) {
          Sums up = sums.get(e.parent());
          up.plain += s.plain;
          up.text += s.text;
          up.links += s.links;
          up.exact &= s.exact;
        }
      }
    }
  }
}
