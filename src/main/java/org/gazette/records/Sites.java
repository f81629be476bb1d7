package org.gazette.records;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.gazette.config.GazetteConfig;
import org.gazette.config.SiteConfig;

/**
 * The site whose rules make the record of a page read back from an archive or a file:
 *
 * <ol>
 *   <li>the site named with {@code --site}, for every page;
 *   <li>else the configured site whose {@code hosts} hold the URL's host (when several do: the
 *       one named like the folder holding the WARC file, as in {@code warc/<site>/}, else the
 *       first by name, with a warning);
 *   <li>else a site without configuration named after the host, as {@code gazette crawl --seed}
 *       names one: no URL patterns, times in a zone guessed per page;
 *   <li>for an HTML file without a URL: no site ({@code "site": null}), generic rules.
 * </ol>
 *
 * A time zone given with {@code --time-zone} replaces every site's. Not thread-safe.
 */
public final class Sites {
  private final GazetteConfig global;
  private final SiteConfig chosen;
  private final ZoneId zone;
  private final Consumer<String> warnings;
  private final Map<String, SiteRules> cache = new HashMap<>();

  /**
   * @param global the configuration whose sites are looked in
   * @param siteName the site for every page (--site), or null to choose per URL
   * @param zone the zone for every page (--time-zone), or null for the sites' own
   * @param warnings told when a host belongs to several sites
   * @throws IllegalArgumentException if {@code siteName} is not a configured site
   */
  public Sites(GazetteConfig global, String siteName, ZoneId zone, Consumer<String> warnings) {
    this.global = global;
    this.zone = zone;
    this.warnings = warnings;
    if (siteName == null) {
      chosen = null;
    } else {
      chosen = global.sites().get(siteName);
      if (chosen == null) {
        throw new IllegalArgumentException("no site '" + siteName + "' in the config (sites: "
            + String.join(", ", global.sites().keySet()) + ")");
      }
    }
  }

  /**
   * The rules for a page fetched from {@code url}.
   *
   * @param warcFile the WARC file it was read from, or null
   */
  public SiteRules forUrl(String url, Path warcFile) {
    if (chosen != null) {
      return zoned(SiteRules.of(chosen));
    }
    String host = SiteRules.host(url);
    if (host == null) {
      return forFile();
    }
    String folder = warcFile == null || warcFile.toAbsolutePath().getParent() == null ? ""
        : warcFile.toAbsolutePath().getParent().getFileName().toString();
    return cache.computeIfAbsent(host + " " + folder, key -> choose(host, url, folder));
  }

  /** The rules for an HTML file read without a URL: the --site one, else generic and unnamed. */
  public SiteRules forFile() {
    return chosen != null ? zoned(SiteRules.of(chosen)) : SiteRules.generic(null, zone);
  }

  private SiteRules choose(String host, String url, String folder) {
    List<SiteConfig> claiming = global.sites().values().stream()
        .filter(s -> s.hosts().contains(host))
        .toList(); // sorted by name, as global.sites() is
    if (claiming.size() == 1) {
      return zoned(SiteRules.of(claiming.get(0)));
    }
    if (claiming.size() > 1) {
      SiteConfig pick = claiming.stream().filter(s -> s.name().equals(folder)).findFirst()
          .orElse(claiming.get(0));
      if (!pick.name().equals(folder)) {
        warnings.accept("host " + host + " is in the hosts of sites "
            + String.join(", ", claiming.stream().map(SiteConfig::name).toList()) + "; using "
            + pick.name() + " (choose one with --site)");
      }
      return zoned(SiteRules.of(pick));
    }
    return SiteRules.generic(genericName(url), zone);
  }

  private SiteRules zoned(SiteRules rules) {
    return zone == null ? rules : rules.withTimeZone(zone);
  }

  /** The name gazette crawl gives a site of bare seeds: the host ({@link SiteConfig#forSeeds}). */
  private String genericName(String url) {
    try {
      return SiteConfig.forSeeds(List.of(new URI(url)), global).name();
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }
}
