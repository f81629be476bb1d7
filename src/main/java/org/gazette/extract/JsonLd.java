package org.gazette.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

/**
 * The schema.org article a page describes in {@code <script type="application/ld+json">}, if
 * any. Broken JSON-LD is common and is skipped, never an error.
 */
final class JsonLd {

  /** Lenient: pages ship comments, trailing commas and raw newlines in their JSON-LD. */
  private static final ObjectMapper LENIENT =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .build();

  private static final JsonLd NONE = new JsonLd(null, java.util.Map.of());

  private final JsonNode article;
  /** Every node of the page's JSON-LD with an {@code @id}, to follow references by id. */
  private final java.util.Map<String, JsonNode> byId;

  private JsonLd(JsonNode article, java.util.Map<String, JsonNode> byId) {
    this.article = article;
    this.byId = byId;
  }

  /** The page's article node: the first node typed as an article, else one with a date. */
  static JsonLd read(Document doc) {
    return read(PageElements.of(doc));
  }

  private static final Evaluator LD_SCRIPT = PageElements.selector("script[type=application/ld+json]");

  /** {@link #read(Document)}. */
  static JsonLd read(PageElements page) {
    List<JsonNode> nodes = new ArrayList<>();
    for (Element script : page.select("script", LD_SCRIPT)) {
      try {
        flatten(LENIENT.readTree(script.data()), nodes);
      } catch (JsonProcessingException broken) {
        // a page's broken JSON-LD is the page's problem; the other sources still work
      }
    }
    java.util.Map<String, JsonNode> byId = new java.util.HashMap<>();
    for (JsonNode node : nodes) {
      if (node.path("@id").isTextual()) {
        byId.putIfAbsent(node.path("@id").asText(), node);
      }
    }
    JsonNode dated = null;
    for (JsonNode node : nodes) {
      if (isArticleType(node.path("@type"))) {
        return new JsonLd(node, byId);
      }
      if (dated == null && node.hasNonNull("datePublished")) {
        dated = node;
      }
    }
    return dated == null ? NONE : new JsonLd(dated, byId);
  }

  /** True if the page declares an article type (NewsArticle, BlogPosting, ...). */
  boolean isArticle() {
    return article != null && isArticleType(article.path("@type"));
  }

  /** A text field of the article, e.g. {@code datePublished}, or the first of an array. */
  Optional<String> text(String field) {
    if (article == null) {
      return Optional.empty();
    }
    JsonNode value = article.path(field);
    if (value.isArray()) {
      value = value.path(0);
    }
    if (value.isObject()) {
      value = resolve(value);
      value = value.has("name") ? value.path("name") : value.path("url");
    }
    return value.isValueNode() && !value.asText().isBlank()
        ? Optional.of(value.asText())
        : Optional.empty();
  }

  /**
   * The article's author names, in order: its persons, or when it names none, its
   * organizations (a publisher given as author beside the writer is not one).
   */
  List<String> authors() {
    List<String> people = new ArrayList<>();
    List<String> organizations = new ArrayList<>();
    if (article == null) {
      return people;
    }
    JsonNode author = article.path("author");
    for (JsonNode a : author.isArray() ? author : List.of(author)) {
      // {"@id": "..."}: the Person is elsewhere in the @graph
      JsonNode node = a.isTextual() ? a : resolve(a);
      String name = a.isTextual() ? a.asText() : node.path("name").asText("");
      if (name.isBlank()) {
        continue;
      }
      String type = node.path("@type").isArray() ? node.path("@type").path(0).asText("")
          : node.path("@type").asText("");
      (type.equals("Organization") || type.equals("NewsMediaOrganization")
          ? organizations : people).add(name);
    }
    return people.isEmpty() ? organizations : people;
  }

  /** The node a bare reference ({@code {"@id": "..."}}) points to, else the node itself. */
  private JsonNode resolve(JsonNode node) {
    if (node.isObject() && node.size() == 1 && node.path("@id").isTextual()) {
      return byId.getOrDefault(node.path("@id").asText(), node);
    }
    return node;
  }

  private static void flatten(JsonNode node, List<JsonNode> out) {
    if (node.isArray()) {
      node.forEach(n -> flatten(n, out));
    } else if (node.isObject()) {
      out.add(node);
      if (node.has("@graph")) {
        flatten(node.get("@graph"), out);
      }
    }
  }

  private static boolean isArticleType(JsonNode type) {
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (isArticleType(t)) {
          return true;
        }
      }
      return false;
    }
    String t = type.asText("");
    return t.endsWith("Article") || t.equals("BlogPosting") || t.equals("Report");
  }
}
