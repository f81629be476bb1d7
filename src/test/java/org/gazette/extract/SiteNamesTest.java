package org.gazette.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiteNamesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "=>",
      textBlock = """
          Ultium Cells erhöht Gigafactory-Kapazität - Battery-News.de => Ultium Cells erhöht Gigafactory-Kapazität
          Saftiger Zitronenkuchen vom Blech | Backen macht glücklich  => Saftiger Zitronenkuchen vom Blech
          BDZV: Olafur Eliasson gestaltet Titelseite                  => Olafur Eliasson gestaltet Titelseite
          Wärmepumpe im Altbau - Wann es sich lohnt | heizung.de      => Wärmepumpe im Altbau - Wann es sich lohnt
          FUTURE of HOPE – Island befreit sich – der Film             => FUTURE of HOPE – Island befreit sich – der Film
          Covid-19: what we know                                      => Covid-19: what we know
          Battery-News.de                                             => Battery-News.de
          """)
  void cutsOnlyTheSiteNameFromTitles(String title, String headline) {
    SiteNames names = SiteNames.of("Backen macht glücklich", "www.battery-news.de");
    SiteNames bdzv = SiteNames.of("BDZV", "heizung.de");
    assertThat(bdzv.strip(names.strip(title))).isEqualTo(headline);
  }

  @Test
  void knowsTheSiteByItsStatedNameOrHost() {
    SiteNames names = SiteNames.of("Badische Zeitung", "www.jungefreiheit.de");
    assertThat(names.isSiteName("BADISCHE ZEITUNG")).isTrue();
    assertThat(names.isSiteName("jungefreiheit.de")).isTrue();
    assertThat(names.isSiteName("Junge Freiheit")).isTrue();
    assertThat(names.isSiteName("Jane Doe")).isFalse();
    assertThat(names.isSiteName("Freiheitsrechte in Gefahr")).isFalse();
  }

  @Test
  void readsTheHostFromTheCanonicalUrl() {
    Document doc = Jsoup.parse("<link rel=canonical href='https://www.example-news.com/a/1'>",
        "file:///tmp/page.html");
    assertThat(SiteNames.of(PageElements.of(doc)).isSiteName("Example-News.com")).isTrue();
  }

  @Test
  void titlePrefersTheH1ThatOgTitleRepeats() {
    Document doc = parse("<title>Heat wave - Gazette</title>"
        + "<meta property='og:title' content='Heat wave pushes grid to the limit - Gazette'>"
        + "<meta property='og:site_name' content='Gazette'>"
        + "<h1>Heat wave pushes grid to the limit – live</h1>");
    assertThat(PageMeta.title(PageElements.of(doc))).isEqualTo("Heat wave pushes grid to the limit – live");
  }

  @Test
  void titleCutsTheSiteNameFromOgTitleWithoutAnH1() {
    Document doc = parse("<meta property='og:title' content='Saftiger Zitronenkuchen | Backen macht glücklich'>"
        + "<meta property='og:site_name' content='Backen macht glücklich'>");
    assertThat(PageMeta.title(PageElements.of(doc))).isEqualTo("Saftiger Zitronenkuchen");
  }

  @Test
  void titleIgnoresAnOgTitleThatIsASectionOrTheSite() {
    Document section = parse("<title>BDZV: Olafur Eliasson gestaltet Titelseite</title>"
        + "<meta property='og:title' content='Pressemitteilungen'>"
        + "<meta property='og:site_name' content='BDZV'>"
        + "<h1>Olafur Eliasson gestaltet Titelseite</h1>");
    assertThat(PageMeta.title(PageElements.of(section))).isEqualTo("Olafur Eliasson gestaltet Titelseite");
    Document site = parse("<title>Peking 2022 – Eine große Chance</title>"
        + "<meta property='og:title' content='International Biathlon Union - IBU'>"
        + "<meta property='og:site_name' content='International Biathlon Union - IBU'>"
        + "<h1>Peking 2022 – Eine große Chance</h1>");
    assertThat(PageMeta.title(PageElements.of(site))).isEqualTo("Peking 2022 – Eine große Chance");
  }

  @Test
  void titleTakesAHeadingLinkedToTheHomePageForTheSiteName() {
    Document doc = parse("<title>Kleine Schafskunde - Salsa-Figuren - Rueda</title>"
        + "<h1><a href='/'>Salsa-Figuren - Rueda</a></h1>");
    assertThat(PageMeta.title(PageElements.of(doc))).isEqualTo("Kleine Schafskunde");
  }

  @Test
  void titleKeepsADashedHeadlineWhole() {
    Document doc = parse("<title>FUTURE of HOPE – Island befreit sich – der Film | news.example</title>");
    assertThat(PageMeta.title(PageElements.of(doc))).isEqualTo("FUTURE of HOPE – Island befreit sich – der Film");
  }

  private static Document parse(String html) {
    return Jsoup.parse(html, "https://news.example.com/a/1.html");
  }

  @Test
  void aKickerThatStartsTheSiteNamesFirstWordStays() {
    SiteNames names = SiteNames.of("Berliner Morgenpost", "www.morgenpost.de");
    assertThat(names.strip("Berlin: Senat beschließt Mietendeckel | Berliner Morgenpost"))
        .isEqualTo("Berlin: Senat beschließt Mietendeckel");
    assertThat(names.strip("Berliner: Senat beschließt Mietendeckel"))
        .isEqualTo("Senat beschließt Mietendeckel");
  }
}
