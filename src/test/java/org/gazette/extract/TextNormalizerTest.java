package org.gazette.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiterString = "=>",
      textBlock = """
          及時(shí)                                        => 及時
          回應(yīng)                                        => 回應
          發(fā)生                                          => 發生
          帶來(lái)                                         => 帶來
          鞏固(gù)                                         => 鞏固
          據(jù)外交部網(wǎng)站消息                            => 據外交部網站消息
          感謝中方迅速及時(shí)回應(yīng)俄方的采購需求          => 感謝中方迅速及時回應俄方的采購需求
          責(zé)任編輯: 連政                               => 責任編輯: 連政
          略(lüè)                                         => 略
          女(nǚ)                                         => 女
          嗯(ń)                                          => 嗯
          及時（shí）                                       => 及時
          美聯社(AP)報道                                  => 美聯社(AP)報道
          報告(2020)                                      => 報告(2020)
          新冠肺炎(COVID-19)                              => 新冠肺炎(COVID-19)
          首都(中國)                                      => 首都(中國)
          首都（中國）                                    => 首都（中國）
          word (see) here                                 => word (see) here
          a word(shí) without Han before it               => a word(shí) without Han before it
          筆(pen)                                         => 筆(pen)
          中國(china)                                     => 中國(china)
          病毒(virus)                                     => 病毒(virus)
          北京(Beijing)                                   => 北京(Beijing)
          時(xyzá)                                        => 時(xyzá)
          '  leading and   trailing  '                    => leading and trailing
          '全形\u3000空格'                                 => 全形 空格
          '不斷\u00A0空格'                                 => 不斷 空格
          """)
  void normalizesText(String raw, String expected) {
    assertThat(TextNormalizer.normalize(raw)).isEqualTo(expected);
  }

  @Test
  void removesInvisibleCharacters() {
    assertThat(TextNormalizer.normalize("連\u200B政\uFEFF\u0000 \u00AD\u2060")).isEqualTo("連政");
  }

  @Test
  void keepsJoinersThatScriptsNeed() {
    assertThat(TextNormalizer.normalize("می\u200Cخواهم")).isEqualTo("می\u200Cخواهم");
  }

  @Test
  void collapsesLineBreaksAndTabs() {
    assertThat(TextNormalizer.normalize("one\n\ttwo\r\n  three")).isEqualTo("one two three");
  }

  @Test
  void composesToNfcBeforeLookingForPinyin() {
    // "shí" with a combining acute accent, as some pages serve it
    assertThat(TextNormalizer.normalize("及時(shi\u0301)")).isEqualTo("及時");
    assertThat(TextNormalizer.normalize("Caf\u0065\u0301")).isEqualTo("Café");
  }

  @Test
  void keepsNullAndEmpty() {
    assertThat(TextNormalizer.normalize(null)).isNull();
    assertThat(TextNormalizer.normalize(" \u00A0 ")).isEmpty();
    assertThat(TextNormalizer.normalizeOrNull(" \u200B ")).isNull();
  }

  @Test
  void weighsHanHeavierThanLatin() {
    assertThat(TextNormalizer.weight("連政")).isEqualTo(6);
    assertThat(TextNormalizer.weight("a b")).isEqualTo(2);
  }

  @Test
  void findsWordsIgnoringTheCaseOfAsciiLettersOnly() {
    assertThat(TextNormalizer.containsIgnoringAsciiCase("2 Hours AGO", "ago")).isTrue();
    assertThat(TextNormalizer.containsIgnoringAsciiCase("box-RelatedNews", "related")).isTrue();
    assertThat(TextNormalizer.containsIgnoringAsciiCase("ag", "ago")).isFalse();
    // as a CASE_INSENSITIVE pattern: the Kelvin sign is no k, the dotless i no i
    assertThat(TextNormalizer.containsIgnoringAsciiCase("\u212Aid", "kid")).isFalse();
    assertThat(TextNormalizer.containsIgnoringAsciiCase("l\u0131ve", "live")).isFalse();
  }
}
