package org.gazette.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gazette.testing.HostileServer.html;

import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.gazette.config.CssQuery;
import org.gazette.config.SiteProfile;
import org.gazette.config.SiteProfile.Region;
import org.gazette.fetch.PrivateAddresses;
import org.gazette.testing.HostileServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, item 3: a crawl follows links by region. Listing items, pagination, hot and related
 * lists and the story's own links are followed; menus, the page header and footer, ads and
 * sponsored links are not, unless the site's {@code follow:} says so. Checked by the requests a
 * loopback server saw.
 */
class LinkRegionsIT {

  private static final String STORY = "<p>" + "Plain words of a plain story, told plainly. "
      .repeat(30) + "</p>";

  @TempDir Path tmp;
  HostileServer server;

  @BeforeEach
  void start() throws Exception {
    server = new HostileServer();
    server.on("/", html("<html><head><title>Front</title></head><body>"
        + "<header class=\"site-header\"><a href=\"/news/from-header\">Header</a></header>"
        + "<nav><a href=\"/news/from-nav\">Nav</a></nav>"
        + "<div class=\"main\"><ul class=\"box\"><li><a href=\"/news/a1\">A1</a></li></ul>"
        + "<div class=\"pagination\"><a href=\"/news/page2\">2</a></div>"
        + "<div class=\"hot\"><a href=\"/news/hot1\">Hot</a></div></div>"
        + "<div class=\"ad-slot\"><a href=\"/news/from-ad\">Ad</a></div>"
        + "<p><a rel=\"sponsored nofollow\" href=\"/news/sponsored\">Offer</a></p>"
        + "<footer><a href=\"/news/from-footer\">Footer</a></footer>"
        + "</body></html>"));
    server.on("/news/a1", html("<html><body><article><header><h1>A1</h1>"
        + "<a href=\"/news/author\">By Someone</a></header>" + STORY
        + "<footer><a href=\"/news/tag\">Tag</a></footer></article>"
        + "<div id=\"related-stories\"><a href=\"/news/rel1\">Related one</a></div>"
        + "<ul class=\"menu\"><li><a href=\"/news/menu\">Menu</a></li></ul>"
        + "</body></html>"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private List<String> crawl(String site, SiteProfile profile) throws Exception {
    URI seed = server.uri("/");
    HostileWebIT.run(HostileWebIT.spec(site, seed, List.of(seed.getHost()), 0, 3,
        PrivateAddresses.ALL, tmp).withProfile(profile));
    return server.targets();
  }

  private static SiteProfile follow(Set<Region> regions) {
    return new SiteProfile(null, null, null, null, null, null, null, null, List.of(), null, null,
        null, null, List.of(), regions);
  }

  @Test
  void followsContentRegionsAndLeavesChromeAlone() throws Exception {
    List<String> requested = crawl("default", SiteProfile.NONE);

    assertThat(requested).contains("/news/a1", "/news/page2", "/news/hot1", "/news/rel1",
        "/news/author", "/news/tag");
    assertThat(requested).doesNotContain("/news/from-header", "/news/from-nav",
        "/news/from-ad", "/news/sponsored", "/news/from-footer", "/news/menu");
  }

  @Test
  void followsNavigationWhenTheSiteSaysSo() throws Exception {
    Set<Region> regions = EnumSet.copyOf(Region.DEFAULT_FOLLOW);
    regions.add(Region.NAVIGATION);

    List<String> requested = crawl("nav", follow(regions));

    assertThat(requested).contains("/news/from-header", "/news/from-nav", "/news/menu",
        "/news/a1");
    assertThat(requested).doesNotContain("/news/from-ad", "/news/from-footer");
  }

  @Test
  void followsOnlyTheListingItemsTheProfileMarks() throws Exception {
    SiteProfile listingOnly = new SiteProfile(null, null, null, null, null, null, null, null,
        List.of(), null, null,
        new SiteProfile.Items(null, CssQuery.parse("ul.box > li"), null, null, null, null, null),
        null, List.of(), Set.of(Region.LISTING));

    List<String> requested = crawl("listing", listingOnly);

    assertThat(requested).filteredOn(t -> t.startsWith("/news/")).containsExactly("/news/a1");
  }
}
