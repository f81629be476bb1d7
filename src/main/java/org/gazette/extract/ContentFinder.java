package org.gazette.extract;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Finds a page's story text without knowing the site, in the manner of Readability: every
 * paragraph votes for its parent (and half for its grandparent) by the text it holds, the votes
 * are discounted by the share of link text, and the best container's paragraphs are the body.
 * Chrome ({@link Boilerplate}) never votes and is skipped inside the container as well.
 */
final class ContentFinder {

  /** The body found: the container, its clean paragraphs and their total text weight. */
  record Content(Element container, List<String> paragraphs, int weight) {
    static final Content NONE = new Content(null, List.of(), 0);
  }

  /** Paragraphs lighter than this (about 25 letters or 8 Han characters) do not vote. */
  private static final int MIN_VOTE_WEIGHT = 25;

  /** Siblings with this share of the container's votes are part of the story. */
  private static final double SIBLING_SHARE = 0.2;

  /** A sibling paragraph this heavy (about 80 letters) with few links is story text. */
  private static final int SIBLING_PARAGRAPH = 80;

  /** Tags that end a line of text when walking the container. */
  private static final Set<String> BLOCKS =
      Set.of(
          "p", "div", "section", "article", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3",
          "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "td", "th", "br", "hr", "figure",
          "header", "main", "center", "address");

  private final Document doc;
  private final Boilerplate chrome;
  private final TextShare share;
  // the container and its lines, found on the first call: they depend on neither title nor zone
  private Element best;
  private List<Line> lines;

  /**
   * @param chrome what never votes and is skipped inside the container
   * @param share the page's text weights
   */
  ContentFinder(Document doc, Boilerplate chrome, TextShare share) {
    this.doc = doc;
    this.chrome = chrome;
    this.share = share;
  }

  /**
   * The page's body.
   *
   * @param title the page's title, dropped when the container repeats it
   * @param zone zone for recognizing datelines, which are dropped
   */
  Content find(String title, ZoneId zone) {
    if (lines == null) {
      Map<Element, Double> votes = new IdentityHashMap<>();
      best = bestContainer(doc, votes);
      lines = new ArrayList<>();
      if (best != null) {
        for (Element block : withSiblings(best, votes)) {
          lines.addAll(lines(block));
        }
      }
    }
    if (best == null) {
      return Content.NONE;
    }
    List<String> paragraphs = new ArrayList<>();
    int weight = 0;
    for (Line line : lines) {
      boolean keep = line.linkWeight * 2 <= line.weight
          && !line.text.equals(title)
          && !LabeledLines.isMetaLine(line.text, zone);
      if (keep) {
        paragraphs.add(line.text);
        weight += line.weight;
      }
    }
    return new Content(best, paragraphs, weight);
  }

  /**
   * The container and the siblings that continue its story, in page order, as Readability merges
   * them: stories split into several blocks (a lead block, then the text, or text interrupted by
   * an ad slot) have their parts side by side. A sibling joins when it got a fifth of the
   * container's votes, or when it is a paragraph-like block of plain sentences.
   */
  private List<Element> withSiblings(Element best, Map<Element, Double> votes) {
    Element parent = best.parent();
    if (parent == null || parent.normalName().equals("body") || parent.normalName().equals("html")) {
      return List.of(best);
    }
    double bar = votes.getOrDefault(best, 0.0) * SIBLING_SHARE;
    List<Element> blocks = new ArrayList<>();
    for (Element sibling : parent.children()) {
      if (sibling == best) {
        blocks.add(sibling);
      } else if (!chrome.skipped(sibling) && joins(sibling, votes, bar)) {
        blocks.add(sibling);
      }
    }
    return blocks;
  }

  private boolean joins(Element sibling, Map<Element, Double> votes, double bar) {
    String tag = sibling.normalName();
    if (tag.startsWith("h") && tag.length() == 2 && Character.isDigit(tag.charAt(1))) {
      return false; // a heading before the container is the title or a section of its own
    }
    double density = linkDensity(sibling);
    if (votes.getOrDefault(sibling, 0.0) * (1 - density) >= bar && bar > 0) {
      return true;
    }
    return tag.equals("p") && share.textWeight(sibling) >= SIBLING_PARAGRAPH && density < 0.25
        && punctuation(sibling.text()) > 0;
  }

  private Element bestContainer(Document doc, Map<Element, Double> votes) {
    List<Element> voted = new ArrayList<>();
    for (Element e : doc.select("p, pre, div, section, article, td, blockquote")) {
      boolean paragraph = e.normalName().equals("p") || e.normalName().equals("pre");
      String text = paragraph ? e.text() : ownText(e);
      int w = TextNormalizer.weight(text);
      if (w < MIN_VOTE_WEIGHT || chrome.skipped(e)) {
        continue;
      }
      double vote = 1 + punctuation(text) + Math.min(w / 100.0, 3);
      Element target = paragraph ? e.parent() : e;
      addVote(votes, voted, target, vote);
      addVote(votes, voted, target == null ? null : target.parent(), vote / 2);
    }
    Element best = null;
    double bestScore = 0;
    for (Element candidate : voted) {
      double score = votes.get(candidate) * (1 - linkDensity(candidate));
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    return best;
  }

  private static void addVote(
      Map<Element, Double> votes, List<Element> voted, Element target, double vote) {
    if (target == null) {
      return;
    }
    if (!votes.containsKey(target)) {
      voted.add(target);
    }
    votes.merge(target, vote, Double::sum);
  }

  /** Commas and stops: story text has many, menus and link lists have none. */
  private static int punctuation(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (",，、。;；".indexOf(text.charAt(i)) >= 0) {
        n++;
      }
    }
    return n;
  }

  /** The share of the element's text weight in links (nested links count twice), at most 1. */
  private double linkDensity(Element e) {
    int all = share.textWeight(e);
    if (all == 0) {
      return 1;
    }
    return Math.min(1.0, (double) share.linkWeight(e) / all);
  }

  private static String ownText(Element e) {
    StringBuilder sb = new StringBuilder();
    for (TextNode t : e.textNodes()) {
      sb.append(t.text());
    }
    return sb.toString();
  }

  /** The container's text as lines: blocks and {@code <br>} end a line; chrome is skipped. */
  private List<Line> lines(Element container) {
    LineCollector collector = new LineCollector();
    NodeTraversor.filter(collector, container);
    collector.flush();
    return collector.lines;
  }

  private record Line(String text, int weight, int linkWeight) {}

  private final class LineCollector implements NodeFilter {
    private final List<Line> lines = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder linkText = new StringBuilder();
    private int linkDepth;

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof TextNode t) {
        text.append(t.getWholeText());
        if (linkDepth > 0) {
          linkText.append(t.getWholeText());
        }
      } else if (node instanceof Element e) {
        if (depth > 0 && (chrome.isChrome(e) || e.normalName().equals("figcaption"))) {
          return FilterResult.SKIP_ENTIRELY;
        }
        if (BLOCKS.contains(e.normalName())) {
          flush();
        }
        linkDepth += e.normalName().equals("a") ? 1 : 0;
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (node instanceof Element e) {
        linkDepth -= e.normalName().equals("a") ? 1 : 0;
        if (BLOCKS.contains(e.normalName())) {
          flush();
        }
      }
      return FilterResult.CONTINUE;
    }

    void flush() {
      String line = TextNormalizer.normalize(text.toString());
      if (!line.isEmpty()) {
        lines.add(new Line(line, TextNormalizer.weight(line),
            TextNormalizer.weight(TextNormalizer.normalize(linkText.toString()))));
      }
      text.setLength(0);
      linkText.setLength(0);
    }
  }
}
