package org.gazette.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;
import org.gazette.testing.Fuzzing;
import org.gazette.testing.HostileHtml;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Fuzzes the generic extractor, {@link PageExtractor}, with the date and text code under it
 * ({@link DateParser}, {@link TextNormalizer}, {@link ZoneGuess}): hostile pages from {@link
 * HostileHtml} and arbitrary text, parsed by jsoup as the crawler parses them.
 *
 * <p>What the extractor promises, checked on every page: it never throws; it only reads the
 * document; it gives the same record twice; every text field is normalized text (NFC, no
 * invisible characters, no line breaks, trimmed, never empty); the body is such paragraphs
 * joined by a blank line; the language is a well-formed BCP 47 tag; URLs are absolute (http(s)
 * and without fragment for headlines); times survive the trip through the JSON line; lists are
 * never null and headline URLs appear once.
 */
@AddLifecycleHook(Fuzzing.class)
class PageExtractorFuzzTest {

  /** Far above what any page here needs; only a hang or a quadratic blow-up reaches it. */
  private static final Duration BUDGET = Duration.ofSeconds(20);

  /** A zone fourteen hours from UTC, where a page-local time falls on another day. */
  private static final ZoneId FAR_ZONE = ZoneId.of("Pacific/Kiritimati");

  private static final Pattern INVISIBLE = Pattern.compile(
      "[\\x00-\\x08\\x0E-\\x1F\\x7F-\\x84\\x86-\\x9F\\u00AD\\u180E\\u200B\\u2060\\uFEFF]");
  private static final Pattern LINE_BREAK =
      Pattern.compile("[\\n\\r\\u000B\\u000C\\u0085\\u2028\\u2029]");
  private static final Pattern TWO_SPACES =
      Pattern.compile("[\\s\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]{2}");
  private static final Pattern SCHEME =
      Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);

  private final PageExtractor extractor = new PageExtractor();

  @Property(tries = 100)
  void anyPageGivesSaneRecords(
      @ForAll("pages") String html, @ForAll("contexts") PageContext ctx) {
    Document doc = Jsoup.parse(html, ctx.url());
    PageKind kind = extract(doc, ctx);
    Statistics.collect(kind);
    // the structured pages must reach the article and listing code, not only pass through it
    Statistics.coverage(c -> {
      c.check(PageKind.ARTICLE).count(n -> n > 0);
      c.check(PageKind.LISTING).count(n -> n > 0);
    });
  }

  @Property(tries = 200)
  void dateTextIsReadOrIgnoredNeverMisread(
      @ForAll("dateText") String text, @ForAll("zones") ZoneId zone) {
    DateParser.parse(text, zone).ifPresent(t -> assertRoundTrip("parse(" + text + ")", t));
    DateParser.find(text, zone).ifPresent(t -> assertRoundTrip("find(" + text + ")", t));
    for (DateParser.Match m : DateParser.findAll(text, zone)) {
      assertThat(m.start()).isBetween(0, m.end());
      assertThat(m.end()).isLessThanOrEqualTo(text.length());
      assertRoundTrip(text, m.time());
    }
  }

  @Property(tries = 300)
  void normalizedTextIsCleanText(@ForAll("rawText") String raw) {
    String text = TextNormalizer.normalize(raw);

    if (!text.isEmpty()) {
      assertCleanText("normalize(" + escape(raw) + ")", text);
    }
    assertThat(TextNormalizer.normalize(text)).as("normalizing %s again", escape(raw))
        .isEqualTo(text);
  }

  @Property(tries = 150)
  void theZoneGuessIsAZoneOrNothing(
      @ForAll("languageAttribute") String lang, @ForAll("anyUrl") String url) {
    Document doc = Jsoup.parse("<html lang=\"" + lang.replace("\"", "") + "\"><p>x</p>", "");

    ZoneGuess.of(doc, url).ifPresent(zone ->
        assertThat(ZoneId.getAvailableZoneIds()).as("a region's zone").contains(zone.getId()));
  }

  /** Every page that once made the extractor fail, under {@code fuzz/html/}. */
  @Example
  void replaysTheFixturesThatOnceFailed() throws IOException {
    PageContext ctx = new PageContext("fuzz", HostileHtml.PAGE_URL,
        Instant.parse("2024-05-01T00:00:00Z"), 200, ZoneId.of("Asia/Shanghai"), null);
    for (Path fixture : Fuzzing.fixtures("html")) {
      String html = Files.readString(fixture, StandardCharsets.UTF_8);
      extract(Jsoup.parse(html, ctx.url()), ctx);
    }
  }

  // ---- what every page must give ----------------------------------------------------------------

  /** Extracts everything from {@code doc}, checks every promise, returns the kind. */
  private PageKind extract(Document doc, PageContext ctx) {
    return assertTimeoutPreemptively(BUDGET, () -> {
      String before = doc.outerHtml();
      PageKind kind = extractor.classify(doc);
      ArticleRecord article = extractor.extractArticle(doc, ctx);
      ListingRecord listing = extractor.extractListing(doc, ctx);

      assertThat(kind).isNotNull();
      assertArticle(article, ctx, doc.location());
      assertListing(listing, ctx, doc.location());
      assertThat(extractor.classify(doc)).as("classify again").isEqualTo(kind);
      // the kind does not depend on the zone and reference time times are read in, which lets
      // the crawl classify with the extraction's and share its body and listing
      assertThat(extractor.classify(new PageAnalysis(doc), ctx.zone(), ctx.fetchedAt()))
          .as("classify in the extraction's zone").isEqualTo(kind);
      assertThat(extractor.classify(new PageAnalysis(doc), FAR_ZONE, null))
          .as("classify in a zone far from UTC").isEqualTo(kind);
      assertThat(extractor.extractArticle(doc, ctx)).as("extract again").isEqualTo(article);
      assertThat(doc.outerHtml()).as("the document is only read").isEqualTo(before);
      return kind;
    });
  }

  private static void assertArticle(ArticleRecord r, PageContext ctx, String location) {
    assertThat(r.site()).isEqualTo(ctx.site());
    assertThat(r.url()).isEqualTo(ctx.url());
    assertThat(r.fetchedAt()).isEqualTo(ctx.fetchedAt());
    assertThat(r.status()).isEqualTo(ctx.status());
    assertThat(r.warc()).isEqualTo(ctx.warc());
    assertThat(r.extractor()).isEqualTo(PageExtractor.NAME);
    assertAbsolute("canonical_url", r.canonicalUrl());
    assertCleanText("title", r.title());
    assertCleanText("editor", r.editor());
    assertCleanText("source", r.source());
    assertCleanText("section", r.section());
    assertCleanText("description", r.description());
    r.authors().forEach(a -> {
      assertCleanText("author", a);
      assertThat(a.length()).as("author %s", a).isLessThanOrEqualTo(60);
    });
    assertThat(new HashSet<>(r.authors())).as("authors once each").hasSameSizeAs(r.authors());
    if (r.language() != null) {
      assertThat(Locale.forLanguageTag(r.language()).toLanguageTag())
          .as("language %s is a BCP 47 tag", r.language()).isEqualTo(r.language());
    }
    if (r.image() != null) {
      assertAbsolute("image", r.image());
    }
    if (r.body() != null) {
      for (String paragraph : r.body().split("\n\n", -1)) {
        assertCleanText("body paragraph", paragraph);
      }
    }
    if (r.published() != null) {
      assertRoundTrip("published", r.published());
    }
    if (r.modified() != null) {
      assertRoundTrip("modified", r.modified());
      assertThat(r.published() != null && r.modified().isEqual(r.published()))
          .as("a modified time equal to the published one is left out").isFalse();
    }
    Set<String> urls = new HashSet<>();
    for (RelatedItem item : r.related()) {
      assertCleanText("related title", item.title());
      assertHeadlineUrl("related url", item.url());
      assertThat(urls.add(item.url())).as("related url %s once", item.url()).isTrue();
      assertThat(item.url()).isNotEqualTo(location);
      assertThat(item.comments()).satisfiesAnyOf(c -> assertThat(c).isNull(),
          c -> assertThat(c).isNotNegative());
    }
    assertJsonLine(RecordJson.write(r), r.published(), r.modified());
  }

  private static void assertListing(ListingRecord r, PageContext ctx, String location) {
    assertThat(r.site()).isEqualTo(ctx.site());
    assertThat(r.url()).isEqualTo(ctx.url());
    Set<String> urls = new HashSet<>();
    for (ListingItem item : r.items()) {
      assertCleanText("listing title", item.title());
      assertHeadlineUrl("listing url", item.url());
      assertThat(urls.add(item.url())).as("listing url %s once", item.url()).isTrue();
      assertThat(item.url()).isNotEqualTo(location);
      assertThat(item.time()).as("listing item time").isNotNull();
      assertRoundTrip("listing time", item.time());
      assertCleanText("listing section", item.section());
      if (item.section() != null) {
        assertThat(item.section().length()).isLessThanOrEqualTo(16);
      }
      assertThat(item.comments()).satisfiesAnyOf(c -> assertThat(c).isNull(),
          c -> assertThat(c).isNotNegative());
    }
    assertJsonLine(RecordJson.write(r), null, null);
  }

  /**
   * One line of JSON (a JSON-lines reader splits at line feeds), whose times are the record's
   * times, written as ISO-8601 with an offset.
   */
  private static void assertJsonLine(String json, OffsetDateTime published,
      OffsetDateTime modified) {
    assertThat(json).doesNotContain("\n", "\r");
    JsonNode tree;
    try {
      tree = RecordJson.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(json, e);
    }
    assertThat(tree.path("schema").asInt()).isEqualTo(1);
    assertTimeField(tree.path("published"), published);
    assertTimeField(tree.path("modified"), modified);
  }

  private static void assertTimeField(JsonNode field, OffsetDateTime expected) {
    if (expected == null) {
      assertThat(field.isNull() || field.isMissingNode()).isTrue();
    } else {
      assertThat(OffsetDateTime.parse(field.asText())).isEqualTo(expected);
    }
  }

  /** Written as a record writes it and read back as ISO-8601: the same time and offset. */
  private static void assertRoundTrip(String what, OffsetDateTime time) {
    String written = RecordJson.format(time);
    assertThat(OffsetDateTime.parse(written)).as("%s written as %s", what, written)
        .isEqualTo(time);
  }

  /** Text as {@link TextNormalizer} leaves it; null passes (the field is unknown). */
  static void assertCleanText(String field, String value) {
    if (value == null) {
      return;
    }
    String shown = escape(value);
    assertThat(value).as("%s is not empty", field).isNotEmpty();
    assertThat(value).as("%s %s is trimmed", field, shown).isEqualTo(value.strip());
    assertThat(INVISIBLE.matcher(value).find()).as("%s %s has invisible characters", field, shown)
        .isFalse();
    assertThat(LINE_BREAK.matcher(value).find()).as("%s %s has line breaks", field, shown)
        .isFalse();
    assertThat(TWO_SPACES.matcher(value).find()).as("%s %s has runs of spaces", field, shown)
        .isFalse();
    assertThat(Normalizer.isNormalized(value, Normalizer.Form.NFC))
        .as("%s %s is NFC", field, shown).isTrue();
  }

  private static void assertAbsolute(String field, String url) {
    assertThat(url).as(field).isNotNull();
    assertThat(SCHEME.matcher(url).matches()).as("%s %s is absolute", field, url).isTrue();
  }

  private static void assertHeadlineUrl(String field, String url) {
    assertThat(url).as(field).matches("https?://.*");
    assertThat(url).as(field).doesNotContain("#");
  }

  /** Code points outside printable ASCII as {@code \\uXXXX}, so that a failure is readable. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().forEach(cp -> {
      if (cp >= 0x20 && cp < 0x7f) {
        b.appendCodePoint(cp);
      } else {
        b.append(String.format("\\u%04X", cp));
      }
    });
    return b.toString();
  }

  // ---- generators -------------------------------------------------------------------------------

  @Provide
  Arbitrary<String> pages() {
    return HostileHtml.pages();
  }

  @Provide
  Arbitrary<PageContext> contexts() {
    Arbitrary<String> url = Arbitraries.of(HostileHtml.PAGE_URL,
        "http://news.example.cn/society/2020-03/10/c_1125690001.htm",
        "https://www.example.org/us/2021/06/02/x/?utm_source=rss#top",
        "https://例子.测试/新闻/1.html", "http://[::1]:8080/a");
    Arbitrary<Instant> fetched = Arbitraries.longs().between(0, 4_102_444_800L)
        .map(Instant::ofEpochSecond);
    return Combinators.combine(url, fetched, Arbitraries.of(200, 203, 404, 500), zones())
        .as((u, at, status, zone) -> new PageContext("fuzz", u, at, status, zone,
            new WarcRef("FUZZ-00000.warc.gz", 42, "<urn:uuid:00000000-0000-0000-0000-000000000000>",
                "sha1:AAAA")));
  }

  @Provide
  Arbitrary<ZoneId> zones() {
    Arbitrary<ZoneId> regions = Arbitraries.of(ZoneId.getAvailableZoneIds().stream().sorted()
        .toList()).map(ZoneId::of);
    Arbitrary<ZoneId> offsets = Arbitraries.of(ZoneOffset.MIN, ZoneOffset.MAX, ZoneOffset.UTC,
        ZoneOffset.ofHoursMinutes(5, 30), ZoneOffset.ofHoursMinutes(-9, -30));
    return Arbitraries.oneOf(regions, offsets);
  }

  @Provide
  Arbitrary<String> dateText() {
    Arbitrary<String> inText = Combinators.combine(HostileHtml.text(), HostileHtml.dates(),
            HostileHtml.text(), HostileHtml.dates())
        .as((a, d1, b, d2) -> a + " " + d1 + " " + b + " " + d2);
    return Arbitraries.oneOf(HostileHtml.dates(), inText,
        Arbitraries.strings().withChars("0123456789-/.:年月日時分秒TZ+ APMGUT").ofMaxLength(40));
  }

  @Provide
  Arbitrary<String> rawText() {
    // what normalizing is about: marks that compose, invisible characters between them, spaces
    // of every kind, Han characters and pinyin in parentheses
    Arbitrary<String> tricky = Arbitraries.strings().withChars(
        "ae\u0301\u0308\u0323\u030A\u200B\u00AD\uFEFF\u2060\u180E \u00A0\u3000\t\n\r\u2028"
            + "\u0000\u0007及時()（）shíā\u1100\u1161\u11A8").ofMaxLength(30);
    return Arbitraries.frequencyOf(Tuple.of(3, tricky), Tuple.of(1, HostileHtml.text()),
        Tuple.of(1, HostileHtml.anyText(60)));
  }

  @Provide
  Arbitrary<String> languageAttribute() {
    return HostileHtml.languages();
  }

  @Provide
  Arbitrary<String> anyUrl() {
    return Arbitraries.oneOf(HostileHtml.urls(), Arbitraries.of("https://news.example.cn/x",
        "http://a.tw", "http://a.", "http://.", "http://x.uk:99999/", "http://a_b.cn/"));
  }
}
