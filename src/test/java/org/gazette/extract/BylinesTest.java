package org.gazette.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BylinesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "=>",
      textBlock = """
          Von Roland Brockmann und Sebastian Drescher      => Roland Brockmann|Sebastian Drescher
          By Jane Doe and Ali Khan | June 2, 2021          => Jane Doe|Ali Khan
          Por Juan Carlos Muñoz C.                         => Juan Carlos Muñoz C.
          Text: Klausmartin Friedrich                      => Klausmartin Friedrich
          VON MORITZ GATHMANN am 21. April 2020            => MORITZ GATHMANN
          Posted on 3 May 2021 by Günter W. Kienitz        => Günter W. Kienitz
          Interview: Julia Lauter                          => Julia Lauter
          Williams Perdomo @wperdomod                      => Williams Perdomo
          Johanna Kropfitsch Alle Artikel                  => Johanna Kropfitsch
          Autor: Peter Maahn/SP-X                          => Peter Maahn
          """)
  void readsTheNamesOfABylinesText(String text, String names) {
    assertThat(Bylines.names(text)).containsExactly(names.split("\\|"));
  }

  @Test
  void tellsPeopleFromHandlesDesksAndAddresses() {
    assertThat(Bylines.isHandle("christian.stadtfeld")).isTrue();
    assertThat(Bylines.isHandle("Jane Doe")).isFalse();
    assertThat(Bylines.isHandle("李明")).isFalse();
    assertThat(Bylines.isDesk("Teufel Editorial Team")).isTrue();
    assertThat(Bylines.isDesk("Redaktion")).isTrue();
    assertThat(Bylines.isAddress("jane@example.com")).isTrue();
    assertThat(Bylines.looksLikeName("Roland Brockmann")).isTrue();
    assertThat(Bylines.looksLikeName("Posted on")).isFalse();
    assertThat(Bylines.looksLikeName("Dezember 10")).isFalse();
    assertThat(Bylines.looksLikeName("Heute wissen wir mehr über")).isFalse();
    assertThat(Bylines.looksLikeName("Montag bis Freitag")).isFalse();
    assertThat(Bylines.looksLikeName("Ursula von der Leyen")).isTrue();
    assertThat(Bylines.names("Von")).isEmpty();
    assertThat(Bylines.names("Bundesministerium für Wirtschaft und Klimaschutz"))
        .containsExactly("Bundesministerium für Wirtschaft und Klimaschutz");
    assertThat(Bylines.names("Lindsey O&#039;Donnell")).containsExactly("Lindsey O'Donnell");
  }

  @Test
  void dropsTheSiteWhenAPersonIsNamed() {
    SiteNames site = SiteNames.of("Badische Zeitung", "www.badische-zeitung.de");
    List<String> found = List.of("Badische Zeitung", "Lisa Petrich", "redaktion", "a@b.de");
    assertThat(Bylines.people(found, site)).containsExactly("Lisa Petrich");
    assertThat(Bylines.anyone(List.of("Badische Zeitung", "a@b.de"))).containsExactly("Badische Zeitung");
  }

  @Test
  void readsBylineMarkupOutsideComments() {
    Document doc = parse("<div class='entry-meta-author'>von <a href='/autor/x'>Helmut Rubik</a></div>"
        + "<ol class='comment-list'><li><span class='comment-author'>Troll</span></li></ol>");
    assertThat(Bylines.marked(PageElements.of(doc))).containsExactly("Helmut Rubik");
    Document comments = parse("<div id='comments'><p class='author'>MikeNils</p></div>");
    assertThat(Bylines.marked(PageElements.of(comments))).isEmpty();
  }

  @Test
  void readsAuthorPageLinksAndPrefersAPersonToAHandle() {
    Document doc = parse("<span class='author'>admin</span>"
        + "<p>Text: <a href='https://news.example.com/author/jane-doe/'>Jane Doe</a></p>");
    assertThat(Bylines.marked(PageElements.of(doc))).containsExactly("Jane Doe");
  }

  @Test
  void readsThePrintedByline() {
    assertThat(Bylines.printed(List.of("Von hier aus geht es weiter", "Von David Hutzler, dpa")))
        .containsExactly("David Hutzler", "dpa");
    assertThat(Bylines.printed(List.of("By clicking here you agree to the terms"))).isEmpty();
  }

  /** Each prefix PRINTED reads, and blanks the normalizer drops before one. */
  @ParameterizedTest
  @ValueSource(strings = {"Text von Jo", "Texte von Jo", "Geschrieben von Jo", "Verfasst von Jo",
      "Eingestellt von Jo", "Written by Jo", "Posted by Jo", "Story by Jo", "Words by Jo",
      "By Jo", "BY Jo", "by Jo", "Von Jo", "VON Jo", "von Jo", "Par Jo", "PAR Jo", "Por Jo",
      "POR Jo", "Door Jo", "Text: Jo", "Texto: Jo", "Autor Jo", "Autorin: Jo", "Autoren: Jo",
      "Author: Jo", "Auteur: Jo", "\uFEFFVon Jo", "\u2007\u202F\u0085By Jo",
      "\u0080\u2060<b>Von</b> Jo"})
  void everyPrintedPrefixPassesTheFirstCharacterTest(String line) {
    Element p = Jsoup.parse("<p>" + line + "</p>").selectFirst("p");
    assertThat(Bylines.startsLikeByline(TextNormalizer.normalize(p.text()))).as(line).isTrue();
    assertThat(Bylines.mayStartByline(p)).as(line).isTrue();
  }

  @Test
  void authorsSkipTheSiteNameForTheByline() {
    Document doc = parse("<meta name='author' content='jungefreiheit.de'>"
        + "<link rel=canonical href='https://jungefreiheit.de/a/1'>"
        + "<li class='post-meta--author'><a href='/author/boris-t-kaiser/'>Boris T. Kaiser</a></li>");
    assertThat(PageMeta.authors(PageElements.of(doc), JsonLd.read(doc))).containsExactly("Boris T. Kaiser");
  }

  @Test
  void authorsKeepTheSiteWhenNoOneElseIsNamed() {
    Document doc = parse("<meta name='author' content='Example News'>"
        + "<meta property='og:site_name' content='Example News'>");
    assertThat(PageMeta.authors(PageElements.of(doc), JsonLd.read(doc))).containsExactly("Example News");
  }

  @Test
  void jsonLdPersonsComeBeforeTheirOrganization() {
    Document doc = parse("<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"author\":["
        + "{\"@type\":\"Organization\",\"name\":\"Stern\"},{\"@type\":\"Person\",\"name\":\"Jane Doe\"}]}"
        + "</script>");
    assertThat(JsonLd.read(doc).authors()).containsExactly("Jane Doe");
  }

  private static Document parse(String html) {
    return Jsoup.parse(html, "https://news.example.com/a/1.html");
  }

  @Test
  void readsNamesOfScriptsWithoutCaseAndSurnamesThatAreBylineWords() {
    Document doc = parse("<div class=author>記者 王小明</div>");
    assertThat(Bylines.marked(PageElements.of(doc))).containsExactly("王小明");
    assertThat(Bylines.printed(List.of("By Richard Read"))).containsExactly("Richard Read");
    assertThat(Bylines.printed(List.of("By Um Ji-won"))).containsExactly("Um Ji-won");
    assertThat(Bylines.printed(List.of("By Jane Doe Read more"))).containsExactly("Jane Doe");
  }

  @Test
  void aBylineClassIsAWordOfTheClassNameNotPartOfAnother() {
    for (String html : List.of("<h2 class='typewriter'>Breaking News</h2>",
        "<div class='slider autorotate'><a>Weather Warning</a></div>",
        "<div class='authorization-wall'>Sign In</div>")) {
      assertThat(Bylines.marked(PageElements.of(parse(html)))).as(html).isEmpty();
    }
    assertThat(Bylines.marked(PageElements.of(parse("<p class='articleAuthor'>Jane Doe</p>"))))
        .containsExactly("Jane Doe");
  }
}
