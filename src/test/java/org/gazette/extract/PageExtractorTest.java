package org.gazette.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gazette.extract.Fixtures.SHANGHAI;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PageExtractorTest {

  private final PageExtractor extractor = new PageExtractor();

  /** The seed page: a Chinese portal article with converter artifacts, listing and related. */
  @Nested
  class PortalArticle {
    private final Document doc = Fixtures.load(Fixtures.PORTAL_ARTICLE, Fixtures.PORTAL_ARTICLE_URL);
    private final ArticleRecord article =
        extractor.extractArticle(doc, Fixtures.context(Fixtures.PORTAL_ARTICLE_URL, SHANGHAI));

    @Test
    void isClassifiedAsArticle() {
      assertThat(extractor.classify(doc)).isEqualTo(PageKind.ARTICLE);
    }

    @Test
    void readsTheTitleWithoutPinyinOrSiteName() {
      assertThat(article.title()).isEqualTo("拉夫羅夫:感謝中方迅速及時回應俄方的采購需求");
    }

    @Test
    void readsThePrintedUpdateTimeInTheSiteZone() {
      assertThat(RecordJson.format(article.published())).isEqualTo("2020-03-18T22:36:10+08:00");
      assertThat(article.modified()).isNull();
    }

    @Test
    void keepsExactlyTheStoryParagraphs() {
      List<String> paragraphs = List.of(article.body().split("\n\n"));
      assertThat(paragraphs).hasSize(5);
      assertThat(paragraphs.get(0))
          .isEqualTo("據外交部網站消息,2020年3月18日,國務委員兼外長王毅應約同俄羅斯外長拉夫羅夫通電話。");
      assertThat(paragraphs.get(4)).startsWith("拉夫羅夫表示,在習近平主席領導下,中方采取了強有力舉措")
          .endsWith("而不是訴諸類似的投機行徑。");
    }

    @Test
    void leavesBoilerplateOutOfTheBody() {
      assertThat(article.body())
          .doesNotContain("最后更新", "2020-03-18 22:36:10", "來源", "責任編輯", "連政")
          .doesNotContain("廣告", "贊助", "分享到", "微信")
          .doesNotContain("特朗普", "美國一夢", "2020-03-18 22:15")
          .doesNotContain("相關推薦", "又一位頂尖華人科學家", "評論")
          .doesNotContain("最新聞", "伊萬卡", "關於我們", "投稿郵箱", "Copyright", "腳本寫入")
          .doesNotContain("首頁", "登錄", "投桃報李")
          .doesNotContainPattern("\\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\\)");
    }

    @Test
    void readsTheLabelledLines() {
      assertThat(article.editor()).isEqualTo("連政");
      assertThat(article.source()).isEqualTo("外交部網站");
      assertThat(article.authors()).isEmpty();
    }

    @Test
    void readsThePageFacts() {
      assertThat(article.canonicalUrl()).isEqualTo(Fixtures.PORTAL_ARTICLE_URL);
      assertThat(article.section()).isEqualTo("國際");
      assertThat(article.language()).isEqualTo("zh-Hant");
      assertThat(article.description()).isEqualTo("國務委員兼外長王毅應約同俄羅斯外長拉夫羅夫通電話。");
      assertThat(article.image()).isEqualTo("https://news.example.com/images/2020/03/18/share-logo.png");
      assertThat(article.extractor()).isEqualTo("generic");
      assertThat(article.warc()).isEqualTo(Fixtures.WARC);
      assertThat(article.status()).isEqualTo(200);
      assertThat(article.fetchedAt()).isEqualTo(Fixtures.FETCHED);
    }

    @Test
    void readsRelatedRecommendationsWithCommentCounts() {
      assertThat(article.related()).extracting(RelatedItem::title).containsExactly(
          "又一位頂尖華人科學家從美回國!",
          "“烏克蘭越來越認為沖突將在明年結束”",
          "明年開工!越南總理:確保中越鐵路順利對接",
          "“若我們?cè)б唤z幻想,中國半導體發展不會如此迅猛”",
          "《心智對話》直播:世界科創的舊中心與新勢力");
      assertThat(article.related()).extracting(RelatedItem::comments)
          .containsExactly(51, 141, 158, 78, 8);
      assertThat(article.related().get(0).url())
          .isEqualTo("https://news.example.com/internation/2024_12_20_759877.shtml");
    }

    @Test
    void findsTheListingBlockWithTimesAndColumns() {
      ListingRecord listing =
          extractor.extractListing(doc, Fixtures.context(Fixtures.PORTAL_ARTICLE_URL, SHANGHAI));
      assertThat(listing.items()).hasSize(20);
      ListingItem first = listing.items().get(0);
      assertThat(first.title()).isEqualTo("特朗普:暫時關閉北部美加邊境");
      assertThat(first.url()).isEqualTo("https://news.example.com/internation/2020_03_18_541913.shtml");
      assertThat(RecordJson.format(first.time())).isEqualTo("2020-03-18T22:15:00+08:00");
      assertThat(first.section()).isEqualTo("美國一夢");
      assertThat(listing.items().get(9).title()).isEqualTo("澳大利亞宣布進入“人類生物安全緊急狀態”");
      assertThat(listing.items().get(9).section()).isNull();
      assertThat(listing.items().get(19).section()).isEqualTo("新冠肺炎抗疫戰");
      assertThat(listing.items()).extracting(ListingItem::title)
          .doesNotContain("伊萬卡:永久退出政壇", "又一位頂尖華人科學家從美回國!");
    }

    @Test
    void writesTheRecordWithDesignKeys() throws Exception {
      String json = RecordJson.write(article);
      JsonNode tree = RecordJson.mapper().readTree(json);
      assertThat(RecordJsonTest.keys(tree)).isEqualTo(RecordJsonTest.ARTICLE_KEYS);
      assertThat(json).contains("\"published\":\"2020-03-18T22:36:10+08:00\"")
          .contains("\"editor\":\"連政\"")
          .contains("{\"title\":\"又一位頂尖華人科學家從美回國!\",\"url\":"
              + "\"https://news.example.com/internation/2024_12_20_759877.shtml\",\"comments\":51}");
    }

    @Test
    void readsPageLocalTimesInTheGivenZone() {
      ArticleRecord utc = extractor.extractArticle(
          doc, Fixtures.context(Fixtures.PORTAL_ARTICLE_URL, ZoneOffset.UTC));
      assertThat(RecordJson.format(utc.published())).isEqualTo("2020-03-18T22:36:10Z");
    }

    @Test
    void leavesTheDocumentUnchanged() {
      Document fresh = Fixtures.load(Fixtures.PORTAL_ARTICLE, Fixtures.PORTAL_ARTICLE_URL);
      String before = fresh.outerHtml();
      extractor.classify(fresh);
      extractor.extractArticle(fresh, Fixtures.context(Fixtures.PORTAL_ARTICLE_URL, SHANGHAI));
      extractor.extractListing(fresh, Fixtures.context(Fixtures.PORTAL_ARTICLE_URL, SHANGHAI));
      assertThat(fresh.outerHtml()).isEqualTo(before);
    }
  }

  /** An English page: article element, time datetime, JSON-LD, og tags, related section. */
  @Nested
  class EnglishArticle {
    private final ZoneId newYork = ZoneId.of("America/New_York");
    private final Document doc =
        Fixtures.load(Fixtures.ENGLISH_ARTICLE, Fixtures.ENGLISH_ARTICLE_URL);
    private final ArticleRecord article =
        extractor.extractArticle(doc, Fixtures.context(Fixtures.ENGLISH_ARTICLE_URL, newYork));

    @Test
    void isClassifiedAsArticleWithNoListing() {
      assertThat(extractor.classify(doc)).isEqualTo(PageKind.ARTICLE);
      assertThat(extractor.extractListing(doc, Fixtures.context(Fixtures.ENGLISH_ARTICLE_URL,
          newYork)).items()).isEmpty();
    }

    @Test
    void prefersTimeElementOverJsonLdAndReadsModifiedFromJsonLd() {
      assertThat(RecordJson.format(article.published())).isEqualTo("2021-06-02T09:15:00-04:00");
      assertThat(RecordJson.format(article.modified())).isEqualTo("2021-06-02T18:40:00Z");
    }

    @Test
    void readsStatedFields() {
      assertThat(article.title()).isEqualTo("Heat wave pushes Texas power grid to the limit");
      assertThat(article.authors()).containsExactly("Jane Doe", "Ali Khan");
      assertThat(article.section()).isEqualTo("U.S.");
      assertThat(article.language()).isEqualTo("en-US");
      assertThat(article.canonicalUrl())
          .isEqualTo("https://www.example.org/us/2021/06/02/heat-wave-power-grid/");
      assertThat(article.url()).isEqualTo(Fixtures.ENGLISH_ARTICLE_URL);
      assertThat(article.image()).isEqualTo("https://cdn.example.org/img/2021/06/grid-1200.jpg");
      assertThat(article.source()).isEqualTo("Electric Reliability Council of Texas");
      assertThat(article.editor()).isNull();
    }

    @Test
    void keepsInlineLinksAndDropsChrome() {
      List<String> paragraphs = List.of(article.body().split("\n\n"));
      // the dek under the headline is the story's lead, kept before the text
      assertThat(paragraphs).hasSize(7);
      assertThat(paragraphs.get(0)).isEqualTo("Operators asked customers to conserve power as "
          + "temperatures topped 100F for a third straight day.");
      assertThat(paragraphs.get(1)).startsWith("AUSTIN, Texas — The operator");
      assertThat(paragraphs.get(6))
          .isEqualTo("The council said it would provide updates on its website and asked "
              + "customers to sign up for alerts.");
      assertThat(article.body()).contains("said the February blackouts, which left millions")
          .doesNotContain("Advertisement", "Related:", "Share on", "Subscribe", "Sign up",
              "morning briefing", "Every summer", "Transmission lines", "Most read",
              "independent newsroom", "All rights reserved", "Skip to content", "By Jane Doe",
              "Source:", "READ MORE");
    }

    @Test
    void readsRelatedStoriesWithAndWithoutCounts() {
      assertThat(article.related()).containsExactly(
          new RelatedItem("Texas braces for a summer of record electricity demand",
              "https://www.example.org/us/2021/05/30/texas-summer-outlook/", 12),
          new RelatedItem("What is a heat dome, and why is it so hard to escape?",
              "https://www.example.org/climate/2021/06/01/heat-dome-explained/", 3),
          new RelatedItem("Wholesale power prices spike as demand surges",
              "https://www.example.org/business/2021/05/28/power-prices-spike/", null));
    }
  }

  /** A simplified-Chinese page with a br-separated body, printed dateline and no meta times. */
  @Nested
  class BrSeparatedArticle {
    private final Document doc = Fixtures.load(Fixtures.BR_ARTICLE, Fixtures.BR_ARTICLE_URL);
    private final ArticleRecord article =
        extractor.extractArticle(doc, Fixtures.context(Fixtures.BR_ARTICLE_URL, SHANGHAI));

    @Test
    void readsPublishedAndUpdatedFromThePrintedDateline() {
      assertThat(RecordJson.format(article.published())).isEqualTo("2020-03-10T15:42:00+08:00");
      assertThat(RecordJson.format(article.modified())).isEqualTo("2020-03-10T18:05:00+08:00");
    }

    @Test
    void splitsTheBodyAtLineBreaks() {
      List<String> paragraphs = List.of(article.body().split("\n\n"));
      assertThat(paragraphs).hasSize(4);
      assertThat(paragraphs.get(0)).startsWith("新华社武汉3月10日电 随着最后一批患者出院，");
      assertThat(paragraphs.get(3)).startsWith("一位刚刚出院的患者说：");
      assertThat(article.body()).doesNotContain("\u3000", "\u00A0", "优惠券", "showAd", "责任编辑",
          "王晓明", "相关阅读", "评论", "排行榜", "版权所有", "当前位置");
    }

    @Test
    void readsTheLabelledLinesAndMeta() {
      assertThat(article.title()).isEqualTo("武汉方舱医院全部休舱");
      assertThat(article.editor()).isEqualTo("王晓明");
      assertThat(article.source()).isEqualTo("新华网");
      assertThat(article.authors()).containsExactly("李明", "张华");
      assertThat(article.language()).isEqualTo("zh-CN");
      assertThat(article.section()).isEqualTo("社会");
      assertThat(article.canonicalUrl()).isEqualTo(Fixtures.BR_ARTICLE_URL);
      assertThat(article.image()).isNull();
    }

    @Test
    void readsRelatedReadingUnderAHeadingOnly() {
      assertThat(article.related()).extracting(RelatedItem::title, RelatedItem::comments)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("武汉新增确诊病例降至个位数，多家方舱医院即将休舱", 12),
              org.assertj.core.groups.Tuple.tuple("直击方舱医院：医护人员的一天", 35));
      assertThat(article.related().get(1).url())
          .isEqualTo("http://news.example.cn/society/2020-03/08/c_1125679912.htm");
    }
  }

  /** A section page: headlines with summaries, times, columns and comment counts. */
  @Nested
  class PortalListing {
    private final Document doc = Fixtures.load(Fixtures.PORTAL_LISTING, Fixtures.PORTAL_LISTING_URL);
    private final ListingRecord listing =
        extractor.extractListing(doc, Fixtures.context(Fixtures.PORTAL_LISTING_URL, SHANGHAI));

    @Test
    void isClassifiedAsListing() {
      assertThat(extractor.classify(doc)).isEqualTo(PageKind.LISTING);
    }

    @Test
    void readsEveryItemInPageOrder() {
      assertThat(listing.items()).extracting(ListingItem::title).containsExactly(
          "特朗普:暫時關閉北部美加邊境", "德國確診病例破萬", "美股大幅低開,道指一度跌超1200點",
          "拉夫羅夫:感謝中方迅速及時回應俄方的采購需求", "澳大利亞宣布進入“人類生物安全緊急狀態”",
          "塞爾維亞駐華大使館開通微博賬號");
      assertThat(listing.items()).extracting(ListingItem::section).containsExactly(
          "美國一夢", "新冠肺炎抗疫戰", "股市", "中國外交", null, "中國外交");
      assertThat(listing.items()).extracting(ListingItem::comments)
          .containsExactly(12, null, 1024, 87, 5, null);
    }

    @Test
    void writesTimesWithTheZoneOffsetAndAbsoluteUrls() throws Exception {
      ListingItem first = listing.items().get(0);
      assertThat(first.url()).isEqualTo("https://news.example.com/internation/2020_03_18_541913.shtml");
      String json = RecordJson.write(listing);
      assertThat(RecordJsonTest.keys(RecordJson.mapper().readTree(json)))
          .isEqualTo(RecordJsonTest.LISTING_KEYS);
      assertThat(json).contains("{\"title\":\"特朗普:暫時關閉北部美加邊境\",\"url\":"
          + "\"https://news.example.com/internation/2020_03_18_541913.shtml\","
          + "\"time\":\"2020-03-18T22:15:00+08:00\",\"section\":\"美國一夢\",\"comments\":12}");
    }

    @Test
    void leavesTheHotSidebarOut() {
      assertThat(listing.items()).extracting(ListingItem::url)
          .noneMatch(u -> u.contains("2024_12"));
    }
  }

  @Test
  void prefersFewerStoryParagraphsOverManyParagraphsOfLinks() {
    String story = "<p>第一句話說明了事情的經過,第二句話補充了細節,第三句話引用了官員的說法,"
        + "第四句話交代了背景,第五句話給出了數字和來源。</p>";
    StringBuilder more = new StringBuilder("<div class=more-list>");
    for (int i = 0; i < 8; i++) {
      more.append("<p><a href='/a/").append(i).append(".html'>另一條新聞的標題,寫得比較長,"
          + "還帶著逗號,第").append(i).append("條</a></p>");
    }
    Document doc = Jsoup.parse("<div class=story>" + story + story + story + "</div>"
        + more + "</div>", "https://news.example.com/a/1.html");
    ArticleRecord article = extractor.extractArticle(
        doc, Fixtures.context("https://news.example.com/a/1.html", SHANGHAI));
    assertThat(article.body()).startsWith("第一句話").doesNotContain("另一條新聞");
  }

  @Test
  void findsRelatedLinksByClassNameWhenNoHeadingSaysSo() {
    Document doc = Jsoup.parse("<div class=content><p>正文。</p></div>"
        + "<div class='related-links'><a href='/a/2.html'>第二條相關新聞的標題</a> 3 comments"
        + "<a href='/a/3.html'>第三條相關新聞的標題</a></div>", "https://news.example.com/a/1.html");
    ArticleRecord article = extractor.extractArticle(
        doc, Fixtures.context("https://news.example.com/a/1.html", SHANGHAI));
    assertThat(article.related()).containsExactly(
        new RelatedItem("第二條相關新聞的標題", "https://news.example.com/a/2.html", 3),
        new RelatedItem("第三條相關新聞的標題", "https://news.example.com/a/3.html", null));
  }

  @Test
  void findsARelatedHeadingWhoseTextStartsWithWhatNormalizingDrops() {
    // soft hyphen, zero-width space, NBSP, a comment, an ideographic space, then the heading; and
    // a CJK compatibility ideograph that NFC makes the 更 of 更多閱讀
    for (String heading : List.of("&shy;&#8203;&nbsp;<!-- x -->\u3000Related stories",
        "\uF901多閱讀")) {
      Document doc = Jsoup.parse("<div class=content><p>正文。</p></div><h3>" + heading + "</h3>"
          + "<ul><li><a href='/a/2.html'>第二條相關新聞的標題</a></li>"
          + "<li><a href='/a/3.html'>第三條相關新聞的標題</a></li></ul>",
          "https://news.example.com/a/1.html");
      ArticleRecord article = extractor.extractArticle(
          doc, Fixtures.context("https://news.example.com/a/1.html", SHANGHAI));
      assertThat(article.related()).as(heading).extracting(RelatedItem::url).containsExactly(
          "https://news.example.com/a/2.html", "https://news.example.com/a/3.html");
    }
  }

  @Test
  void writesModifiedOnlyWhenItDiffersFromPublished() {
    String head = "<meta property='article:published_time' content='2020-03-18T22:36:10+08:00'>";
    Document same = Jsoup.parse(head
        + "<meta property='article:modified_time' content='2020-03-18T14:36:10Z'>", "https://a/1");
    Document later = Jsoup.parse(head
        + "<meta property='article:modified_time' content='2020-03-19T08:00:00+08:00'>", "https://a/1");
    PageContext ctx = Fixtures.context("https://a/1", SHANGHAI);
    assertThat(extractor.extractArticle(same, ctx).modified()).isNull();
    assertThat(RecordJson.format(extractor.extractArticle(later, ctx).modified()))
        .isEqualTo("2020-03-19T08:00:00+08:00");
  }

  @Test
  void classifiesAPageWithoutStoryOrHeadlinesAsOther() {
    Document login = Jsoup.parse("<html><head><title>登錄_環球觀察網</title></head><body>"
        + "<div class=nav><a href='/'>首頁</a><a href='/internation/'>國際</a></div>"
        + "<form action='/login'><p>用戶名</p><input name=u><p>密碼</p><input name=p></form>"
        + "<p>還沒有帳號?<a href='/register'>立即註冊</a></p>"
        + "<div class=footer><p>Copyright © 環球觀察網</p></div></body></html>",
        "https://news.example.com/login.shtml");
    assertThat(extractor.classify(login)).isEqualTo(PageKind.OTHER);
  }

  @Test
  void takesTheHeadlineBeforeTheTimeAndTheColumnAfterIt() {
    // flat items: headline, time and column link share one element
    Document doc = Jsoup.parse("<ul>"
        + "<li><a href='/a/1.html'>“我無罪”</a> <span>2020-03-18 22:15</span> "
        + "<a href='/topic/1/'>新冠肺炎抗疫戰</a> -</li>"
        + "<li><a href='/a/2.html'>第二條新聞的標題在這裡</a> <span>2020-03-18 22:00</span> "
        + "<a href='/topic/2/'>美國一夢</a></li>"
        + "</ul>", "https://news.example.com/list.html");
    ListingRecord listing = extractor.extractListing(
        doc, Fixtures.context("https://news.example.com/list.html", SHANGHAI));
    assertThat(listing.items()).extracting(ListingItem::title, ListingItem::section)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("“我無罪”", "新冠肺炎抗疫戰"),
            org.assertj.core.groups.Tuple.tuple("第二條新聞的標題在這裡", "美國一夢"));
  }

  @Test
  void resolvesLinksAgainstTheContextUrlWhenTheDocumentHasNoBaseUri() {
    Document doc = Jsoup.parse("<ul>"
        + "<li><a href='/a/1.html'>第一條新聞的標題在這裡</a> <span>2020-03-18 22:15</span></li>"
        + "<li><a href='/a/2.html'>第二條新聞的標題在這裡</a> <span>2020-03-18 22:00</span></li>"
        + "</ul>");
    ListingRecord listing = extractor.extractListing(
        doc, Fixtures.context("https://news.example.com/list.html", SHANGHAI));
    assertThat(listing.items()).extracting(ListingItem::url).containsExactly(
        "https://news.example.com/a/1.html", "https://news.example.com/a/2.html");
  }

  @Test
  void leavesARelatedBlockInsideTheContainerOutOfTheBody() {
    String paragraph = "<p>這是一段足夠長的正文,用來讓這個容器成為正文所在的位置,內容本身並不重要。</p>";
    Document doc = Jsoup.parse("<div>" + paragraph + paragraph + paragraph
        + "<h3>相關閱讀</h3><ul><li><a href='/a/9.html'>另一條相關新聞的標題</a></li></ul>"
        + paragraph + "</div>", "https://news.example.com/a/1.html");
    ArticleRecord article = extractor.extractArticle(
        doc, Fixtures.context("https://news.example.com/a/1.html", SHANGHAI));
    assertThat(article.body().split("\n\n")).hasSize(4);
    assertThat(article.body()).doesNotContain("相關閱讀", "另一條");
    assertThat(article.related()).extracting(RelatedItem::title).containsExactly("另一條相關新聞的標題");
  }

  @Test
  void givesNullsNotErrorsForAnEmptyPage() {
    Document empty = Jsoup.parse("", "https://news.example.com/empty.html");
    ArticleRecord article =
        extractor.extractArticle(empty, Fixtures.context("https://news.example.com/empty.html", SHANGHAI));
    assertThat(article.title()).isNull();
    assertThat(article.body()).isNull();
    assertThat(article.published()).isNull();
    assertThat(article.related()).isEmpty();
    assertThat(article.canonicalUrl()).isEqualTo("https://news.example.com/empty.html");
    assertThat(extractor.classify(empty)).isEqualTo(PageKind.OTHER);
  }
}
