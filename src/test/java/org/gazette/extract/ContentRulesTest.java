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
    return record(html).body();
  }

  private static ArticleRecord record(String html) {
    Document doc = Jsoup.parse(html, URL);
    return new PageExtractor()
        .extractArticle(doc, new PageContext("example", URL, null, null, ZoneOffset.UTC, null));
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
  @Test
  void widensToTheBlockHoldingAStorySplitIntoSameShapedBlocks() {
    String part = "<div class='paragraph'><div>%s</div></div>";
    String html = "<body><div class='menu'><a href='/a'>Home</a> <a href='/b'>News</a></div>"
        + "<div class='article'>"
        + String.format(part, "<p>The council voted on Tuesday, after a long debate, to rebuild"
            + " the old bridge by the river, which has been closed since the floods.</p>"
            + "<p>Work will start in May, the mayor said, and the bridge should reopen soon.</p>")
        + "<div class='ad'><a href='/ad'>Buy now</a></div>"
        + String.format(part, "<p>Residents, who have driven a long way round for a year,"
            + " welcomed the news.</p>")
        + "<div class='list'><ul><li>New deck, of steel and wood</li>"
        + "<li>Two lanes and a cycle path</li></ul></div>"
        + "</div></body>";
    assertThat(body(html)).contains("The council voted on Tuesday")
        .contains("welcomed the news.").contains("Two lanes and a cycle path")
        .doesNotContain("Buy now").doesNotContain("Home");
  }

  @Test
  void widensOverALeadInASeparateBlockButNotOverLinkLists() {
    String html = "<body><div class='story'><div class='intro'><p>A lead, with a comma, that"
        + " stands on its own above the text.</p></div><div class='text'>" + STORY
        + "</div></div><div class='teasers'>"
        + "<a href='/news/2024/05/01/one'>One other story of the day, which is long enough</a>"
        + "<a href='/news/2024/05/01/two'>Two other stories of the day, which are long</a>"
        + "</div></body>";
    assertThat(body(html)).startsWith("A lead, with a comma").contains("welcomed the news.")
        .doesNotContain("other story");
  }

  @Test
  void dropsABylineTheWiderBlockBringsIn() {
    String html = "<body><article><h1>Bridge to be rebuilt</h1>"
        + "<p class='meta'>By Anna Weber · May 3, 2024</p><p class='lead'>A short lead, with a"
        + " comma, that stands above the story.</p><div class='text'>" + STORY
        + "</div></article></body>";
    assertThat(body(html)).contains("A short lead").contains("welcomed the news.")
        .doesNotContain("Anna Weber");
  }
  @Test
  void dropsALabelThatHeadsOnlyLinks() {
    String html = "<body><div class='story'>" + STORY + "<h3>Weitere Themen</h3><ul>"
        + "<li><a href='/x/1'>Ferry service to resume in June</a></li>"
        + "<li><a href='/x/2'>New cycle lanes for the old town</a></li></ul>"
        + "<p>Short final word</p></div></body>";
    assertThat(body(html)).contains("welcomed the news.").doesNotContain("Weitere Themen")
        .endsWith("Short final word");
  }
  @Test
  void skipsCaptionsAndCreditsMarkedByClass() {
    String html = "<body><div class='story'><div class='wp-caption'><img src='/b.jpg'>"
        + "<p class='wp-caption-text'>The old bridge, closed since spring</p></div>" + STORY
        + "<span class='photoCredit'>Photo: Jane Doe</span></div></body>";
    assertThat(body(html)).contains("The council voted on Tuesday")
        .contains("welcomed the news.").doesNotContain("closed since spring")
        .doesNotContain("Jane Doe");
  }
  @Test
  void dropsShortFragmentsTheWiderBlockBringsInButKeepsHeadingsAndItems() {
    String html = "<body><article><div class='lead'><p>A short lead, with a comma, that"
        + " stands on its own above the story text.</p></div><div>Externer Inhalt</div>"
        + "<h2>What happens next</h2><ul><li>Two lanes</li><li>A cycle path</li></ul>"
        + "<div class='text'>" + STORY + "<p>Short final word</p></div>"
        + "<div><span>Foto: Jane Doe</span></div><div>Mit Freunden teilen</div></article></body>";
    assertThat(body(html)).startsWith("A short lead").contains("What happens next")
        .contains("Two lanes").contains("A cycle path").contains("welcomed the news.")
        .endsWith("Short final word").doesNotContain("Externer Inhalt")
        .doesNotContain("Jane Doe").doesNotContain("Mit Freunden");
  }

  @Test
  void skipsConsentPopupAndWidgetBlocksByName() {
    String html = "<body><div class='story'>" + STORY
        + "<div class='cookie-notice'><p>We use cookies, as most sites do, to give you the best"
        + " experience on our website, and to measure how it is used.</p></div>"
        + "<div class='newsletterModal'><p>Get the news, every morning, in your inbox: sign up"
        + " now, it is free and you can leave at any time.</p></div>"
        + "<div id='donate-cta'><p>Support local journalism, which costs money, with a gift of"
        + " any size today.</p></div></div></body>";
    assertThat(body(html)).contains("The council voted on Tuesday")
        .contains("welcomed the news.").doesNotContain("cookies").doesNotContain("inbox")
        .doesNotContain("journalism");
  }

  @Test
  void dropsLabelsHeadingFragmentsOrNothingOutsideTheContainer() {
    String html = "<body><article><div class='lead'><p>A short lead, with a comma, that"
        + " stands on its own above the story text.</p></div><div class='text'>" + STORY
        + "<p>Short final word</p></div><h3>Auch interessant</h3><div>Neue Brücke im Norden</div>"
        + "<div>12.05.2024</div><h3>Kommende Events</h3></article></body>";
    assertThat(body(html)).startsWith("A short lead").endsWith("Short final word")
        .doesNotContain("Auch interessant").doesNotContain("Kommende Events");
  }

  @Test
  void dropsTeaserSummariesAfterLinkedHeadlinesOutsideTheContainer() {
    String html = "<body><article><div class='lead'><p>A short lead, with a comma, that"
        + " stands on its own above the story text.</p></div><div class='text'>" + STORY
        + "</div><div class='more'><h4><a href='/news/ferry'>Ferry service to resume in June"
        + " after the long winter break</a></h4><p>The ferry, which stopped in October, will"
        + " sail again, twice a day, from the first of June.</p></div></article></body>";
    assertThat(body(html)).startsWith("A short lead").endsWith("welcomed the news.")
        .doesNotContain("The ferry, which stopped");
  }

  @Test
  void takesTheJsonLdArticleBodyWhenThePageShowsMuchLess() {
    String ld = "<script type='application/ld+json'>{\"@type\":\"NewsArticle\","
        + "\"headline\":\"Bridge\",\"articleBody\":\"The council voted on Tuesday, after a"
        + " long debate, to rebuild the old bridge.\\nWork will start in May, the mayor said,"
        + " and the bridge should reopen, if all goes well, before the end of next year."
        + "\\nResidents, who have driven a long way round for a year, welcomed the news.\"}"
        + "</script>";
    String html = "<head>" + ld + "</head><body><div class='story'><p>The council voted on"
        + " Tuesday, after a long debate, to rebuild the old bridge.</p></div></body>";
    assertThat(body(html)).startsWith("The council voted on Tuesday")
        .endsWith("welcomed the news.").contains("\n\nWork will start in May");
    assertThat(record(html).extractor()).isEqualTo("json-ld"); // the path that gave the body
    String same = "<head>" + ld + "</head><body><div class='story'>" + STORY + "</div></body>";
    assertThat(body(same)).isEqualTo(body("<body><div class='story'>" + STORY + "</div></body>"));
    assertThat(record(same).extractor()).isEqualTo("generic");
  }

  @Test
  void keepsListItemsThatLinksFollow() {
    String html = "<body><div class='story'>" + STORY + "<ul><li>6 Eier</li><li>200 g Zucker</li>"
        + "<li><a href='/zutaten/mehl'>Mehl, Type 405</a></li></ul></div></body>";
    assertThat(body(html)).contains("6 Eier").contains("200 g Zucker");
  }

  @Test
  void keepsALinkLineWritingOutAnAddress() {
    String html = "<body><div class='story'>" + STORY
        + "<p>The petition, signed by many, is online:</p>"
        + "<p><a href='https://petition.example/bridge'>https://petition.example/bridge</a></p>"
        + "<p>The council, which meets every month, answers questions from residents.</p>"
        + "<p>Mail: <a href='mailto:info@bridge.example'>info@bridge.example</a></p>"
        + "<p>The first stone will be laid, the mayor said, in the presence of the press.</p>"
        + "<p><a href='/news/ferry'>Ferry service to resume in June</a></p></div></body>";
    assertThat(body(html)).contains("https://petition.example/bridge")
        .contains("info@bridge.example").doesNotContain("Ferry service");
  }

  @Test
  void dropsCreditAndCaptionLinesNoClassMarks() {
    String html = "<body><div class='story'><p><img src='/b.jpg'></p><p>Foto: Jane Doe</p>"
        + STORY + "<p>The old bridge in winter. (Photo: Getty)</p><p>Abbildung 2: Der Plan"
        + " der neuen Brücke</p><p>© 2024 News Example</p></div></body>";
    assertThat(body(html)).contains("The council voted on Tuesday")
        .contains("welcomed the news.").doesNotContain("Jane Doe").doesNotContain("Getty")
        .doesNotContain("Abbildung").doesNotContain("News Example");
  }

  /** A label inside a sentence, or a source after a long sentence, is the story's text. */
  @Test
  void keepsSentencesThatOnlyMentionACreditOrASource() {
    String[] sentences = {
      "Der Bürgermeister (Foto: dpa) eröffnete die Brücke am Dienstag vor hunderten Zuschauern.",
      "Die Arbeitslosenquote stieg im März auf 6,1 Prozent, im Vorjahr lag sie noch deutlich"
          + " darunter, wie die Statistiker mitteilten. Quelle: Bundesagentur für Arbeit.",
      "Das Buch „Die Brücke“ ist im Verlag Beispiel erschienen, © 2023, 320 Seiten, 24 Euro."};
    for (String sentence : sentences) {
      String html = "<body><div class='story'>" + STORY + "<p>" + sentence + "</p></div></body>";
      assertThat(body(html)).as(sentence).contains(sentence.substring(0, 30));
    }
    String caption = "<body><div class='story'>" + STORY + "<p>Lee Elder war mit Talent"
        + " gesegnet. | © Augusta National/Getty Images</p></div></body>";
    assertThat(body(caption)).doesNotContain("Getty");
  }

  @Test
  void skipsBoxesSetIntoTheStory() {
    String html = "<body><div class='story'>" + STORY + "<div class='infobox'><p>Bridges in"
        + " the region, old and new, listed in our dossier.</p></div><div class='callout'><p>The"
        + " latest on bridges, from the council and beyond.</p></div><p>Short final word</p>"
        + "</div></body>";
    assertThat(body(html)).contains("The council voted on Tuesday").endsWith("Short final word")
        .doesNotContain("dossier").doesNotContain("latest on bridges");
  }

  @Test
  void readsATeaserNamedLeadButNotTheTeasersAfterTheStory() {
    String html = "<body><article><h1>Bridge to be rebuilt</h1><div class='teaser-text'><p>A"
        + " short lead, with a comma, that stands on its own above the story text and tells"
        + " what the story is about.</p></div>"
        + "<div class='text'>" + STORY + "</div><div class='teaser'><p>The ferry, which stopped"
        + " in October, will sail again, twice a day, from the first of June. <a href='/ferry'>"
        + "More</a></p></div></article></body>";
    assertThat(body(html)).startsWith("A short lead").endsWith("welcomed the news.")
        .doesNotContain("The ferry");
  }

  /** A teaser-named block is another story's when it links to it; the story's own lead does not. */
  @Test
  void keepsATeaserNamedLeadInsideTheStoryAndDropsALinkingTeaserBeforeIt() {
    String html = "<body><article><h1>Bridge to be rebuilt</h1><div class='teaser'><p>The ferry,"
        + " which stopped in October, will sail again, twice a day. <a href='/ferry'>More</a></p>"
        + "</div><div class='text'><p class='article-teaser'>A short lead, with a comma, that"
        + " stands on its own above the story text and tells what the story is about.</p>"
        + STORY + "</div><aside class='teaser'><p>An aside, with a comma, that is no part of the"
        + " story, however much it reads like one.</p></aside></article></body>";
    assertThat(body(html)).startsWith("A short lead").endsWith("welcomed the news.")
        .doesNotContain("The ferry").doesNotContain("An aside");
  }

  /**
   * Landing and "about" pages are built of full-width sections, children of the body: the
   * prose sections after the story's continue it; the footer ends them, and a banner before the
   * headline is not read.
   */
  @Test
  void joinsThePageSectionsThatContinueTheStory() {
    String html = "<body><div class='notice-bar'><p>We use small files to make this site work,"
        + " and by staying here, you agree to it.</p></div>"
        + "<section class='intro'><h1>Bridge to be rebuilt</h1><div class='text'>" + STORY
        + "</div></section><section class='plans'><h2>How the bridge will look</h2><p>The new"
        + " bridge, designed by a local firm, will have two lanes, a cycle path and a footpath"
        + " on each side, and lamps along its whole length.</p></section>"
        + "<footer><p>News Example, 1 Main Street, all rights reserved, since 1901.</p></footer>"
        + "</body>";
    assertThat(body(html)).contains("The council voted on Tuesday")
        .endsWith("lamps along its whole length.").doesNotContain("small files")
        .doesNotContain("Main Street");
  }

  /**
   * A page whose only paragraphs are in comment-named blocks is a forum thread: the comments
   * are its text. A post of short lines, none heavy enough to vote, is read too.
   */
  @Test
  void readsPagesWhereNoStoryBlockVotes() {
    String post = "<p>Since the update, none of my devices can reach the store, though mobile"
        + " data is allowed, and I changed nothing, as far as I know.</p>";
    String thread = "<body><div class='menu'><a href='/a'>Forum</a> <a href='/b'>Help</a></div>"
        + "<div class='comment-first'><div class='comment-text'>" + post + "</div></div></body>";
    assertThat(body(thread)).contains("none of my devices can reach the store");
    String notes = "<body><article><h1>Our cameras</h1><div class='entry'><h3>Cameras</h3>"
        + "<p>Shuji: Pentax Z-1</p><p>Walter: Leica M6</p><h3>Film</h3><p>Fuji X-TRA 400.</p>"
        + "</div></article></body>";
    assertThat(body(notes)).contains("Shuji: Pentax Z-1").contains("Fuji X-TRA 400.");
  }

  /**
   * In a story told in paragraphs, a short line written straight into a template's named div
   * is a box (a print button, a view counter); an editor's own bare div is the story's.
   */
  @Test
  void dropsShortLinesOfNamedDivsInAStoryOfParagraphs() {
    String html = "<body><div class='story'>" + STORY
        + "<div class='print-button'>Print this page</div>"
        + "<p>The bridge, once rebuilt, will carry up to ten thousand cars a day.</p>"
        + "<div>An editor's line, typed into a bare div, with a comma.</div>"
        + "<div class='post-views'>Views: 184</div></div></body>";
    assertThat(body(html)).contains("The council voted on Tuesday")
        .contains("ten thousand cars").contains("An editor's line")
        .doesNotContain("Print this page").doesNotContain("Views: 184");
  }

  @Test
  void leavesOutTheReadingsOfRubyAnnotations() {
    String html = "<body><article><h1>新しい法律</h1>"
        + "<p><ruby>虐待<rp>(</rp><rt>ぎゃくたい</rt><rp>)</rp></ruby>をなくすための<ruby>法律"
        + "<rt>ほうりつ</rt></ruby>ができて、親が子どもを教育するために、たたくことはいけないと"
        + "決まりました。この法律は来年の四月から始まります。国は親を支えるための計画も作ります。</p>"
        + "<p>専門家は、子どもの育て方を親に教えることが大切だと話しています。"
        + "町の相談所も、親の相談をもっと受けることにしています。</p></article></body>";
    assertThat(body(html)).startsWith("虐待をなくすための法律ができて、")
        .doesNotContain("ぎゃくたい").doesNotContain("ほうりつ").doesNotContain("(");
  }

  /** A headline of a front page, with its time and comment count, as an item of its list. */
  private static String headline(int n) {
    return "<li><h3><a href='/news/2024/05/0" + n + "/story'>Council approves a new budget for"
        + " the harbour district, part " + n + "</a></h3><time datetime='2024-05-0" + n
        + "T10:00:00Z'>May " + n + ", 2024</time> <a href='/news/2024/05/0" + n
        + "/story#comments'>" + n + " comments</a></li>";
  }

  @Test
  void aFrontPageWithALatestCommentsWidgetStaysAListing() {
    StringBuilder html = new StringBuilder("<html><head><title>Harbour News</title></head><body>"
        + "<main><h1>Harbour News</h1><ul class='headlines'>");
    for (int n = 1; n <= 8; n++) {
      html.append(headline(n));
    }
    html.append("</ul><div class='wp-block-group'><h2>Latest comments</h2>"
        + "<ol class='wp-block-latest-comments'>");
    for (int n = 1; n <= 6; n++) {
      html.append("<li class='wp-block-latest-comments__comment'><article><footer><a href='/u/")
          .append(n).append("'>Reader ").append(n).append("</a></footer>"
              + "<div class='wp-block-latest-comments__comment-excerpt'><p>I honestly think, after"
              + " reading this twice, that the council has got it wrong again, and that the"
              + " people of the harbour will pay for it, as always.</p></div></article></li>");
    }
    html.append("</ol></div></main></body></html>");
    // the comments are read only as the body of a page known to be an article
    assertThat(new PageExtractor().classify(Jsoup.parse(html.toString(), URL)))
        .isEqualTo(PageKind.LISTING);
  }

  @Test
  void keepsTextWrittenStraightIntoTheStorysOwnNamedDiv() {
    String paragraph = "<p>The council voted on Tuesday, after a long debate, to rebuild the old"
        + " bridge by the river, which has been closed since the floods of last spring.</p>";
    String html = "<body><h1>Bridge to be rebuilt</h1><div class='article-text'>HARBOURTOWN (AP)"
        + " — The bridge will be rebuilt, the council said." + paragraph.repeat(4)
        + "Residents welcomed the news on Wednesday.<br><br>Critics said the money should go to"
        + " schools." + paragraph + "</div></body>";
    assertThat(body(html)).startsWith("HARBOURTOWN (AP)")
        .contains("Residents welcomed the news on Wednesday.")
        .contains("Critics said the money should go to schools.");
  }

  @Test
  void aPaywallOrADialogAfterTheStoryIsNoSectionOfIt() {
    String paragraph = "<p>The council voted on Tuesday, after a long debate, to rebuild the old"
        + " bridge by the river, which has been closed since the floods of last spring.</p>";
    String prose = "<p>Work will start in May, the mayor said, and the bridge should reopen, if all"
        + " goes well, before the end of next year, at a cost of some four million.</p>";
    String html = "<body><div class='hero'><h1>Bridge to be rebuilt</h1></div>"
        + "<div class='story'>" + paragraph.repeat(5) + "</div>"
        + "<div class='paywall-inline'><p>To continue reading this story, and every other story"
        + " on the site, create a free account. It only takes a minute, and you can cancel at"
        + " any time. <a href='/login'>Sign in</a></p></div>"
        + "<div id='qc-cmp2-container' role='dialog'><p>We value your privacy. We and our"
        + " partners store and/or access information on a device, such as cookies, and process"
        + " personal data for personalised ads and content.</p><button>AGREE</button></div>"
        + "<div class='more'>" + prose + "</div>"
        + "<div class='bottom'><a href='/a'>About</a> <a href='/b'>Contact</a></div></body>";
    assertThat(body(html)).contains("The council voted on Tuesday")
        .doesNotContain("To continue reading").doesNotContain("We value your privacy")
        .doesNotContain("Work will start in May"); // past the dialog, no section joins
  }

  /** STORY's text as one paragraph, as a copy for search engines gives it. */
  private static final String STORY_TEXT = STORY.replace("</p><p>", " ").replace("<p>", "")
      .replace("</p>", "");

  private static final String STORY_PARAGRAPHS = STORY.replace("</p><p>", "\n\n")
      .replace("<p>", "").replace("</p>", "");

  private static String hiddenCopy(String articleBody) {
    return "<div style='display: none;' itemscope itemtype='http://schema.org/NewsArticle'>"
        + "<div itemprop='headline'>Council votes to rebuild the bridge</div>"
        + "<div itemprop='keywords'>Bridge rebuilding,River floods,Council votes,Local politics,"
        + "Infrastructure spending,Roads and bridges,Transport</div>"
        + "<div itemprop='image' itemscope><span itemprop='url'>"
        + "https://news.example/images/bridge-500-250.jpg</span></div>"
        + "<div itemprop='datePublished'>2024-05-07T08:57:40+01:00</div>"
        + "<div itemprop='articleBody'>" + articleBody + "</div></div>";
  }

  @Test
  void dropsTheHiddenCopyOfTheStoryKeptForSearchEngines() {
    String html = "<body><article><h1>Council votes to rebuild the bridge</h1>"
        + "<div class='story'>" + STORY + "</div>" + hiddenCopy(STORY_TEXT) + "</article></body>";
    assertThat(body(html)).isEqualTo(STORY_PARAGRAPHS);
  }

  @Test
  void keepsTheTextOfAHiddenCopyButNotItsUrlsAndKeywords() {
    // the copy is the only place the whole story is told: its text is the body, its metadata not
    String shown = STORY.substring(0, STORY.indexOf("<p>Work will start"));
    String html = "<body><article><h1>Council votes to rebuild the bridge</h1>"
        + "<div class='story'>" + shown + "</div>" + hiddenCopy(STORY_TEXT) + "</article></body>";
    assertThat(body(html)).endsWith(STORY_TEXT).doesNotContain("bridge-500-250.jpg")
        .doesNotContain("Council votes,").doesNotContain("08:57:40");
  }

  @Test
  void givesASentencePrintedTwiceInARowOnce() {
    String summary = "<p>Our top picks for events, shows and fun for the month of October.</p>";
    String table = "<table><tr><td>Wins</td><td>0</td><td>0</td></tr></table>";
    String html = "<body><div class='story'>" + summary + summary + STORY + table
        + "</div></body>";
    String body = body(html);
    assertThat(body.split("Our top picks", -1)).hasSize(2);
    assertThat(body).contains("0\n\n0");
  }

  @Test
  void keepsLinesTheStoryRepeatsOnPurpose() {
    // a meal plan gives the same meal on several days; a pull quote repeats a sentence
    String meal = "<p>Breakfast: one cup of oats, half a cup of blueberries, a spoon of honey and"
        + " a glass of milk.</p>";
    String quote = "<p>Work will start in May, the mayor said.</p>";
    String html = "<body><div class='story'>" + STORY + "<h2>Monday</h2>" + meal
        + "<h2>Tuesday</h2>" + meal + quote + "</div></body>";
    String body = body(html);
    assertThat(body.split("Breakfast: one cup of oats", -1)).hasSize(3);
    assertThat(body).endsWith("Work will start in May, the mayor said.");
  }

  @Test
  void dropsACallToActionBoxHoweverMuchProseItHolds() {
    String letter = "<p>Most of our work begins when readers ask us whether something is true, and"
        + " those questions send our reporters out to check claims of every kind.</p>";
    // the letter is plain prose (kept so, whatever its class, if the class did not say cta)
    String html = "<body><div class='story'>" + STORY.repeat(12)
        + "<div class='zone-widget custom-cta-letter'><h5>A Word to Our Loyal Readers</h5>"
        + letter.repeat(12) + "</div></div></body>";
    assertThat(body(html)).endsWith("welcomed the news.").doesNotContain("Loyal Readers");
  }

  @Test
  void dropsTheBreakingNewsBarAboveTheStory() {
    String item = "<li><a href='/news/other-%d'>Minister resigns over the budget row number %d</a>"
        + "<span>LONDON: The minister, who had been in office for two years, resigned on Monday"
        + " after a long row over the budget and its cuts to...</span></li>";
    StringBuilder bar = new StringBuilder("<div class='breaking-news'><b>Breaking News</b><ul>");
    for (int i = 1; i <= 3; i++) {
      bar.append(item.formatted(i, i));
    }
    String html = "<body><div class='main-content'>" + bar + "</ul></div>" + STORY.repeat(3)
        + "</div></body>";
    assertThat(body(html)).startsWith("The council voted on Tuesday")
        .doesNotContain("Minister resigns");
  }

  @Test
  void dropsTheCaptionUnderAnImageInABoxNamedForIt() {
    String html = "<body><div class='story'><h1>Council votes to rebuild the bridge</h1>"
        + "<div class='image top'><img src='/bridge.jpg' alt=''><p>In this May 12, 2023, file"
        + " photo, made available by the council, workers inspect the old bridge by the river"
        + " after the floods.</p></div>" + STORY + "</div></body>";
    assertThat(body(html)).startsWith("The council voted on Tuesday")
        .doesNotContain("file photo");
  }

  @Test
  void keepsTheLeadInAHeadlineBoxWithAnImage() {
    // a "hero" post: headline, lead and author picture in a box named for its featured image
    String html = "<body><div class='story'><div class='with-featured-image hero-post'>"
        + "<h1>Bridge to be rebuilt</h1><p>The town council has decided, after a year of"
        + " debate, to rebuild the bridge.</p><img src='/author.jpg' alt=''></div>" + STORY
        + "</div></body>";
    assertThat(body(html)).startsWith("The town council has decided");
  }

  @Test
  void dropsOtherStoriesUnderARelatedHeadingEvenWithoutLinks() {
    String teaser = "<article><p>Life asks us for optimism and courage, to hope for the best and"
        + " to make the best happen; pessimism only stiffens the smile and keeps everyone in"
        + " place, and what we need to learn is not to complain.</p></article>";
    String html = "<body><article><h1>Council votes to rebuild the bridge</h1>"
        + STORY.repeat(3) + "</article><div class='postbox'><h3>Voc\u00ea pode gostar...</h3>"
        + teaser.repeat(2) + "</div></body>";
    assertThat(body(html)).endsWith("welcomed the news.").doesNotContain("Life asks us");
  }

  @Test
  void tellsRelatedHeadingsFromHeadingsOfTheStory() {
    for (String label : java.util.List.of("You may also like", "Voc\u00ea pode gostar...",
        "Leggi anche:", "\u00c0 lire aussi", "Related posts", "\u76f8\u5173\u9605\u8bfb",
        "Te puede interesar", "More from The Courier")) {
      assertThat(ClosingCalls.isRelatedLabel(label)).as(label).isTrue();
    }
    for (String heading : java.util.List.of("You may also like this bridge, says the mayor",
        "Related to the floods", "Most popular bridges in Europe", "Recommended changes",
        "More from the council on Tuesday about the bridge and its costs")) {
      assertThat(ClosingCalls.isRelatedLabel(heading)).as(heading).isFalse();
    }
  }

  @Test
  void keepsTheStoryAfterARelatedBoxSetIntoIt() {
    String html = "<body><article><h1>Council votes to rebuild the bridge</h1>"
        + STORY.replace("<p>Residents", "<div><h2>Auch interessant</h2><ul><li><a"
            + " href='/other'>Another bridge closes</a></li></ul></div><p>Residents")
        + "</article></body>";
    assertThat(body(html)).endsWith("welcomed the news.").doesNotContain("Another bridge");
  }

  @Test
  void dropsAdLabelsAndScriptNoticesWhereverTheyStand() {
    String html = "<body><div class='story'>"
        + STORY.replace("<p>Work will", "<p>Advertisement</p><p>This slideshow requires"
            + " JavaScript.</p><p>Work will")
        + "<p>Tell us what YOU think...</p><p>3 comments</p></div></body>";
    assertThat(body(html)).isEqualTo(STORY_PARAGRAPHS);
  }

  @Test
  void keepsStoryLinesThatMentionAdsAndScripts() {
    String line = "<p>The council said the advertisement, which requires JavaScript to play,"
        + " was pulled.</p>";
    String html = "<body><div class='story'>" + STORY + line + "</div></body>";
    assertThat(body(html)).endsWith("was pulled.");
  }

  @Test
  void keepsAStoryWhoseContainerOrSectionOpensWithARelatedLookingHeading() {
    // "Leia também" over an inline box, then the story, in the story's own container
    String html = "<body><header><h1>The Courier</h1></header><div class='post'><h2>Council"
        + " votes to rebuild the bridge</h2><div class='entry-content'><h3>Leia tamb\u00e9m</h3>"
        + "<ul><li><a href='/x'>Other story</a></li></ul>" + STORY + "</div></div></body>";
    assertThat(body(html)).contains("The council voted on Tuesday").endsWith("welcomed the news.");
  }

  @Test
  void keepsAStoryContainerNamedForBreakingNews() {
    String card = "<div class='card'><a href='/o%d'>Other story number %d about the town</a><p>"
        + "A short summary of the other story, with a few words more to read.</p></div>";
    StringBuilder cards = new StringBuilder("<div class='more-stories'>");
    for (int i = 1; i <= 6; i++) {
      cards.append(card.formatted(i, i));
    }
    String html = "<body><div class='article-header'><h1>Council votes to rebuild the bridge</h1>"
        + "</div><div class='story-body breaking-news'>" + STORY.repeat(2) + "</div>" + cards
        + "</div></body>";
    assertThat(body(html)).startsWith("The council voted on Tuesday")
        .doesNotContain("A short summary");
  }

  @Test
  void keepsTheStoryOfAHiddenMainEntity() {
    String html = "<body><p>Short teaser of the story.</p><div itemprop='mainEntity' itemscope"
        + " itemtype='http://schema.org/NewsArticle' style='display:none'>"
        + "<div itemprop='articleBody'>" + STORY + "</div></div></body>";
    assertThat(body(html)).contains("The council voted on Tuesday");
  }

  @Test
  void keepsASectionHeadedAdvertisingAndAParagraphPastedInASpan() {
    String pasted = "<p><span style='font-weight:400'><span>The mayor thanked </span><a"
        + " href='/a'>Ann</a><span>, </span><a href='/b'>Bob</a><span> and </span><a"
        + " href='/c'>Cy</a><span> for their long patience while the road was closed.</span>"
        + "<img class='emoji' src='/e.png'></span></p>";
    String html = "<body><div class='story'>" + STORY + "<h2>Advertising</h2><p>Revenue from"
        + " advertising fell by a tenth, the company said in its report on Tuesday.</p>" + pasted
        + "</div></body>";
    assertThat(body(html)).contains("Advertising\n\nRevenue from advertising")
        .endsWith("while the road was closed.");
  }

  @Test
  void keepsATextBlockThatCarriesAnImage() {
    String html = "<body><div class='story'>" + STORY + "<div class='text-block with-image'>"
        + "<img src='/b.jpg'><p>The old bridge, built in 1902, carried some four thousand cars a"
        + " day before the floods.</p></div></div></body>";
    assertThat(body(html)).endsWith("before the floods.");
  }

  @Test
  void keepsAListItemGivenTwice() {
    String item = "<li>Closed for the public holiday, reopens the next morning</li>";
    String html = "<body><div class='story'>" + STORY + "<ul>" + item + item + "</ul></div>"
        + "</body>";
    assertThat(body(html).split("Closed for the public holiday", -1)).hasSize(3);
  }

  @Test
  void aListingColumnUnderLatestNewsKeepsItsItems() {
    StringBuilder cards = new StringBuilder("<div class='col'><h2>Latest news</h2>");
    for (int i = 1; i <= 6; i++) {
      cards.append("<div class='card'><a href='/news/2024/05/0%d/story-%d'>Council story number"
          .formatted(i, i)).append(i).append(" about the bridge</a><time datetime='2024-05-0")
          .append(i).append("T10:00:00Z'>May ").append(i).append(", 2024</time></div>");
    }
    String html = "<body><div id='__next'>" + cards + "</div></div></body>";
    Document doc = Jsoup.parse(html, URL);
    ListingRecord listing = new PageExtractor().extractListing(doc,
        new PageContext("example", URL, null, null, ZoneOffset.UTC, null));
    assertThat(listing.items()).hasSize(6);
  }

  @Test
  void endsTheStoryBeforeItsClosingCallsToAction() {
    String html = "<body><div class='story'>" + STORY
        + "<p>Subscribe now to our print edition for the full story.</p>"
        + "<p>Follow The Courier on Twitter and Instagram @courier.</p>"
        + "<p>\u00a9 2024 The Courier. All rights reserved.</p></div></body>";
    assertThat(body(html)).endsWith("welcomed the news.");
  }

  @Test
  void keepsClosingLinesThatOnlyMentionTheWordsOfACall() {
    // "subscribers" and "app" in the story's own last line are the story's
    String ending = "The streaming service said it had gained two million subscribers and that"
        + " its app would reach Android phones next year.";
    String html = "<body><div class='story'>" + STORY + "<p>" + ending + "</p>"
        + "<p>Sign up for our newsletter</p></div></body>";
    assertThat(body(html)).endsWith(ending);
  }

  @Test
  void aStoryMadeOnlyOfCallsKeepsItsFirstLine() {
    String call = "Please subscribe to read on: the council's full report on the bridge, the"
        + " costs of each option and the votes of every member are for subscribers only.";
    String html = "<body><div class='story'><p>" + call + "</p><p>" + call + "</p><p>" + call
        + "</p></div></body>";
    assertThat(body(html)).isEqualTo(call);
  }

  @Test
  void tellsCallsFromStoryLinesThatShareTheirWords() {
    assertThat(ClosingCalls.isCall("Read more: the council's report")).isTrue();
    assertThat(ClosingCalls.isCall("Follow The New York Times Opinion section on Facebook,"
        + " Twitter (@NYTopinion) and Instagram.")).isTrue();
    assertThat(ClosingCalls.isCall("There's plenty more where that came from. Sign up for The"
        + " Water Coolest today to get the free daily newsletter delivered to your inbox."))
        .isTrue();
    assertThat(ClosingCalls.isCall("We'd like to hear what you think about this article."))
        .isTrue();
    assertThat(ClosingCalls.isCall("Investigators follow the money trail of the firm on"
        + " its way through three countries and a dozen banks.")).isFalse();
    assertThat(ClosingCalls.isCall("Residents who sign up for the scheme will get a new bin."))
        .isFalse();
    assertThat(ClosingCalls.isCall("Residents can sign up for the new bus service now at the"
        + " town hall.")).isFalse();
    assertThat(ClosingCalls.isCall("Residents can follow the council's debate live on"
        + " YouTube.")).isFalse();
    assertThat(ClosingCalls.isCall("x ".repeat(200) + "Subscribe now")).isFalse();
    assertThat(ClosingCalls.isCall("Readers wrote to the council about the bridge.")).isFalse();
    for (String storyLine : new String[] {
        "Substack, the newsletter platform, said it would appeal the ruling next week.",
        "Ademas, el presidente publicó un video en su canal de YouTube.",
        "El gobierno suscribió el acuerdo con la empresa el martes.",
        "Residents were asked to download the government's contact-tracing app.",
        "The landlord had no written permission to enter the flat.",
        "\"We had to share the story,\" she said.",
        "Users can subscribe to the service for five dollars a month.",
        "Sie hätten sich nie in das System einloggen dürfen, sagte der Richter."}) {
      assertThat(ClosingCalls.isCall(storyLine)).as(storyLine).isFalse();
    }
    assertThat(ClosingCalls.isCall("版權所有，未經授權不得轉載。")).isTrue();
    assertThat(ClosingCalls.isCall("掃描二維碼，關注我們的微信公眾號")).isTrue();
    // concern, not "follow us"; entering without permission, not reprinting
    assertThat(ClosingCalls.isCall("此事引起社會各界關注。")).isFalse();
    assertThat(ClosingCalls.isCall("警方表示，該男子未經許可進入工地。")).isFalse();
  }

  @Test
  void endsTheStoryAtTheLabelOfABoxBelowIt() {
    String html = "<body><div class='story'>" + STORY + "<p>Read also:</p>"
        + "<p>The old bridge, a history of the crossing since 1890, in pictures</p></div></body>";
    assertThat(body(html)).endsWith("welcomed the news.");
    // a label word inside a story's sentence is no box label
    assertThat(ClosingCalls.isBoxLabel("Contact the council if you see damage.")).isFalse();
    assertThat(ClosingCalls.isBoxLabel("相關閱讀：")).isTrue();
  }

  /**
   * A "Related" heading at the end of a short story's block (an ad slot's, over the links that
   * follow the block) heads those links: the block, holding a paragraph before it, is the story.
   */
  @Test
  void aRelatedHeadingAfterAShortStoryDoesNotClaimTheStory() {
    String html = "<body><article><h1>Prison official: anyone could escape</h1>"
        + "<div class='main'><div class='post-content'><p>A senior prison official has said in a"
        + " sworn statement that anyone determined to escape from the prison could do so.</p>"
        + "<div class='ad-slot'><h4>Related Videos</h4></div></div>"
        + "<div class='tags'><ul><li><a href='/news/2024/05/01/prison-papers-exiled-prisoners'>"
        + "Exiled prisoners plead to come home</a></li><li>"
        + "<a href='/news/2024/05/02/prison-papers-case-file'>Opening the case file on the"
        + " brothers</a></li></ul></div></div></article></body>";
    assertThat(body(html)).contains("A senior prison official has said")
        .doesNotContain("Exiled prisoners");
  }

  /**
   * A lead in a block of its own right before the story's, after the headline's linked date, is
   * the story's first paragraph, not a teaser's summary under its linked headline.
   */
  @Test
  void keepsALeadBetweenALinkedDateAndTheStory() {
    String html = "<body><div class='article'><h1>Bridge to be rebuilt</h1>"
        + "<div class='date'><a href='/archive/2024-05-03'>Friday, 03.05.2024, 10:29</a></div>"
        + "<div class='leadIn'><p>Rebuild, repair or close it? The town had three choices for"
        + " its old bridge. Our reporter followed the debate.</p></div>"
        + "<div class='textBlock'>" + STORY + "</div></div></body>";
    assertThat(body(html)).startsWith("Rebuild, repair or close it?")
        .endsWith("welcomed the news.").doesNotContain("Friday");
  }

  /** A teaser-named block with a link is the story's lead when marked as its description. */
  @Test
  void keepsALinkingTeaserMarkedAsTheStorysDescription() {
    String html = "<body><div class='news-single'><div class='article'><h3>Bridge to be rebuilt"
        + "</h3><div class='teaser-text' itemprop='description'><p>After a year of detours, the"
        + " town will rebuild its old bridge, as <a href='/council'>the council</a> decided on"
        + " Tuesday, and work starts in May.</p></div><div class='news-text-wrap'>" + STORY
        + "</div></div></div></body>";
    assertThat(body(html)).contains("After a year of detours, the town will rebuild")
        .endsWith("welcomed the news.");
  }

  /**
   * A class naming a caption makes a short heading under a photo a caption, not a standfirst of
   * several sentences set in a type style of that name.
   */
  @Test
  void readsAStandfirstHeadingSetInACaptionStyle() {
    String html = "<body><div class='hero'><h1>Bridge to be rebuilt</h1><h2 class='teaser"
        + " caption-s5'>Rebuild, repair or close it? For a year the town argued over its old"
        + " bridge, closed since the floods. On Tuesday the council chose, after a debate that"
        + " lasted all evening, and the mayor promised work would start in May. Residents, who"
        + " have driven a long way round, are glad; the shops by the river even more so.</h2>"
        + "<h3 class='caption'>The old bridge in winter. Photo: Town archive</h3></div>"
        + "<div class='story'>" + STORY + "</div></body>";
    assertThat(body(html)).startsWith("Rebuild, repair or close it?")
        .endsWith("welcomed the news.").doesNotContain("Town archive");
  }

  /**
   * A "Read more" button that unfolds a truncated story is followed by the rest of the story,
   * sentences with a link in them: prose, not a related list the button heads.
   */
  @Test
  void theStoryAfterAReadMoreButtonIsNoRelatedList() {
    String story = STORY.replace("<p>", "<div class='paragraph'>").replace("</p>", "</div>");
    String html = "<body><div class='story'>" + story + story
        + "<div class='read-more'><div class='read-more-link'>Read More</div></div>"
        + "<div class='read-all'><div class='paragraph'>The bridge, first built in 1902, was"
        + " <a href='/news/2023/04/02/bridge-closed-after-floods'>closed after the floods</a>"
        + " of last spring, when the river rose higher than ever before.</div>"
        + "<div class='paragraph'>Engineers found, in the weeks after, that two of its piers had"
        + " been washed out, and said that the old bridge could not be saved.</div>"
        + "<div class='paragraph'>The new one, a steel arch, will carry two lanes of traffic and"
        + " a wide path for bicycles.</div>"
        + "</div></div></body>";
    assertThat(body(html)).contains("The council voted on Tuesday")
        .contains("when the river rose higher than ever before.")
        .contains("could not be saved.");
  }

  /**
   * A post the story embeds is a quote of it ({@code <blockquote>}, as embed codes give it),
   * whatever the template names the box around it.
   */
  @Test
  void keepsAnEmbeddedPostInABoxNamedSocial() {
    String html = "<body><div class='story'>" + STORY
        + "<div class='social-media-embed'><blockquote class='post'><p>The bridge is finally"
        + " coming back, and about time too</p>\u2014 Jane Doe (@janedoe) <a"
        + " href='https://social.example/janedoe/1'>May 2, 2024</a></blockquote></div>"
        + "<p>The contract, worth some ten million, will be signed next week, officials"
        + " said.</p></div>"
        + "<div class='social'><a href='/share'>Share on social media</a></div></body>";
    assertThat(body(html)).contains("The bridge is finally coming back")
        .contains("Jane Doe (@janedoe)").doesNotContain("Share on social media");
  }

  /**
   * A numbered entry of the story's list ("1) ...") followed by its shop link is a fact, not a
   * label heading links.
   */
  @Test
  void keepsNumberedEntriesFollowedByTheirLinks() {
    String html = "<body><div class='story'>" + STORY
        + "<p>1) Lego Star Wars bomber<br><a href='https://shop.example/a'>shop.example/a</a></p>"
        + "<p>2) Racing track set<br><a href='https://shop.example/b'>shop.example/b</a></p>"
        + "<p>That is all for this year, and happy shopping, everyone.</p></div></body>";
    assertThat(body(html)).contains("1) Lego Star Wars bomber").contains("2) Racing track set");
  }

  /**
   * A sentence of the story whose words are mostly a link (the show it names, the story it
   * links) is the story's, not a teaser's headline.
   */
  @Test
  void keepsASentenceMostlyLinked() {
    String html = "<body><div class='story'>" + STORY
        + "<p>The mayor was eliminated from <a href='/news/2024/dancing-with-the-stars'>Dancing"
        + " with the Stars, the show on Channel 4</a>.</p>"
        + "<p>Read also: <a href='/news/2024/05/01/other-bridge'>Another bridge story</a></p>"
        + "<p>She said, after the vote, that she would now have more time for the bridge.</p>"
        + "</div></body>";
    assertThat(body(html)).contains("The mayor was eliminated from Dancing with the Stars, the show on Channel 4.")
        .doesNotContain("Another bridge story");
  }

  /** A div named a subheading is a heading of the story, not a box's short line. */
  @Test
  void keepsASubheadingSetInANamedDiv() {
    String html = "<body><div class='story'>" + STORY
        + "<div class='pf_subheadline'>Who pays for the bridge?</div>" + STORY
        + "<div class='share-label'>Print this page</div></div></body>";
    assertThat(body(html)).contains("Who pays for the bridge?")
        .doesNotContain("Print this page");
  }

  /** A heading over a kept subheading heads its section; over nothing kept it goes. */
  @Test
  void keepsAHeadingOverASubheading() {
    String html = "<body><div class='story'>" + STORY
        + "<h2>Menu for plan A</h2><h3>Breakfast</h3>"
        + "<p>Two eggs, a slice of toast, and a cup of coffee, with milk.</p>"
        + "<h3>Lunch</h3><p>A bowl of soup, a salad, and some bread, with butter.</p>"
        + "<h2>More from the kitchen</h2><h3><a href='/news/2024/soups'>Ten soups for"
        + " winter</a></h3></div></body>";
    assertThat(body(html)).contains("Menu for plan A").contains("Breakfast")
        .doesNotContain("More from the kitchen");
  }

  /**
   * A hover card set into a sentence (a person's photo, name and latest headlines, shown when
   * the reader points at the name) is no word of the sentence; the name stays.
   */
  @Test
  void skipsAHoverCardInsideASentence() {
    String card = "<span class='people-block'><span><img src='/p.jpg' alt=''>"
        + "<a href='/people/jane-doe'>Jane Doe</a> "
        + "<a href='/news/2024/05/01/doe-budget'>Doe backs the budget after a long fight</a> "
        + "<a href='/news/2024/04/28/doe-roads'>Doe wants new roads for the north of town</a> "
        + "<a href='/news/2024/04/20/doe-schools'>Doe says schools need more teachers now</a> "
        + "<a href='/people/jane-doe'>MORE</a></span></span>";
    String html = "<body><div class='story'><p>The bridge, said council member <span"
        + " class='people'><a href='/people/jane-doe'>Jane Doe</a>" + card + "</span>, is the"
        + " town's most urgent project.</p>" + STORY + "</div></body>";
    assertThat(body(html)).contains("said council member Jane Doe, is the town's most urgent")
        .doesNotContain("backs the budget");
  }
}
