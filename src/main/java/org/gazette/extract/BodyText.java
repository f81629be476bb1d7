package org.gazette.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The paragraphs of a container a site profile names: block elements and {@code <br>} end a
 * paragraph, each is normalized ({@link TextNormalizer}), empty ones are dropped. Elements the
 * caller skips (the profile's {@code drop} selectors, scripts) are left out with everything in
 * them. The document is only read.
 */
final class BodyText {

  /** Tags that end a paragraph. */
  private static final Set<String> BLOCKS =
      Set.of(
          "p", "div", "section", "article", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3",
          "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "td", "th", "br", "hr", "figure",
          "figcaption", "header", "footer", "main", "center", "address", "aside", "nav");

  /**
   * Never text: what a browser does not show, and ruby annotations ({@code <rt>}, {@code <rp>}),
   * the readings printed over the characters of a sentence, not words of it.
   */
  private static final Set<String> INVISIBLE =
      Set.of("script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
          "button", "textarea", "select", "input", "form", "rt", "rp");

  private BodyText() {}

  /** The paragraphs of {@code containers}, in page order, without the elements {@code skip}s. */
  static List<String> paragraphs(List<Element> containers, Predicate<Element> skip) {
    Collector collector = new Collector(skip);
    for (Element container : containers) {
      NodeTraversor.filter(collector, container);
      collector.flush();
    }
    return collector.paragraphs;
  }

  private static final class Collector implements NodeFilter {
    private final Predicate<Element> skip;
    private final List<String> paragraphs = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    Collector(Predicate<Element> skip) {
      this.skip = skip;
    }

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof TextNode t) {
        text.append(t.getWholeText());
      } else if (node instanceof Element e) {
        if (INVISIBLE.contains(e.normalName()) || skip.test(e)) {
          return FilterResult.SKIP_ENTIRELY;
        }
        if (BLOCKS.contains(e.normalName())) {
          flush();
        }
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
        flush();
      }
      return FilterResult.CONTINUE;
    }

    void flush() {
      String paragraph = TextNormalizer.normalize(text.toString());
      if (!paragraph.isEmpty()) {
        paragraphs.add(paragraph);
      }
      text.setLength(0);
    }
  }
}
