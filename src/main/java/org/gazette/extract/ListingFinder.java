package org.gazette.extract;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

/**
 * Finds listing items without knowing the site: repeated elements that each hold one headline
 * link and a printed date-time, such as {@code <li><a>headline</a> <span>2020-03-18 22:15</span>
 * <a>column</a></li>}. The text after the time, if short, is the item's section.
 */
final class ListingFinder {

  /** Items must repeat: a lone headline with a date is a teaser, not a listing. */
  private static final int MIN_GROUP = 2;

  /** How far up from a headline link an item's date may sit. */
  private static final int MAX_CLIMB = 4;

  /**
   * Text weight above which an element is more than one item (a headline, a time, a column and
   * a line of summary weigh a few hundred): its text is not taken. Without this bound a page of
   * thousands of nested blocks, each with a link, cost minutes (every link's ancestors' whole
   * text, again and again).
   */
  private static final int MAX_ITEM_WEIGHT = 2_000;

  /** A section name is short: a column name, not a summary. */
  private static final int MAX_SECTION = 16;

  private static final Pattern SEGMENT_END = Pattern.compile("\\s{2,}|\\s+[-–—|·/]\\s*|[|丨·•]");
  private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\s\\-–—|·•/]+|[\\s\\-–—|·•/]+$");

  private static final Evaluator LINKS = PageElements.selector("a[href]");

  private ListingFinder() {}

  /** One found item and the element that holds it. */
  record Found(Element holder, ListingItem item) {}

  /**
   * The page's listing items, in page order, each URL once.
   *
   * @param reference the fetch time, against which relative times ({@code 3小時前}) are read;
   *     null reads none
   * @param chrome chrome to skip (navigation, footers)
   */
  static List<Found> find(PageAnalysis page, ZoneId zone, Instant reference,
      Boilerplate chrome) {
    Document doc = page.document();
    Map<Element, List<Found>> groups = new IdentityHashMap<>();
    List<Found> all = new ArrayList<>();
    // every link climbs through the same ancestors: each one's text, links and dates are read
    // once per page, not once per link below it (that made a long page cost seconds)
    Map<Element, Holder> holders = new IdentityHashMap<>();
    for (Element a : page.elements().select("a", LINKS)) {
      // chrome first: it is known for most links already, and a link's headline test takes its
      // text and resolves its URL
      if (chrome.skipped(a) || !page.isHeadline(a)) {
        continue;
      }
      item(a, page, zone, reference, holders).ifPresent(found -> {
        all.add(found);
        groups.computeIfAbsent(found.holder().parent(), k -> new ArrayList<>()).add(found);
      });
    }
    Map<String, Found> byUrl = new LinkedHashMap<>();
    for (Found f : all) {
      boolean repeated = groups.get(f.holder().parent()).size() >= MIN_GROUP;
      if (repeated && !f.item().url().equals(doc.location())) {
        byUrl.putIfAbsent(f.item().url(), f);
      }
    }
    return new ArrayList<>(byUrl.values());
  }

  /** The item of a headline link: its nearest ancestor with one date, if the link leads it. */
  private static Optional<Found> item(Element a, PageAnalysis page, ZoneId zone,
      Instant reference, Map<Element, Holder> holders) {
    String url = page.headlineUrl(a).orElseThrow();
    Element holder = a.parent();
    for (int level = 0; holder != null && level < MAX_CLIMB; level++, holder = holder.parent()) {
      if (page.share().textWeight(holder) > MAX_ITEM_WEIGHT) {
        return Optional.empty(); // grew past one item
      }
      Holder h = holders.computeIfAbsent(holder, e -> Holder.of(e, page, zone, reference));
      if (h.dates.size() > 1) {
        return Optional.empty(); // grew past one item: several items' dates
      }
      if (h.dates.size() == 1) {
        return h.leader().equals(url) ? Optional.of(h.found(a)) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * An element that may hold one item, with its headline links masked out of its text. Text and
   * links are only read when it has one time; without a time they are left empty.
   */
  private record Holder(PageAnalysis page, Element element, String text, List<Element> links,
      List<DateParser.Match> dates) {

    static Holder of(Element element, PageAnalysis page, ZoneId zone, Instant reference) {
      // without a time its text and links are never read: an element is only an item's holder
      // for its time, and most climbed through have none
      if (!page.share().mayHoldTime(element)) {
        return new Holder(page, element, "", List.of(), List.of());
      }
      String text = TextNormalizer.normalize(element.text());
      if (!DateParser.mayHoldDate(text) && !RelativeTimes.mayHold(text)) {
        // masking only blanks characters out, so it cannot make a date where none may be
        return new Holder(page, element, text, List.of(), List.of());
      }
      List<Element> links = new ArrayList<>();
      for (Element link : page.elements().selectIn(element, LINKS)) {
        if (page.isHeadline(link)) {
          links.add(link);
        }
      }
      // dates inside headlines are not the item's time; masking keeps positions
      StringBuilder masked = new StringBuilder(text);
      for (Element link : links) {
        String t = page.linkTitle(link);
        for (int i = text.indexOf(t); i >= 0 && !t.isEmpty(); i = text.indexOf(t, i + 1)) {
          masked.replace(i, i + t.length(), " ".repeat(t.length()));
        }
      }
      // two dates are enough to know the element holds several items
      List<DateParser.Match> dates = DateParser.findAll(masked.toString(), zone, 2);
      if (dates.isEmpty()) {
        dates = relative(masked.toString(), zone, reference);
      }
      return new Holder(page, element, text, links, dates);
    }

    /**
     * The URL of the item's headline: the heaviest headline link printed before the time, else
     * the heaviest of all. Links after the time are columns ({@code 22:15 新冠肺炎抗疫戰}).
     */
    String leader() {
      int time = dates.get(0).start();
      Element best = null;
      boolean bestBefore = false;
      for (Element link : links) {
        int at = text.indexOf(page.linkTitle(link));
        boolean before = at >= 0 && at < time;
        int weight = TextNormalizer.weight(page.linkTitle(link));
        if (best == null || (before && !bestBefore)
            || (before == bestBefore && weight > TextNormalizer.weight(page.linkTitle(best)))) {
          best = link;
          bestBefore = before;
        }
      }
      return best == null ? "" : page.headlineUrl(best).orElseThrow();
    }

    Found found(Element a) {
      DateParser.Match date = dates.get(0);
      String section = section(text.substring(date.end()));
      if (section == null) {
        // the column may come between the headline and the time: "headline 欧洲 22:15"
        String title = page.linkTitle(a);
        int titleEnd = text.indexOf(title);
        if (titleEnd >= 0 && titleEnd + title.length() <= date.start()) {
          section = section(text.substring(titleEnd + title.length(), date.start()));
        }
      }
      ListingItem item = new ListingItem(page.linkTitle(a), page.headlineUrl(a).orElseThrow(),
          date.time(), section, Headlines.comments(text));
      return new Found(element, item);
    }
  }

  /** A relative time ({@code 3小時前}), which live lists print rather than a date. */
  private static List<DateParser.Match> relative(String text, ZoneId zone, Instant reference) {
    return RelativeTimes.match(text, reference, zone).map(List::of).orElse(List.of());
  }

  /** The column named right after the time ({@code 22:15 美國一夢 -}), if short enough. */
  static String section(String afterTime) {
    String text = EDGE_PUNCTUATION.matcher(Headlines.withoutComments(afterTime).strip()).replaceAll("");
    String segment = SEGMENT_END.split(text, 2)[0];
    segment = EDGE_PUNCTUATION.matcher(segment).replaceAll("");
    boolean named = !segment.isEmpty() && segment.length() <= MAX_SECTION
        && segment.codePoints().anyMatch(Character::isLetter);
    return named ? segment : null;
  }
}
