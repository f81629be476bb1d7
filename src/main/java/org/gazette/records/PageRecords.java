package org.gazette.records;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.gazette.charset.Encoding;
import org.gazette.charset.PageCharset;
import org.gazette.extract.ArticleRecord;
import org.gazette.extract.DomWalk;
import org.gazette.extract.ListingRecord;
import org.gazette.extract.PageAnalysis;
import org.gazette.extract.PageContext;
import org.gazette.extract.ProfileExtractor;
import org.gazette.extract.PageExtractor;
import org.gazette.extract.PageKind;
import org.gazette.extract.WarcRef;
import org.gazette.fetch.ContentDecoder;
import org.gazette.fetch.HttpExchange;
import org.gazette.fetch.HttpHeader;
import org.gazette.fetch.Truncation;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * HTTP response and site rules in, JSON record out: the one code path of the crawl (which calls
 * {@link #parse} from its HTML parser and {@link #record} when it visits the page) and of
 * {@code gazette extract} (which calls {@link #extract}, the two in a row). Whatever changes here
 * changes both, so a re-extraction of an archive gives what its crawl gave.
 *
 * <p>The steps, in order:
 *
 * <ol>
 *   <li>which responses are pages: a 2xx ({@link #isPage}) whose Content-Type says HTML or
 *       nothing ({@link #isHtml}), not cut short by a broken connection ({@link #parsedWhenCut});
 *   <li>the body to parse: content coding undone, at most the body size limit; a body that
 *       cannot be decoded is parsed as empty ({@link #bodyToParse});
 *   <li>parsing: in the encoding {@link PageCharset} decides (byte order mark, Content-Type
 *       charset, meta tag, detection when nothing is declared or the bytes show the declaration
 *       wrong), which the record names; the page's robots directives from {@code <meta
 *       name="robots">}, a meta named after gazette's agent, and {@code X-Robots-Tag} ({@link
 *       #parse});
 *   <li>the record: the site's URL patterns say article or listing, else the page's content does;
 *       times read in the site's zone, else a zone guessed from the page, else UTC; a page that
 *       says noindex gets no record when the site honours it; the robots directives go into the
 *       record ({@link #record}).
 * </ol>
 *
 * <p>Thread-safe.
 */
public final class PageRecords {
  private final String agentName;
  private final PageExtractor extractor = new PageExtractor();

  /**
   * A parsed page.
   *
   * @param document the jsoup document, its base URI the page's URL
   * @param robots the page-level robots directives that apply to gazette, lower case, sorted
   * @param charset the name of the encoding the body was read in ({@link Encoding#name})
   */
  public record Parsed(Document document, SortedSet<String> robots, String charset) {
    public Parsed {
      Objects.requireNonNull(document, "document");
      Objects.requireNonNull(charset, "charset");
      // sorted, so records and metadata are the same from run to run
      robots = Collections.unmodifiableSortedSet(new TreeSet<>(robots));
    }
  }

  /**
   * What a page became.
   *
   * @param kind article, listing, or other (no record: not a story or a list of them, or a
   *     noindex page of a site that honours noindex)
   * @param record the {@link org.gazette.extract.ArticleRecord} or {@link
   *     org.gazette.extract.ListingRecord}, or null
   */
  public record Result(PageKind kind, Object record) {}

  /** @param agentName the robots product token, e.g. {@code gazette} */
  public PageRecords(String agentName) {
    this.agentName = agentName.toLowerCase(Locale.ROOT);
  }

  /** Whether a response with this status is a page: any 2xx, as crawler4j visits them. */
  public static boolean isPage(int status) {
    return status >= 200 && status < 300;
  }

  /** Whether a Content-Type is parsed as HTML: any type naming html (xhtml too), or none. */
  public static boolean isHtml(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return true; // no type given: let jsoup try, as browsers sniff
    }
    return contentType.toLowerCase(Locale.ROOT).contains("html");
  }

  /**
   * Whether a body cut short this way is still parsed. A body cut at the size or time limit is
   * the page's beginning and is; one cut by a broken connection is not (the crawl fails that
   * fetch and tries again).
   */
  public static boolean parsedWhenCut(Truncation truncation) {
    return truncation != Truncation.DISCONNECT;
  }

  /**
   * The body of {@code content} to parse: its first {@code maxBytes} bytes (as the fetcher keeps
   * them), content coding undone, at most {@code maxBytes} again; empty when it cannot be decoded
   * (the archive keeps it as received; only parsing is lost).
   *
   * @param undecodable told why, when the body cannot be decoded
   */
  public static byte[] bodyToParse(HttpExchange content, long maxBytes,
      Consumer<IOException> undecodable) {
    HttpExchange kept = content;
    if (content.payload().length > maxBytes) {
      kept = new HttpExchange(content.uri(), content.date(), content.ip(), content.request(),
          content.response(), content.bodyOffset(), content.status(), content.headers(),
          java.util.Arrays.copyOf(content.payload(), (int) maxBytes), Truncation.LENGTH,
          content.elapsedMillis());
    }
    try {
      return ContentDecoder.decode(kept, maxBytes);
    } catch (IOException e) {
      undecodable.accept(e);
      return new byte[0];
    }
  }

  /**
   * Parses a page once: the document and the robots directives that apply to gazette.
   *
   * @param contentType the response's Content-Type, or null
   * @param headers the response headers (for {@code X-Robots-Tag}); empty for a file
   * @param url the page's URL, the document's base URI
   * @throws IOException if jsoup cannot read the body
   */
  public Parsed parse(byte[] body, String contentType, List<HttpHeader> headers, String url)
      throws IOException {
    Encoding encoding = PageCharset.decide(body, contentType).encoding();
    Document doc = Jsoup.parse(new ByteArrayInputStream(body), encoding.decoder().name(), url);
    return new Parsed(doc, robotsDirectives(doc, headers), encoding.name());
  }

  /**
   * The record of a parsed page.
   *
   * @param url the page's URL
   * @param fetchedAt when it was fetched, or null
   * @param status the status the record reports, or null
   * @param warc where it is archived, or null
   * @param otherAsArticle make an article of a page that neither the URL patterns nor its content
   *     call an article or a listing, rather than no record (for a file handed in by itself)
   */
  public Result record(Parsed page, String url, Instant fetchedAt, Integer status, WarcRef warc,
      SiteRules site, boolean otherAsArticle) {
    Document doc = page.document();
    // one analysis for classifying and extracting: both need the page's body and related items
    PageAnalysis analysis = new PageAnalysis(doc);
    ZoneId zone = site.zone(doc, url);
    PageKind kind = switch (site.kind(url)) {
      case ARTICLE -> PageKind.ARTICLE;
      case LISTING -> PageKind.LISTING;
      case UNKNOWN -> {
        // times read as the extraction reads them: the body and listing it finds are the record's
        PageKind classified = extractor.classify(analysis, zone, fetchedAt);
        yield classified == PageKind.OTHER && otherAsArticle ? PageKind.ARTICLE : classified;
      }
    };
    PageContext context =
        new PageContext(site.site(), url, fetchedAt, status, zone, warc, page.charset());
    List<String> robots = List.copyOf(page.robots());
    if (site.honourNoindex() && (robots.contains("noindex") || robots.contains("none"))) {
      kind = PageKind.OTHER; // archived as served, but no record for downstream indexes
    }
    // a site profile's selectors override the generic fields they find
    ProfileExtractor profile = site.profile().hasSelectors()
        ? new ProfileExtractor(site.profile()) : null;
    Object record = switch (kind) {
      case ARTICLE -> {
        ArticleRecord article = extractor.extractArticle(analysis, context);
        yield (profile == null ? article : profile.article(doc, context, article))
            .withRobots(robots);
      }
      case LISTING -> {
        ListingRecord listing = extractor.extractListing(analysis, context);
        yield (profile == null ? listing : profile.listing(doc, context, listing))
            .withRobots(robots);
      }
      default -> null;
    };
    return new Result(kind, record);
  }

  /** {@link #parse} then {@link #record}: a page's record from its response. */
  public Result extract(HttpPage page, SiteRules site, boolean otherAsArticle) throws IOException {
    Parsed parsed = parse(page.body(), page.header("Content-Type").orElse(null), page.headers(),
        page.url());
    return record(parsed, page.url(), page.fetchedAt(), page.status(), page.warc(), site,
        otherAsArticle);
  }

  /**
   * The robots directives that apply to gazette on this page: {@code <meta name="robots">}, a
   * meta named after gazette's agent, and {@code X-Robots-Tag} headers for all agents or for
   * gazette ("gazette: nofollow" applies, "otherbot: nofollow" does not).
   */
  private SortedSet<String> robotsDirectives(Document doc, List<HttpHeader> headers) {
    SortedSet<String> out = new TreeSet<>();
    // what select("meta[name][content]") finds, from a cheaper walk than a selector's
    for (Element meta : DomWalk.allElements(doc)) {
      if (!meta.normalName().equals("meta") || !meta.hasAttr("name")
          || !meta.hasAttr("content")) {
        continue;
      }
      String name = meta.attr("name").toLowerCase(Locale.ROOT);
      if (name.equals("robots") || name.equals(agentName)) {
        addDirectives(out, meta.attr("content"));
      }
    }
    for (HttpHeader h : headers) {
      if (h.name().equalsIgnoreCase("X-Robots-Tag")) {
        String v = h.value().toLowerCase(Locale.ROOT);
        int colon = v.indexOf(':');
        String agent = colon < 0 ? "" : v.substring(0, colon).trim();
        if (colon < 0 || agent.contains(",") || agent.contains(" ")) {
          addDirectives(out, v);
        } else if (agent.equals(agentName)) {
          addDirectives(out, v.substring(colon + 1));
        }
      }
    }
    return out;
  }

  private static void addDirectives(SortedSet<String> out, String value) {
    // control characters separate directives too: an X-Robots-Tag value is kept as received, and
    // a NUL inside one directive made the page's metadata record unwritable (WarcField refuses
    // NUL), losing its JSON record; found by JsoupHtmlParserFuzzTest
    for (String d : value.toLowerCase(Locale.ROOT).split("[,\\s\\p{Cntrl}]+")) {
      if (!d.isBlank()) {
        out.add(d.trim());
      }
    }
  }
}
