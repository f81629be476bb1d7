package org.gazette.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gazette.discover.Fixtures.bytes;
import static org.gazette.discover.Fixtures.uri;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class FeedLinksTest {

  @Test
  void findsTheAnnouncedRssAndAtomFeeds() throws IOException {
    Document page = load("page-with-feed-links.html", "https://news.example.com/world/index.html");

    assertThat(FeedLinks.find(page)).containsExactly(
        uri("https://news.example.com/rss/world.xml"),
        uri("https://news.example.com/atom/world.xml"),
        uri("https://news.example.com/world/comments.rss"),
        uri("https://feeds.example-cdn.com/world.xml"));
  }

  @Test
  void resolvesAgainstTheBaseHref() throws IOException {
    Document page = load("page-with-base-href.html", "https://www.example.com/news/");

    assertThat(FeedLinks.find(page))
        .containsExactly(uri("https://static.example.com/feeds/world.xml"));
  }

  @Test
  void aPageWithoutAnnouncementsHasNoFeeds() throws IOException {
    Document page = load("html-error-page.html", "https://news.example.com/missing");

    assertThat(FeedLinks.find(page)).isEmpty();
  }

  private static Document load(String name, String url) throws IOException {
    return Jsoup.parse(new ByteArrayInputStream(bytes(name)), "UTF-8", url);
  }
}
