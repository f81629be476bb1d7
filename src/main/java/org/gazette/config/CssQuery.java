package org.gazette.config;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * A selector of a site profile: a jsoup CSS query, and the attribute to read instead of the
 * element's text when the selector ends in {@code @name} ({@code meta[name=author]@content}).
 *
 * @param css the CSS query, e.g. {@code div.article-info span.time}
 * @param attribute the attribute to read, or null for the element's text
 * @param evaluator the parsed query, so pages do not parse it again
 */
public record CssQuery(String css, String attribute, Evaluator evaluator) {

  /** {@code @name} at the very end, after the last bracket: an attribute, not part of the CSS. */
  private static final Pattern ATTRIBUTE = Pattern.compile("^(.*?)\\s*@([A-Za-z_:][-\\w:.]*)$");

  public CssQuery {
    Objects.requireNonNull(css, "css");
    Objects.requireNonNull(evaluator, "evaluator");
  }

  /**
   * Parses a selector as written in a site file.
   *
   * @throws IllegalArgumentException naming what is wrong, when it is not a jsoup CSS query
   */
  public static CssQuery parse(String text) {
    Objects.requireNonNull(text, "text");
    String css = text.strip();
    String attribute = null;
    Matcher m = ATTRIBUTE.matcher(css);
    if (m.matches() && m.group(1).lastIndexOf(']') >= m.group(1).lastIndexOf('[')
        && !m.group(1).isBlank()) {
      css = m.group(1);
      attribute = m.group(2);
    }
    try {
      return new CssQuery(css, attribute, QueryParser.parse(css));
    } catch (Selector.SelectorParseException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "bad CSS selector " + Values.quote(text) + ": " + e.getMessage(), e);
    }
  }

  /** Equal when written the same: parsed evaluators have no equality of their own. */
  @Override
  public boolean equals(Object o) {
    return o instanceof CssQuery q && css.equals(q.css) && Objects.equals(attribute, q.attribute);
  }

  @Override
  public int hashCode() {
    return Objects.hash(css, attribute);
  }

  @Override
  public String toString() {
    return attribute == null ? css : css + "@" + attribute;
  }
}
