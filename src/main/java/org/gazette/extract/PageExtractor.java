package org.gazette.extract;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

/**
 * The generic extractor: turns any news page into a record without knowing the site. Used for
 * sites without a profile and for {@code --seed} crawls.
 *
 * <p>It reads what the page states (meta tags, JSON-LD, {@code <time>}, {@code rel=canonical}),
 * finds the story by scoring containers on their paragraph text, and reads the labelled lines
 * Chinese portals print ({@code 最后更新:}, {@code 來源:}, {@code 責任編輯:}). All text goes
 * through {@link TextNormalizer}. The document is only read, never changed, except that a
 * missing base URI is set to the context's URL so links resolve. Stateless and thread-safe.
 */
public final class PageExtractor {

  /** The {@code extractor} field of records whose body the main-content finder found. */
  public static final String NAME = "generic";

  /** The {@code extractor} field of records whose body is the page's JSON-LD articleBody. */
  public static final String JSON_LD = "json-ld";

  /** Body weight above which a page is an article whatever it declares. */
  private static final int ARTICLE_WEIGHT = 600;

  /** Body weight enough for a page that declares itself an article (og:type, JSON-LD). */
  private static final int DECLARED_ARTICLE_WEIGHT = 200;

  /** Body weight enough for a short story under a headline (a brief of three paragraphs). */
  private static final int SHORT_ARTICLE_WEIGHT = 250;

  /** Weight of a paragraph that counts as a sentence or more of story text. */
  private static final int SENTENCE_WEIGHT = 80;

  /** Body text outside the listed items that makes a story of a body holding items. */
  private static final int STORY_BESIDE_ITEMS = 1500;

  /** Headlines with times needed to call a page a listing. */
  private static final int LISTING_ITEMS = 3;

  /** Links, compiled once. */
  private static final Evaluator LINKS = PageElements.selector("a[href]");

  /** What kind of page this is, for sites whose configuration has no URL patterns. */
  public PageKind classify(Document doc) {
    return classify(new PageAnalysis(doc));
  }

  /**
   * {@link #classify(Document)}, keeping what it works out in {@code page} for the extraction
   * that follows.
   */
  public PageKind classify(PageAnalysis page) {
    return classify(page, ZoneOffset.UTC, null);
  }

  /**
   * {@link #classify(PageAnalysis)}, reading the page's times as the extraction that follows
   * does, so that it finds the page's body and listing worked out already. The kind is the same
   * whatever the zone and the reference time: a date or a relative time is found where it is
   * printed, whatever it is read as, and only where and how many count here.
   *
   * @param zone the zone the extraction reads page-local times in
   * @param reference the time the extraction reads relative times against; null counts them all
   *     the same (read against any time)
   */
  public PageKind classify(PageAnalysis page, ZoneId zone, Instant reference) {
    PageElements elements = page.elements();
    ContentFinder.Content content = page.content(zone);
    Instant anyTime = reference != null ? reference : Instant.EPOCH;
    long itemsInBody = 0;
    int itemsWeight = 0;
    // an item in the body has its headline link there: a body with fewer such links than a
    // listing needs cannot be one, and most stories are told without the listing being looked for
    if (headlinesIn(page, content.container()) >= LISTING_ITEMS) {
      for (ListingFinder.Found f : page.listing(zone, anyTime)) {
        if (inside(f.holder(), content.container())) {
          itemsInBody++;
          itemsWeight += page.share().textWeight(f.holder());
        }
      }
    }
    boolean declared = page.jsonLd().isArticle()
        || PageMeta.meta(elements, "og:type").filter("article"::equalsIgnoreCase).isPresent()
        || PageMeta.meta(elements, "article:published_time").isPresent();
    if (content.fallback() && !declared) {
      // comments or short lines read because no block voted: on a page that does not say it is
      // an article, a front page's "latest comments" or a list of headlines as likely as a post
      content = ContentFinder.Content.NONE;
    }
    // dated teasers in the body (an author box's "recent posts") do not make a story a listing
    // when the body holds much more text than they do
    boolean storyShaped = itemsInBody < LISTING_ITEMS
        || content.weight() - itemsWeight >= STORY_BESIDE_ITEMS;
    if (storyShaped && content.weight() >= ARTICLE_WEIGHT) {
      return PageKind.ARTICLE;
    }
    if (storyShaped && declared && content.weight() >= DECLARED_ARTICLE_WEIGHT) {
      return PageKind.ARTICLE;
    }
    if (storyShaped && content.weight() >= SHORT_ARTICLE_WEIGHT && sentences(content) >= 2
        && page.titleHeading() != null) {
      return PageKind.ARTICLE; // a brief: a headline the <title> repeats, then sentences
    }
    return page.listing(zone, anyTime).size() >= LISTING_ITEMS
        ? PageKind.LISTING : PageKind.OTHER;
  }

  /**
   * The headline links inside the container, counted up to {@value #LISTING_ITEMS} (enough to
   * tell whether it may hold that many listing items); 0 without a container.
   */
  private static int headlinesIn(PageAnalysis page, Element container) {
    if (container == null) {
      return 0;
    }
    int n = 0;
    for (Element a : page.elements().selectIn(container, LINKS)) {
      if (page.isHeadline(a) && ++n >= LISTING_ITEMS) {
        break;
      }
    }
    return n;
  }

  /** The article record of a page. Fields the page does not give are null. */
  public ArticleRecord extractArticle(Document doc, PageContext ctx) {
    return extractArticle(new PageAnalysis(doc), ctx);
  }

  /** {@link #extractArticle(Document, PageContext)}, reusing what {@code page} knows. */
  public ArticleRecord extractArticle(PageAnalysis page, PageContext ctx) {
    page = withBaseUri(page, ctx);
    PageElements elements = page.elements();
    JsonLd ld = page.jsonLd();
    RelatedFinder related = page.related();
    String title = page.title();
    ContentFinder.Content content = page.content(ctx.zone());
    Boilerplate withHeaders = page.chromeKeepingHeader();
    String canonical = PageMeta.canonical(elements);
    List<String> urls = new java.util.ArrayList<>();
    urls.add(canonical);
    PageMeta.meta(elements, "og:url").ifPresent(urls::add);
    urls.add(ctx.url());
    Datelines.Times times = Datelines.find(elements, page.share(), ld, page.titleHeading(),
        content.container(), withHeaders, ctx.zone(), urls,
        // a saved file has no fetch time: it was fetched before now, at the latest
        (ctx.fetchedAt() == null ? Instant.now() : ctx.fetchedAt()).plus(Duration.ofDays(1)));
    List<String> authors = PageMeta.authors(elements, ld, page::bylineLines);
    if (authors.isEmpty()) {
      authors = labelled(page, LabeledLines::author).map(List::of).orElse(List.of());
    }
    Body body = body(content, ld);
    return new ArticleRecord(
        ctx.site(), ctx.url(), canonical != null ? canonical : ctx.url(), ctx.fetchedAt(),
        ctx.status(), title, times.published(), separate(times.modified(), times.published()),
        authors,
        labelled(page, LabeledLines::editor).orElse(null),
        labelled(page, LabeledLines::source).orElse(null),
        PageMeta.section(elements, ld, title),
        Languages.of(PageMeta.language(elements), content.paragraphs()),
        ctx.charset(), PageMeta.description(elements, ld),
        PageMeta.image(elements, ld),
        body.text(), related.items(), body.extractor(), ctx.warc());
  }

  /** The listing record of a page: its headlines with times, in page order. */
  public ListingRecord extractListing(Document doc, PageContext ctx) {
    return extractListing(new PageAnalysis(doc), ctx);
  }

  /** {@link #extractListing(Document, PageContext)}, reusing what {@code page} knows. */
  public ListingRecord extractListing(PageAnalysis page, PageContext ctx) {
    page = withBaseUri(page, ctx);
    List<ListingItem> items = page.listing(ctx.zone(), ctx.fetchedAt()).stream()
        .map(ListingFinder.Found::item)
        .toList();
    return new ListingRecord(ctx.site(), ctx.url(), ctx.fetchedAt(), ctx.charset(), items,
        ctx.warc());
  }

  /**
   * The page with the context's URL as base URI if it had none: without one every link would
   * resolve to "" and be dropped. Then what was worked out with the empty base is thrown away.
   */
  private static PageAnalysis withBaseUri(PageAnalysis page, PageContext ctx) {
    Objects.requireNonNull(ctx, "ctx");
    Document doc = page.document();
    if (!doc.location().isBlank()) {
      return page;
    }
    doc.setBaseUri(ctx.url());
    return new PageAnalysis(doc);
  }

  /** The first labelled value ({@code 責任編輯: 連政}) in a short element outside chrome. */
  private static Optional<String> labelled(
      PageAnalysis page, Function<String, Optional<String>> label) {
    for (String line : page.labelledLines()) {
      Optional<String> value = label.apply(line);
      if (value.isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }

  /** The JSON-LD articleBody replaces a found body this many times lighter. */
  private static final int LD_BODY_FACTOR = 2;

  /**
   * The body: the found paragraphs, or the JSON-LD {@code articleBody} when the page states one
   * much heavier than what was found (a story rendered by script, or split where the finder
   * could not follow).
   */
  private static Body body(ContentFinder.Content content, JsonLd ld) {
    Body found = new Body(
        content.paragraphs().isEmpty() ? null : String.join("\n\n", content.paragraphs()), NAME);
    Optional<String> stated = ld.text("articleBody");
    if (stated.isEmpty()) {
      return found;
    }
    String text = stated.get();
    if (text.contains("</")) {
      text = org.jsoup.Jsoup.parseBodyFragment(text).wholeText();
    }
    List<String> paragraphs = new java.util.ArrayList<>();
    for (String line : text.split("\\R")) {
      String p = TextNormalizer.normalize(line);
      if (!p.isEmpty()) {
        paragraphs.add(p);
      }
    }
    String joined = String.join("\n\n", paragraphs);
    return TextNormalizer.weight(joined) > LD_BODY_FACTOR * content.weight()
        ? new Body(joined, JSON_LD) : found;
  }

  /** A body and the path that produced it, for the record's {@code extractor}. */
  private record Body(String text, String extractor) {}

  /** Paragraphs of the body that hold at least a sentence of story text. */
  private static int sentences(ContentFinder.Content content) {
    int n = 0;
    for (String p : content.paragraphs()) {
      if (TextNormalizer.weight(p) >= SENTENCE_WEIGHT && p.matches("(?s).*[。.!?！？].*")) {
        n++;
      }
    }
    return n;
  }

  /** A modified time equal to the published one says nothing new. */
  private static OffsetDateTime separate(OffsetDateTime modified, OffsetDateTime published) {
    return modified != null && published != null && modified.isEqual(published) ? null : modified;
  }

  private static boolean inside(Element e, Element container) {
    for (Element p = e; p != null && container != null; p = p.parent()) {
      if (p == container) {
        return true;
      }
    }
    return false;
  }
}
