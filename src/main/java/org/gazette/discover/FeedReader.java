package org.gazette.discover;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseError;
import org.jsoup.parser.Parser;

/**
 * Reads the article links of an RSS 2.0 (and 0.9x), RSS 1.0 (RDF) or Atom feed the caller has
 * fetched: per item its link, title and times.
 *
 * <p>jsoup's XML parser reads the bytes, so a feed that is not well-formed (a stray {@code &},
 * an HTML entity, a body cut at the size limit) still gives what it holds. The charset comes
 * from a byte-order mark or the XML declaration ({@code encoding="GBK"}), else UTF-8. Relative
 * links resolve against the feed URL and any {@code xml:base}. Times without a zone, and zone
 * names that are the site zone's own (CST in China), are read in the site zone; see {@link
 * #FeedReader(ZoneId)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class FeedReader {
  /** Parse errors are noise on most real feeds; a few name the cause when nothing is found. */
  private static final int MAX_PARSE_ERRORS = 5;

  private final ZoneId zone;

  /** A reader for a site whose zone is unknown: times without a zone are UTC. */
  public FeedReader() {
    this(ZoneOffset.UTC);
  }

  /**
   * A reader for a site in {@code zone}, the site's {@code timeZone}: times without a zone are
   * local times there, and a zone abbreviation the zone itself uses means that zone.
   */
  public FeedReader(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /**
   * Reads one feed.
   *
   * @param url the absolute URL the feed was fetched from, the base of relative links
   * @param content the body as fetched, with any Content-Encoding undone
   * @return the item URLs and what went wrong; never null, never throws on bad content
   */
  public Feed read(URI url, byte[] content) {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(content, "content");
    Problems problems = new Problems();
    if (content.length == 0) {
      problems.add("empty document");
      return new Feed(url, List.of(), problems.list());
    }
    // positions tell an element closed by its end tag from one the end of input closed
    Parser parser = Parser.xmlParser().setTrackErrors(MAX_PARSE_ERRORS).setTrackPosition(true);
    Document doc = parse(url, content, parser, problems);
    Element root = doc.children().first();
    FeedItems items = new FeedItems(url, zone, problems);
    List<DiscoveredUrl> urls = List.of();
    if (root == null) {
      problems.add("not a feed: no XML elements");
    } else {
      String kind = root.tag().localName().toLowerCase(Locale.ROOT);
      switch (kind) {
        case "rss", "rdf" -> urls = items.rss(root);
        case "feed" -> urls = items.atom(root);
        default -> problems.add("not a feed: the root element is <" + root.tagName() + ">");
      }
    }
    if (urls.isEmpty()) {
      // a feed with items reads fine despite parse errors; without any they may say why
      for (ParseError error : parser.getErrors()) {
        problems.add("XML at " + error.getCursorPos() + ": " + error.getErrorMessage());
      }
    }
    return new Feed(url, urls, problems.list());
  }

  private static Document parse(URI url, byte[] content, Parser parser, Problems problems) {
    try {
      // charset null: a byte-order mark, then the XML declaration, then UTF-8 (also when the
      // declared charset is unknown)
      return Jsoup.parse(new ByteArrayInputStream(content), null, url.toString(), parser);
    } catch (IOException e) {
      throw new UncheckedIOException("reading a byte array cannot fail", e);
    } catch (RuntimeException e) {
      problems.add("XML parser failed: " + e);
      return new Document(url.toString());
    }
  }
}
