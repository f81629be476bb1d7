package org.gazette.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordJsonTest {

  /**
   * The key order of DESIGN.md, "JSON records", with "robots" (the page's robots directives,
   * asked for by the politeness issue) before "warc", and "charset" (the encoding the page was
   * read in) after "language" in articles and after "fetched_at" in listings.
   */
  static final List<String> ARTICLE_KEYS = List.of(
      "type", "schema", "site", "url", "canonical_url", "fetched_at", "status", "title",
      "published", "modified", "authors", "editor", "source", "section", "language", "charset",
      "description", "image", "body", "related", "extractor", "robots", "warc");
  static final List<String> LISTING_KEYS =
      List.of("type", "schema", "site", "url", "fetched_at", "charset", "items", "robots", "warc");
  static final List<String> WARC_KEYS = List.of("file", "offset", "record_id", "payload_digest");
  static final List<String> RELATED_KEYS = List.of("title", "url", "comments");
  static final List<String> ITEM_KEYS = List.of("title", "url", "time", "section", "comments");

  @Test
  void writesTheSameRecordAsUtf8BytesAndALoneSurrogateEscaped() throws Exception {
    ArticleRecord r = new ArticleRecord("portal", "https://a/1", "https://a/1",
        Instant.parse("2026-11-26T10:00:00Z"), 200, "新聞 “quoted” 😀 𠀀", null, null, List.of(),
        null, null, null, "zh-Hant", "UTF-8", null, null,
        "p1\n\np2\t\\ \"\u0001\u001f\u007f\u2028\ufffd\u00e9</script>", List.of(), "generic",
        Fixtures.WARC);
    assertThat(new String(RecordJson.writeUtf8(r), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(RecordJson.write(r));

    // from a JSON-LD "\\ud800": its text cannot be encoded, its JSON escape can
    ArticleRecord lone = new ArticleRecord("portal", "https://a/1", "https://a/1", null, null,
        "a\ud800b", null, null, List.of(), null, null, null, null, null, null, null, null,
        List.of(), "generic", null);
    String json = new String(RecordJson.writeUtf8(lone), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(json).contains("\"title\":\"a\\uD800b\"");
    assertThat(RecordJson.mapper().readTree(json).get("title").asText()).isEqualTo("a\ud800b");
  }

  @Test
  void writesArticleKeysInDesignOrderOnOneLine() throws Exception {
    ArticleRecord r = new ArticleRecord("portal", "https://a/1", "https://a/1",
        Instant.parse("2026-11-26T10:00:00Z"), 200, "t",
        OffsetDateTime.parse("2020-03-18T22:36:10+08:00"), null, List.of(), "連政", "外交部網站",
        "國際", "zh-Hant", "Big5", null, null, "p1\n\np2",
        List.of(new RelatedItem("r", "https://a/2", 51)), "generic", Fixtures.WARC);
    String json = RecordJson.write(r);

    assertThat(json).doesNotContain("\n").startsWith("{\"type\":\"article\",\"schema\":1,");
    JsonNode tree = RecordJson.mapper().readTree(json);
    assertThat(keys(tree)).isEqualTo(ARTICLE_KEYS);
    assertThat(keys(tree.get("warc"))).isEqualTo(WARC_KEYS);
    assertThat(keys(tree.get("related").get(0))).isEqualTo(RELATED_KEYS);
    assertThat(json).contains("\"fetched_at\":\"2026-11-26T10:00:00Z\"")
        .contains("\"published\":\"2020-03-18T22:36:10+08:00\"")
        .contains("\"modified\":null")
        .contains("\"language\":\"zh-Hant\",\"charset\":\"Big5\",\"description\":null")
        .contains("\"body\":\"p1\\n\\np2\"")
        .contains("\"record_id\":\"<urn:uuid:0b7a4c54-6d5f-4b0e-9a51-3c2f1f6f0e11>\"");
  }

  @Test
  void writesListingKeysInDesignOrder() throws Exception {
    ListingRecord r = new ListingRecord("portal", "https://a/", Instant.parse("2026-11-26T10:00:00Z"),
        "GB18030", List.of(new ListingItem("t", "https://a/1",
            OffsetDateTime.parse("2020-03-18T22:15+08:00"), "股市", null)), null);
    String json = RecordJson.write(r);

    JsonNode tree = RecordJson.mapper().readTree(json);
    assertThat(keys(tree)).isEqualTo(LISTING_KEYS);
    assertThat(keys(tree.get("items").get(0))).isEqualTo(ITEM_KEYS);
    // OffsetDateTime.toString() would drop the seconds: 2020-03-18T22:15+08:00
    assertThat(json).contains("\"time\":\"2020-03-18T22:15:00+08:00\"")
        .contains("\"fetched_at\":\"2026-11-26T10:00:00Z\",\"charset\":\"GB18030\",")
        .contains("\"comments\":null")
        .endsWith("\"warc\":null}");
  }

  @Test
  void writesTheSameWithAPlainMapperWithoutJavaTimeSupport() throws Exception {
    // the archive package may serialize records with its own mapper
    ListingRecord r = new ListingRecord("portal", "https://a/", Instant.parse("2026-11-26T10:00:00Z"),
        "UTF-8", List.of(new ListingItem("t", "https://a/1",
            OffsetDateTime.parse("2020-03-18T22:15+08:00"), null, null)), Fixtures.WARC);
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(r))
        .isEqualTo(RecordJson.write(r))
        .contains("\"fetched_at\":\"2026-11-26T10:00:00Z\"")
        .contains("\"time\":\"2020-03-18T22:15:00+08:00\"");
  }

  @Test
  void neverWritesNullLists() {
    ArticleRecord r = new ArticleRecord("s", "u", "u", Instant.EPOCH, 200, null, null, null,
        null, null, null, null, null, null, null, null, null, null, "generic", null);
    assertThat(RecordJson.write(r)).contains("\"authors\":[]").contains("\"related\":[]")
        .contains("\"charset\":null");
    assertThat(new ListingRecord("s", "u", Instant.EPOCH, null, null, null).items()).isEmpty();
  }

  @Test
  void keepsFractionsOnlyWhenPresent() {
    assertThat(RecordJson.format(OffsetDateTime.parse("2020-03-18T14:36:10.5Z")))
        .isEqualTo("2020-03-18T14:36:10.5Z");
    assertThat(RecordJson.format(OffsetDateTime.parse("2020-03-18T14:36Z")))
        .isEqualTo("2020-03-18T14:36:00Z");
  }

  static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }
}
