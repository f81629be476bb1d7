package org.gazette.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Each source of the publication time, on a small article that has only that one. */
class DatelinesTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final String URL = "https://news.example.de/politik/story-123.html";

  private static final String STORY = """
      <p>Die Landesregierung hat am Dienstag einen neuen Plan für den Ausbau der Radwege \
      vorgestellt, der in den kommenden fünf Jahren umgesetzt werden soll.</p>
      <p>Nach Angaben des Ministeriums sollen dafür mehr als zweihundert Millionen Euro \
      bereitgestellt werden, vor allem für Verbindungen zwischen den Gemeinden.</p>
      <p>Verbände begrüßten den Plan grundsätzlich, forderten aber einen schnelleren Beginn \
      der Arbeiten und eine bessere Beteiligung der Anwohner vor Ort.</p>
      """;

  /** The page's published time, formatted, for a head, what comes before the title and after. */
  private static String published(String head, String beforeTitle, String afterTitle,
      String afterStory) {
    String html = "<html><head>" + head + "</head><body>" + beforeTitle
        + "<article><h1>Neuer Plan für Radwege im ganzen Land</h1>" + afterTitle
        + "<div class=\"text\">" + STORY + "</div></article>" + afterStory + "</body></html>";
    Document doc = Jsoup.parse(html, URL);
    ArticleRecord record = new PageExtractor().extractArticle(doc,
        new PageContext("test", URL, Fixtures.FETCHED, 200, BERLIN, null));
    return record.published() == null ? null : RecordJson.format(record.published());
  }

  private static String published(String head, String beforeTitle, String afterTitle) {
    return published(head, beforeTitle, afterTitle, "");
  }

  @Test
  void readsMoreMetaNames() {
    assertThat(published("<meta property=\"og:pubdate\" content=\"2021-03-08T11:15:28Z\">",
        "", "")).isEqualTo("2021-03-08T11:15:28Z");
    assertThat(published("<meta name=\"DC.date.created\" content=\"2020-04-27\">", "", ""))
        .isEqualTo("2020-04-27T00:00:00+02:00");
  }

  @Test
  void readsAnyElementMarkedAsThePublicationTime() {
    assertThat(published("", "", "<span itemprop=\"datePublished\""
        + " content=\"2020-04-27T18:50:24+02:00\">27.04.2020 - 18:50 Uhr</span>"))
        .isEqualTo("2020-04-27T18:50:24+02:00");
    assertThat(published("", "", "<abbr class=\"published\" title=\"2009-08-06T14:12:32+02:00\">"
        + "6. August 2009</abbr>")).isEqualTo("2009-08-06T14:12:32+02:00");
  }

  @Test
  void readsAnEntryDateTimeBeforeAnUpdateTimeNearTheTitle() {
    // WordPress themes (Twenty Twelve to Fourteen) mark the post's time so, and nothing else
    assertThat(published("", "", "<p>Aktualisiert: <time datetime=\"2013-05-03T09:00+02:00\">"
        + "3. Mai</time></p><p><time class=\"entry-date\" datetime=\"2013-05-02T10:00+02:00\">"
        + "2. Mai</time></p>")).isEqualTo("2013-05-02T10:00:00+02:00");
  }

  @Test
  void prefersTheStorysMarkedTimeToASidebarsBeforeIt() {
    String sidebar = "<div class=\"widget\"><h4>Älterer Beitrag</h4><time class=\"published\""
        + " datetime=\"2009-04-11 18:06:36\">11. April 2009</time></div>";
    assertThat(published("", sidebar, "<span class=\"published\">22. Oktober 2019</span>"))
        .isEqualTo("2019-10-22T00:00:00+02:00");
  }

  @Test
  void readsATimeElementInTheHeaderBeforeTheTitle() {
    assertThat(published("", "<div class=\"meta\"><time class=\"text-xs\""
        + " datetime=\"2023-11-05 14:09\">Veröffentlicht am 5. November 2023</time></div>", ""))
        .isEqualTo("2023-11-05T14:09:00+01:00");
  }

  @Test
  void readsADatelinePrintedBeforeTheTitle() {
    assertThat(published("", "<div class=\"kicker\">Gunter Frank / 22.04.2020 / 06:15</div>", ""))
        .isEqualTo("2020-04-22T06:15:00+02:00");
  }

  @Test
  void readsEuropeanDatelinesAfterTheTitle() {
    assertThat(published("", "", "<p class=\"entry-meta\">5. November 2021</p>"))
        .isEqualTo("2021-11-05T00:00:00+01:00");
  }

  @Test
  void readsTheDateInTheAddressAndItsTimeFromTheDateline() {
    String canonical = "<link rel=\"canonical\" href=\"https://news.example.de/2019/10/16/plan/\">";
    assertThat(published(canonical, "", "")).isEqualTo("2019-10-16T00:00:00+02:00");
    assertThat(published(canonical, "", "<p>16.10.2019, 09:30 Uhr</p>"))
        .isEqualTo("2019-10-16T09:30:00+02:00");
  }

  @Test
  void readsAnElementNamedAsADateAfterTheStory() {
    assertThat(published("", "", "",
        "<div class=\"postmetadata\">Erstellt am Dienstag 6. Mai 2014 um 23:30</div>"))
        .isEqualTo("2014-05-06T23:30:00+02:00");
  }

  @Test
  void readsADateAfterAPublicationLabelBelowTheStory() {
    assertThat(published("", "", "", "<p>Letzte Änderung: 31.10.2023 - 14:49<br>"
        + "Erschienen am: 01.11.2023</p>")).isEqualTo("2023-11-01T00:00:00+01:00");
    assertThat(published("", "", "", "<div><span>Datum:</span> 19.11.2021</div>"))
        .isEqualTo("2021-11-19T00:00:00+01:00");
    // an update label is not a publication label, though it ends in "date"
    assertThat(published("", "", "", "<p>Update: 19.11.2021</p>")).isNull();
    // labels split as the page's text joins them: a soft hyphen, a zero-width space, a comment
    for (String label : List.of("Ver&shy;öffentlicht am", "Publi&#8203;shed on",
        "Erschie<!-- x -->nen am")) {
      assertThat(published("", "", "", "<p>" + label + ": 01.11.2023</p>")).as(label)
          .isEqualTo("2023-11-01T00:00:00+01:00");
    }
    // labels in capitals, the umlaut's too, and a label in a text node after a link
    assertThat(published("", "", "", "<p>VERÖFFENTLICHT AM: 01.11.2023</p>"))
        .isEqualTo("2023-11-01T00:00:00+01:00");
    assertThat(published("", "", "", "<p><a href=/a>Politik</a> | Published on: 03.02.2022</p>"))
        .isEqualTo("2022-02-03T00:00:00+01:00");
  }

  @Test
  void readsTheDateThatOpensTheStory() {
    String html = "<html><head></head><body><article><h1>Neuer Plan für Radwege</h1>"
        + "<div class=\"text\"><p>01.02.2022 – Die Landesregierung hat am Dienstag einen neuen"
        + " Plan für den Ausbau der Radwege vorgestellt, der bald umgesetzt werden soll.</p>"
        + STORY + "</div></article></body></html>";
    Document doc = Jsoup.parse(html, URL);
    ArticleRecord record = new PageExtractor().extractArticle(doc,
        new PageContext("test", URL, Fixtures.FETCHED, 200, BERLIN, null));
    assertThat(RecordJson.format(record.published())).isEqualTo("2022-02-01T00:00:00+01:00");
  }

  @Test
  void readsATitleThatOpensWithADate() {
    assertThat(published("<title>23.01.2022 - Wierer jubelt in Antholz</title>", "", ""))
        .isEqualTo("2022-01-23T00:00:00+01:00");
  }

  @Test
  void passesOverImplausibleTimes() {
    // a birth date in a meta tag, a time after the fetch: the dateline is the story's
    String dateline = "<p class=\"date\">5. November 2021</p>";
    assertThat(published("<meta name=\"date\" content=\"1975-01-28\">", "", dateline))
        .isEqualTo("2021-11-05T00:00:00+01:00");
    assertThat(published("<meta name=\"date\" content=\"2031-01-01\">", "", dateline))
        .isEqualTo("2021-11-05T00:00:00+01:00");
  }

  @Test
  void findsNothingOnAPageWithoutADate() {
    assertThat(published("", "", "")).isNull();
  }

  @Test
  void theStorysPrintedDatelineBeatsAMarkedDateAfterTheStory() {
    assertThat(published("", "", "<div class=\"info\">Aktualisiert: 18.03.2020, 22:36 Uhr</div>"
        + "<div class=\"info\">18.03.2020 22:36</div>",
        "<ul><li><a href=\"/a/9.html\">Ein anderer Artikel</a>"
            + " <span class=\"published\">2019-01-01</span></li></ul>"))
        .isEqualTo("2020-03-18T22:36:00+01:00");
  }

  @Test
  void readsNoPublicationTimeFromTheStorysOwnDates() {
    String war = "<p>Am 24. Februar 2022 marschierte Russland in die Ukraine ein, und seitdem"
        + " hat sich die Lage in der Region grundlegend verändert, sagen Beobachter.</p>";
    String version = "<p>Version 10.11.12 of the tool ships today with a new editor and fixes.</p>";
    // below the story, where only a publication label makes a date the page's
    String release = "</div></article><div class=\"box\"><p>Release date: 5 March 2021</p>";
    for (String line : List.of(war, version, release)) {
      String html = "<html><body><article><h1>Neuer Plan für Radwege im ganzen Land</h1>"
          + "<div class=\"text\">" + (line == release ? STORY + line : line + STORY)
          + "</div></article></body></html>";
      ArticleRecord record = new PageExtractor().extractArticle(Jsoup.parse(html, URL),
          new PageContext("test", URL, Fixtures.FETCHED, 200, BERLIN, null));
      assertThat(record.published()).as(line).isNull();
    }
  }
}
