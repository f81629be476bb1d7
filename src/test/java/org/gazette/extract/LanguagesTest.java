package org.gazette.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The page's language from its declaration and its text. */
class LanguagesTest {

  private static final String HANT = "國務委員兼外長王毅應約同俄羅斯外長拉夫羅夫通電話。中方將加強統籌協調,全力鞏固國內來之不易的抗疫成果。";
  private static final String HANS = "国务委员兼外长王毅应约同俄罗斯外长拉夫罗夫通电话。中方将加强统筹协调,全力巩固国内来之不易的抗疫成果。";
  private static final String EN = "The heat wave pushed the power grid to its limits on Tuesday, and officials said that the outages would continue for a day.";
  private static final String DE = "Die Hitzewelle hat das Stromnetz am Dienstag an seine Grenzen gebracht, und die Behörden sagen, dass es noch nicht vorbei ist.";
  private static final String JA = "東京都は2日、新たに47人の感染を確認したと発表した。都によると、このうち20人は感染経路が分かっていないという。";
  private static final String KO = "서울시는 2일 새로 47명의 확진자가 발생했다고 밝혔다. 이 가운데 20명은 감염 경로가 확인되지 않았다고 한다.";

  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
      zh-Hant | HANT | zh-Hant
      null    | HANT | zh-Hant
      null    | HANS | zh-Hans
      zh      | HANS | zh-Hans
      zh-CN   | HANS | zh-CN
      en      | HANT | zh-Hant
      en      | EN   | en
      en-GB   | EN   | en-GB
      null    | EN   | en
      null    | DE   | de
      zh-Hant | EN   | en
      fr      | DE   | fr
      null    | JA   | ja
      null    | KO   | ko
      ja      | HANT | ja
      de      | null | de
      null    | null | null
      null    | SHORT | null
      """)
  void readsTheDeclarationCheckedAgainstTheText(String declared, String text, String expected) {
    String sample = switch (String.valueOf(text)) {
      case "HANT" -> HANT;
      case "HANS" -> HANS;
      case "EN" -> EN;
      case "DE" -> DE;
      case "JA" -> JA;
      case "KO" -> KO;
      case "SHORT" -> "OK";
      default -> null;
    };
    assertThat(Languages.of(declared, sample)).isEqualTo(expected);
  }

  /** Ties go as they went when the votes were merged into a HashMap: "es" and "nl" collide. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      el los las muy het een van ook | nl
      het een van ook el los las muy | es
      """)
  void breaksTiesAsBefore(String text, String expected) {
    assertThat(Languages.fromText(text)).isEqualTo(expected);
  }
}
