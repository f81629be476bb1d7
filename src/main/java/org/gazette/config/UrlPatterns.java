package org.gazette.config;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The regular expressions that make a URL a listing page or an article page of a site.
 *
 * <p>A URL matches when any pattern is found anywhere in the whole URL ({@link
 * java.util.regex.Matcher#find()}), so patterns anchor themselves where they need to: {@code /$}
 * is "ends with a slash".
 *
 * @param urlPatterns the compiled patterns, in file order; empty matches nothing
 */
public record UrlPatterns(List<Pattern> urlPatterns) {

  /** No patterns: matches nothing. */
  public static final UrlPatterns NONE = new UrlPatterns(List.of());

  public UrlPatterns {
    urlPatterns = List.copyOf(urlPatterns);
  }

  /** Compiles each of {@code regexes}; throws PatternSyntaxException for a bad one. */
  public static UrlPatterns of(String... regexes) {
    return new UrlPatterns(
        Stream.of(regexes).map(Pattern::compile).collect(Collectors.toList()));
  }

  /** True when any pattern is found in {@code url}. */
  public boolean matches(String url) {
    for (Pattern p : urlPatterns) {
      if (p.matcher(url).find()) {
        return true;
      }
    }
    return false;
  }

  /** True when there are no patterns. */
  public boolean isEmpty() {
    return urlPatterns.isEmpty();
  }

  /** The patterns as written. */
  public List<String> regexes() {
    return urlPatterns.stream().map(Pattern::pattern).collect(Collectors.toList());
  }

  // Pattern has identity equality; compare what was written so that equal configs are equal.
  @Override
  public boolean equals(Object o) {
    return o instanceof UrlPatterns && written().equals(((UrlPatterns) o).written());
  }

  @Override
  public int hashCode() {
    return written().hashCode();
  }

  private List<String> written() {
    return urlPatterns.stream()
        .map(p -> p.flags() + "/" + p.pattern())
        .collect(Collectors.toList());
  }

  @Override
  public String toString() {
    return "UrlPatterns" + regexes();
  }
}
