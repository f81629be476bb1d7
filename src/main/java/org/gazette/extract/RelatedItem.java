package org.gazette.extract;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One entry of an article's "related recommendations" block.
 *
 * @param title normalized headline
 * @param url absolute URL
 * @param comments comment count shown beside the headline, or null when none is shown
 */
@JsonPropertyOrder({"title", "url", "comments"})
public record RelatedItem(String title, String url, Integer comments) {}
