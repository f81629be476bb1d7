package org.gazette.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.url.WebURL;
import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsoupHtmlParserTest {
  static Page page(byte[] body, String contentType) {
    WebURL url = new WebURL();
    url.setURL("http://news.example.com/dir/page.html");
    Page page = new Page(url);
    page.setContentData(body);
    page.setContentType(contentType);
    return page;
  }

  @Test
  void readsACharsetDeclaredOnlyInAMetaTag() throws Exception {
    String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">"
        + "<title>国务院联防联控机制</title></head><body></body></html>";
    Page page = page(html.getBytes(Charset.forName("GBK")), "text/html");

    JsoupParseData data = (JsoupParseData) new JsoupHtmlParser(2048, "gazette")
        .parse(page, page.getWebURL().getURL());

    assertThat(data.document().title()).isEqualTo("国务院联防联控机制");
    assertThat(data.getContentCharset()).isEqualTo("GB18030"); // gbk is read as its superset
  }

  @Test
  void readsAGbkPageRightUnderAHeaderThatSaysUtf8() throws Exception {
    org.gazette.testing.CharsetPages gbk = org.gazette.testing.CharsetPages.GBK_HEADLINE;
    Page page = page(gbk.bytes(), "text/html; charset=UTF-8");

    JsoupParseData data = (JsoupParseData) new JsoupHtmlParser(2048, "gazette")
        .parse(page, page.getWebURL().getURL());

    assertThat(data.document().title()).isEqualTo(gbk.title);
    assertThat(data.getContentCharset()).isEqualTo("GB18030");
    assertThat(data.parsed().charset()).isEqualTo("GB18030"); // what the crawl's record says
  }

  @Test
  void keepsHttpLinksResolvedAndNormalisedOnly() throws Exception {
    String html = "<a href='/news/1.shtml#top'>one</a> <a href='2.html'>two</a>"
        + "<a href='javascript:void(0)'>js</a><a href='mailto:a@example.com'>mail</a>"
        + "<a href='#comments'>jump</a><a href='HTTP://News.Example.com:80/news/1.shtml'>dup</a>"
        + "<a href='https://other.example.org/x?b=1'>other</a>";
    Page page = page(html.getBytes(Charset.forName("UTF-8")), "text/html; charset=utf-8");

    JsoupParseData data = (JsoupParseData) new JsoupHtmlParser(2048, "gazette")
        .parse(page, page.getWebURL().getURL());

    assertThat(data.getOutgoingUrls()).extracting(WebURL::getURL).containsExactly(
        "http://news.example.com/news/1.shtml",
        "http://news.example.com/dir/2.html",
        "https://other.example.org/x?b=1");
  }

  @Test
  void aLinkNamedLikeADiscoveryMarkerIsAPlainLink() throws Exception {
    // sitemaps and feeds are marked by their tag and anchor; a page's link text is no marker
    String html = "<a href='/out-of-pattern.html'>" + DiscoveryParser.SITEMAP + "</a>";
    Page page = page(html.getBytes(Charset.forName("UTF-8")), "text/html; charset=utf-8");

    JsoupParseData data = (JsoupParseData) new JsoupHtmlParser(2048, "gazette")
        .parse(page, page.getWebURL().getURL());

    assertThat(data.getOutgoingUrls()).hasSize(1);
    assertThat(data.getOutgoingUrls()).noneMatch(DiscoveryParser::isMarked);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "text/html; charset=utf-8 | UTF-8",
      "text/html; charset=\"GBK\" | GB18030",
      "text/html; charset=ISO-8859-1 | windows-1252",
      "text/html; charset=no-such-charset | ",
      "text/html | ",
      " | ",
  })
  void takesTheHeaderCharsetOnlyWhenTheJdkKnowsIt(String contentType, String expected) {
    assertThat(org.gazette.charset.Encoding.fromContentType(contentType)
        .map(org.gazette.charset.Encoding::name).orElse(null)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "<meta name='robots' content='noindex, nofollow'> | | 0",
      "<meta name='ROBOTS' content='NONE'> | | 0",
      "<meta name='gazette' content='nofollow'> | | 0",
      "<meta name='otherbot' content='nofollow'> | | 1",
      "<meta name='robots' content='noarchive'> | | 1",
      " | nofollow | 0",
      " | gazette: nofollow | 0",
      " | otherbot: nofollow | 1",
      " | noindex | 1",
  })
  void followsNoLinksFromANofollowPage(String meta, String xRobotsTag, int links)
      throws Exception {
    String html = "<html><head>" + (meta == null ? "" : meta) + "</head>"
        + "<body><a href='/next.html'>next</a></body></html>";
    Page page = page(html.getBytes(Charset.forName("UTF-8")), "text/html");
    if (xRobotsTag != null) {
      page.setFetchResponseHeaders(new org.apache.http.Header[] {
          new org.apache.http.message.BasicHeader("X-Robots-Tag", xRobotsTag)});
    }

    JsoupParseData data = (JsoupParseData) new JsoupHtmlParser(2048, "gazette")
        .parse(page, page.getWebURL().getURL());

    assertThat(data.getOutgoingUrls()).hasSize(links);
  }

  @Test
  void keepsThePagesRobotsDirectivesForTheArchive() throws Exception {
    String html = "<html><head><meta name='robots' content='noindex, NOARCHIVE'>"
        + "<meta name='otherbot' content='nosnippet'></head><body></body></html>";
    Page page = page(html.getBytes(Charset.forName("UTF-8")), "text/html");
    page.setFetchResponseHeaders(new org.apache.http.Header[] {
        new org.apache.http.message.BasicHeader("X-Robots-Tag", "gazette: noimageindex")});

    JsoupParseData data = (JsoupParseData) new JsoupHtmlParser(2048, "gazette")
        .parse(page, page.getWebURL().getURL());

    assertThat(data.robotsDirectives()).containsExactly("noarchive", "noimageindex", "noindex");
    assertThat(data.getOutgoingUrls()).isEmpty(); // no links in this page anyway
  }
}
