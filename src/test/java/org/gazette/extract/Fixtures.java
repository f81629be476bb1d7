package org.gazette.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** The HTML fixtures under {@code src/test/resources/html/}, parsed as the crawler would. */
final class Fixtures {

  static final String PORTAL_ARTICLE = "portal-article-pinyin-artifacts.html";
  static final String PORTAL_ARTICLE_URL =
      "https://news.example.com/internation/2020_03_18_541914.shtml";
  static final String PORTAL_LISTING = "portal-listing-section-page.html";
  static final String PORTAL_LISTING_URL = "https://news.example.com/internation/";
  static final String ENGLISH_ARTICLE = "english-article-time-jsonld.html";
  static final String ENGLISH_ARTICLE_URL =
      "https://www.example.org/us/2021/06/02/heat-wave-power-grid/?utm_source=rss";
  static final String BR_ARTICLE = "simplified-article-br-body.html";
  static final String BR_ARTICLE_URL = "http://news.example.cn/society/2020-03/10/c_1125690001.htm";

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final Instant FETCHED = Instant.parse("2026-11-26T10:00:00Z");
  static final WarcRef WARC =
      new WarcRef("PORTAL-20261126100000000-00000-host.warc.gz", 12345,
          "<urn:uuid:0b7a4c54-6d5f-4b0e-9a51-3c2f1f6f0e11>", "sha1:2KJ3Q6ZQ7LZ5KXW3RZ2V4Q6ZQ7LZ5KXW");

  private Fixtures() {}

  /** Parses a fixture with the page URL as base URI, as the crawler does. */
  static Document load(String name, String url) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/html/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture html/" + name);
      }
      return Jsoup.parse(in, "UTF-8", url);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PageContext context(String url, ZoneId zone) {
    return new PageContext("portal", url, FETCHED, 200, zone, WARC);
  }
}
