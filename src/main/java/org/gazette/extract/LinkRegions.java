package org.gazette.extract;

import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.gazette.config.CssQuery;
import org.gazette.config.SiteProfile;
import org.gazette.config.SiteProfile.Region;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Where on a page each link is ({@link Region}), so that a crawl follows listing items,
 * pagination, related and hot lists and leaves menus, footers and ads alone.
 *
 * <p>The innermost marked element around a link decides. The site profile's selectors mark
 * first ({@code listing}, {@code related}, {@code hot} items and {@code pagination}); then the
 * page's own structure: {@code <nav>}, a page-level {@code <header>} or {@code <footer>}, and
 * class names and ids as sites name these blocks ({@code menu}, {@code breadcrumb},
 * {@code footer}, {@code ad}, {@code sponsor}, {@code pagination}, {@code hot},
 * {@code related}, ...). A link in nothing recognised is {@link Region#OTHER}.
 *
 * <p>One instance per page; the document is only read. Not thread-safe (it memoises).
 */
public final class LinkRegions {

  private static final Pattern PAGINATION = Pattern.compile(
      "pagination|pager|paging|page-?nav|page-?numbers|page-?list|^pages$|^pg$");

  private static final Pattern NAVIGATION = Pattern.compile(
      "^(?:nav|navbar|navigation|menu|mainmenu|main-menu|topbar|top-bar|topnav|top-nav|subnav"
          + "|sub-nav|sitenav|site-nav|breadcrumbs?|crumbs?|masthead|site-header|header|skip-link"
          + "|toolbar|login)$|(?:^|[-_])(?:nav|menu|breadcrumbs?)(?:$|[-_])");

  private static final Pattern FOOTER = Pattern.compile(
      "^(?:footer|foot|site-footer|copyright|colophon)$|(?:^|[-_])footer(?:$|[-_])");

  private static final Pattern ADS = Pattern.compile(
      "^(?:ad|ads|adv|advert|adverts|advertisement|advertising|adsbygoogle|sponsor|sponsored"
          + "|dfp|gg|guanggao|promo)$|(?:^|[-_])(?:ad|ads|advert|sponsor|sponsored)(?:$|[-_])");

  private static final Pattern HOT = Pattern.compile(
      "^(?:hot|hotnews|hot-news|popular|most-?read|most-?popular|most-?viewed|trending|rank"
          + "|ranking|paihang|top-?stories|top10)$|(?:^|[-_])(?:hot|popular|trending)(?:$|[-_])");

  private static final Pattern RELATED = Pattern.compile(
      "^(?:related|relate|recommend|recommended|read-?more|more-?stories|xgyd|xgxw)$"
          + "|(?:^|[-_])(?:related|recommend(?:ed|ation)?s?)(?:$|[-_])");

  /** Class names of an article's own header and footer, which are not page chrome. */
  private static final Pattern STORY = Pattern.compile("article|post|entry|story");

  private final Map<Element, Region> marked = new IdentityHashMap<>();
  private final Map<Element, Region> memo = new IdentityHashMap<>();

  private LinkRegions(Document doc, SiteProfile profile) {
    // pagination first, so that a related block holding page numbers stays related
    mark(doc, profile.pagination(), Region.PAGINATION);
    markItems(doc, profile.hot(), Region.HOT);
    markItems(doc, profile.related(), Region.RELATED);
    markItems(doc, profile.listing(), Region.LISTING);
  }

  /** The regions of {@code doc}, with {@code profile}'s selectors marking first. */
  public static LinkRegions of(Document doc, SiteProfile profile) {
    return new LinkRegions(doc, profile);
  }

  /** The region of the innermost marked element around {@code e} (itself included). */
  public Region of(Element e) {
    // iterative: a hostile page nests thousands of elements deep
    java.util.ArrayDeque<Element> path = new java.util.ArrayDeque<>();
    Region found = Region.OTHER;
    for (Element p = e; p != null; p = p.parent()) {
      Region known = memo.get(p);
      if (known != null) {
        found = known;
        break;
      }
      path.push(p);
    }
    // from the outermost unknown ancestor in: each takes its own region or its parent's
    while (!path.isEmpty()) {
      Element p = path.pop();
      Region own = own(p);
      found = own != null ? own : found;
      memo.put(p, found);
    }
    return found;
  }

  private Region own(Element e) {
    Region mark = marked.get(e);
    if (mark != null) {
      return mark;
    }
    String tag = e.normalName();
    String names = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT).strip();
    if (tag.equals("a") && e.attr("rel").toLowerCase(Locale.ROOT).contains("sponsored")) {
      return Region.ADS;
    }
    if (!names.isEmpty()) {
      for (String name : names.split("\\s+")) {
        Region r = byName(name);
        if (r != null) {
          return r;
        }
      }
    }
    return switch (tag) {
      case "nav" -> Region.NAVIGATION;
      case "header" -> inStory(e) ? null : Region.NAVIGATION;
      case "footer" -> inStory(e) ? null : Region.FOOTER;
      default -> null;
    };
  }

  private static Region byName(String name) {
    if (PAGINATION.matcher(name).find()) {
      return Region.PAGINATION;
    }
    if (ADS.matcher(name).find()) {
      return Region.ADS;
    }
    if (RELATED.matcher(name).find()) {
      return Region.RELATED;
    }
    if (HOT.matcher(name).find()) {
      return Region.HOT;
    }
    boolean story = STORY.matcher(name).find();
    if (!story && FOOTER.matcher(name).find()) {
      return Region.FOOTER;
    }
    if (!story && NAVIGATION.matcher(name).find()) {
      return Region.NAVIGATION;
    }
    return null;
  }

  /** Whether a header or footer belongs to an article or the main content, not the page. */
  private static boolean inStory(Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      String tag = p.normalName();
      if (tag.equals("article") || tag.equals("main")) {
        return true;
      }
    }
    return false;
  }

  private void markItems(Document doc, SiteProfile.Items items, Region region) {
    if (items == null) {
      return;
    }
    if (items.block() != null) {
      mark(doc, items.block(), region);
    } else {
      mark(doc, items.item(), region);
    }
  }

  private void mark(Document doc, CssQuery query, Region region) {
    if (query != null) {
      for (Element e : doc.select(query.evaluator())) {
        marked.putIfAbsent(e, region);
      }
    }
  }
}
