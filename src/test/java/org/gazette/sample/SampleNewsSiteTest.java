package org.gazette.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SampleNewsSiteTest {

  private static final String UA = "gazette-test/1.0 (+https://example.org/crawler)";
  private static final Pattern ARTIFACT =
      Pattern.compile("\\p{IsHan}\\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\\)");

  private static SampleNewsSite site;
  private static HttpClient client;

  @BeforeAll
  static void start() throws IOException {
    site = SampleNewsSite.start("127.0.0.1", 0);
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  private static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    return send("GET", site.baseUri().resolve(path), headers);
  }

  private static HttpResponse<byte[]> send(String method, URI uri, String... headers)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
        .method(method, HttpRequest.BodyPublishers.noBody()).header("User-Agent", UA);
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static Document page(String path) throws Exception {
    HttpResponse<byte[]> r = get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return Jsoup.parse(new String(r.body(), StandardCharsets.UTF_8), site.baseUri().toString());
  }

  @Test
  void robotsTxtDisallowsPrivateWithoutCrawlDelayByDefault() throws Exception {
    HttpResponse<byte[]> r = get("/robots.txt");
    String robots = new String(r.body(), StandardCharsets.UTF_8);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(robots.lines()).contains("User-agent: *", "Disallow: /private/");
    assertThat(robots).doesNotContainIgnoringCase("crawl-delay");
  }

  @Test
  void robotsTxtCarriesCrawlDelayWhenAsked() throws Exception {
    SampleNewsSite.Options half = SampleNewsSite.Options.defaults()
        .withCrawlDelay(Duration.ofMillis(500));
    try (SampleNewsSite other = SampleNewsSite.start("127.0.0.1", 0, half);
        SampleNewsSite whole = SampleNewsSite.start("127.0.0.1", 0,
            new SampleNewsSite.Options(Duration.ofSeconds(2)))) {
      assertThat(body(other.baseUri().resolve("/robots.txt")).lines()).contains("Crawl-delay: 0.5");
      assertThat(body(whole.baseUri().resolve("/robots.txt")).lines()).contains("Crawl-delay: 2");
      assertThat(other.baseUri().getPort()).isNotEqualTo(site.baseUri().getPort());
    }
  }

  private static String body(URI uri) throws Exception {
    return new String(send("GET", uri).body(), StandardCharsets.UTF_8);
  }

  @Test
  void frontPageLinksToTheDisallowedPageWhichExists() throws Exception {
    Document front = page("/");
    assertThat(front.select("a[href]").eachAttr("href")).contains(SampleNewsSite.DISALLOWED_PATH);
    assertThat(SampleNewsSite.DISALLOWED_PATH).startsWith(SampleNewsSite.DISALLOWED_PREFIX);
    assertThat(get(SampleNewsSite.DISALLOWED_PATH).statusCode()).isEqualTo(200);
    assertThat(page("/index.html").title()).isEqualTo(front.title());
  }

  @Test
  void listingPagesReachEveryArticle() throws Exception {
    Set<String> articles = new LinkedHashSet<>();
    List<String> listings = new ArrayList<>();
    String next = "/list/1.html";
    while (next != null) {
      listings.add(next);
      Document list = page(next);
      List<Element> items = list.select("ul.news-list > li.item");
      if (listings.size() < SampleNewsSite.LISTING_PAGE_COUNT) {
        assertThat(items).as(next).hasSizeBetween(12, 15);
      }
      for (Element item : items) {
        URI uri = URI.create(item.selectFirst("h3 > a").absUrl("href"));
        assertThat(uri.getAuthority()).isEqualTo(site.baseUri().getAuthority());
        assertThat(uri.getPath()).matches(SampleNewsSite.ARTICLE_PATH_REGEX);
        assertThat(item.selectFirst(".time").text()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        articles.add(uri.getPath());
      }
      Element more = list.selectFirst("div.pages a:contains(下一頁)");
      next = more == null ? null : URI.create(more.absUrl("href")).getPath();
      if (next != null) {
        assertThat(listings).as("pagination loops").doesNotContain(next);
      }
    }
    assertThat(listings).hasSize(SampleNewsSite.LISTING_PAGE_COUNT);
    assertThat(articles).hasSize(SampleNewsSite.ARTICLE_COUNT).hasSizeGreaterThanOrEqualTo(30)
        .contains(SampleNewsSite.SEED_ARTICLE_PATH, SampleNewsSite.GBK_PAGE_PATH,
            SampleNewsSite.GB2312_PAGE_PATH, SampleNewsSite.BIG5_PAGE_PATH);
    for (String article : articles) {
      assertThat(get(article).statusCode()).as(article).isEqualTo(200);
    }
    // The seed's listing, item for item: headline, then time and column.
    Element second = page("/list/1.html").select("li.item").get(1);
    assertThat(second.text()).isEqualTo("特朗普:暫時(shí)關(guān)閉北部美加邊境 2020-03-18 22:15 美國一夢");
  }

  @Test
  void seedArticleIsServedAsInTheSeed() throws Exception {
    HttpResponse<byte[]> r = get(SampleNewsSite.SEED_ARTICLE_PATH);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    String html = new String(r.body(), StandardCharsets.UTF_8);
    assertThat(html).contains("<title>拉夫羅夫:感謝中方迅速及時(shí)回應(yīng)俄方的采購需求_環球新聞網</title>",
        "<html lang=\"zh-Hant\">");
    Document doc = Jsoup.parse(html, site.baseUri().toString());
    assertThat(doc.selectFirst("h1").text()).isEqualTo(SampleNewsSite.SEED_ARTICLE_TITLE);
    assertThat(doc.selectFirst("meta[property=og:title]").attr("content"))
        .isEqualTo(SampleNewsSite.SEED_ARTICLE_TITLE);
    assertThat(doc.selectFirst("meta[property=og:type]").attr("content")).isEqualTo("article");
    assertThat(doc.selectFirst("meta[name=description]").attr("content")).startsWith("據(jù)外交部");
    assertThat(doc.selectFirst(".article-info .time").text()).isEqualTo("最后更新: 2020-03-18 22:36:10");
    assertThat(doc.selectFirst(".article-info .source").text()).isEqualTo("來源: 外交部網站");
    List<String> body = doc.select("div.article-content > p").eachText();
    assertThat(body).hasSize(5);
    assertThat(body.get(0)).isEqualTo(
        "據(jù)外交部網(wǎng)站消息,2020年3月18日,國務(wù)委員兼外長王毅應(yīng)約同俄羅斯外長拉夫羅夫通電話。");
    assertThat(body.get(4)).startsWith("拉夫羅夫表示,在習(xí)近平主席領(lǐng)導(dǎo)下")
        .endsWith("各國應(yīng)該攜手應(yīng)對(duì),而不是訴諸類似的投機(jī)行徑。");
    assertThat(doc.selectFirst(".editor").text()).isEqualTo("責任編輯: 連政");
    // Related block: the seed's five, with comment counts, outside the body container.
    Element related = doc.selectFirst("div.related");
    assertThat(related.selectFirst("h3").text()).isEqualTo("相關推薦");
    assertThat(related.parents()).noneMatch(e -> e.hasClass("article-content"));
    assertThat(related.select("li").eachText()).hasSize(5)
        .first().isEqualTo("又一位頂尖華人科學(xué)家從美回國! 評論 51");
    assertThat(related.select(".comments").eachText())
        .containsExactly("評論 51", "評論 141", "評論 158", "評論 78", "評論 8");
    assertThat(doc.select("div.hot li a")).hasSize(16);
    assertThat(doc.selectFirst("div.hot h3").text()).isEqualTo("最新聞 Hot");
    // Clutter a body extractor must leave out.
    assertThat(doc.select("div.ad")).isNotEmpty();
    assertThat(doc.select("script")).isNotEmpty();
    assertThat(doc.select("p").size()).isGreaterThan(body.size() + 2);
    assertThat(doc.select("#footer p").text()).contains("Copyright");
  }

  @Test
  void convertedArtifactsAndRealParenthesesAppearOnPages() throws Exception {
    int withArtifacts = 0;
    boolean ap = false;
    boolean year = false;
    for (int n = 1; n <= SampleNewsSite.LISTING_PAGE_COUNT; n++) {
      for (Element a : page("/list/" + n + ".html").select("li.item h3 a")) {
        String path = URI.create(a.absUrl("href")).getPath();
        if (List.of(SampleNewsSite.SEED_ARTICLE_PATH, SampleNewsSite.GBK_PAGE_PATH,
            SampleNewsSite.GB2312_PAGE_PATH, SampleNewsSite.BIG5_PAGE_PATH).contains(path)) {
          continue; // the seed has its own text; legacy pages never get artifacts
        }
        String body = page(path).select("div.article-content > p").text();
        withArtifacts += ARTIFACT.matcher(body).find() ? 1 : 0;
        ap |= body.contains("(AP)");
        year |= body.contains("(2020)");
      }
    }
    assertThat(withArtifacts).isBetween(5, SampleNewsSite.ARTICLE_COUNT - 10);
    assertThat(ap).isTrue();
    assertThat(year).isTrue();
  }

  @Test
  void gbkPageIsDeclaredOnlyInItsMetaTag() throws Exception {
    HttpResponse<byte[]> r = get(SampleNewsSite.GBK_PAGE_PATH);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html");
    String gbk = new String(r.body(), Charset.forName("GBK"));
    assertThat(gbk).contains("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">",
        "<title>" + SampleNewsSite.GBK_PAGE_TITLE + "_环球新闻网</title>", "<html lang=\"zh-Hans\">");
    assertThat(new String(r.body(), StandardCharsets.UTF_8))
        .doesNotContain(SampleNewsSite.GBK_PAGE_TITLE);
    // A parser that honours the meta tag finds the same title.
    Document doc = Jsoup.parse(new ByteArrayInputStream(r.body()), null, site.baseUri().toString());
    assertThat(doc.selectFirst("h1").text()).isEqualTo(SampleNewsSite.GBK_PAGE_TITLE);

    HttpResponse<byte[]> gb2312 = get(SampleNewsSite.GB2312_PAGE_PATH);
    assertThat(gb2312.headers().firstValue("Content-Type")).hasValue("text/html");
    assertThat(new String(gb2312.body(), Charset.forName("GB2312")))
        .contains("charset=gb2312", "世卫组织：欧洲已成为全球疫情“震中”");
  }

  @Test
  void big5PageIsDeclaredOnlyInItsMetaTag() throws Exception {
    HttpResponse<byte[]> r = get(SampleNewsSite.BIG5_PAGE_PATH);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html");
    String big5 = new String(r.body(), Charset.forName("Big5"));
    assertThat(big5).contains("<meta charset=\"big5\">",
        "<title>" + SampleNewsSite.BIG5_PAGE_TITLE + "_環球新聞網</title>");
    Document doc = Jsoup.parse(new ByteArrayInputStream(r.body()), null, site.baseUri().toString());
    assertThat(doc.selectFirst("h1").text()).isEqualTo(SampleNewsSite.BIG5_PAGE_TITLE);
    // Tone marks do not exist in Big5: the hot list carries them as character references.
    assertThat(doc.select("div.hot a").eachText()).contains("又一位頂尖華人科學(xué)家從美回國!");
  }

  @Test
  void gzipIsServedWhenAsked() throws Exception {
    for (String path : List.of(SampleNewsSite.SEED_ARTICLE_PATH, "/list/2.html")) {
      HttpResponse<byte[]> plain = get(path);
      HttpResponse<byte[]> gzipped = get(path, "Accept-Encoding", "gzip, deflate");
      assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
      assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
      assertThat(gzipped.headers().firstValue("Vary")).hasValue("Accept-Encoding");
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
        assertThat(in.readAllBytes()).isEqualTo(plain.body());
      }
    }
    assertThat(get(SampleNewsSite.SEED_ARTICLE_PATH, "Accept-Encoding", "gzip;q=0, identity")
        .headers().firstValue("Content-Encoding")).isEmpty();
  }

  @Test
  void requestLogRecordsWhatTheServerSaw() throws Exception {
    int before = site.requests().size();
    get("/list/3.html?from=test");
    get("/no/such/page.html");
    List<ServedRequest> log = site.requests();
    assertThat(log.size()).isGreaterThanOrEqualTo(before + 2);
    ServedRequest list = log.stream().filter(q -> q.path().equals("/list/3.html?from=test"))
        .findFirst().orElseThrow();
    assertThat(list.method()).isEqualTo("GET");
    assertThat(list.host()).isEqualTo(site.baseUri().getAuthority());
    assertThat(list.userAgent()).isEqualTo(UA);
    assertThat(list.status()).isEqualTo(200);
    ServedRequest missing = log.stream().filter(q -> q.path().equals("/no/such/page.html"))
        .findFirst().orElseThrow();
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.time()).isAfterOrEqualTo(list.time());
    assertThat(log.indexOf(missing)).isGreaterThan(log.indexOf(list));
  }

  @Test
  void requestLogIsCompleteAsSoonAsAResponseArrivesAndOrderedByTime() throws Exception {
    for (int i = 0; i < 20; i++) {
      get("/list/1.html?n=" + i);
      List<ServedRequest> log = site.requests();
      assertThat(log.get(log.size() - 1).path()).isEqualTo("/list/1.html?n=" + i);
    }
    List<CompletableFuture<HttpResponse<Void>>> parallel = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      HttpRequest request = HttpRequest.newBuilder(site.baseUri().resolve("/robots.txt?p=" + i))
          .build();
      parallel.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()));
    }
    parallel.forEach(CompletableFuture::join);
    List<ServedRequest> log = site.requests();
    assertThat(log.stream().filter(q -> q.path().startsWith("/robots.txt?p="))).hasSize(16);
    for (int i = 1; i < log.size(); i++) {
      assertThat(log.get(i).time()).isAfterOrEqualTo(log.get(i - 1).time());
    }
  }

  @Test
  void unknownPathsAre404WithAnHtmlBody() throws Exception {
    for (String path : List.of("/nope", "/news/2020/03/18/1.shtml", "/private/other.html",
        SampleNewsSite.SEED_ARTICLE_PATH.replace("/18/", "/19/"))) {
      HttpResponse<byte[]> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("404");
    }
    assertThat(send("POST", site.baseUri().resolve("/")).statusCode()).isEqualTo(405);
  }

  @Test
  void headAnswersWithTheHeadersOfGet() throws Exception {
    HttpResponse<byte[]> get = get(SampleNewsSite.SEED_ARTICLE_PATH);
    HttpResponse<byte[]> head =
        send("HEAD", site.baseUri().resolve(SampleNewsSite.SEED_ARTICLE_PATH));
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("Content-Length"))
        .hasValue(Integer.toString(get.body().length));
    assertThat(head.headers().firstValue("ETag")).isEqualTo(get.headers().firstValue("ETag"));
    assertThat(send("HEAD", site.baseUri().resolve("/missing")).statusCode()).isEqualTo(404);
  }

  @Test
  void articlesAnswerConditionalRequests() throws Exception {
    HttpResponse<byte[]> first = get(SampleNewsSite.SEED_ARTICLE_PATH);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    String modified = first.headers().firstValue("Last-Modified").orElseThrow();
    assertThat(modified).isEqualTo("Wed, 18 Mar 2020 14:36:10 GMT");
    assertThat(get(SampleNewsSite.SEED_ARTICLE_PATH, "If-None-Match", etag).statusCode())
        .isEqualTo(304);
    assertThat(get(SampleNewsSite.SEED_ARTICLE_PATH, "If-None-Match", "W/\"other\"").statusCode())
        .isEqualTo(200);
    assertThat(get(SampleNewsSite.SEED_ARTICLE_PATH, "If-Modified-Since", modified).statusCode())
        .isEqualTo(304);
    assertThat(get("/list/1.html").headers().firstValue("ETag")).isEmpty();
  }

  @Test
  void listingsAreChunkedAndArticlesHaveContentLength() throws Exception {
    assertThat(rawHeaders("/list/1.html")).containsPattern("(?im)^Transfer-Encoding: chunked")
        .doesNotContainPattern("(?im)^Content-Length:");
    assertThat(rawHeaders(SampleNewsSite.SEED_ARTICLE_PATH))
        .containsPattern("(?im)^Content-Length: \\d+")
        .doesNotContainPattern("(?im)^Transfer-Encoding:");
  }

  private static String rawHeaders(String path) throws IOException {
    try (Socket socket = new Socket(site.baseUri().getHost(), site.baseUri().getPort())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: " + site.baseUri().getAuthority()
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return response.substring(0, response.indexOf("\r\n\r\n"));
    }
  }

  @Test
  void pagesLinkInScopeInSeveralFormsAndOutOfScope() throws Exception {
    Document front = page("/");
    List<String> hrefs = front.select("a[href]").eachAttr("href");
    String base = site.baseUri().toString();
    assertThat(hrefs).anyMatch(h -> h.startsWith(base + "news/"));
    assertThat(hrefs).anyMatch(h -> h.startsWith("/news/"));
    assertThat(hrefs).contains("http://example.com/", "/about.html", "/list/2.html");
    assertThat(hrefs).anyMatch(h -> h.startsWith("mailto:"));
    assertThat(get("/about.html").statusCode()).isEqualTo(200);
    assertThat(get("/contact.html").statusCode()).isEqualTo(200);
    Document article = page(SampleNewsSite.SEED_ARTICLE_PATH);
    assertThat(article.selectFirst("link[rel=canonical]").attr("href"))
        .isEqualTo(base.replaceAll("/$", "") + SampleNewsSite.SEED_ARTICLE_PATH);
  }

  @Test
  void contentIsTheSameOnEveryStart() throws Exception {
    try (SampleNewsSite other = SampleNewsSite.start("127.0.0.1", 0)) {
      for (String path : List.of("/list/2.html", "/news/2020/03/18/537040.shtml")) {
        String mine = new String(get(path).body(), StandardCharsets.UTF_8);
        String theirs = body(other.baseUri().resolve(path));
        // Only the port differs, in links and in the share buttons' encoded URLs.
        String port = ":" + other.baseUri().getPort();
        String mine2 = mine.replace(":" + site.baseUri().getPort(), port)
            .replace("%3A" + site.baseUri().getPort(), "%3A" + other.baseUri().getPort());
        assertThat(theirs).isEqualTo(mine2);
      }
    }
  }

  // ---- Changes while the site runs: each test starts its own site, the shared one stays fresh.

  private static HttpResponse<byte[]> get(SampleNewsSite on, String path, String... headers)
      throws Exception {
    return send("GET", on.baseUri().resolve(path), headers);
  }

  private static Document page(SampleNewsSite on, String path) throws Exception {
    HttpResponse<byte[]> r = get(on, path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return Jsoup.parse(new ByteArrayInputStream(r.body()), null, on.baseUri().toString());
  }

  /** Article paths on a listing page, in order. */
  private static List<String> listed(SampleNewsSite on, String listing) throws Exception {
    return page(on, listing).select("ul.news-list > li.item h3 > a").stream()
        .map(a -> URI.create(a.absUrl("href")).getPath()).toList();
  }

  /** Every article path the listings link to, following 下一頁 from /list/1.html. */
  private static List<String> allListed(SampleNewsSite on) throws Exception {
    List<String> all = new ArrayList<>();
    for (String next = "/list/1.html"; next != null; ) {
      Document list = page(on, next);
      list.select("ul.news-list > li.item h3 > a")
          .forEach(a -> all.add(URI.create(a.absUrl("href")).getPath()));
      Element more = list.selectFirst("div.pages a:contains(下一頁)");
      next = more == null ? null : URI.create(more.absUrl("href")).getPath();
    }
    return all;
  }

  private static int id(String articlePath) {
    return Integer.parseInt(articlePath.replaceAll(".*/(\\d+)\\.shtml$", "$1"));
  }

  private static String header(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name));
  }

  private static ZonedDateTime httpDate(String value) {
    return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
  }

  @Test
  void publishedArticleTopsTheFrontPageAndTheFirstListing() throws Exception {
    try (SampleNewsSite s = SampleNewsSite.start("127.0.0.1", 0)) {
      List<String> list1 = listed(s, "/list/1.html");
      List<String> list2 = listed(s, "/list/2.html");
      List<String> before = allListed(s);
      int newest = before.stream().mapToInt(SampleNewsSiteTest::id).max().orElseThrow();

      URI uri = s.publish();

      assertThat(uri.getAuthority()).isEqualTo(s.baseUri().getAuthority());
      String path = uri.getPath();
      assertThat(path).matches(SampleNewsSite.ARTICLE_PATH_REGEX).isNotIn(before);
      assertThat(id(path)).isGreaterThan(newest);
      Document front = page(s, "/");
      assertThat(front.selectFirst("#focus h2 a").attr("href")).isEqualTo(path);
      // the old focus story leads the headlines below it
      assertThat(URI.create(front.selectFirst("div.topnews li.item h3 a").absUrl("href")).getPath())
          .isEqualTo(SampleNewsSite.SEED_ARTICLE_PATH);
      assertThat(page(s, "/index.html").html()).isEqualTo(front.html());
      // newest first, everything one place down: listing 1's last item now opens listing 2
      List<String> expected1 = new ArrayList<>(List.of(path));
      expected1.addAll(list1.subList(0, list1.size() - 1));
      assertThat(listed(s, "/list/1.html")).isEqualTo(expected1);
      assertThat(listed(s, "/list/2.html")).startsWith(list1.get(list1.size() - 1), list2.get(0));
      List<String> after = allListed(s);
      assertThat(after).hasSize(SampleNewsSite.ARTICLE_COUNT + 1).doesNotHaveDuplicates()
          .containsAll(before);

      HttpResponse<byte[]> r = get(s, path);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
      assertThat(r.headers().firstValue("Content-Length"))
          .hasValue(Integer.toString(r.body().length));
      String etag = header(r, "ETag");
      String modified = header(r, "Last-Modified");
      assertThat(httpDate(modified)).isAfter(httpDate(
          header(get(s, SampleNewsSite.SEED_ARTICLE_PATH), "Last-Modified")));
      assertThat(get(s, path, "If-None-Match", etag).statusCode()).isEqualTo(304);
      assertThat(get(s, path, "If-Modified-Since", modified).statusCode()).isEqualTo(304);
      Document article = Jsoup.parse(new String(r.body(), StandardCharsets.UTF_8), uri.toString());
      String title = article.selectFirst("h1").text();
      assertThat(title).contains("#1").isEqualTo(front.selectFirst("#focus h2 a").text());
      assertThat(article.title()).isEqualTo(title + "_" + SampleNewsSite.SITE_NAME);
      assertThat(article.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(uri.toString());
      List<String> paragraphs = article.select("div.article-content > p").eachText();
      assertThat(paragraphs).hasSizeGreaterThan(2);
      assertThat(paragraphs.get(0)).contains("published article #1");

      // A second one: on top again, with its own title and text.
      URI second = s.publish();
      assertThat(id(second.getPath())).isGreaterThan(id(path));
      assertThat(listed(s, "/list/1.html")).startsWith(second.getPath(), path);
      assertThat(page(s, "/").selectFirst("#focus h2 a").attr("href")).isEqualTo(second.getPath());
      Document article2 = page(s, second.getPath());
      assertThat(article2.selectFirst("h1").text()).contains("#2").isNotEqualTo(title);
      assertThat(article2.select("div.article-content").text())
          .contains("published article #2")
          .isNotEqualTo(article.select("div.article-content").text());
    }
  }

  @Test
  void publishingLeavesEveryOtherArticleAsItWas() throws Exception {
    try (SampleNewsSite s = SampleNewsSite.start("127.0.0.1", 0)) {
      List<String> articles = allListed(s);
      List<HttpResponse<byte[]>> before = new ArrayList<>();
      for (String path : articles) {
        before.add(get(s, path));
      }
      s.publish();
      s.publish();
      for (int i = 0; i < articles.size(); i++) {
        String path = articles.get(i);
        HttpResponse<byte[]> old = before.get(i);
        HttpResponse<byte[]> now = get(s, path);
        assertThat(now.body()).as(path).isEqualTo(old.body());
        assertThat(header(now, "ETag")).as(path).isEqualTo(header(old, "ETag"));
        assertThat(header(now, "Last-Modified")).as(path).isEqualTo(header(old, "Last-Modified"));
        assertThat(get(s, path, "If-None-Match", header(old, "ETag")).statusCode()).as(path)
            .isEqualTo(304);
      }
    }
  }

  @Test
  void publishingEnoughArticlesAddsAListingPage() throws Exception {
    try (SampleNewsSite s = SampleNewsSite.start("127.0.0.1", 0)) {
      String fifth = "/list/" + (SampleNewsSite.LISTING_PAGE_COUNT + 1) + ".html";
      assertThat(get(s, fifth).statusCode()).isEqualTo(404);
      int room = SampleNewsSite.LISTING_PAGE_COUNT * SampleContent.PER_PAGE
          - SampleNewsSite.ARTICLE_COUNT;
      for (int i = 0; i <= room; i++) {
        s.publish();
      }
      assertThat(allListed(s)).hasSize(SampleNewsSite.ARTICLE_COUNT + room + 1)
          .doesNotHaveDuplicates();
      assertThat(listed(s, fifth)).hasSize(1);
      assertThat(page(s, "/").select("div.pages a").eachAttr("href")).contains(fifth);
    }
  }

  @Test
  void listingsNeverAnswer304AndShowTheNewArticleAtOnce() throws Exception {
    try (SampleNewsSite s = SampleNewsSite.start("127.0.0.1", 0)) {
      HttpResponse<byte[]> old = get(s, "/list/1.html");
      URI uri = s.publish();
      // Whatever validators a client sends, listings have none to match: 200, new content.
      String now = DateTimeFormatter.RFC_1123_DATE_TIME
          .format(ZonedDateTime.now(ZoneOffset.UTC).plusDays(1));
      for (String path : List.of("/", "/list/1.html")) {
        HttpResponse<byte[]> r = get(s, path, "If-None-Match", "*", "If-Modified-Since", now);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(path).contains(uri.getPath());
      }
      assertThat(get(s, "/list/1.html").body()).isNotEqualTo(old.body());
    }
  }

  @Test
  void editChangesTheBodyAndValidatorsOfThatArticleOnly() throws Exception {
    try (SampleNewsSite s = SampleNewsSite.start("127.0.0.1", 0)) {
      String path = SampleNewsSite.SEED_ARTICLE_PATH;
      String other = SampleNewsSite.BIG5_PAGE_PATH;
      HttpResponse<byte[]> old = get(s, path);
      HttpResponse<byte[]> otherOld = get(s, other);
      String oldEtag = header(old, "ETag");
      String oldModified = header(old, "Last-Modified");

      s.edit(path);

      HttpResponse<byte[]> now = get(s, path);
      assertThat(now.statusCode()).isEqualTo(200);
      assertThat(now.body()).isNotEqualTo(old.body());
      assertThat(header(now, "ETag")).isNotEqualTo(oldEtag);
      assertThat(httpDate(header(now, "Last-Modified"))).isAfter(httpDate(oldModified));
      List<String> oldText = Jsoup.parse(new String(old.body(), StandardCharsets.UTF_8))
          .select("div.article-content > p").eachText();
      List<String> newText = Jsoup.parse(new String(now.body(), StandardCharsets.UTF_8))
          .select("div.article-content > p").eachText();
      assertThat(newText).startsWith(oldText.toArray(String[]::new)).hasSize(oldText.size() + 1);
      assertThat(newText.get(newText.size() - 1)).contains("第1次更新");
      // Conditional GETs with the old validators get the new page; with the new ones, 304.
      HttpResponse<byte[]> byEtag = get(s, path, "If-None-Match", oldEtag);
      assertThat(byEtag.statusCode()).isEqualTo(200);
      assertThat(byEtag.body()).isEqualTo(now.body());
      HttpResponse<byte[]> byDate = get(s, path, "If-Modified-Since", oldModified);
      assertThat(byDate.statusCode()).isEqualTo(200);
      assertThat(byDate.body()).isEqualTo(now.body());
      assertThat(get(s, path, "If-None-Match", header(now, "ETag")).statusCode()).isEqualTo(304);
      assertThat(get(s, path, "If-Modified-Since", header(now, "Last-Modified")).statusCode())
          .isEqualTo(304);
      assertThat(get(s, path).body()).isEqualTo(now.body()); // stable between requests
      // An untouched article: same bytes, and its old validators still match.
      assertThat(get(s, other).body()).isEqualTo(otherOld.body());
      assertThat(get(s, other, "If-None-Match", header(otherOld, "ETag")).statusCode())
          .isEqualTo(304);
      assertThat(get(s, other, "If-Modified-Since", header(otherOld, "Last-Modified"))
          .statusCode()).isEqualTo(304);

      // A second edit changes it again.
      s.edit(path);
      HttpResponse<byte[]> again = get(s, path);
      assertThat(header(again, "ETag")).isNotIn(oldEtag, header(now, "ETag"));
      assertThat(httpDate(header(again, "Last-Modified")))
          .isAfter(httpDate(header(now, "Last-Modified")));
      assertThat(new String(again.body(), StandardCharsets.UTF_8)).contains("第2次更新");
    }
  }

  @Test
  void editWorksOnLegacyEncodedAndPublishedArticlesAndRefusesUnknownPaths() throws Exception {
    try (SampleNewsSite s = SampleNewsSite.start("127.0.0.1", 0)) {
      String gbkEtag = header(get(s, SampleNewsSite.GBK_PAGE_PATH), "ETag");
      s.edit(SampleNewsSite.GBK_PAGE_PATH);
      HttpResponse<byte[]> gbk = get(s, SampleNewsSite.GBK_PAGE_PATH);
      assertThat(header(gbk, "ETag")).isNotEqualTo(gbkEtag);
      // The note is written in the page's script and encoding, like the rest of it.
      assertThat(new String(gbk.body(), Charset.forName("GBK"))).contains("本文于", "第1次更新");

      URI published = s.publish();
      HttpResponse<byte[]> fresh = get(s, published.getPath());
      s.edit(published.getPath());
      HttpResponse<byte[]> edited = get(s, published.getPath());
      assertThat(header(edited, "ETag")).isNotEqualTo(header(fresh, "ETag"));
      assertThat(new String(edited.body(), StandardCharsets.UTF_8)).contains("第1次更新");
      assertThat(listed(s, "/list/1.html").get(0)).isEqualTo(published.getPath());

      for (String bad : List.of("/news/2020/03/18/1.shtml", "/list/1.html", "/", "nope")) {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> s.edit(bad)).withMessageContaining(bad);
      }
      assertThat(allListed(s)).hasSize(SampleNewsSite.ARTICLE_COUNT + 1);
    }
  }

  @Test
  void changesAreTheSameOnEverySite() throws Exception {
    try (SampleNewsSite a = SampleNewsSite.start("127.0.0.1", 0);
        SampleNewsSite b = SampleNewsSite.start("127.0.0.1", 0)) {
      for (SampleNewsSite s : List.of(a, b)) {
        s.publish();
        s.edit(SampleNewsSite.SEED_ARTICLE_PATH);
        s.publish();
      }
      List<String> paths = listed(a, "/list/1.html");
      assertThat(listed(b, "/list/1.html")).isEqualTo(paths);
      for (String path : List.of(paths.get(0), paths.get(1), SampleNewsSite.SEED_ARTICLE_PATH,
          "/list/1.html", "/")) {
        String mine = new String(get(a, path).body(), StandardCharsets.UTF_8);
        String theirs = new String(get(b, path).body(), StandardCharsets.UTF_8);
        String port = ":" + b.baseUri().getPort();
        assertThat(theirs).as(path).isEqualTo(mine.replace(":" + a.baseUri().getPort(), port)
            .replace("%3A" + a.baseUri().getPort(), "%3A" + b.baseUri().getPort()));
      }
    }
  }

  @Test
  void publishAndEditAreSafeWhileRequestsAreServed() throws Exception {
    try (SampleNewsSite s = SampleNewsSite.start("127.0.0.1", 0)) {
      int perThread = 12;
      ExecutorService writers = Executors.newFixedThreadPool(2);
      List<Future<List<URI>>> published = new ArrayList<>();
      try {
        for (int t = 0; t < 2; t++) {
          published.add(writers.submit(() -> {
            List<URI> mine = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
              mine.add(s.publish());
              s.edit(SampleNewsSite.SEED_ARTICLE_PATH);
            }
            return mine;
          }));
        }
        // Meanwhile every listing and front page served is whole: 14 distinct items, newest first.
        do {
          for (String path : List.of("/", "/list/1.html", "/list/2.html")) {
            List<Integer> ids = page(s, path).select("ul.news-list h3 a").stream()
                .map(e -> id(URI.create(e.absUrl("href")).getPath())).toList();
            assertThat(ids).as(path).doesNotHaveDuplicates()
                .isSortedAccordingTo(Comparator.reverseOrder());
          }
          assertThat(get(s, SampleNewsSite.SEED_ARTICLE_PATH).statusCode()).isEqualTo(200);
        } while (published.stream().anyMatch(f -> !f.isDone()));
      } finally {
        writers.shutdownNow();
      }
      Set<URI> all = new LinkedHashSet<>();
      for (Future<List<URI>> f : published) {
        all.addAll(f.get());
      }
      assertThat(all).hasSize(2 * perThread);
      assertThat(allListed(s)).hasSize(SampleNewsSite.ARTICLE_COUNT + 2 * perThread)
          .doesNotHaveDuplicates();
      for (URI uri : all) {
        assertThat(get(s, uri.getPath()).statusCode()).as(uri.toString()).isEqualTo(200);
      }
      assertThat(new String(get(s, SampleNewsSite.SEED_ARTICLE_PATH).body(),
          StandardCharsets.UTF_8)).contains("第" + 2 * perThread + "次更新");
      assertThat(s.requests()).noneMatch(q -> q.status() >= 500);
    }
  }

  @Test
  void adminEndpointsPublishAndEditOverHttp() throws Exception {
    try (SampleNewsSite s = SampleNewsSite.start("127.0.0.1", 0)) {
      HttpResponse<byte[]> created = send("POST", s.baseUri().resolve(SampleNewsSite.PUBLISH_PATH));
      assertThat(created.statusCode()).isEqualTo(201);
      URI location = URI.create(header(created, "Location"));
      assertThat(location.getAuthority()).isEqualTo(s.baseUri().getAuthority());
      assertThat(location.getPath()).matches(SampleNewsSite.ARTICLE_PATH_REGEX);
      assertThat(new String(created.body(), StandardCharsets.UTF_8).strip())
          .isEqualTo(location.toString());
      assertThat(listed(s, "/list/1.html").get(0)).isEqualTo(location.getPath());
      HttpResponse<byte[]> article = get(s, location.getPath());
      assertThat(article.statusCode()).isEqualTo(200);

      HttpResponse<byte[]> edited = send("POST", s.baseUri().resolve(SampleNewsSite.EDIT_PATH
          + "?path=" + URLEncoder.encode(location.getPath(), StandardCharsets.UTF_8)));
      assertThat(edited.statusCode()).isEqualTo(204);
      assertThat(edited.body()).isEmpty();
      assertThat(header(get(s, location.getPath()), "ETag"))
          .isNotEqualTo(header(article, "ETag"));
      assertThat(send("POST", s.baseUri().resolve(SampleNewsSite.EDIT_PATH + "?path="
          + SampleNewsSite.SEED_ARTICLE_PATH)).statusCode()).isEqualTo(204);
      assertThat(new String(get(s, SampleNewsSite.SEED_ARTICLE_PATH).body(),
          StandardCharsets.UTF_8)).contains("第1次更新");

      assertThat(send("POST", s.baseUri().resolve(SampleNewsSite.EDIT_PATH
          + "?path=/news/2020/03/18/1.shtml")).statusCode()).isEqualTo(404);
      assertThat(send("POST", s.baseUri().resolve(SampleNewsSite.EDIT_PATH)).statusCode())
          .isEqualTo(400);
      assertThat(send("POST", s.baseUri().resolve("/_sample/other")).statusCode()).isEqualTo(404);

      // Only POST changes anything: GET and HEAD are ordinary 404s, and nothing is published.
      List<String> list1 = listed(s, "/list/1.html");
      for (String method : List.of("GET", "HEAD")) {
        assertThat(send(method, s.baseUri().resolve(SampleNewsSite.PUBLISH_PATH)).statusCode())
            .isEqualTo(404);
        assertThat(send(method, s.baseUri().resolve(SampleNewsSite.EDIT_PATH + "?path="
            + SampleNewsSite.SEED_ARTICLE_PATH)).statusCode()).isEqualTo(404);
      }
      assertThat(listed(s, "/list/1.html")).isEqualTo(list1);
      assertThat(allListed(s)).hasSize(SampleNewsSite.ARTICLE_COUNT + 1);
      // The request log is the crawler's side: no admin request in it, the GETs above are.
      assertThat(s.requests()).noneMatch(q -> q.method().equals("POST"))
          .anyMatch(q -> q.method().equals("GET") && q.path().equals(SampleNewsSite.PUBLISH_PATH));
      // No page links to the admin endpoints.
      for (String path : List.of("/", "/list/1.html", location.getPath())) {
        assertThat(new String(get(s, path).body(), StandardCharsets.UTF_8))
            .doesNotContain("_sample");
      }
    }
  }
}
