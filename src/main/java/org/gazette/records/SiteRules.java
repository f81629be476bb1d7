package org.gazette.records;

import java.net.URI;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.gazette.config.SiteConfig;
import org.gazette.config.SiteProfile;
import org.gazette.extract.ZoneGuess;
import org.jsoup.nodes.Document;

/**
 * What a site's configuration says about turning its pages into records.
 *
 * @param site the site name of the records; null when unknown (a file read with no site given)
 * @param listingPatterns URL patterns of listing pages (may be empty)
 * @param articlePatterns URL patterns of article pages (may be empty); a URL matching neither
 *     list is classified by its content
 * @param timeZone the zone page-local times are read in; null to guess it per page from its
 *     language and domain, else UTC
 * @param honourNoindex no record for a page that says {@code noindex} (or {@code none})
 * @param profile the site's selectors, date formats and followed regions; {@link
 *     SiteProfile#NONE} for the generic extractor alone
 */
public record SiteRules(String site, List<Pattern> listingPatterns, List<Pattern> articlePatterns,
    ZoneId timeZone, boolean honourNoindex, SiteProfile profile) {

  /** What the URL patterns say a page is. */
  public enum Kind {
    LISTING,
    ARTICLE,
    /** Neither list matches (or there are none): the page's content decides. */
    UNKNOWN
  }

  public SiteRules {
    listingPatterns = List.copyOf(listingPatterns);
    articlePatterns = List.copyOf(articlePatterns);
    profile = profile == null ? SiteProfile.NONE : profile;
  }

  /** The rules of a configured site, read in its time zone. */
  public static SiteRules of(SiteConfig site) {
    return new SiteRules(site.name(), site.listing().urlPatterns(), site.article().urlPatterns(),
        site.timeZone(), site.honourNoindex(), site.profile());
  }

  /**
   * The rules of a site without configuration (a crawl of bare seeds): no URL patterns, noindex
   * not honoured.
   *
   * @param name the site name, or null
   * @param timeZone the zone, or null to guess it per page
   */
  public static SiteRules generic(String name, ZoneId timeZone) {
    return new SiteRules(name, List.of(), List.of(), timeZone, false, SiteProfile.NONE);
  }

  /** These rules with page-local times read in {@code zone} (null: guessed per page). */
  public SiteRules withTimeZone(ZoneId zone) {
    return new SiteRules(site, listingPatterns, articlePatterns, zone, honourNoindex, profile);
  }

  /** The kind the URL patterns give {@code url}; article patterns win over listing ones. */
  public Kind kind(String url) {
    if (articlePatterns.stream().anyMatch(p -> p.matcher(url).find())) {
      return Kind.ARTICLE;
    }
    if (listingPatterns.stream().anyMatch(p -> p.matcher(url).find())) {
      return Kind.LISTING;
    }
    return Kind.UNKNOWN;
  }

  /** The zone the page's local times are read in: the site's, else guessed, else UTC. */
  public ZoneId zone(Document page, String url) {
    return timeZone != null ? timeZone : ZoneGuess.of(page, url).orElse(ZoneOffset.UTC);
  }

  /** The host of an http(s) URL, lower case, or null. */
  static String host(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        return null;
      }
      return uri.getHost().toLowerCase(java.util.Locale.ROOT);
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }
}
