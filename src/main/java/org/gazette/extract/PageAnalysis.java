package org.gazette.extract;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One parsed page and what {@link PageExtractor} has worked out about it so far: its related
 * items, body, listing items, text weights and headline links, each computed at most once.
 * {@link PageExtractor#classify(PageAnalysis)} and the extraction that follows share one, so a
 * page is analysed once rather than once per step; the finders share the per-link work (a link's
 * URL and text are read in several places).
 *
 * <p>Not thread-safe: make one per page, for one thread. {@link PageExtractor} stays stateless.
 */
public final class PageAnalysis {

  /** Longer elements are not labelled lines ({@code 來源: ...}); their children are read. */
  private static final int MAX_LABELLED_LINE = 200;

  /** How alike a heading's text and the title must be for the heading to be the title's. */
  private static final double TITLE_HEADING_SIMILARITY = 0.8;

  private final Document doc;
  private PageElements elements;
  private final Map<Element, String> linkTitles = new IdentityHashMap<>();
  private final Map<Element, Optional<String>> headlineUrls = new IdentityHashMap<>();
  private final LinkResolver links = new LinkResolver();
  private final Map<ZoneId, ContentFinder.Content> contents = new HashMap<>();
  private final Map<ListingKey, List<ListingFinder.Found>> listings = new HashMap<>();
  private TextShare share;
  private JsonLd jsonLd;
  private String title;
  private boolean titleRead;
  private Element titleHeading;
  private boolean titleHeadingFound;
  private RelatedFinder related;
  private Boilerplate bodyChrome;
  private Boilerplate chromeKeepingHeader;
  private Boilerplate listingChrome;
  private ContentFinder contentFinder;
  private List<String> labelledLines;
  private List<String> bylineLines;

  /** @param doc the page; only read, as {@link PageExtractor} promises */
  public PageAnalysis(Document doc) {
    this.doc = Objects.requireNonNull(doc, "doc");
  }

  /** The page. */
  public Document document() {
    return doc;
  }

  /** The page's elements, collected once for all the finders. */
  PageElements elements() {
    if (elements == null) {
      elements = PageElements.of(doc);
    }
    return elements;
  }

  JsonLd jsonLd() {
    if (jsonLd == null) {
      jsonLd = JsonLd.read(elements());
    }
    return jsonLd;
  }

  /** {@link PageMeta#title}. */
  String title() {
    if (!titleRead) {
      title = PageMeta.title(elements(), jsonLd());
      titleRead = true;
    }
    return title;
  }

  /** The h1, h2 or h3 that repeats the {@link #title}, or null. */
  Element titleHeading() {
    if (!titleHeadingFound) {
      titleHeading = PageMeta.heading(elements(), title(), TITLE_HEADING_SIMILARITY);
      titleHeadingFound = true;
    }
    return titleHeading;
  }

  /** How the page's text is shared among its elements. */
  TextShare share() {
    if (share == null) {
      share = TextShare.of(doc);
    }
    return share;
  }

  RelatedFinder related() {
    if (related == null) {
      related = RelatedFinder.find(this);
    }
    return related;
  }

  /** Chrome for the body: related blocks and headers are left out. */
  Boilerplate bodyChrome() {
    if (bodyChrome == null) {
      bodyChrome = new Boilerplate(related().blocks(), false, share(), elements());
    }
    return bodyChrome;
  }

  /** Chrome for datelines and labelled lines, which live in an article's header. */
  Boilerplate chromeKeepingHeader() {
    if (chromeKeepingHeader == null) {
      chromeKeepingHeader = new Boilerplate(related().blocks(), true, share(), elements());
    }
    return chromeKeepingHeader;
  }

  /** The page's body, its times read in {@code zone} (for the datelines it leaves out). */
  ContentFinder.Content content(ZoneId zone) {
    if (contentFinder == null) {
      contentFinder = new ContentFinder(elements(), bodyChrome(), share());
    }
    return contents.computeIfAbsent(zone, z -> contentFinder.find(title(), titleHeading(), z));
  }

  /**
   * The page's listing items, their times read in {@code zone}, relative times against
   * {@code reference} (null: none read).
   */
  List<ListingFinder.Found> listing(ZoneId zone, Instant reference) {
    if (listingChrome == null) {
      listingChrome = new Boilerplate(Set.of(), true, null, elements());
    }
    return listings.computeIfAbsent(new ListingKey(zone, reference),
        k -> ListingFinder.find(this, zone, reference, listingChrome));
  }

  private record ListingKey(ZoneId zone, Instant reference) {}

  /** {@link Headlines#title} of a link. */
  String linkTitle(Element a) {
    return linkTitles.computeIfAbsent(a, Headlines::title);
  }

  /** {@link Headlines#headlineUrl} of a link: its URL if it is a headline, else empty. */
  Optional<String> headlineUrl(Element a) {
    Optional<String> url = headlineUrls.get(a);
    if (url == null) {
      url = Headlines.headlineUrl(a, linkTitle(a), links);
      headlineUrls.put(a, url);
    }
    return url;
  }

  /** True for a link that {@link Headlines#isHeadline is a headline}. */
  boolean isHeadline(Element a) {
    return headlineUrl(a).isPresent();
  }

  /**
   * The short lines of the page outside chrome (headers kept), normalized, in page order: the
   * text of each element that has text of its own and at most {@value #MAX_LABELLED_LINE}
   * characters, where labelled values ({@code 責任編輯: 連政}) are looked for. Only lines with a
   * colon: every label has one.
   */
  List<String> labelledLines() {
    if (labelledLines == null) {
      labelledLines = new ArrayList<>();
      Element body = PageMeta.body(doc);
      for (Element e : body == null ? List.<Element>of() : elements().subtree(body)) {
        // a weight over three times the limit means more characters than the limit: skips the
        // text of big blocks (each character weighs at most 3)
        if (!share().mayHoldColon(e) || !PageElements.hasOwnText(e)
            || share().textWeight(e) > 3 * MAX_LABELLED_LINE || chromeKeepingHeader().skipped(e)) {
          continue;
        }
        String text = e.text();
        if (text.length() <= MAX_LABELLED_LINE) {
          labelledLines.add(TextNormalizer.normalize(text));
        }
      }
    }
    return labelledLines;
  }

  /** Longer lines are no byline. */
  private static final int MAX_BYLINE_LINE = 120;

  /**
   * The short lines of the page outside chrome (headers kept) that start with a capital letter
   * after a byline's first word ({@code Von}, {@code By}, {@code Text:}), normalized, in page
   * order: where {@link Bylines#printed} looks for the authors. An element's whole text, so
   * that a byline split over links reads as one line.
   */
  List<String> bylineLines() {
    if (bylineLines == null) {
      bylineLines = new ArrayList<>();
      Element body = PageMeta.body(doc);
      for (Element e : body == null ? List.<Element>of() : elements().subtree(body)) {
        if (!PageElements.hasOwnText(e) || share().textWeight(e) > 3 * MAX_BYLINE_LINE
            || !Bylines.mayStartByline(e)) {
          continue;
        }
        String text = TextNormalizer.normalize(e.text());
        if (text.length() <= MAX_BYLINE_LINE && Bylines.startsLikeByline(text)
            && !chromeKeepingHeader().skipped(e)) {
          bylineLines.add(text);
        }
      }
    }
    return bylineLines;
  }
}
