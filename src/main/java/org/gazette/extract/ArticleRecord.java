package org.gazette.extract;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The JSON record of an article page ({@code "type":"article"}, schema 1), fields in the order of
 * DESIGN.md. Unknown values are null; lists are never null.
 *
 * @param site site name
 * @param url the URL the page was fetched from
 * @param canonicalUrl the page's {@code rel=canonical} URL, else {@code url}
 * @param fetchedAt when the response arrived; null when unknown (a page read from a file)
 * @param status HTTP status code; null for a page read from a file
 * @param title normalized headline
 * @param published first publication, with the offset it was given or the site zone's
 * @param modified last update when the page gives one apart from {@code published}
 * @param authors bylines, in page order
 * @param editor the responsible editor ({@code 責任編輯})
 * @param source where the story comes from ({@code 來源}), e.g. a news agency
 * @param section the site's section or column
 * @param language BCP 47 tag, e.g. {@code zh-Hant}
 * @param charset the encoding the page's bytes were read in, e.g. {@code GB18030}, {@code Big5},
 *     {@code UTF-8}, {@code windows-1252} (declared, or detected when the page declared none or
 *     a wrong one); null when unknown
 * @param description the page's summary meta
 * @param image absolute URL of the lead image
 * @param body clean text, paragraphs joined by a blank line
 * @param related the page's "related recommendations"
 * @param extractor {@code "generic"} or {@code "site:<name>"}
 * @param warc where the response is archived, or null
 */
@JsonPropertyOrder({
  "type", "schema", "site", "url", "canonical_url", "fetched_at", "status", "title", "published",
  "modified", "authors", "editor", "source", "section", "language", "charset", "description",
  "image", "body", "related", "extractor", "robots", "warc"
})
public record ArticleRecord(
    String site,
    String url,
    @JsonProperty("canonical_url") String canonicalUrl,
    @JsonProperty("fetched_at") @JsonSerialize(using = TimeSerializers.InstantSerializer.class)
        Instant fetchedAt,
    Integer status,
    String title,
    @JsonSerialize(using = TimeSerializers.OffsetTimeSerializer.class) OffsetDateTime published,
    @JsonSerialize(using = TimeSerializers.OffsetTimeSerializer.class) OffsetDateTime modified,
    List<String> authors,
    String editor,
    String source,
    String section,
    String language,
    String charset,
    String description,
    String image,
    String body,
    List<RelatedItem> related,
    String extractor,
    WarcRef warc,
    List<String> robots) {

  /** The {@code type} field of article records. */
  public static final String TYPE = "article";

  /** The version of this record's layout; raised when a field changes meaning. */
  public static final int SCHEMA = 1;

  /** A record without page-level robots directives. */
  public ArticleRecord(String site, String url, String canonicalUrl, Instant fetchedAt,
      Integer status, String title, OffsetDateTime published, OffsetDateTime modified,
      List<String> authors, String editor, String source, String section, String language,
      String charset, String description, String image, String body, List<RelatedItem> related,
      String extractor, WarcRef warc) {
    this(site, url, canonicalUrl, fetchedAt, status, title, published, modified, authors, editor,
        source, section, language, charset, description, image, body, related, extractor, warc,
        List.of());
  }

  /**
   * This record with the page's robots directives ({@code noindex}, {@code noarchive}, ... from
   * {@code <meta name="robots">} and {@code X-Robots-Tag}), which downstream indexes may honour.
   */
  public ArticleRecord withRobots(List<String> directives) {
    return new ArticleRecord(site, url, canonicalUrl, fetchedAt, status, title, published,
        modified, authors, editor, source, section, language, charset, description, image, body,
        related, extractor, warc, directives);
  }

  /** Copies the lists, turning null into empty, so a record never serializes a null list. */
  public ArticleRecord {
    robots = robots == null ? List.of() : List.copyOf(robots);
    authors = authors == null ? List.of() : List.copyOf(authors);
    related = related == null ? List.of() : List.copyOf(related);
  }

  /** Always {@value #TYPE}. */
  @JsonProperty("type")
  public String type() {
    return TYPE;
  }

  /** Always {@value #SCHEMA}. */
  @JsonProperty("schema")
  public int schema() {
    return SCHEMA;
  }
}
