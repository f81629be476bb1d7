package org.gazette.discover;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An article URL found in a sitemap or feed, with what the source says about it.
 *
 * @param url absolute http or https URL
 * @param lastModified when the page last changed: sitemap {@code lastmod}, Atom {@code updated};
 *     null if not given
 * @param title the headline: {@code news:title} of a news sitemap, the item or entry title of a
 *     feed; null if not given
 * @param published when the article was first published: {@code news:publication_date}, RSS
 *     {@code pubDate}, Atom {@code published}, {@code dc:date}; null if not given
 */
public record DiscoveredUrl(URI url, Instant lastModified, String title, Instant published) {
  private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\u00a0]+");

  /**
   * Requires the URL; runs of white space (no-break spaces too) in the title become one space, a
   * blank title null.
   */
  public DiscoveredUrl {
    Objects.requireNonNull(url, "url");
    title = title == null || title.isBlank()
        ? null
        : WHITE_SPACE.matcher(title.strip()).replaceAll(" ");
  }
}
