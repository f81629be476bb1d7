package org.gazette.config;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How to read one site's pages: the CSS selectors of its site file's {@code selectors:} block,
 * its {@code dateFormats:} and which link regions its crawl follows ({@code follow:}). Every
 * selector is optional; a field whose selector is absent or finds nothing on a page is left to
 * the generic extractor.
 *
 * <p>A selector is a jsoup CSS query, optionally ending in {@code @name} to read that attribute
 * instead of the element's text ({@code meta[property=og:title]@content}). The loader has
 * checked that each one parses.
 *
 * @param title the headline
 * @param published first publication time: a {@code datetime} or {@code content} attribute, else
 *     the text (labels such as {@code 發布時間:} are skipped)
 * @param modified last update time, read as {@code published}
 * @param authors bylines; every element found is one author
 * @param editor the responsible editor ({@code 責任編輯: 連政} gives {@code 連政})
 * @param source where the story comes from ({@code 來源: 外交部網站} gives {@code 外交部網站})
 * @param section the site's section or column
 * @param body the story's container(s); paragraphs are read from them in page order
 * @param drop elements removed from the body before it is read (ads, captions, share buttons)
 * @param related the "related recommendations" items of an article
 * @param hot the hot or newest list around a page (only followed, not recorded)
 * @param listing the headlines of a listing page
 * @param pagination links to the next pages of a listing (only followed, not recorded)
 * @param dateFormats {@link java.time.format.DateTimeFormatter} patterns tried before gazette's
 *     own date reading, e.g. {@code yyyy-MM-dd HH:mm:ss}
 * @param follow the link regions a crawl follows
 */
public record SiteProfile(
    CssQuery title,
    CssQuery published,
    CssQuery modified,
    CssQuery authors,
    CssQuery editor,
    CssQuery source,
    CssQuery section,
    CssQuery body,
    List<CssQuery> drop,
    Items related,
    Items hot,
    Items listing,
    CssQuery pagination,
    List<String> dateFormats,
    Set<Region> follow) {

  /** No selectors, no date formats, the default regions followed. */
  public static final SiteProfile NONE = new SiteProfile(null, null, null, null, null, null, null,
      null, List.of(), null, null, null, null, List.of(), Region.DEFAULT_FOLLOW);

  public SiteProfile {
    drop = drop == null ? List.of() : List.copyOf(drop);
    dateFormats = dateFormats == null ? List.of() : List.copyOf(dateFormats);
    follow = follow == null ? Region.DEFAULT_FOLLOW : Set.copyOf(follow);
  }

  /** Whether any selector is set (the site has a profile, not only follow rules). */
  public boolean hasSelectors() {
    return title != null || published != null || modified != null || authors != null
        || editor != null || source != null || section != null || body != null
        || related != null || hot != null || listing != null || pagination != null;
  }

  /**
   * A list of items (related stories, a hot list, a listing's headlines), each field read inside
   * one item element.
   *
   * @param block the element(s) holding the items; null: the whole page
   * @param item each item, inside {@code block}; required
   * @param title the headline inside the item; null: the link's text
   * @param link the link inside the item; null: the first {@code a[href]}
   * @param time the time inside the item (listings)
   * @param section the section inside the item (listings)
   * @param comments the comment count inside the item: the first number of its text
   */
  public record Items(CssQuery block, CssQuery item, CssQuery title, CssQuery link,
      CssQuery time, CssQuery section, CssQuery comments) {
    public Items {
      Objects.requireNonNull(item, "item");
    }
  }

  /**
   * Where on a page a link is. A crawl follows the links of the regions in the site's
   * {@code follow:} list, by default every region but navigation, footer and ads.
   */
  public enum Region {
    /** Headlines of a listing page. */
    LISTING,
    /** Page numbers, next and previous links. */
    PAGINATION,
    /** An article's "related recommendations". */
    RELATED,
    /** Hot, most-read or newest lists. */
    HOT,
    /** Menus, breadcrumbs, the header and top bar. */
    NAVIGATION,
    /** The footer: about, contact, partners, copyright. */
    FOOTER,
    /** Advertisements and sponsored links. */
    ADS,
    /** Anywhere else: the story's own links, lists gazette does not recognise. */
    OTHER;

    /** What a crawl follows when the site file has no {@code follow:}. */
    public static final Set<Region> DEFAULT_FOLLOW =
        Set.copyOf(EnumSet.of(LISTING, PAGINATION, RELATED, HOT, OTHER));

    /** The name written in site files: lower case. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
