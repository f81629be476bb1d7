package org.gazette.sample;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.gazette.sample.SampleContent.Article;

/**
 * The sample site's admin endpoints, for changing it by hand while {@code gazette sample-site}
 * runs: {@code POST /_sample/publish} (201, Location of the new article) and
 * {@code POST /_sample/edit?path=/news/...} (204; 404 if no article is served there, 400
 * without a path). Only POST reaches them: a GET or HEAD is an ordinary 404, so a crawler that
 * somehow found them could change nothing, and no page links to them.
 */
final class SampleAdmin {

  /** Every admin path starts with this. */
  static final String PREFIX = "/_sample/";
  private static final String PUBLISH = SampleNewsSite.PUBLISH_PATH;
  private static final String EDIT = SampleNewsSite.EDIT_PATH;

  private static final String TEXT = "text/plain; charset=utf-8";

  private final SampleEditor editor;
  private final URI baseUri;

  SampleAdmin(SampleEditor editor, URI baseUri) {
    this.editor = editor;
    this.baseUri = baseUri;
  }

  /** True for the requests this class answers: POSTs under {@link #PREFIX}. */
  static boolean isAdmin(String method, String rawPath) {
    return method.equals("POST") && rawPath.startsWith(PREFIX);
  }

  /** Carries out an admin request; sets the headers, sends nothing. */
  Reply answer(HttpExchange exchange) {
    Headers out = exchange.getResponseHeaders();
    out.set("Cache-Control", "no-store");
    URI request = exchange.getRequestURI();
    switch (request.getRawPath()) {
      case PUBLISH -> {
        Article article = editor.publish();
        URI uri = baseUri.resolve(article.path());
        out.set("Location", uri.toString());
        return text(out, 201, uri + "\n"); // what curl shows: the page to open next
      }
      case EDIT -> {
        Optional<String> path;
        try {
          path = parameter(request.getRawQuery(), "path");
        } catch (IllegalArgumentException e) {
          return text(out, 400, "malformed query: " + e.getMessage() + "\n");
        }
        if (path.isEmpty()) {
          return text(out, 400, "usage: POST " + EDIT + "?path=/news/yyyy/MM/dd/<id>.shtml\n");
        }
        return editor.edit(path.get()).isPresent() ? new Reply(204, null, false)
            : text(out, 404, "no article at " + path.get() + "\n");
      }
      default -> {
        return text(out, 404,
            "admin endpoints: POST " + PUBLISH + ", POST " + EDIT + "?path=...\n");
      }
    }
  }

  /** The first value of {@code name} in a raw query string, percent-decoded. */
  static Optional<String> parameter(String rawQuery, String name) {
    if (rawQuery == null) {
      return Optional.empty();
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (key.equals(name) && eq > 0) {
        return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }

  private static Reply text(Headers out, int status, String text) {
    out.set("Content-Type", TEXT);
    return new Reply(status, text.getBytes(StandardCharsets.UTF_8), false);
  }
}
