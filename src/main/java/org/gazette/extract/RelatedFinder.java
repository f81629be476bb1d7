package org.gazette.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;

/**
 * Finds an article's "related recommendations": the links after a heading such as {@code 相關推薦}
 * or "Related stories", else the links inside an element whose class or id says related or
 * recommend. Also reports the blocks it used, so the body leaves them out.
 */
final class RelatedFinder {

  /** Links, compiled once: {@code select("a[href]")} looks the selector up on every call. */
  private static final Evaluator LINKS = PageElements.selector("a[href]");

  private static final Pattern HEADING =
      Pattern.compile(
          "^(?:相關推薦|相关推荐|相關閱讀|相关阅读|相關新聞|相关新闻|相關文章|相关文章|延伸閱讀|延伸阅读"
              + "|推薦閱讀|推荐阅读|猜你喜歡|猜你喜欢|Related(?: articles| stories| news| content"
              + "| coverage| reading| links)?|More on this(?: story| topic)?"
              + "|Recommended(?: for you| stories| articles| reading)?|You may also like"
              + "|Read more|Read next|Read also|Also read|See also|Further reading|More stories"
              + "|相關報道|相关报道|更多閱讀|更多阅读)"
              + "(?![\\p{L}\\p{N}])",
          Pattern.CASE_INSENSITIVE);

  /** Text between related links heavier than this is story text, not a count or label. */
  private static final int MAX_LABEL_WEIGHT = 40;

  /** A related heading is a few words: at most this many characters. */
  private static final int MAX_HEADING = 30;

  /** How far up from a heading to look for the block it heads. */
  private static final int MAX_CLIMB = 4;

  private final Set<Element> blocks = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<String, RelatedItem> items = new LinkedHashMap<>();
  // Each element's count of headline links, computed once (as each link's URL is, by the
  // page): climbing from every link of a big block asks about the same ancestors again and
  // again, which made a page with a few thousand links take seconds.
  private final Map<Element, Long> headlineCount = new IdentityHashMap<>();

  private final PageAnalysis page;
  private final TextShare share;

  private RelatedFinder(PageAnalysis page) {
    this.page = page;
    this.share = page.share();
  }

  /** Finds the related items of a page. */
  static RelatedFinder find(PageAnalysis page) {
    Document doc = page.document();
    RelatedFinder finder = new RelatedFinder(page);
    for (Element heading : headings(page.elements(), page.share())) {
      finder.fromHeading(heading);
    }
    if (finder.items.isEmpty()) {
      finder.fromMarkedBlocks(page.elements());
    }
    finder.items.remove(doc.location());
    return finder;
  }

  /** The items, in page order, each URL once. */
  List<RelatedItem> items() {
    return new ArrayList<>(items.values());
  }

  /** The headings and blocks the items came from (identity set). */
  Set<Element> blocks() {
    return blocks;
  }

  /** The innermost elements whose text is a related heading. */
  private static List<Element> headings(PageElements page, TextShare share) {
    List<Element> found = new ArrayList<>();
    Element body = PageMeta.body(page.document());
    for (Element e : body == null ? List.<Element>of() : page.subtree(body)) {
      if (share.minNormalizedLength(e) > MAX_HEADING) {
        continue; // surely too long, told without taking its text
      }
      if (e.firstElementChild() == null && !mayStartHeading(e)) {
        continue; // a leaf whose text cannot start as a heading does: told without taking it
      }
      // headings have their few words as own text: this skips most of the page cheaply (most
      // elements have none), and never takes the text of a whole subtree just to find it too long
      String own = PageElements.mayHaveOwnText(e) ? e.ownText() : "";
      if (own.isBlank()) {
        continue;
      }
      String ownNormalized = TextNormalizer.normalize(own);
      if (ownNormalized.length() > MAX_HEADING) {
        continue;
      }
      // without child elements, jsoup's text() is ownText(), both its text nodes normalized
      // alike and trimmed: the text is at hand (most short elements here are such leaves)
      String text = e.firstElementChild() == null ? ownNormalized
          : TextNormalizer.normalize(e.text());
      if (text.length() <= MAX_HEADING && isHeading(text) && !childMatches(e)) {
        found.add(e);
      }
    }
    return found;
  }

  /**
   * True if {@link #HEADING} finds the text. The text's first character is tested first: every
   * alternative starts with one of a few (ASCII letters in either case, as the pattern's {@code
   * CASE_INSENSITIVE} matches them), and most texts start otherwise; no matcher for them.
   */
  private static boolean isHeading(String text) {
    if (text.isEmpty()) {
      return false;
    }
    char first = text.charAt(0);
    if (first >= 'A' && first <= 'Z') {
      first = (char) (first + ('a' - 'A'));
    }
    if (HEADING_FIRST.indexOf(first) < 0) {
      return false;
    }
    return HEADING.matcher(text).find();
  }

  /**
   * False if the normalized text of an element without child elements (its text nodes) surely
   * fails {@link #isHeading(String)}'s first test: it is empty, or starts with an ASCII character
   * that is not a heading's first. Such a text's first character is the first one {@link
   * TextNormalizer#normalize} neither drops nor folds, and an ASCII one stays itself through NFC
   * (or becomes a letter beyond ASCII, no heading's first either). Any other first character
   * says true, as it may change (a CJK compatibility ideograph becomes 更).
   */
  private static boolean mayStartHeading(Element leaf) {
    for (int n = 0; n < leaf.childNodeSize(); n++) {
      if (!(leaf.childNode(n) instanceof TextNode t)) {
        continue; // comments and the like: not text
      }
      String text = t.getWholeText();
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (TextNormalizer.isBlank(c)) {
          continue;
        }
        if (c >= 0x80) {
          return true;
        }
        if (c >= 'A' && c <= 'Z') {
          c = (char) (c + ('a' - 'A'));
        }
        return HEADING_FIRST.indexOf(c) >= 0;
      }
    }
    return false;
  }

  /** The first characters of {@link #HEADING}'s alternatives, ASCII letters in lower case. */
  private static final String HEADING_FIRST = "相延推猜更rmyasf";

  private static boolean childMatches(Element e) {
    for (Element child : e.children()) {
      if (isHeading(TextNormalizer.normalize(child.text()))) {
        return true;
      }
    }
    return false;
  }

  /** Climbs from the heading until its following siblings hold headline links. */
  private void fromHeading(Element heading) {
    Element node = heading;
    for (int level = 0; node != null && level <= MAX_CLIMB; level++, node = node.parent()) {
      List<Element> section = new ArrayList<>();
      for (Element sib = node.nextElementSibling(); sib != null && !endsSection(sib);
          sib = sib.nextElementSibling()) {
        section.add(sib);
      }
      int before = items.size();
      section.forEach(this::collect);
      if (items.size() > before) {
        if (!share.holdsMost(node) && !holdsProse(node, heading)
            && !holdsStoryBefore(node, heading)) {
          blocks.add(node);
        }
        blocks.addAll(section);
        return;
      }
    }
  }

  /** Plain text beyond the heading's that makes the heading's block more than a heading. */
  private static final int MAX_HEADING_BLOCK_PROSE = 200;

  /**
   * True if the block the heading was climbed to holds story text of its own: a "Read more"
   * line at the end of a story's text (a paywall's, a teaser's) has the story for its block, and
   * the story is not a related block even when links follow it.
   */
  private boolean holdsProse(Element block, Element heading) {
    return share.plainWeight(block) - share.plainWeight(heading) > MAX_HEADING_BLOCK_PROSE;
  }

  /** A paragraph with this much text outside links (a sentence or two) is story text. */
  private static final int STORY_PARAGRAPH = 80;

  /**
   * True if the block holds a paragraph of story text before the heading: a short story (a
   * paywalled one's first paragraph, a brief) whose block ends with a "Related" heading over
   * links is not the related block; the heading heads what follows it.
   */
  private boolean holdsStoryBefore(Element block, Element heading) {
    PageElements elements = page.elements();
    int start = elements.indexOf(block);
    int headingAt = elements.indexOf(heading);
    List<Element> inside = elements.subtree(block);
    for (int i = 0; i < inside.size() && start + i < headingAt; i++) {
      Element e = inside.get(i);
      if (e.normalName().equals("p") && share.plainWeight(e) >= STORY_PARAGRAPH) {
        return true;
      }
    }
    return false;
  }

  private void fromMarkedBlocks(PageElements page) {
    for (Element e : page.attributed()) { // an element without attributes has neither
      if (!e.hasAttr("class") && !e.hasAttr("id")) {
        continue; // what [class], [id] selects
      }
      boolean marked = isMarked(e.className()) || isMarked(e.id());
      // a block holding most of the page's text is the story, say a "has-related" layout
      if (marked && Boilerplate.hasNoiseName(e) && !share.holdsMost(e) && !insideBlock(e)) {
        int before = items.size();
        collect(e);
        if (items.size() > before) {
          blocks.add(e);
        }
      }
    }
  }

  /** True if the name says related or recommend, in any case. */
  private static boolean isMarked(String name) {
    // both words start with r: one scan for an r, then the rest of either word
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if ((c == 'r' || c == 'R')
          && (CaseFold.matchesAt(name, i + 1, "elated")
              || CaseFold.matchesAt(name, i + 1, "ecommend"))) {
        return true;
      }
    }
    return false;
  }

  private boolean insideBlock(Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (blocks.contains(p)) {
        return true;
      }
    }
    return false;
  }

  /** Adds the headline links of a block, each with the comment count printed beside it. */
  private void collect(Element block) {
    for (Element a : page.elements().selectIn(block, LINKS)) {
      Optional<String> headline = headlineUrl(a);
      if (headline.isEmpty()) {
        continue;
      }
      String url = headline.get();
      String title = page.linkTitle(a);
      RelatedItem known = items.get(url);
      if (known == null || known.title().length() < title.length()) {
        Integer comments = Headlines.comments(itemText(a, block));
        items.put(url, new RelatedItem(title, url, comments));
      }
    }
  }

  /**
   * The text of a link's item: its largest ancestor holding no other headline, plus following
   * siblings up to the next headline (for flat blocks where counts sit between links).
   */
  private String itemText(Element a, Element block) {
    Element item = a;
    while (item.parent() != null && item != block && item.parent() != block
        && headlineUrls(item.parent()) <= 1) {
      item = item.parent();
    }
    StringBuilder text = new StringBuilder(item.text());
    for (Node sib = item.nextSibling(); sib != null; sib = sib.nextSibling()) {
      if (sib instanceof TextNode t) {
        text.append(' ').append(t.text());
      } else if (sib instanceof Element e && headlineUrls(e) == 0) {
        text.append(' ').append(e.text());
      } else if (sib instanceof Element) {
        break;
      }
    }
    return TextNormalizer.normalize(text.toString());
  }

  private long headlineUrls(Element e) {
    Long n = headlineCount.get(e);
    if (n == null) {
      n = distinctHeadlineUrls(e);
      headlineCount.put(e, n);
    }
    return n;
  }

  /**
   * How many distinct headline URLs the element's links have. A loop rather than a stream, and
   * a set only from the second URL on: most elements asked about have none or one, and the
   * crawl's C1 compiler inlines little of a stream pipeline.
   */
  private long distinctHeadlineUrls(Element e) {
    String first = null;
    Set<String> distinct = null;
    for (Element a : page.elements().selectIn(e, LINKS)) {
      Optional<String> headline = headlineUrl(a);
      if (headline.isEmpty()) {
        continue;
      }
      String url = headline.get();
      if (first == null) {
        first = url;
      } else if (distinct != null) {
        distinct.add(url);
      } else if (!url.equals(first)) {
        distinct = new HashSet<>();
        distinct.add(first);
        distinct.add(url);
      }
    }
    return distinct != null ? distinct.size() : first != null ? 1 : 0;
  }

  private Optional<String> headlineUrl(Element a) {
    return page.headlineUrl(a);
  }

  /**
   * The next heading, or story text: a block with no headline that is more than a count, or one
   * holding most of the page's text.
   */
  private boolean endsSection(Element e) {
    // the weight first: it is counted already, where the headline count resolves every link
    return isHeading(e) || share.holdsMost(e) || isProse(e)
        || (share.textWeight(e) > MAX_LABEL_WEIGHT && headlineUrls(e) == 0);
  }

  /** At most this share of a block of story prose is links: a few words linked in sentences. */
  private static final double PROSE_MAX_LINKS = 0.2;

  /**
   * True for a block of story prose, links in its sentences or not: more plain text than a
   * heading's block holds ({@value #MAX_HEADING_BLOCK_PROSE}), at most {@value
   * #PROSE_MAX_LINKS} of it links, and each link inside a sentence (its parent has text outside
   * links). A "Read more" button that unfolds a truncated story is followed by the rest of the
   * story, not by a list of headlines; a related list is links with short labels or summaries
   * between them, and a teaser's headline is a link of its own.
   */
  private boolean isProse(Element e) {
    int plain = share.plainWeight(e);
    if (plain <= MAX_HEADING_BLOCK_PROSE
        || share.linkWeight(e) > PROSE_MAX_LINKS * share.textWeight(e)) {
      return false;
    }
    for (Element a : page.elements().selectIn(e, LINKS)) {
      if (share.linkWeight(a) > 0 && a.parent() != null && share.plainWeight(a.parent()) == 0) {
        return false; // a headline
      }
    }
    return true;
  }

  private boolean isHeading(Element e) {
    if (isHeadingTag(e.normalName())) {
      return true;
    }
    Element first = e.firstElementChild();
    return first != null && isHeadingTag(first.normalName())
        && page.elements().selectIn(e, LINKS).isEmpty();
  }

  /** True for h1 to h6: what {@code h[1-6]} matches, without a matcher per element. */
  private static boolean isHeadingTag(String name) {
    return name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1'
        && name.charAt(1) <= '6';
  }
}
