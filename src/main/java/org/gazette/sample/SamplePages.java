package org.gazette.sample;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.gazette.sample.SampleContent.Article;

/**
 * Renders the sample site's HTML. The markup imitates a real portal on purpose: navigation, ads,
 * share buttons, scripts, a related block and a hot list around the article, and {@code <p>}
 * elements outside the article body, so that extractors are tested against clutter.
 */
final class SamplePages {

  private static final String ADS = "http://ads.example.net/";
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  // The bundled articles only: related blocks, hot lists and navigation come from them, so that
  // articles published at runtime change the listings but no existing article page.
  private final SampleContent content;
  private final String base;
  private final Map<String, String> hant = SampleContent.labels("zh-Hant");
  private final Map<String, String> hans = SampleContent.labels("zh-Hans");

  SamplePages(SampleContent content, URI base) {
    this.content = content;
    this.base = base.toString().replaceAll("/$", "");
  }

  String robots(String crawlDelay) {
    return "# robots.txt for the gazette sample site\n"
        + "User-agent: *\n"
        + "Disallow: /private/\n"
        + (crawlDelay == null ? "" : "Crawl-delay: " + crawlDelay + "\n");
  }

  String article(Article a) {
    Map<String, String> l = a.simplified() ? hans : hant;
    String url = base + a.path();
    StringBuilder b = new StringBuilder(20_000);
    String meta = "<meta property=\"og:title\" content=\"" + esc(a.title()) + "\">\n"
        + "<meta property=\"og:type\" content=\"article\">\n"
        + "<meta property=\"og:url\" content=\"" + url + "\">\n"
        + "<meta property=\"og:site_name\" content=\"" + l.get("site") + "\">\n"
        + "<meta property=\"og:image\" content=\"" + base + "/img/logo.gif\">\n"
        // Older CMS pages (the legacy encodings) have no machine-readable time: text only.
        + (a.charset().equals("utf-8") ? "<meta property=\"article:published_time\" content=\""
            + a.updated().atOffset(ZoneOffset.ofHours(8)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
            + "\">\n" : "")
        + "<link rel=\"canonical\" href=\"" + url + "\">\n";
    head(b, a.charset(), a.simplified() ? "zh-Hans" : "zh-Hant", a.title() + "_" + l.get("site"),
        description(a.paragraphs().get(0)), l, meta);
    top(b, l, "article-page");
    b.append("<div class=\"crumbs breadcrumb\"><a href=\"/\">").append(l.get("home"))
        .append("</a> &gt; <a href=\"/list/1.html\">").append(l.get("rolling")).append("</a>");
    if (a.column() != null) {
      b.append(" &gt; <span>").append(esc(a.column())).append("</span>");
    }
    b.append("</div>\n<div class=\"main\">\n<div class=\"article\" id=\"article\">\n")
        .append("<h1 class=\"article-title\">").append(esc(a.title())).append("</h1>\n")
        .append("<div class=\"article-info\"><span class=\"time\">").append(l.get("updated"))
        .append(": ").append(a.updated().format(SECONDS)).append("</span> ")
        .append("<span class=\"source\">").append(l.get("source")).append(": ")
        .append(esc(a.source())).append("</span></div>\n");
    share(b, l, url);
    b.append("<div class=\"article-content\" id=\"article-content\">\n");
    List<String> paragraphs = a.paragraphs();
    for (int i = 0; i < paragraphs.size(); i++) {
      b.append("<p>").append(esc(paragraphs.get(i))).append("</p>\n");
      // Generated pages only: an empty picture paragraph and an ad inside the body container.
      if (i == 0 && !a.is("seed") && a.id() % 2 == 0) {
        b.append("<p class=\"img\"><img src=\"/img/logo.gif\" alt=\"\"></p>\n");
      }
      if (i == 1 && !a.is("seed") && a.id() % 4 == 1) {
        ad(b, l, "ad-inline", 2 + a.id() % 4);
      }
    }
    b.append("</div>\n<div class=\"editor\">").append(l.get("editor")).append(": ")
        .append(esc(a.editor())).append("</div>\n");
    share(b, l, url);
    b.append("</div>\n");
    ad(b, l, "ad-banner", 6);
    b.append("<div class=\"related\" id=\"related\">\n<h3>").append(l.get("related"))
        .append("</h3>\n<ul>\n");
    List<Article> related = content.related(a);
    for (int i = 0; i < related.size(); i++) {
      Article r = related.get(i);
      // The first link absolute, as portals often write them: scope rules must accept both.
      String href = i == 0 ? base + r.path() : r.path();
      b.append("<li><a href=\"").append(href).append("\">").append(esc(r.title())).append("</a> ")
          .append("<span class=\"comments\">").append(l.get("comments")).append(' ')
          .append(r.comments()).append("</span></li>\n");
    }
    b.append("</ul>\n</div>\n<div class=\"comment-box\" id=\"comments\">\n<h3>")
        .append(l.get("comments")).append(" (").append(a.comments()).append(")</h3>\n<p>")
        .append(l.get("commentbox").replace("{n}", Integer.toString(a.comments())))
        .append("</p>\n<textarea name=\"comment\" rows=\"3\"></textarea>\n<button type=\"button\">")
        .append(l.get("login")).append("</button>\n</div>\n</div>\n");
    sidebar(b, l);
    footer(b, l);
    return b.toString();
  }

  /**
   * The front page: the newest article as the focus story, the next ten headlines, member
   * teaser, links to listings. {@code newestFirst} is every article the site serves.
   */
  String front(List<Article> newestFirst) {
    Map<String, String> l = hant;
    StringBuilder b = new StringBuilder(16_000);
    head(b, "utf-8", "zh-Hant", l.get("site") + "_" + l.get("slogan"), l.get("description"), l, "");
    top(b, l, "front-page");
    Article focus = newestFirst.get(0);
    b.append("<div class=\"main\">\n<div class=\"focus\" id=\"focus\">\n<h2><a href=\"")
        .append(focus.path()).append("\">").append(esc(focus.title())).append("</a></h2>\n<p>")
        .append(esc(description(focus.paragraphs().get(0)))).append("</p>\n</div>\n")
        .append("<div class=\"topnews\">\n<h2>").append(l.get("topnews")).append("</h2>\n");
    items(b, newestFirst.subList(1, 11));
    b.append("<p class=\"more\"><a href=\"/list/1.html\">").append(l.get("more"))
        .append(" &gt;&gt;</a></p>\n</div>\n<div class=\"section-box\">\n<h2>")
        .append(l.get("members")).append("</h2>\n<p><a href=\"/private/members.html\">")
        .append(l.get("members")).append(": 深度報道與獨家評論</a></p>\n</div>\n");
    pages(b, l, 0, SampleContent.pageCount(newestFirst.size()));
    b.append("</div>\n");
    sidebar(b, l);
    footer(b, l);
    return b.toString();
  }

  /** Listing page {@code n} of {@code newestFirst}: 14 items, page numbers, 上一頁/下一頁. */
  String listing(List<Article> newestFirst, int n) {
    Map<String, String> l = hant;
    StringBuilder b = new StringBuilder(16_000);
    head(b, "utf-8", "zh-Hant", l.get("rolling") + " 第" + n + "頁_" + l.get("site"),
        l.get("description"), l, "");
    top(b, l, "list-page");
    b.append("<div class=\"crumbs breadcrumb\"><a href=\"/\">").append(l.get("home"))
        .append("</a> &gt; <span>").append(l.get("rolling")).append("</span></div>\n")
        .append("<div class=\"main\">\n<div class=\"list\" id=\"list\">\n<h2>")
        .append(l.get("rolling")).append("</h2>\n");
    items(b, SampleContent.page(newestFirst, n));
    b.append("</div>\n");
    pages(b, l, n, SampleContent.pageCount(newestFirst.size()));
    b.append("</div>\n");
    sidebar(b, l);
    footer(b, l);
    return b.toString();
  }

  /** About, contact, the members page under /private/ and the 404 page. */
  String plain(String title, String text) {
    Map<String, String> l = hant;
    StringBuilder b = new StringBuilder(4_000);
    head(b, "utf-8", "zh-Hant", title + "_" + l.get("site"), title, l, "");
    top(b, l, "plain-page");
    b.append("<div class=\"main\">\n<h1>").append(esc(title)).append("</h1>\n<p>")
        .append(esc(text)).append("</p>\n<p><a href=\"/\">").append(l.get("home"))
        .append("</a></p>\n</div>\n");
    footer(b, l);
    return b.toString();
  }

  private void head(StringBuilder b, String charset, String lang, String title, String description,
      Map<String, String> l, String extra) {
    b.append("<!DOCTYPE html>\n<html lang=\"").append(lang).append("\">\n<head>\n");
    // Legacy pages declare their charset only here; their HTTP header says just text/html.
    switch (charset) {
      case "gbk", "gb2312" -> b.append("<meta http-equiv=\"Content-Type\" ")
          .append("content=\"text/html; charset=").append(charset).append("\">\n");
      default -> b.append("<meta charset=\"").append(charset).append("\">\n");
    }
    b.append("<meta http-equiv=\"X-UA-Compatible\" content=\"IE=edge\">\n<title>").append(esc(title))
        .append("</title>\n<meta name=\"keywords\" content=\"").append(l.get("keywords"))
        .append("\">\n<meta name=\"description\" content=\"").append(esc(description)).append("\">\n")
        .append(extra)
        .append("<link rel=\"stylesheet\" href=\"/css/site.css\">\n")
        .append("<script type=\"text/javascript\">var _hmt = _hmt || [];\n")
        .append("(function() { var hm = document.createElement(\"script\");\n")
        .append("  hm.src = \"http://stats.example.net/hm.js?id=sample\";\n")
        .append("  document.getElementsByTagName(\"head\")[0].appendChild(hm); })();</script>\n")
        .append("</head>\n");
  }

  private void top(StringBuilder b, Map<String, String> l, String bodyClass) {
    b.append("<body class=\"").append(bodyClass).append("\">\n<div class=\"topbar\">")
        .append("<p class=\"slogan\">").append(l.get("slogan"))
        .append("</p> <a href=\"/private/members.html\">")
        .append(l.get("login")).append("</a></div>\n<div class=\"header\"><a class=\"logo\" href=\"")
        .append(base).append("/\"><img src=\"/img/logo.gif\" alt=\"").append(l.get("site"))
        .append("\"></a></div>\n<ul class=\"nav\" id=\"nav\">\n")
        .append("<li><a href=\"/\">").append(l.get("home")).append("</a></li>\n");
    String[] sections = {"rolling", "intl", "finance", "tech"};
    // The bundled articles' page count, not the current one: the site only ever gains listing
    // pages, so these links stay the same and every article page stays byte for byte the same.
    for (int i = 0; i < sections.length; i++) {
      b.append("<li><a href=\"/list/").append(Math.min(i + 1, content.pageCount())).append(".html\">")
          .append(l.get(sections[i])).append("</a></li>\n");
    }
    b.append("<li><a href=\"/private/members.html\">").append(l.get("members")).append("</a></li>\n")
        .append("</ul>\n");
    ad(b, l, "ad-top", 0);
    b.append("<div class=\"wrap\">\n");
  }

  private void items(StringBuilder b, List<Article> articles) {
    b.append("<ul class=\"news-list\">\n");
    for (Article a : articles) {
      // Every fifth headline written as an absolute URL, the others as absolute paths.
      String href = a.id() % 5 == 0 ? base + a.path() : a.path();
      b.append("<li class=\"item\"><h3><a href=\"").append(href).append("\">").append(esc(a.title()))
          .append("</a></h3><div class=\"meta\"><span class=\"time\">")
          .append(SampleContent.minute(a.updated())).append("</span>");
      if (a.column() != null) {
        b.append(" <span class=\"column\">").append(esc(a.column())).append("</span>");
      }
      b.append("</div></li>\n");
    }
    b.append("</ul>\n");
  }

  private void pages(StringBuilder b, Map<String, String> l, int current, int pageCount) {
    b.append("<div class=\"pages\" id=\"pages\">");
    if (current > 1) {
      b.append("<a class=\"prev\" href=\"/list/").append(current - 1).append(".html\">")
          .append(l.get("prev")).append("</a> ");
    }
    for (int i = 1; i <= pageCount; i++) {
      b.append(i == current ? "<span class=\"current\">" + i + "</span> "
          : "<a href=\"/list/" + i + ".html\">" + i + "</a> ");
    }
    if (current < pageCount) {
      b.append("<a class=\"next\" href=\"/list/").append(current + 1).append(".html\">")
          .append(l.get("next")).append("</a>");
    }
    b.append("</div>\n");
  }

  private void sidebar(StringBuilder b, Map<String, String> l) {
    b.append("<div class=\"sidebar\" id=\"sidebar\">\n<div class=\"hot\" id=\"hot\">\n<h3>")
        .append(l.get("hot")).append("</h3>\n<ul>\n");
    for (Article a : content.hot()) {
      b.append("<li><a href=\"").append(a.path()).append("\">").append(esc(a.title()))
          .append("</a></li>\n");
    }
    b.append("</ul>\n</div>\n");
    ad(b, l, "ad-side", 7);
    b.append("<p class=\"tip\">").append(l.get("tip")).append("</p>\n</div>\n");
  }

  private void share(StringBuilder b, Map<String, String> l, String url) {
    b.append("<div class=\"share\">").append(l.get("share"))
        .append(": <a class=\"share-weibo\" target=\"_blank\" ")
        .append("href=\"http://share.example.net/weibo?url=")
        .append(URLEncoder.encode(url, StandardCharsets.UTF_8)).append("\">").append(l.get("weibo"))
        .append("</a> <a class=\"share-wechat\" href=\"javascript:void(0)\">").append(l.get("wechat"))
        .append("</a></div>\n");
  }

  private void ad(StringBuilder b, Map<String, String> l, String kind, int slot) {
    b.append("<div class=\"ad ").append(kind).append("\"><span>").append(l.get("ad"))
        .append("</span> <a rel=\"nofollow\" href=\"").append(ADS).append("click?slot=").append(slot)
        .append("\"><img src=\"").append(ADS).append("banner-").append(slot % 4)
        .append(".gif\" alt=\"").append(l.get("ad")).append("\"></a></div>\n");
  }

  private void footer(StringBuilder b, Map<String, String> l) {
    b.append("</div>\n<div class=\"footer\" id=\"footer\">\n")
        .append("<p class=\"links\"><a href=\"/about.html\">")
        .append(l.get("about")).append("</a> | <a href=\"/contact.html\">").append(l.get("contact"))
        .append("</a> | <a href=\"http://example.com/\">").append(l.get("partner"))
        .append("</a> | <a href=\"https://www.example.org/news\">example.org</a>")
        .append(" | <a href=\"mailto:news@example.com\">news@example.com</a></p>\n<p>")
        .append(l.get("copyright")).append("</p>\n<p>").append(l.get("report")).append("</p>\n</div>\n")
        .append("<script>window._stat = {page: location.pathname, t: +new Date()};</script>\n")
        .append("</body>\n</html>\n");
  }

  /** The first 60 characters, never cutting a pinyin artifact "(shí)" in half. */
  private static String description(String firstParagraph) {
    if (firstParagraph.length() <= 60) {
      return firstParagraph;
    }
    int cut = 60;
    if (firstParagraph.lastIndexOf('(', cut - 1) > firstParagraph.lastIndexOf(')', cut - 1)) {
      cut = firstParagraph.lastIndexOf('(', cut - 1);
    }
    return firstParagraph.substring(0, cut) + "…";
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
