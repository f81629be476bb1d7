package org.gazette.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.gazette.fetch.HttpHeader;
import org.gazette.records.HttpPage;
import org.gazette.records.PageRecords;
import org.gazette.records.SiteRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden records: a dozen pages built in different ways (JSON-LD only, an {@code @graph},
 * OpenGraph only, microdata and {@code <time>}, no metadata at all, English and Chinese, GBK and
 * Big5 declared only in the page, a listing, a wrong {@code lang}, {@code <br>} paragraphs,
 * relative times) under {@code src/test/resources/golden/}, each with the JSON record the
 * generic extractor must make of it, written out and read over by hand.
 *
 * <p>The pages go through the crawl's path ({@link PageRecords}) as responses whose
 * Content-Type names no charset. After a deliberate change of the extractor, run with
 * {@code -Dgolden.update=true} to rewrite the JSON files, and review their diff.
 */
class GoldenPagesTest {

  private static final Instant FETCHED = Instant.parse("2026-11-26T10:17:43Z");
  private static final Path SOURCE = Path.of("src/test/resources/golden");
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  static Stream<Arguments> pages() {
    return Stream.of(
        page("jsonld-only-en", "https://harbortimes.example/2024/02/11/storm-ports", null),
        page("jsonld-graph-en", "https://citydesk.example/2023/library/", null),
        page("opengraph-only-en", "https://daily.example.co.uk/business/rail-strike", null),
        page("no-metadata-en", "https://valleynews.example/news/frost-losses", "America/Denver"),
        page("no-metadata-zh-hant", "https://citydaily.example.tw/news/2021/05/06/1000.html",
            null),
        page("gbk-zh-hans", "http://news.example.cn/politics/2020-03/10/c_1.htm", null),
        page("big5-zh-hant", "https://news.example.com.tw/life/20190809/typhoon.html", null),
        page("listing-zh-hans", "https://kuaibao.example.cn/world/", "Asia/Shanghai"),
        page("wrong-lang-zh-hant", "https://hknews.example.hk/port-record", null),
        page("time-microdata-en", "https://artsdaily.example/2022/11/painting-returned", null),
        page("br-body-zh-hans", "https://wanbao.example.cn/2021/07/20/rain.html", null),
        page("relative-time-zh-hant", "https://kuaixun.example.hk/instant/", "Asia/Hong_Kong"));
  }

  private static Arguments page(String name, String url, String zone) {
    return Arguments.of(name, url, zone);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void makesTheGoldenRecord(String name, String url, String zone) throws Exception {
    byte[] html;
    try (InputStream in = GoldenPagesTest.class.getResourceAsStream("/golden/" + name + ".html")) {
      html = in.readAllBytes();
    }
    SiteRules rules = SiteRules.generic("golden", zone == null ? null : ZoneId.of(zone));
    PageRecords.Result result = new PageRecords("gazette").extract(
        new HttpPage(url, FETCHED, 200, List.of(new HttpHeader("Content-Type", "text/html")),
            html, null),
        rules, false);
    JsonNode actual = JSON.readTree(RecordJson.write(result.record()));

    Path expectedFile = SOURCE.resolve(name + ".json");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(expectedFile, JSON.writeValueAsString(actual) + "\n");
    }
    JsonNode expected = JSON.readTree(Files.readString(expectedFile));
    assertThat(JSON.writeValueAsString(actual)).as(name)
        .isEqualTo(JSON.writeValueAsString(expected));
  }
}
