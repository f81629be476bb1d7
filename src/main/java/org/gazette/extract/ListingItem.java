package org.gazette.extract;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.OffsetDateTime;

/**
 * One headline of a listing page.
 *
 * @param title normalized headline
 * @param url absolute URL
 * @param time the time printed beside the headline, read in the site's zone; null if none
 * @param section the column or section named beside the headline, or null
 * @param comments comment count shown beside the headline, or null
 */
@JsonPropertyOrder({"title", "url", "time", "section", "comments"})
public record ListingItem(
    String title,
    String url,
    @JsonSerialize(using = TimeSerializers.OffsetTimeSerializer.class) OffsetDateTime time,
    String section,
    Integer comments) {}
