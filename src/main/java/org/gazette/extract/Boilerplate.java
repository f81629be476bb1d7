package org.gazette.extract;

import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Decides which parts of a page are chrome rather than story: navigation, ads, share bars,
 * comments, related lists, footers. Judged by tag and by the words in class and id, and cached
 * per page since every paragraph asks about all its ancestors.
 */
final class Boilerplate {

  /** Tags whose content is never story text. */
  private static final Set<String> TAGS =
      Set.of(
          "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
          "iframe", "frame", "object", "embed", "button", "select", "textarea", "input", "svg",
          "canvas", "ins", "dialog", "menu");

  /** The same minus header: datelines and bylines live in an article's header. */
  private static final Set<String> TAGS_KEEPING_HEADER =
      TAGS.stream().filter(t -> !t.equals("header")).collect(java.util.stream.Collectors.toSet());

  /**
   * Whole words of class and id names that mark chrome. Whole words, so {@code commentary} or
   * {@code adapter} stay; {@code hotnews}, {@code relatedNews} and {@code ad-box} go.
   */
  private static final Pattern NOISE_WORD =
      Pattern.compile(
          "ads?|adv|adverts?|advertis\\w*|adsbygoogle|adslot|banners?|sponsor(?:ed)?|promo"
              + "|share|shares|sharing|sharebar|social|sns|comments?|related\\w*|relate"
              + "|recommend\\w*|breadcrumbs?|crumbs?|footer|foot|sidebar|side|aside|hot"
              + "|hotnews|hotlist|hots|popular|trending|nav|navbar|navigation|menu|toolbar"
              + "|subscribe|newsletter|login|signup|copyright|pager|pagination|byline|author");

  /** Splits class and id names into words: separators and camelCase humps. */
  private static final Pattern WORD_BREAK = Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])");

  /**
   * Tags that wrap whole pages often enough (ASP.NET's page-wide {@code <form>}, an unclosed
   * {@code <header>}, a layout {@code <aside>}) that holding most of the page's text clears them.
   */
  private static final Set<String> WRAPPING_TAGS = Set.of("form", "header", "aside");

  /** Names of bylines: chrome for the body, but where datelines are printed. */
  private static final Pattern BYLINE_WORD = Pattern.compile("byline|author");

  /** Comment sections are chrome however much text they hold. */
  private static final Pattern COMMENT_WORD = Pattern.compile("comments?|disqus|respond|replies");

  private final Set<Element> excluded;
  private final boolean keepHeader;
  private final TextShare share;
  private final Map<Element, Boolean> cache = new IdentityHashMap<>();

  /**
   * @param excluded blocks already claimed by another part (related lists), skipped with their
   *     content
   * @param keepHeader true to keep {@code <header>}, for finding datelines rather than body text
   */
  Boilerplate(Set<Element> excluded, boolean keepHeader) {
    this(excluded, keepHeader, null);
  }

  /**
   * @param share the page's text shares: an element that holds most of the page's text is not
   *     chrome by its tag ({@link #WRAPPING_TAGS}) or its class name unless it names comments;
   *     null to judge by tag and name alone
   */
  Boilerplate(Set<Element> excluded, boolean keepHeader, TextShare share) {
    this.excluded = excluded;
    this.keepHeader = keepHeader;
    this.share = share;
  }

  /** True if the element or one of its ancestors is chrome. */
  boolean skipped(Element e) {
    if (e == null) {
      return false;
    }
    Boolean known = cache.get(e);
    if (known == null) {
      known = isChrome(e) || skipped(e.parent());
      cache.put(e, known);
    }
    return known;
  }

  /** True if the element itself, not counting its ancestors, is chrome. */
  boolean isChrome(Element e) {
    if (excluded.contains(e)) {
      return true;
    }
    String tag = e.normalName();
    if ((keepHeader ? TAGS_KEEPING_HEADER : TAGS).contains(tag)) {
      return !(WRAPPING_TAGS.contains(tag) && holdsStory(e));
    }
    return hasNoiseName(e) && !mayHoldStory(e) && !holdsStory(e)
        && !(keepHeader && hasName(e, BYLINE_WORD));
  }

  /** True if the element holds most of the page's text and is not a comment section. */
  private boolean holdsStory(Element e) {
    return share != null && share.holdsMost(e) && !hasName(e, COMMENT_WORD);
  }

  /** True if a word of the class or id names chrome. */
  static boolean hasNoiseName(Element e) {
    return hasName(e, NOISE_WORD);
  }

  private static boolean hasName(Element e, Pattern words) {
    String names = e.className() + " " + e.id();
    if (names.isBlank()) {
      return false;
    }
    for (String word : WORD_BREAK.split(names)) {
      if (!word.isEmpty() && words.matcher(word.toLowerCase(Locale.ROOT)).matches()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Guards against names such as {@code main has-sidebar}: an element holding the page's h1 or
   * marked as the article body is never dropped by its name.
   */
  private static boolean mayHoldStory(Element e) {
    String tag = e.normalName();
    return tag.equals("body") || tag.equals("html") || tag.equals("main") || tag.equals("article")
        || e.selectFirst("h1, [itemprop=articleBody]") != null;
  }
}
