package org.gazette.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The general rules of body extraction, each on a small handwritten page. */
class ContentRulesTest {

  private static final String URL = "https://news.example/story";

  private static final String STORY =
      "<p>The council voted on Tuesday, after a long debate, to rebuild the old bridge by the"
          + " river, which has been closed since the floods of last spring.</p>"
          + "<p>Work will start in May, the mayor said, and the bridge should reopen, if all goes"
          + " well, before the end of next year.</p>"
          + "<p>Residents, who have driven a long way round for a year, welcomed the news.</p>";

  private static String body(String html) {
    Document doc = Jsoup.parse(html, URL);
    return new PageExtractor()
        .extractArticle(doc, new PageContext("example", URL, null, null, ZoneOffset.UTC, null))
        .body();
  }

  @Test
  void keepsAStoryWhoseLayoutIsNamedAfterItsSidebar() {
    String html = "<body><div class='layoutTwoColumnsRightSidebar'><div class='main'>" + STORY
        + "</div><div class='sidebar'><a href='/a'>Other news</a></div></div></body>";
    assertThat(body(html)).contains("The council voted on Tuesday")
        .contains("welcomed the news.").doesNotContain("Other news");
  }

  @Test
  void keepsAStoryInsideAPageWideForm() {
    String html = "<body><form id='aspnetForm'><div id='content'>" + STORY
        + "</div></form></body>";
    assertThat(body(html)).contains("The council voted on Tuesday").contains("welcomed the news.");
  }

  @Test
  void stillDropsACommentSectionHoldingMostOfThePage() {
    String comment = "<p>I think, honestly, that this bridge was never needed, and the money, all"
        + " of it, should have gone to the schools instead of this.</p>";
    String html = "<body><div class='story'>" + STORY + "</div><div class='comments'>"
        + comment.repeat(6) + "</div></body>";
    assertThat(body(html)).contains("The council voted on Tuesday").doesNotContain("I think");
  }

  @Test
  void relatedLinksInsideTheStoryDoNotClaimTheStory() {
    String html = "<body><div class='article related-links-enabled'>" + STORY
        + "<ul><li><a href='/news/2024/05/01/other-bridge-story'>Another bridge story that"
        + " closed</a></li><li><a href='/news/2024/05/02/river-floods'>River floods again in"
        + " the spring</a></li></ul></div></body>";
    assertThat(body(html)).contains("The council voted on Tuesday").contains("welcomed the news.");
  }

  @Test
  void mergesSiblingBlocksOfTheSameStory() {
    String lead = "<div class='lead'><p>A short lead, with a comma, that stands on its own"
        + " before the story text begins in earnest.</p></div>";
    String html = "<body><div class='page'>" + lead + "<div class='text'>" + STORY
        + "</div><div class='share'><a href='/s'>Share</a></div></div></body>";
    assertThat(body(html)).startsWith("A short lead").contains("welcomed the news.")
        .doesNotContain("Share");
  }
}
