package org.gazette.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * A page's elements in document order, collected in one walk, for the finders to pick from:
 * each of them selecting from the whole document walked it again, some thirty walks a page.
 * Selections are matched by jsoup's own evaluators, so they find what {@link Element#select}
 * finds, in the same order, and each selector is matched once per page.
 *
 * <p>For a document that no longer changes. Not thread-safe: one per page.
 */
final class PageElements {

  private final Document doc;
  /** Every element, the document first, as {@link Element#getAllElements()} lists them. */
  private final List<Element> all;
  private final Map<String, List<Element>> byTag = new HashMap<>();
  private final Map<Evaluator, List<Element>> selected = new IdentityHashMap<>();
  private List<Element> attributed;
  private Map<Element, Integer> positions;
  private long[] names;
  private Map<String, List<Element>> metaTagsByName;
  private LinkResolver links;

  private PageElements(Document doc) {
    this.doc = doc;
    this.all = DomWalk.allElements(doc);
    for (Element e : all) {
      byTag.computeIfAbsent(e.normalName(), t -> new ArrayList<>()).add(e);
    }
  }

  static PageElements of(Document doc) {
    return new PageElements(doc);
  }

  /** The CSS selector compiled, for {@link #select}: compile once, in a constant. */
  static Evaluator selector(String css) {
    return Selector.evaluatorOf(css);
  }

  Document document() {
    return doc;
  }

  /** Every element, the document first, in document order. */
  List<Element> all() {
    return all;
  }

  /** The elements with this (lower-case) tag name: {@link Element#getElementsByTag}. */
  List<Element> withTag(String tag) {
    return byTag.getOrDefault(tag, List.of());
  }

  /**
   * The elements with one of these (lower-case) tag names, in document order: what a selector of
   * tag names alone ({@code p, div}) selects, found by name rather than by the selector's
   * alternatives one after another.
   */
  List<Element> withTags(Set<String> tags) {
    List<Element> found = new ArrayList<>();
    for (Element e : all) {
      if (tags.contains(e.normalName())) {
        found.add(e);
      }
    }
    return found;
  }

  /** {@code document.select(css)} for the selector {@link #selector compiled} from css. */
  List<Element> select(Evaluator selector) {
    return selected.computeIfAbsent(selector, s -> matching(all, s));
  }

  /**
   * {@link #select}, for a selector that only matches elements of the tag given (it names that
   * tag in each of its alternatives): only those are tried.
   */
  List<Element> select(String tag, Evaluator selector) {
    return selected.computeIfAbsent(selector, s -> matching(withTag(tag), s));
  }

  /**
   * {@link #select}, for a selector each alternative of which needs an attribute ({@code
   * [itemprop=author]}, {@code .byline}, {@code a[rel=author]}): only elements with attributes are
   * tried, which most elements are not.
   */
  List<Element> selectAttributed(Evaluator selector) {
    return selected.computeIfAbsent(selector, s -> matching(attributed(), s));
  }

  /**
   * {@link #selectAttributed(Evaluator)}, the selector tried only on the elements that the test
   * lets through: a cheap test that every element the selector matches passes (it has the
   * attribute the selector looks at), so that the selector's costlier parts run on few.
   */
  List<Element> selectAttributed(Evaluator selector, Predicate<Element> mayMatch) {
    return selected.computeIfAbsent(selector, s -> {
      List<Element> found = new ArrayList<>();
      for (Element e : attributed()) {
        if (mayMatch.test(e) && s.matches(doc, e)) {
          found.add(e);
        }
      }
      return found;
    });
  }

  /** The elements with attributes, in document order. */
  List<Element> attributed() {
    if (attributed == null) {
      attributed = new ArrayList<>();
      for (Element e : all) {
        if (e.attributesSize() > 0) {
          attributed.add(e);
        }
      }
    }
    return attributed;
  }

  /**
   * {@code e.absUrl(attribute)}, by a resolver kept for the page: jsoup's parses the base and
   * runs its control-character regex on every call.
   */
  String absUrl(Element e, String attribute) {
    if (links == null) {
      links = new LinkResolver();
    }
    return links.absUrl(e, attribute);
  }

  /** The first of {@link #select(String, Evaluator)}, or null. */
  Element selectFirst(String tag, Evaluator selector) {
    List<Element> found = select(tag, selector);
    return found.isEmpty() ? null : found.get(0);
  }

  /**
   * {@code root.select(selector)}, from the page's element list: jsoup's runs a stream over a
   * node iterator, a fixed cost that is most of the work on the small blocks asked about (a
   * related item, a listing entry). jsoup's own for an element not in the document.
   */
  List<Element> selectIn(Element root, Evaluator selector) {
    int start = indexOf(root);
    if (start < 0) {
      return root.select(selector);
    }
    List<Element> found = new ArrayList<>();
    for (int i = start, end = end(root); i < end; i++) {
      Element e = all.get(i);
      if (selector.matches(root, e)) {
        found.add(e);
      }
    }
    return found;
  }

  private List<Element> matching(List<Element> candidates, Evaluator selector) {
    List<Element> found = new ArrayList<>();
    for (Element e : candidates) {
      if (selector.matches(doc, e)) {
        found.add(e);
      }
    }
    return found;
  }

  /**
   * The element and everything inside it, in document order: {@code e.getAllElements()}.
   * Empty for an element not in the document.
   */
  List<Element> subtree(Element e) {
    int start = indexOf(e);
    return start < 0 ? List.of() : all.subList(start, end(e));
  }

  /** Where the element is in {@link #all}, or -1 if it is not in the document (or null). */
  int indexOf(Element e) {
    if (positions == null) {
      positions = new IdentityHashMap<>(all.size() * 2);
      for (int i = 0; i < all.size(); i++) {
        positions.put(all.get(i), i);
      }
    }
    Integer i = e == null ? null : positions.get(e);
    return i == null ? -1 : i;
  }

  /**
   * {@link NameWords#names} of the element, kept per element: several readers of chrome ask
   * about the same elements, and a lookup by position costs less than by the names' text.
   */
  long names(Element e) {
    int i = indexOf(e);
    if (i < 0) {
      return NameWords.names(e);
    }
    if (names == null) {
      names = new long[all.size()]; // 0: not known, as no value is current for no sets made
    }
    long known = names[i];
    if (!NameWords.current(known)) {
      known = NameWords.names(e);
      names[i] = known;
    }
    return known;
  }

  /** The end (exclusive) of the element's subtree in {@link #all}: where the next one starts. */
  private int end(Element e) {
    for (Element p = e; p != null; p = p.parent()) {
      Element next = p.nextElementSibling();
      if (next != null) {
        return indexOf(next);
      }
    }
    return all.size();
  }

  /**
   * False when the element's {@link Element#ownText()} is surely blank: none of its own text
   * nodes holds more than spaces and line breaks. Tells so without building the text, which
   * most elements (blocks holding only other blocks) would have built for nothing.
   */
  static boolean mayHaveOwnText(Element e) {
    for (int i = 0; i < e.childNodeSize(); i++) {
      if (e.childNode(i) instanceof TextNode t && !t.isBlank()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The answer of {@code !e.ownText().isBlank()} without building the text: true if an own text
   * node holds a character that jsoup's normalising neither folds to a space (white space, the
   * no-break space) nor drops (the zero-width space, the soft hyphen), nor {@code trim} nor
   * {@link String#isBlank} takes for blank. Asked of every element by the line readers.
   */
  static boolean hasOwnText(Element e) {
    for (int i = 0; i < e.childNodeSize(); i++) {
      if (e.childNode(i) instanceof TextNode t && hasText(t.getWholeText())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first character of {@code TextNormalizer.normalize(e.text())}, found by walking the
   * element's text nodes in document order past what jsoup and the normalizer drop or fold
   * (blanks as {@link #hasOwnText} tells them, invisible characters, Unicode spaces); 0 if there
   * is none. Stops at the first: most elements' text starts in their first node.
   */
  static char firstVisibleChar(Element e) {
    Node n = e.firstChild();
    while (n != null) {
      if (n instanceof TextNode t) {
        String text = t.getWholeText();
        for (int i = 0; i < text.length(); i++) {
          char c = text.charAt(i);
          if (isVisible(c) && !TextNormalizer.isBlank(c)) {
            return c;
          }
        }
      }
      n = DomWalk.next(n, e);
    }
    return 0;
  }

  private static boolean isVisible(char c) {
    return c > ' ' && c != '\u00a0' && c != '\u200b' && c != '\u00ad'
        && !Character.isWhitespace(c);
  }

  private static boolean hasText(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isVisible(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first meta tag with a non-blank {@code content} named, by {@code property}, {@code name}
   * or {@code itemprop}, ignoring case, trying the names in turn.
   */
  Optional<Element> metaTag(String... names) {
    if (metaTagsByName == null) {
      metaTagsByName = new HashMap<>();
      for (Element m : withTag("meta")) {
        if (m.attr("content").isBlank()) {
          continue;
        }
        for (String name : List.of(m.attr("property"), m.attr("name"), m.attr("itemprop"))) {
          List<Element> named = metaTagsByName.computeIfAbsent(caseKey(name), k -> new ArrayList<>());
          if (named.isEmpty() || named.get(named.size() - 1) != m) {
            named.add(m);
          }
        }
      }
    }
    for (String name : names) {
      List<Element> named = metaTagsByName.get(caseKey(name));
      if (named != null) {
        return Optional.of(named.get(0));
      }
    }
    return Optional.empty();
  }

  /**
   * The name with each character case-folded as {@link String#equalsIgnoreCase} compares them
   * (upper case, then lower case), so that two names have the same key exactly when they are
   * equal ignoring case.
   */
  private static String caseKey(String name) {
    if (isFoldedAscii(name)) {
      return name; // the usual name (og:title, description): its own key, no copy
    }
    StringBuilder key = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      key.append(Character.toLowerCase(Character.toUpperCase(name.charAt(i))));
    }
    return key.toString();
  }

  /**
   * True if the name is ASCII without upper case letters: {@link #caseKey} leaves each of its
   * characters as it is.
   */
  private static boolean isFoldedAscii(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 0x80 || (c >= 'A' && c <= 'Z')) {
        return false;
      }
    }
    return true;
  }
}
