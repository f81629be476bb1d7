package org.gazette.extract;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;

/**
 * The JSON record of a listing page ({@code "type":"listing"}, schema 1), fields in the order of
 * DESIGN.md.
 *
 * @param site site name
 * @param url the URL the page was fetched from
 * @param fetchedAt when the response arrived; null when unknown (a page read from a file)
 * @param charset the encoding the page's bytes were read in (see {@link ArticleRecord#charset});
 *     null when unknown
 * @param items the headlines, in page order, each URL once
 * @param warc where the response is archived, or null
 */
@JsonPropertyOrder({
  "type", "schema", "site", "url", "fetched_at", "charset", "items", "robots", "warc"
})
public record ListingRecord(
    String site,
    String url,
    @JsonProperty("fetched_at") @JsonSerialize(using = TimeSerializers.InstantSerializer.class)
        Instant fetchedAt,
    String charset,
    List<ListingItem> items,
    WarcRef warc,
    List<String> robots) {

  /** A record without page-level robots directives. */
  public ListingRecord(String site, String url, Instant fetchedAt, String charset,
      List<ListingItem> items, WarcRef warc) {
    this(site, url, fetchedAt, charset, items, warc, List.of());
  }

  /** This record with the page's robots directives (noindex, noarchive, ...). */
  public ListingRecord withRobots(List<String> directives) {
    return new ListingRecord(site, url, fetchedAt, charset, items, warc, directives);
  }

  /** The {@code type} field of listing records. */
  public static final String TYPE = "listing";

  /** The version of this record's layout. */
  public static final int SCHEMA = 1;

  /** Copies the list, turning null into empty. */
  public ListingRecord {
    robots = robots == null ? List.of() : List.copyOf(robots);
    items = items == null ? List.of() : List.copyOf(items);
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
