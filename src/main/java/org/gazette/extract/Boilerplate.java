package org.gazette.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;

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
  private static final String NOISE_SPEC =
      "ad ads adv advert adverts advertis* adsbygoogle adslot banner banners sponsor"
          + " sponsored promo share shares sharing sharebar social sns comment comments"
          + " related* relate recommend* breadcrumb breadcrumbs crumb crumbs footer foot"
          + " sidebar side aside hot hotnews hotlist hots popular trending nav navbar"
          + " navigation menu toolbar subscribe newsletter login signup copyright pager"
          + " pagination byline author"
          // consent banners, pop-ups, calls to action and widgets
          + " cookie cookies consent gdpr modal popup overlay lightbox dialog notice alert"
          + " paywall* regwall"
          + " donate donation cta rating ratings widget widgets"
          // boxes set into the story: facts around it, a call-out, a teaser breaking the text
          + " infobox textbox callout breaker";

  private static final NameWords NOISE_WORDS = NameWords.of(NOISE_SPEC);

  /**
   * Tags that wrap whole pages often enough (ASP.NET's page-wide {@code <form>}, an unclosed
   * {@code <header>}, a layout {@code <aside>}, the story a script would render given again in
   * {@code <noscript>}) that holding most of the page's text, or a block of plain prose
   * ({@link #holdsProse}: a shop's product text in its order form), clears them.
   */
  private static final Set<String> WRAPPING_TAGS = Set.of("form", "header", "aside", "noscript");

  /** Names of bylines: chrome for the body, but where datelines are printed. */
  private static final NameWords BYLINE_WORDS = NameWords.of("byline author");

  /**
   * Consent and privacy boxes are chrome however much text they hold: a cookie dialog listing
   * every cookie can outweigh a short story.
   */
  private static final NameWords CONSENT_WORDS =
      NameWords.of("cookie cookies consent gdpr privacy");

  /** Comment sections are chrome however much text they hold. */
  private static final NameWords COMMENT_WORDS =
      NameWords.of("comment comments disqus respond replies");

  private final Set<Element> excluded;
  private final boolean keepHeader;
  private final boolean readComments;
  private final TextShare share;
  private final PageElements page;
  private final Map<Element, Boolean> cache = new IdentityHashMap<>();
  // the element last asked about and the bits of the name sets its names match: the questions
  // about one element come together, and each set asked would look its names up again
  private Element named;
  private long namedBits;
  // the elements holding an h1 or an article body, and the tree they were found in
  private Set<Element> storyHolders;
  private Node storyRoot;

  /**
   * @param excluded blocks already claimed by another part (related lists), skipped with their
   *     content
   * @param keepHeader true to keep {@code <header>}, for finding datelines rather than body text
   */
  Boilerplate(Set<Element> excluded, boolean keepHeader) {
    this(excluded, keepHeader, null, null);
  }

  /**
   * @param share the page's text shares: an element that holds most of the page's text is not
   *     chrome by its tag ({@link #WRAPPING_TAGS}) or its class name unless it names comments;
   *     null to judge by tag and name alone
   * @param page the page's elements, where its headlines and article bodies are picked from;
   *     null to select them from the document
   */
  Boilerplate(Set<Element> excluded, boolean keepHeader, TextShare share, PageElements page) {
    this(excluded, keepHeader, share, page, false);
  }

  private Boilerplate(Set<Element> excluded, boolean keepHeader, TextShare share,
      PageElements page, boolean readComments) {
    this.excluded = excluded;
    this.keepHeader = keepHeader;
    this.share = share;
    this.page = page;
    this.readComments = readComments;
  }

  /**
   * The same chrome, except blocks named as comments: for a page whose only text is in them (a
   * forum thread, a comment's own page), where the comments are the page's text.
   */
  Boilerplate readingComments() {
    return new Boilerplate(excluded, keepHeader, share, page, true);
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

  /**
   * Names of teasers: for the body, chrome when the block links elsewhere (another story's
   * teaser, beside the story or set into it, carries its headline link), not otherwise, as some
   * sites name their story's own lead so (linking or not when marked as the page's description).
   * Not for datelines: a site's teaser meta line may print the page's own date.
   */
  private static final NameWords TEASER_WORDS = NameWords.of("teaser teasers");

  /** True if the element's class or id names chrome for this reading. */
  private boolean namedChrome(Element e) {
    return NOISE_WORDS.in(names(e))
        || (!keepHeader && TEASER_WORDS.in(names(e)) && linksOut(e) && !isDescription(e));
  }

  /**
   * True for a block the page marks as its item's description ({@code itemprop="description"}):
   * the story's own lead, as news templates (TYPO3's news extension) print it in a block named
   * {@code teaser-text}, a link in its text or not.
   */
  private static boolean isDescription(Element e) {
    return e.attr("itemprop").equalsIgnoreCase("description");
  }

  /** True if the element holds a link with text (a headline, a "more"). */
  private boolean linksOut(Element e) {
    return share != null ? share.linkWeight(e) > 0 : e.selectFirst("a[href]") != null;
  }

  /** True if the element itself, not counting its ancestors, is chrome. */
  boolean isChrome(Element e) {
    if (excluded.contains(e)) {
      return true;
    }
    if (hiddenMetadata(e)) {
      return true;
    }
    String tag = e.normalName();
    if ((keepHeader ? TAGS_KEEPING_HEADER : TAGS).contains(tag)) {
      return !(WRAPPING_TAGS.contains(tag) && (holdsStory(e) || holdsProse(e)));
    }
    if (headedAsRelated(e) || isNewsBar(e)) {
      return true;
    }
    if (readComments && COMMENT_WORDS.in(names(e))) {
      return false; // the page's text is its comments: see readingComments
    }
    // a heading's names say what it heads or anchor it (widget-title, nav_section_2): the block
    // it heads is judged by its own names, and a heading over nothing kept is dropped later
    return namedChrome(e) && !isHeading(tag) && !mayHoldStory(e) && !holdsStory(e)
        && !holdsProse(e) && !wrapsQuote(e)
        && !(keepHeader && BYLINE_WORDS.in(names(e)));
  }

  /**
   * True for a box that opens with a heading of other stories ("You may also like", "Você pode
   * gostar...", "Auch interessant"; {@link ClosingCalls#isRelatedLabel}) and holds neither the
   * page's h1 nor its article body, nor most of the page's text unless the story was told before
   * it: the teasers under such a heading can be whole paragraphs without a link, which nothing
   * else tells from the story's. Not for listings: a front page's column under "Latest news" is
   * its items.
   */
  private boolean headedAsRelated(Element e) {
    if (share == null) {
      return false; // the listing reader's chrome: a column of items under "Latest news" stays
    }
    Element first = e.firstElementChild();
    if (first == null || !isHeading(first.normalName())
        || share.textWeight(first) > RELATED_HEADING_WEIGHT) {
      return false;
    }
    return ClosingCalls.isRelatedLabel(first.text()) && !storyHolders(e).contains(e)
        && (!holdsStory(e) || followsTheStory(e));
  }

  /** A story told: a few paragraphs (about 100 words). */
  private static final int TOLD_STORY_WEIGHT = 500;

  /**
   * True if a sibling before the box holds the page's h1 or article body and a story's text
   * ({@value #TOLD_STORY_WEIGHT} weight): the story was told before it, so the box's teasers are
   * other stories however much text they hold. A box after a bare site-name h1 (a header) is not
   * told after a story.
   */
  private boolean followsTheStory(Element e) {
    for (Element s = e.previousElementSibling(); s != null; s = s.previousElementSibling()) {
      if (storyHolders(s).contains(s) && share.textWeight(s) >= TOLD_STORY_WEIGHT) {
        return true;
      }
    }
    return false;
  }

  /**
   * Names of a breaking-news bar above the story: other stories' headlines and first lines. Not
   * a noise word: sites name their story's own container {@code breaking-news} too.
   */
  private static final NameWords NEWS_BAR_WORDS = NameWords.of("breaking");

  /**
   * True for a bar named as breaking news that holds no paragraph (headlines and excerpts in
   * list items and spans) and not the story: a story container so named holds paragraphs.
   */
  private boolean isNewsBar(Element e) {
    return share != null && NEWS_BAR_WORDS.in(names(e)) && !holdsStory(e)
        && !storyHolders(e).contains(e) && e.selectFirst(PARAGRAPHS) == null;
  }

  private static final Evaluator PARAGRAPHS = PageElements.selector("p");

  /** A related box's heading is a few words. */
  private static final int RELATED_HEADING_WEIGHT = 60;

  /**
   * True for a block whose text is all in quotes ({@code <blockquote>}): a post the story embeds
   * and quotes (the markup a social network's embed code gives is a quote of the post, its
   * author and date), however the template names the box around it ({@code social-media-embed},
   * {@code article-widget}). Share bars, ads and widgets quote nothing.
   */
  private boolean wrapsQuote(Element e) {
    if (share == null || e.normalName().equals("blockquote")
        || (page != null && page.withTag("blockquote").isEmpty())
        || PROSE_CHROME_WORDS.in(names(e)) || COMMENT_WORDS.in(names(e))) {
      return false; // most pages quote nothing: no search under every chrome-named block
    }
    int text = share.textWeight(e);
    if (text == 0) {
      return false;
    }
    int quoted = 0;
    for (Element quote : e.getElementsByTag("blockquote")) {
      if (quote.parent() == null || quote.parent().closest("blockquote") == null) {
        quoted += share.textWeight(quote);
      }
    }
    return quoted >= text;
  }

  /** Microdata properties that hold the story's own text. */
  private static final Set<String> STORY_PROPERTIES =
      Set.of("articlebody", "text", "description", "reviewbody");

  /**
   * True for a microdata value ({@code itemprop}) other than the story's text in a block a
   * browser does not show: the copy of the article some pages keep for search engines prints its
   * URLs, keywords, dates and publisher as text. The copy's story text stays, and so does a
   * value holding it (a hidden {@code mainEntity} with its {@code articleBody}): on some pages
   * it is the only whole copy; a repeated one is dropped as a repeat.
   */
  private static boolean hiddenMetadata(Element e) {
    String property = e.attr("itemprop");
    if (property.isEmpty() || STORY_PROPERTIES.contains(property.toLowerCase(Locale.ROOT))) {
      return false;
    }
    // up the microdata around it, and the plain wrapper right above (display:none on a div
    // around the itemscope), not further: a page hidden whole until its script runs is shown
    Element p = e;
    while (p != null && (p.hasAttr("itemprop") || p.hasAttr("itemscope")) && !hidden(p)) {
      p = p.parent();
    }
    return p != null && hidden(p) && !holdsStoryProperty(e);
  }

  /** True if an element inside {@code e} is a story property ({@link #STORY_PROPERTIES}). */
  private static boolean holdsStoryProperty(Element e) {
    for (Element d : e.getAllElements()) {
      if (d != e && STORY_PROPERTIES.contains(d.attr("itemprop").toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }


  /**
   * True for an element a browser does not show: the {@code hidden} attribute, or an inline
   * style of {@code display: none} or {@code visibility: hidden}.
   */
  static boolean hidden(Element e) {
    if (e.hasAttr("hidden")) {
      return true;
    }
    String style = e.attr("style");
    if (style.isEmpty()) {
      return false;
    }
    String compact = style.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    return compact.contains("display:none") || compact.contains("visibility:hidden");
  }

  /**
   * Names of chrome that holds prose of its own (consent and privacy notices, dialogs, footers,
   * newsletter boxes): chrome however much text it holds.
   */
  private static final NameWords PROSE_CHROME_WORDS =
      NameWords.of(
          "cookie cookies consent gdpr modal popup overlay lightbox dialog notice alert privacy"
              + " footer foot copyright newsletter subscribe login signup cta donate donation");

  /** Text weight (about 150 words) from which a block of plain prose is story, not chrome ... */
  private static final int PROSE_WEIGHT = 800;

  /** ... when at most this share of its text is links. */
  private static final double PROSE_MAX_LINKS = 0.1;

  /**
   * True for a block of plain prose, over {@value #PROSE_WEIGHT} weight with few links: the story
   * whatever its class says ({@code td-pb-padding-side}, {@code elementor-widget-container});
   * navigation, share bars and ad slots hold links or little text. Comments and the chrome of
   * {@link #PROSE_CHROME_WORDS} stay chrome.
   */
  private boolean holdsProse(Element e) {
    if (share == null || COMMENT_WORDS.in(names(e)) || PROSE_CHROME_WORDS.in(names(e))) {
      return false;
    }
    int w = share.textWeight(e);
    return w >= PROSE_WEIGHT && share.linkWeight(e) <= PROSE_MAX_LINKS * w;
  }

  /**
   * True if the element holds most of the page's text and is not a comment section nor a consent
   * box.
   */
  private boolean holdsStory(Element e) {
    return share != null && share.holdsMost(e) && !COMMENT_WORDS.in(names(e))
        && !CONSENT_WORDS.in(names(e));
  }

  /**
   * True for a {@code <header>} that is chrome for its tag alone (no chrome name, not claimed by
   * another part): an article's header, where the lead may be.
   */
  boolean isPlainHeader(Element e) {
    return e.normalName().equals("header") && !keepHeader && !excluded.contains(e)
        && !namedChrome(e);
  }

  private static boolean isHeading(String tag) {
    return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1'
        && tag.charAt(1) <= '6';
  }

  /** True if a word of the class or id names chrome. */
  static boolean hasNoiseName(Element e) {
    return NOISE_WORDS.inNames(e);
  }

  /** The bits of the name sets the element's names match ({@link NameWords#names}). */
  private long names(Element e) {
    if (e != named) {
      namedBits = page != null ? page.names(e) : NameWords.names(e);
      named = e;
    }
    return namedBits;
  }

  /**
   * Guards against names such as {@code main has-sidebar}: an element holding the page's h1 or
   * marked as the article body is never dropped by its name.
   */
  private boolean mayHoldStory(Element e) {
    String tag = e.normalName();
    return tag.equals("body") || tag.equals("html") || tag.equals("main") || tag.equals("article")
        || storyHolders(e).contains(e);
  }

  private static final Evaluator STORY_MARKS = PageElements.selector("h1, [itemprop=articleBody]");

  private static final Evaluator ARTICLE_BODY = PageElements.selector("[itemprop=articleBody]");

  /**
   * The elements with an h1 or an article body in them or themselves, in the element's tree:
   * found once by climbing from each, rather than searched for below every element asked about
   * (quadratic on pages of nested chrome).
   */
  private Set<Element> storyHolders(Element e) {
    Node root = e.root();
    if (root != storyRoot) {
      storyHolders = Collections.newSetFromMap(new IdentityHashMap<>());
      storyRoot = root;
      if (root instanceof Element top) {
        List<Element> marks;
        if (page != null && top == page.document()) { // the same, in another order
          marks = new ArrayList<>(page.withTag("h1"));
          marks.addAll(page.selectAttributed(ARTICLE_BODY, m -> m.hasAttr("itemprop")));
        } else {
          marks = top.select(STORY_MARKS);
        }
        for (Element found : marks) {
          Element p = found;
          while (p != null && storyHolders.add(p)) { // up to an ancestor already known
            p = p.parent();
          }
        }
      }
    }
    return storyHolders;
  }
}
