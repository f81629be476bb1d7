package org.gazette.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gazette.archive.RequestRecord;
import org.gazette.archive.ResponseRecord;
import org.gazette.archive.WarcRecord;
import org.gazette.fetch.HttpExchange;
import org.gazette.fetch.HttpHeader;
import org.gazette.fetch.Truncation;
import org.gazette.sample.SampleNewsSite;
import org.gazette.testing.SampleExchanges;

/**
 * Benchmark inputs: HTTP exchanges of news pages of 30 to 60 KB, made from the bundled sample
 * site's pages and deterministic from run to run.
 *
 * <p>The sample site's pages are 3 to 8 KB, smaller than a real portal's, whose pages carry far
 * more navigation, inline script and "related" blocks. Each body here is one of its article pages
 * with the {@code <body>} contents of other pages (articles and listings, in a fixed random order)
 * spliced in before {@code </body>} until it reaches its size, drawn between 30 and 55 KB (the
 * last fragment may take it to about 60 KB). Text and markup are all real sample-site bytes, so
 * they compress as the sample site's pages do (about 4 to 1 at gzip's default level), not as a
 * repeated string would.
 */
final class NewsExchanges {

  /** How the response body travels. */
  enum Encoding {
    /** {@code Content-Length}, body as is: the block compresses well. */
    PLAIN,
    /**
     * {@code Content-Encoding: gzip}, sent chunked (8 KB chunks): the block is mostly compressed
     * bytes, and the payload digest is over the de-chunked gzip stream.
     */
    GZIP
  }

  private static final Pattern ARTICLE_LINK =
      Pattern.compile("href=\"(?:https?://[^/\"]+)?(" + SampleNewsSite.ARTICLE_PATH_REGEX + ")\"");
  private static final int MIN_TARGET = 30 * 1024;
  private static final int MAX_TARGET = 55 * 1024;
  private static final String HOST = "news.example.com";

  private final List<HttpExchange> exchanges;
  private final List<byte[]> records;
  private final long recordBytes;

  private NewsExchanges(List<HttpExchange> exchanges, List<byte[]> records) {
    this.exchanges = List.copyOf(exchanges);
    this.records = List.copyOf(records);
    long sum = 0;
    for (byte[] r : records) {
      sum += r.length;
    }
    this.recordBytes = sum;
  }

  /**
   * {@code count} exchanges with bodies in {@code encoding}, built from the sample site's pages
   * (served on loopback for the moment it takes to read them).
   */
  static NewsExchanges build(int count, Encoding encoding) {
    List<byte[]> pages = samplePages();
    List<byte[]> articles = new ArrayList<>();
    List<byte[]> fragments = new ArrayList<>();
    for (byte[] page : pages) {
      String html = new String(page, StandardCharsets.ISO_8859_1); // byte for byte
      if (html.contains("id=\"article\"")) {
        articles.add(page);
      }
      int open = html.indexOf("<body");
      int close = html.lastIndexOf("</body>");
      if (open >= 0 && close > open) {
        fragments.add(html.substring(html.indexOf('>', open) + 1, close)
            .getBytes(StandardCharsets.ISO_8859_1));
      }
    }
    if (articles.isEmpty()) {
      articles = pages;
    }
    Random random = new Random(20261126L);
    List<HttpExchange> exchanges = new ArrayList<>(count);
    List<byte[]> records = new ArrayList<>(2 * count);
    for (int i = 0; i < count; i++) {
      byte[] article = articles.get(i % articles.size());
      int target = MIN_TARGET + random.nextInt(MAX_TARGET - MIN_TARGET + 1);
      byte[] body = grow(article, fragments, target, random);
      URI uri = URI.create("https://" + HOST + "/news/2026/11/26/" + (600000 + i) + ".shtml");
      HttpExchange exchange = exchange(uri, body, encoding, i);
      exchanges.add(exchange);
      records.add(serialize(new RequestRecord(id(2 * i), id(-1), id(2 * i + 1), exchange)));
      records.add(serialize(new ResponseRecord(id(2 * i + 1), id(-1), id(2 * i), exchange)));
    }
    return new NewsExchanges(exchanges, records);
  }

  /** The exchanges, in order. */
  List<HttpExchange> exchanges() {
    return exchanges;
  }

  /**
   * Every exchange's request and response record as gazette serializes them before compression
   * (WARC header, block, CRLF CRLF), in order: the same bytes the raw-gzip baseline compresses.
   */
  List<byte[]> records() {
    return records;
  }

  /** The uncompressed bytes of all {@link #records()}. */
  long recordBytes() {
    return recordBytes;
  }

  /** Mean size of a response body (as sent: encoded and chunked where it was). */
  double meanBodyBytes() {
    long sum = 0;
    for (HttpExchange e : exchanges) {
      sum += e.response().length - e.bodyOffset();
    }
    return (double) sum / exchanges.size();
  }

  private static byte[] grow(byte[] article, List<byte[]> fragments, int target, Random random) {
    String html = new String(article, StandardCharsets.ISO_8859_1);
    int close = html.lastIndexOf("</body>");
    if (close < 0) {
      close = html.length();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(target + 16 * 1024);
    out.write(article, 0, close);
    List<byte[]> order = new ArrayList<>(fragments);
    java.util.Collections.shuffle(order, random);
    int next = 0;
    while (out.size() + (article.length - close) < target) {
      byte[] fragment = order.get(next++ % order.size());
      out.writeBytes("\n<!-- block -->\n".getBytes(StandardCharsets.US_ASCII));
      out.write(fragment, 0, fragment.length);
    }
    out.write(article, close, article.length - close);
    return out.toByteArray();
  }

  private static HttpExchange exchange(URI uri, byte[] html, Encoding encoding, int i) {
    byte[] payload;
    byte[] body;
    StringBuilder head = new StringBuilder(512)
        .append("HTTP/1.1 200 OK\r\n")
        .append("Server: nginx/1.24.0\r\n")
        .append("Date: Thu, 26 Nov 2026 10:00:00 GMT\r\n")
        .append("Content-Type: text/html; charset=utf-8\r\n");
    if (encoding == Encoding.GZIP) {
      payload = SampleExchanges.gzip(html);
      body = SampleExchanges.chunk(payload, 8192);
      head.append("Transfer-Encoding: chunked\r\n")
          .append("Connection: keep-alive\r\n")
          .append("Vary: Accept-Encoding\r\n")
          .append("Content-Encoding: gzip\r\n");
    } else {
      payload = html;
      body = html;
      head.append("Content-Length: ").append(html.length).append("\r\n")
          .append("Connection: keep-alive\r\n")
          .append("Vary: Accept-Encoding\r\n");
    }
    head.append("Last-Modified: Thu, 26 Nov 2026 09:58:")
        .append(String.format("%02d", i % 60)).append(" GMT\r\n")
        .append("ETag: W/\"").append(Integer.toHexString(java.util.Arrays.hashCode(html)))
        .append("\"\r\n")
        .append("Cache-Control: max-age=60\r\n")
        .append("X-Cache: MISS from edge-3\r\n")
        .append("\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
    byte[] response = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, response, 0, headBytes.length);
    System.arraycopy(body, 0, response, headBytes.length, body.length);
    return new HttpExchange(uri, SampleExchanges.DATE, SampleExchanges.IP,
        SampleExchanges.request(uri), response, headBytes.length, 200, headers(head.toString()),
        payload, Truncation.NONE, 42);
  }

  private static List<HttpHeader> headers(String head) {
    List<HttpHeader> headers = new ArrayList<>();
    String[] lines = head.split("\r\n");
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.add(new HttpHeader(lines[i].substring(0, colon),
          lines[i].substring(colon + 1).trim()));
    }
    return headers;
  }

  private static byte[] serialize(WarcRecord record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) record.contentLength() + 1024);
    try {
      record.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  // record ids of the length WarcRecord.newRecordId() makes, so headers are as long as gazette's
  private static String id(int n) {
    return String.format("<urn:uuid:00000000-0000-4000-8000-%012x>", n & 0xffffffffL);
  }

  /** The front page, the listings and every article the listings link, as served (no gzip). */
  private static List<byte[]> samplePages() {
    try (SampleNewsSite site = SampleNewsSite.start("127.0.0.1", 0)) {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      URI base = site.baseUri();
      List<String> listings = new ArrayList<>(List.of("/"));
      for (int n = 1; n <= SampleNewsSite.LISTING_PAGE_COUNT; n++) {
        listings.add("/list/" + n + ".html");
      }
      List<byte[]> pages = new ArrayList<>();
      Set<String> articles = new LinkedHashSet<>();
      for (String path : listings) {
        byte[] page = get(client, base.resolve(path));
        pages.add(page);
        Matcher m = ARTICLE_LINK.matcher(new String(page, StandardCharsets.ISO_8859_1));
        while (m.find()) {
          articles.add(m.group(1));
        }
      }
      for (String path : articles) {
        pages.add(get(client, base.resolve(path)));
      }
      if (articles.size() < 10) {
        throw new IllegalStateException("sample site listed only " + articles.size() + " articles");
      }
      return pages;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] get(HttpClient client, URI uri) throws IOException {
    try {
      HttpResponse<byte[]> response =
          client.send(HttpRequest.newBuilder(uri).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IOException(uri + ": HTTP " + response.statusCode());
      }
      return response.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
