package org.gazette.extract;

import java.net.URI;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

/**
 * The zone a page most likely writes its local times in, for a crawl with no site configuration
 * and no {@code --time-zone}: from the page's language and region first, then from the host's
 * country-code domain. A guess, so only for countries with one time zone (or one that news sites
 * overwhelmingly use).
 */
public final class ZoneGuess {
  private static final Map<String, String> BY_LANGUAGE_TAG = Map.ofEntries(
      Map.entry("zh-tw", "Asia/Taipei"), Map.entry("zh-hant-tw", "Asia/Taipei"),
      Map.entry("zh-hk", "Asia/Hong_Kong"), Map.entry("zh-hant-hk", "Asia/Hong_Kong"),
      Map.entry("zh-mo", "Asia/Macau"), Map.entry("zh-sg", "Asia/Singapore"),
      Map.entry("zh-cn", "Asia/Shanghai"), Map.entry("zh-hans", "Asia/Shanghai"),
      Map.entry("zh", "Asia/Shanghai"), Map.entry("ja", "Asia/Tokyo"), Map.entry("ko", "Asia/Seoul"),
      Map.entry("de", "Europe/Berlin"), Map.entry("fr-fr", "Europe/Paris"),
      Map.entry("it", "Europe/Rome"), Map.entry("pl", "Europe/Warsaw"),
      Map.entry("nl", "Europe/Amsterdam"), Map.entry("en-gb", "Europe/London"),
      Map.entry("cs", "Europe/Prague"), Map.entry("uk", "Europe/Kyiv"),
      Map.entry("vi", "Asia/Ho_Chi_Minh"), Map.entry("th", "Asia/Bangkok"));
  private static final Map<String, String> BY_TLD = Map.ofEntries(
      Map.entry("cn", "Asia/Shanghai"), Map.entry("tw", "Asia/Taipei"),
      Map.entry("hk", "Asia/Hong_Kong"), Map.entry("mo", "Asia/Macau"),
      Map.entry("sg", "Asia/Singapore"), Map.entry("jp", "Asia/Tokyo"),
      Map.entry("kr", "Asia/Seoul"), Map.entry("de", "Europe/Berlin"),
      Map.entry("at", "Europe/Vienna"), Map.entry("ch", "Europe/Zurich"),
      Map.entry("fr", "Europe/Paris"), Map.entry("it", "Europe/Rome"),
      Map.entry("es", "Europe/Madrid"), Map.entry("pl", "Europe/Warsaw"),
      Map.entry("nl", "Europe/Amsterdam"), Map.entry("uk", "Europe/London"),
      Map.entry("ie", "Europe/Dublin"), Map.entry("cz", "Europe/Prague"),
      Map.entry("in", "Asia/Kolkata"), Map.entry("vn", "Asia/Ho_Chi_Minh"),
      Map.entry("th", "Asia/Bangkok"), Map.entry("nz", "Pacific/Auckland"));

  private static final Evaluator HTML_LANG = PageElements.selector("html[lang]");

  private ZoneGuess() {}

  /** The guessed zone, or empty when neither language nor domain says. */
  public static Optional<ZoneId> of(Document page, String url) {
    Element html = page.selectFirst(HTML_LANG); // asked once per page, the query parsed once
    String lang = html == null ? ""
        : html.attr("lang").trim().toLowerCase(Locale.ROOT).replace('_', '-');
    while (!lang.isEmpty()) {
      String zone = BY_LANGUAGE_TAG.get(lang);
      if (zone != null) {
        return Optional.of(ZoneId.of(zone));
      }
      int dash = lang.lastIndexOf('-');
      lang = dash < 0 ? "" : lang.substring(0, dash);
    }
    try {
      String host = URI.create(url).getHost();
      if (host != null) {
        String tld = host.substring(host.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return Optional.ofNullable(BY_TLD.get(tld)).map(ZoneId::of);
      }
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
