package org.gazette.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What TextShare tells without taking an element's text holds for the text: checked on every
 * element of the test pages and of a page of awkward characters.
 */
class TextShareTest {

  /** Pinyin after Han, combining marks, invisible characters, a Kelvin sign, full-width colons. */
  private static final String AWKWARD = "<body><div><p>及時(shí)新聞 2020年3月18日</p>"
      + "<p>Cafe\u0301 \u200B2\u200B0\u200B2\u200B0-03-18 \u00AD</p><span>來源：新华社</span>"
      + "<p>3小時前 <b>y</b>esterday \u212Aelvin (abc)</p><pre> a\u0001b </pre>"
      + "<p>ＡＢＣ１２３ \uF901多閱讀</p></div></body>";

  /**
   * Texts longer than TextShare counts at a time (4,095 characters), with a character beyond the
   * Basic Multilingual Plane (two chars) across each of the first boundaries.
   */
  private static final String LONG_WITH_PAIRS = "<body><p>" + "x".repeat(4094) + "\uD83D\uDE00abc"
      + "</p><p>" + "新".repeat(8188) + "\uD83D\uDE00。" + "y".repeat(5000) + "</p></body>";

  static Stream<String> pages() throws IOException {
    Stream<String> files;
    try (Stream<Path> golden = Files.list(Path.of("src/test/resources/golden"));
        Stream<Path> html = Files.list(Path.of("src/test/resources/html"))) {
      files = Stream.concat(golden, html)
          .filter(p -> p.toString().endsWith(".html"))
          .map(TextShareTest::read)
          .toList().stream();
    }
    return Stream.concat(Stream.of(AWKWARD, LONG_WITH_PAIRS), files);
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @MethodSource("pages")
  void boundsHoldForTheNormalizedText(String html) {
    Document doc = Jsoup.parse(html);
    TextShare share = TextShare.of(doc);
    for (Element e : doc.getAllElements()) {
      String text = TextNormalizer.normalize(e.text());
      assertThat(share.minNormalizedLength(e)).as(e.cssSelector())
          .isLessThanOrEqualTo(text.length());
      assertThat(share.textWeight(e)).isEqualTo(TextNormalizer.weight(e.text()));
      if (!share.mayHoldDate(e)) {
        assertThat(DateParser.findAll(text, ZoneOffset.UTC)).as(text).isEmpty();
      }
      if (!share.mayHoldTime(e)) {
        assertThat(RelativeTimes.mayHold(text)).as(text).isFalse();
        assertThat(RelativeTimes.match(text, Instant.EPOCH, ZoneOffset.UTC)).isEmpty();
      }
      if (!share.mayHoldColon(e)) {
        assertThat(List.of(LabeledLines.editor(text), LabeledLines.source(text),
            LabeledLines.author(text))).as(text).allMatch(java.util.Optional::isEmpty);
        assertThat(text).doesNotContain(":", "：");
      }
    }
  }

  @org.junit.jupiter.api.Test
  void aPairAcrossTheCountingBoundaryIsOneCharacter() {
    Document doc = Jsoup.parse(LONG_WITH_PAIRS);
    TextShare share = TextShare.of(doc);
    for (Element p : doc.select("p")) {
      assertThat(share.plainWeight(p)).isEqualTo(TextNormalizer.weight(p.text()));
      assertThat(share.punctuation(p)).as("sums exact").isNotNegative();
    }
  }
}
