package org.gazette.extract;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

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

  /** The {@code extractor} field of the records this class makes. */
  public static final String NAME = "generic";

  /** Body weight above which a page is an article whatever it declares. */
  private static final int ARTICLE_WEIGHT = 600;

  /** Body weight enough for a page that declares itself an article (og:type, JSON-LD). */
  private static final int DECLARED_ARTICLE_WEIGHT = 200;

  /** Body weight enough for a short story under a headline (a brief of three paragraphs). */
  private static final int SHORT_ARTICLE_WEIGHT = 250;

  /** Weight of a paragraph that counts as a sentence or more of story text. */
  private static final int SENTENCE_WEIGHT = 80;

  /** Headlines with times needed to call a page a listing. */
  private static final int LISTING_ITEMS = 3;

  /** Longer elements are not labelled lines ({@code 來源: ...}); their children are read. */
  private static final int MAX_LABELLED_LINE = 200;

  /** What kind of page this is, for sites whose configuration has no URL patterns. */
  public PageKind classify(Document doc) {
    Objects.requireNonNull(doc, "doc");
    JsonLd ld = JsonLd.read(doc);
    RelatedFinder related = RelatedFinder.find(doc);
    ContentFinder.Content content =
        new ContentFinder(new Boilerplate(related.blocks(), false, related.share()))
        .find(doc, PageMeta.title(doc), ZoneOffset.UTC);
    List<ListingFinder.Found> items =
        // any reference time will do: only the count of dated items matters here
        ListingFinder.find(doc, ZoneOffset.UTC, Instant.EPOCH, new Boilerplate(Set.of(), true));
    long itemsInBody = items.stream().filter(f -> inside(f.holder(), content.container())).count();
    boolean declared = ld.isArticle()
        || PageMeta.meta(doc, "og:type").filter("article"::equalsIgnoreCase).isPresent()
        || PageMeta.meta(doc, "article:published_time").isPresent();
    boolean storyShaped = itemsInBody < LISTING_ITEMS;
    if (storyShaped && content.weight() >= ARTICLE_WEIGHT) {
      return PageKind.ARTICLE;
    }
    if (storyShaped && declared && content.weight() >= DECLARED_ARTICLE_WEIGHT) {
      return PageKind.ARTICLE;
    }
    if (storyShaped && content.weight() >= SHORT_ARTICLE_WEIGHT && sentences(content) >= 2
        && PageMeta.heading(doc, "h1, h2, h3", PageMeta.title(doc), 0.8) != null) {
      return PageKind.ARTICLE; // a brief: a headline the <title> repeats, then sentences
    }
    return items.size() >= LISTING_ITEMS ? PageKind.LISTING : PageKind.OTHER;
  }

  /** The article record of a page. Fields the page does not give are null. */
  public ArticleRecord extractArticle(Document doc, PageContext ctx) {
    checkArguments(doc, ctx);
    JsonLd ld = JsonLd.read(doc);
    RelatedFinder related = RelatedFinder.find(doc);
    String title = PageMeta.title(doc);
    ContentFinder.Content content =
        new ContentFinder(new Boilerplate(related.blocks(), false, related.share()))
            .find(doc, title, ctx.zone());
    Boilerplate withHeaders = new Boilerplate(related.blocks(), true, related.share());
    Element titleElement = PageMeta.heading(doc, "h1, h2, h3", title, 0.8);
    Datelines.Times times = Datelines.find(
        doc, ld, titleElement, content.container(), withHeaders, ctx.zone());
    List<String> authors = PageMeta.authors(doc, ld);
    if (authors.isEmpty()) {
      authors = labelled(doc, withHeaders, LabeledLines::author).map(List::of).orElse(List.of());
    }
    String canonical = PageMeta.canonical(doc);
    return new ArticleRecord(
        ctx.site(), ctx.url(), canonical != null ? canonical : ctx.url(), ctx.fetchedAt(),
        ctx.status(), title, times.published(), separate(times.modified(), times.published()),
        authors,
        labelled(doc, withHeaders, LabeledLines::editor).orElse(null),
        labelled(doc, withHeaders, LabeledLines::source).orElse(null),
        PageMeta.section(doc, ld, title),
        Languages.of(PageMeta.language(doc), String.join("\n", content.paragraphs())),
        ctx.charset(), PageMeta.description(doc, ld),
        PageMeta.image(doc, ld),
        content.paragraphs().isEmpty() ? null : String.join("\n\n", content.paragraphs()),
        related.items(), NAME, ctx.warc());
  }

  /** The listing record of a page: its headlines with times, in page order. */
  public ListingRecord extractListing(Document doc, PageContext ctx) {
    checkArguments(doc, ctx);
    List<ListingItem> items =
        ListingFinder.find(doc, ctx.zone(), ctx.fetchedAt(), new Boilerplate(Set.of(), true))
            .stream()
            .map(ListingFinder.Found::item)
            .toList();
    return new ListingRecord(ctx.site(), ctx.url(), ctx.fetchedAt(), ctx.charset(), items,
        ctx.warc());
  }

  private static void checkArguments(Document doc, PageContext ctx) {
    Objects.requireNonNull(doc, "doc");
    Objects.requireNonNull(ctx, "ctx");
    if (doc.location().isBlank()) {
      // without a base URI every link would resolve to "" and be dropped
      doc.setBaseUri(ctx.url());
    }
  }

  /** The first labelled value ({@code 責任編輯: 連政}) in a short element outside chrome. */
  private static Optional<String> labelled(
      Document doc, Boilerplate chrome, Function<String, Optional<String>> label) {
    Element body = PageMeta.body(doc);
    if (body == null) {
      return Optional.empty();
    }
    for (Element e : body.getAllElements()) {
      if (e.ownText().isBlank() || chrome.skipped(e)) {
        continue;
      }
      String text = e.text();
      if (text.length() <= MAX_LABELLED_LINE) {
        Optional<String> value = label.apply(TextNormalizer.normalize(text));
        if (value.isPresent()) {
          return value;
        }
      }
    }
    return Optional.empty();
  }

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
