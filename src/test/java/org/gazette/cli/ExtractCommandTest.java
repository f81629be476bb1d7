package org.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gazette.archive.ParsedRecord;
import org.gazette.archive.WarcFileReader;
import org.gazette.archive.WarcWriter;
import org.gazette.archive.WarcWriterOptions;
import org.gazette.archive.Warcinfo;
import org.gazette.testing.CharsetPages;
import org.gazette.testing.SampleExchanges;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gazette extract} on HTML files and on bad input, through the command line. */
class ExtractCommandTest {
  @TempDir Path tmp;

  Path config;
  String out;
  String err;

  @BeforeEach
  void config() throws Exception {
    config = tmp.resolve("config");
    Files.createDirectories(config.resolve("sites"));
    Files.writeString(config.resolve("gazette.yaml"),
        "userAgent: \"gazette/1.0 (+https://example.org/crawler; ops@example.org)\"\n");
    Files.writeString(config.resolve("sites/portal.yaml"), String.join("\n",
        "seeds: [\"https://news.example.com/\"]",
        "timeZone: Asia/Shanghai",
        "listing: { urlPatterns: [\"/$\"] }",
        "article: { urlPatterns: [\"/news/\"] }",
        ""));
  }

  int extract(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    List<String> all = new ArrayList<>(List.of("extract", "--config", config.toString()));
    all.addAll(Arrays.asList(args));
    int code = Main.run(new PrintWriter(o, true), new PrintWriter(e, true),
        all.toArray(String[]::new));
    out = o.toString();
    err = e.toString();
    return code;
  }

  List<JsonNode> lines() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : out.split("\n", -1)) {
      if (!line.isEmpty()) {
        nodes.add(json.readTree(line));
      }
    }
    assertThat(out).endsWith("\n");
    return nodes;
  }

  static String page(String title, String charset) {
    return "<!DOCTYPE html><html><head>"
        + (charset == null ? "" : "<meta http-equiv=\"Content-Type\" content=\"text/html; charset="
            + charset + "\">")
        + "<title>" + title + "</title></head><body><h1>" + title + "</h1><div class=\"story\">"
        + "<p>" + "这是一段足够长的新闻正文，讲述了发生的事情和各方的回应。".repeat(6) + "</p>"
        + "<p>第二段文字。</p></div></body></html>";
  }

  @Test
  void aFileGivenItsUrlIsReadWithTheRulesOfTheSiteOfThatHost() throws Exception {
    Path file = Files.writeString(tmp.resolve("saved.html"), page("一篇文章", "utf-8"));

    int code = extract("--url", "https://news.example.com/news/1.shtml", file.toString());

    assertThat(code).as(err).isZero();
    assertThat(err).isEmpty();
    JsonNode r = lines().get(0);
    assertThat(lines()).hasSize(1);
    assertThat(r.get("type").asText()).isEqualTo("article"); // by the site's URL pattern
    assertThat(r.get("url").asText()).isEqualTo("https://news.example.com/news/1.shtml");
    assertThat(r.get("site").asText()).isEqualTo("portal");
    assertThat(r.get("title").asText()).isEqualTo("一篇文章");
    assertThat(r.get("fetched_at").isNull()).isTrue();
    assertThat(r.get("status").isNull()).isTrue();
    assertThat(r.get("warc").isNull()).isTrue();
  }

  @Test
  void aFileOfAHostInNoSiteGetsASiteNamedAfterTheHost() throws Exception {
    Path file = Files.writeString(tmp.resolve("saved.html"), page("一篇文章", "utf-8"));

    assertThat(extract("--url", "https://www.example.org/x/1.html", file.toString())).isZero();

    assertThat(lines()).singleElement()
        .satisfies(r -> assertThat(r.get("site").asText()).isEqualTo("www.example.org"));
  }

  @Test
  void eachFileOfAFolderHasItsOwnFileUrlInPathOrder() throws Exception {
    Path pages = tmp.resolve("pages");
    Files.createDirectories(pages.resolve("b/c"));
    Path one = Files.writeString(pages.resolve("b/c/one.htm"), page("第一", "utf-8"));
    Path two = Files.writeString(pages.resolve("b/two.html"), page("第二", "utf-8"));
    Path three = Files.writeString(pages.resolve("three page.html"), page("第三", "utf-8"));
    Files.writeString(pages.resolve("notes.txt"), "not a page");

    int code = extract(pages.toString());

    assertThat(code).as(err).isZero();
    List<JsonNode> records = lines();
    assertThat(records).extracting(r -> r.get("url").asText()).containsExactly(
        one.toUri().toString(), two.toUri().toString(), three.toUri().toString());
    assertThat(records.get(2).get("url").asText()).startsWith("file:///").endsWith(
        "/three%20page.html");
    assertThat(records).extracting(r -> r.get("title").asText())
        .containsExactly("第一", "第二", "第三");
    assertThat(records).allSatisfy(r -> {
      assertThat(r.get("site").isNull()).isTrue();
      assertThat(r.get("body").asText()).contains("各方的回应");
    });
  }

  @Test
  void aFolderGivenAsASymbolicLinkIsRead() throws Exception {
    Path pages = Files.createDirectories(tmp.resolve("saved"));
    Files.writeString(pages.resolve("one.html"), page("第一", "utf-8"));
    Path link = Files.createSymbolicLink(tmp.resolve("link"), pages);

    int code = extract(link.toString());

    assertThat(code).as(err).isZero();
    assertThat(lines()).singleElement()
        .satisfies(r -> assertThat(r.get("title").asText()).isEqualTo("第一"));
  }

  @Test
  void gbkAndBig5PagesDeclaredOnlyInTheirMetaTagsDecode() throws Exception {
    String gbkTitle = "国务院联防联控机制：严防境外疫情输入";
    String big5Title = "金磚國家伙伴國+9!";
    byte[] gbk = page(gbkTitle, "gbk").getBytes(Charset.forName("GBK"));
    byte[] big5 = page(big5Title, null).replace("<head>", "<head><meta charset=\"big5\">")
        .replace("这是一段足够长的新闻正文，讲述了发生的事情和各方的回应。",
            "這是一段足夠長的新聞正文，講述了發生的事情和各方的回應。")
        .replace("第二段文字。", "第二段文字。").getBytes(Charset.forName("Big5"));
    // read as UTF-8 these bytes would not give the titles: the test tells the charsets apart
    assertThat(new String(gbk, StandardCharsets.UTF_8)).doesNotContain(gbkTitle);
    assertThat(new String(big5, StandardCharsets.UTF_8)).doesNotContain(big5Title);
    Path dir = Files.createDirectories(tmp.resolve("legacy"));
    Files.write(dir.resolve("1-gbk.html"), gbk);
    Files.write(dir.resolve("2-big5.html"), big5);

    int code = extract(dir.toString());

    assertThat(code).as(err).isZero();
    assertThat(lines()).extracting(r -> r.get("title").asText())
        .containsExactly(gbkTitle, big5Title);
    assertThat(lines().get(1).get("body").asText()).contains("各方的回應");
  }

  @Test
  void pagesInEveryCharsetComeOutRightFromFilesAndFromAWarcWhateverTheyDeclare()
      throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("charsets"));
    List<CharsetPages> expected = new ArrayList<>();
    List<String> warcExpected = new ArrayList<>();
    int n = 0;
    for (CharsetPages p : CharsetPages.all()) {
      // declared nowhere, then with a meta tag naming the wrong charset
      Files.write(dir.resolve(String.format("%02d-%s", n++, p.file)), p.bytes());
      expected.add(p);
      String wrong = p == CharsetPages.UTF_8 ? "iso-8859-1" : "utf-8";
      Files.write(dir.resolve(String.format("%02d-%s", n++, p.file)),
          p.withMeta("<meta charset=\"" + wrong + "\">"));
      expected.add(p);
    }
    Path warcDir = tmp.resolve("warc");
    try (WarcWriter w = new WarcWriter(new WarcWriterOptions(warcDir,
        Warcinfo.of("portal", "run", "gazette/test", "ops")).prefix("portal").node("n1"))) {
      int i = 0;
      for (CharsetPages p : CharsetPages.all()) {
        // a header naming the wrong charset, as a misconfigured server sends it
        String wrong = p == CharsetPages.UTF_8 ? "ISO-8859-1" : "utf-8";
        w.write(SampleExchanges.bytes("https://news.example.com/news/" + i++ + ".html",
            "text/html; charset=" + wrong, p.bytes()));
        warcExpected.add(p.title + " " + p.charset);
      }
    }
    Path warc;
    try (var files = Files.list(warcDir)) {
      warc = files.filter(p -> p.toString().endsWith(".warc.gz")).findFirst().orElseThrow();
    }

    int code = extract(dir.toString(), warc.toString());

    assertThat(code).as(err).isZero();
    List<JsonNode> records = lines();
    assertThat(records).hasSize(expected.size() + warcExpected.size());
    for (int i = 0; i < expected.size(); i++) {
      JsonNode r = records.get(i);
      assertThat(r.get("title").asText()).as(r.get("url").asText())
          .isEqualTo(expected.get(i).title);
      assertThat(r.get("body").asText()).contains(expected.get(i).text);
      assertThat(r.get("charset").asText()).isEqualTo(expected.get(i).charset);
    }
    assertThat(records.subList(expected.size(), records.size()))
        .extracting(r -> r.get("title").asText() + " " + r.get("charset").asText())
        .containsExactlyElementsOf(warcExpected);
  }

  @Test
  void readsNothingFromTheNetwork() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      String there = "http://127.0.0.1:" + listener.getLocalPort();
      String html = page("離線", "utf-8").replace("</head>",
          "<link rel=\"canonical\" href=\"" + there + "/canonical.html\">"
              + "<link rel=\"stylesheet\" href=\"" + there + "/site.css\">"
              + "<script src=\"" + there + "/app.js\"></script>"
              + "<meta property=\"og:image\" content=\"" + there + "/lead.jpg\"></head>")
          .replace("</body>", "<img src=\"" + there + "/a.jpg\"><iframe src=\"" + there
              + "/frame.html\"></iframe><a href=\"" + there + "/next.html\">next</a></body>");
      Path file = Files.writeString(tmp.resolve("offline.html"), html);

      int code = extract("--url", there + "/news/offline.html", file.toString());

      assertThat(code).as(err).isZero();
      assertThat(lines()).singleElement().satisfies(r ->
          assertThat(r.get("canonical_url").asText()).isEqualTo(there + "/canonical.html"));
      listener.setSoTimeout(300);
      assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void badInputsAreEachOneLineAndTheOtherInputsAreStillRead() throws Exception {
    Path good = Files.writeString(tmp.resolve("good.html"), page("好的", "utf-8"));
    // a WARC file cut inside its third response: the two before it are still read
    Path warcDir = tmp.resolve("warc");
    try (WarcWriter w = new WarcWriter(new WarcWriterOptions(warcDir,
        Warcinfo.of("portal", "run", "gazette/test", "ops")).prefix("portal").node("n1"))) {
      for (int i = 1; i <= 3; i++) {
        w.write(SampleExchanges.plain("https://news.example.com/news/" + i + ".html",
            page("第" + i + "篇", null)));
      }
    }
    Path whole;
    try (var files = Files.list(warcDir)) {
      whole = files.filter(p -> p.toString().endsWith(".warc.gz")).findFirst().orElseThrow();
    }
    long lastResponse = -1;
    try (WarcFileReader reader = WarcFileReader.open(whole)) {
      for (var r = reader.next(); r.isPresent(); r = reader.next()) {
        ParsedRecord record = r.get();
        if (record.type().equals("response")) {
          lastResponse = record.offset();
        }
      }
    }
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = tmp.resolve("cut.warc.gz");
    Files.write(cut, Arrays.copyOf(bytes, (int) lastResponse + 60));
    Path notWarc = Files.writeString(tmp.resolve("notes.warc.gz"), "these are my notes\n");
    Path binary = Files.write(tmp.resolve("data.bin"), new byte[] {0, 1, 2, 3});
    Path missing = tmp.resolve("missing.html");

    int code = extract(good.toString(), cut.toString(), notWarc.toString(), missing.toString(),
        binary.toString());

    assertThat(code).isEqualTo(Main.EXIT_FAILURE);
    assertThat(lines()).extracting(r -> r.get("title").asText())
        .containsExactly("好的", "第1篇", "第2篇");
    List<String> errors = err.lines().toList();
    assertThat(errors).hasSize(4).allMatch(l -> l.startsWith("gazette extract: "));
    assertThat(errors.get(0)).contains(cut.toString() + ": offset " + lastResponse + ":");
    assertThat(errors.get(1)).contains(notWarc.toString() + ": offset 0:")
        .contains("not a WARC file");
    assertThat(errors.get(2)).contains(missing.toString()).contains("no such file");
    assertThat(errors.get(3)).contains(binary.toString())
        .contains("neither a WARC file nor an HTML file");
    assertThat(err).doesNotContain("\tat "); // no stack trace without --verbose
  }

  @Test
  void urlIsForOneHtmlFileOnly() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("pages"));
    Path a = Files.writeString(dir.resolve("a.html"), page("甲", "utf-8"));
    Path b = Files.writeString(dir.resolve("b.html"), page("乙", "utf-8"));

    assertThat(extract("--url", "https://news.example.com/news/1.html", dir.toString()))
        .isEqualTo(Main.EXIT_USAGE);
    assertThat(err).contains("--url");
    assertThat(extract("--url", "https://news.example.com/news/1.html", a.toString(),
        b.toString())).isEqualTo(Main.EXIT_USAGE);
    assertThat(extract("--url", "news/1.html", a.toString())).isEqualTo(Main.EXIT_USAGE);
    assertThat(out).isEmpty();
  }

  @Test
  void anUnknownSiteIsBadUsage() throws Exception {
    Path a = Files.writeString(tmp.resolve("a.html"), page("甲", "utf-8"));

    assertThat(extract("--site", "nosuch", a.toString())).isEqualTo(Main.EXIT_USAGE);
    assertThat(err).contains("no site 'nosuch'").contains("portal");
  }

  @Test
  void siteOptionAppliesItsRulesToEveryFile() throws Exception {
    Path a = Files.writeString(tmp.resolve("a.html"), page("甲", "utf-8"));

    assertThat(extract("--site", "portal", a.toString())).as(err).isZero();

    assertThat(lines()).singleElement()
        .satisfies(r -> assertThat(r.get("site").asText()).isEqualTo("portal"));
  }
}
