package org.gazette.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a page goes by (its {@code og:site_name} and its host name), to tell them from the
 * headline in a title ({@code Headline | Site}, {@code Site: Headline}) and from the authors (a
 * publisher named where a person should be).
 */
final class SiteNames {

  /**
   * Separators between a headline and the site's name: a bar, dash, bullet, guillemet or colon
   * with spaces around (a colon only after), a bar or {@code ::} even without. A hyphen without
   * spaces joins words ({@code Gigafactory-Kapazität}) and never separates.
   */
  private static final Pattern SEPARATOR =
      Pattern.compile("\\s+[-–—|·•»«~]\\s+|\\s*[|｜]\\s*|\\s*::\\s*|(?<=\\S):\\s+");

  /** Host labels that name the hosting service or nothing, not the site. */
  private static final java.util.Set<String> NOT_NAMES = java.util.Set.of(
      "www", "m", "amp", "mobile", "blog", "blogs", "news", "wordpress", "blogspot", "archive",
      "web", "co", "com", "org", "net");

  /** A host label may have this many letters around it in a part that names the site. */
  private static final int HOST_SLACK = 4;

  private final String site;
  /** og:site_name as lower-case words, one space between: a prefix of it must end a word. */
  private final String siteWords;
  private final List<String> hostLabels;
  private final String host;
  /** Names learnt from the page itself (a logo heading), as letters. */
  private final List<String> others = new ArrayList<>();

  private SiteNames(String site, String siteWords, String host, List<String> hostLabels) {
    this.site = site;
    this.siteWords = siteWords;
    this.host = host;
    this.hostLabels = hostLabels;
  }

  private SiteNames(String site, String host) {
    this.site = letters(site);
    this.siteWords = words(site);
    this.host = letters(host);
    this.hostLabels = new ArrayList<>();
    String[] labels = host.split("\\.");
    // the last label is the top-level domain: "de" names no site
    for (int i = 0; i < labels.length - 1; i++) {
      String label = letters(labels[i]);
      if (label.length() >= 3 && !NOT_NAMES.contains(label)) {
        hostLabels.add(label);
      }
    }
  }

  /** The names of the page: og:site_name and the host of its canonical or own URL. */
  static SiteNames of(PageElements page) {
    String site = PageMeta.meta(page, "og:site_name").map(TextNormalizer::normalize).orElse("");
    return new SiteNames(site, host(page));
  }

  /** For tests: a site name and a host. */
  static SiteNames of(String site, String host) {
    return new SiteNames(site == null ? "" : site, host == null ? "" : host);
  }

  private static String host(PageElements page) {
    List<String> urls = new ArrayList<>();
    String canonical = PageMeta.canonical(page);
    if (canonical != null) {
      urls.add(canonical);
    }
    PageMeta.meta(page, "og:url").ifPresent(urls::add);
    urls.add(page.document().location());
    for (String url : urls) {
      try {
        String h = new URI(url.strip()).getHost();
        if (h != null && !h.isBlank()) {
          return h.toLowerCase(Locale.ROOT);
        }
      } catch (java.net.URISyntaxException | IllegalArgumentException bad) {
        // a broken URL names no host: try the next
      }
    }
    return "";
  }

  /**
   * True if the text is the site's name: og:site_name in other case or spacing, or the host
   * name ({@code Battery-News.de}, {@code heizung.de}, {@code Der Nesselsetzer} on
   * {@code nesselsetzer.wordpress.com}).
   */
  boolean isSiteName(String text) {
    String p = letters(text);
    if (p.isEmpty()) {
      return false;
    }
    // the first words of the site's name ("Berliner" of "Berliner Morgenpost"), never the
    // start of a word: a kicker "Berlin:" is the headline's
    if (!site.isEmpty() && (p.equals(site)
        || (p.length() >= 4 && (siteWords + " ").startsWith(words(text) + " ")))) {
      return true;
    }
    if (others.contains(p)) {
      return true;
    }
    if (!host.isEmpty() && (p.equals(host) || host.equals("www" + p))) {
      return true;
    }
    for (String label : hostLabels) {
      if (p.equals(label)) {
        return true;
      }
      // a few letters more: the top-level domain ("finanzcheck.de"), an article ("Der ...")
      if (label.length() >= 5 && p.length() <= label.length() + HOST_SLACK
          && (p.startsWith(label) || p.endsWith(label))) {
        return true;
      }
    }
    return false;
  }

  /** These names and one more, found on the page. */
  SiteNames with(String name) {
    SiteNames more = new SiteNames(site, siteWords, host, hostLabels);
    more.others.addAll(others);
    more.others.add(letters(name));
    return more;
  }

  /**
   * The title without the site's name before or after it: {@code Headline - Site.de},
   * {@code Site: Headline}, {@code Headline | Section | Site}. Only parts that name the site go;
   * a headline with a dash in it stays whole. The headline itself is never cut to nothing.
   */
  String strip(String title) {
    if (title == null || title.isEmpty()) {
      return title == null ? "" : title;
    }
    List<int[]> seps = new ArrayList<>();
    Matcher m = SEPARATOR.matcher(title);
    while (m.find()) {
      if (m.start() > 0 && m.end() < title.length()) {
        seps.add(new int[] {m.start(), m.end()});
      }
    }
    int start = 0;
    int end = title.length();
    int first = 0;
    int last = seps.size() - 1;
    // from the end: "Headline - Site", "Headline | Section | Site" loses only the site
    while (last >= first && isSiteName(title.substring(seps.get(last)[1], end))) {
      end = seps.get(last)[0];
      last--;
    }
    while (first <= last && isSiteName(title.substring(start, seps.get(first)[0]))) {
      start = seps.get(first)[1];
      first++;
    }
    return title.substring(start, end).strip();
  }

  /** The letters and digits of the text, lower case. */
  /** The words of the text, lower case, one space between. */
  static String words(String s) {
    return String.join(" ", s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).strip();
  }

  static String letters(String s) {
    StringBuilder kept = new StringBuilder(s.length());
    s.codePoints().filter(Character::isLetterOrDigit)
        .forEach(cp -> kept.appendCodePoint(Character.toLowerCase(cp)));
    return kept.toString();
  }
}
