package org.gazette.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.gazette.fetch.FetchOptions;
import org.gazette.fetch.PolitenessGate;
import org.gazette.fetch.RobotsCache;
import org.gazette.sample.SampleNewsSite;
import org.gazette.sample.ServedRequest;
import org.gazette.testing.WarcAssertions;
import org.gazette.testing.WarcAssertions.ReadRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crawls the whole sample site once, with no URL patterns (so robots.txt alone keeps the crawler
 * out of /private/), and checks what a user cares about: the server's request log, the WARC
 * bytes read back by jwarc, and the JSON records field by field.
 */
class CrawlIT {
  static final String UA = "gazette-test/1.0 (+https://example.org/crawler; ops@example.org)";
  static final Duration MIN_DELAY = Duration.ofMillis(150);

  @TempDir static Path tmp;
  static SampleNewsSite site;
  static RunSummary summary;
  static List<ServedRequest> served;
  static Path warcDir;

  @BeforeAll
  static void crawlSampleSite() throws Exception {
    site = SampleNewsSite.start("127.0.0.1", 0);
    RunSpec spec = spec("sample", site.baseUri(), MIN_DELAY, 500);
    summary = new CrawlRun(spec, new PolitenessGate(1), new RobotsCache(UA)).execute(p -> { });
    served = site.requests();
    warcDir = tmp.resolve("warc").resolve("sample");
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static RunSpec spec(String name, URI seed, Duration minDelay, int maxPages) {
    FetchOptions fetch = new FetchOptions(UA, Duration.ofSeconds(5), Duration.ofSeconds(5),
        Duration.ofSeconds(20), 10 << 20, true);
    return new RunSpec(name, List.of(seed), List.of(seed.getHost()), List.of(), List.of(),
        ZoneId.of("Asia/Shanghai"), maxPages, 5, minDelay, Duration.ofSeconds(30), 0, 3,
        Duration.ofSeconds(30), 2048, 3,
        fetch, tmp.resolve("warc"), tmp.resolve("state"), "gazette", 1L << 30,
        "ops@example.org");
  }

  @Test
  void neverRequestsWhatRobotsTxtDisallows() {
    assertThat(served).extracting(ServedRequest::path).contains("/robots.txt");
    assertThat(served).extracting(ServedRequest::path)
        .noneMatch(p -> p.startsWith(SampleNewsSite.DISALLOWED_PREFIX));
    // the link was found and refused, not missed
    assertThat(summary.count(Outcome.ROBOTS_DENIED)).isGreaterThanOrEqualTo(1);
  }

  @Test
  void spacesRequestsToTheHostByTheMinimumDelay() {
    List<ServedRequest> byTime = new ArrayList<>(served);
    byTime.sort(Comparator.comparing(ServedRequest::time));
    assertThat(byTime).hasSizeGreaterThan(30);
    for (int i = 1; i < byTime.size(); i++) {
      Duration gap = Duration.between(byTime.get(i - 1).time(), byTime.get(i).time());
      assertThat(gap).as("gap before %s", byTime.get(i).path())
          .isGreaterThanOrEqualTo(MIN_DELAY.minusMillis(2)); // wall clock vs monotonic clock
    }
    assertThat(served).extracting(ServedRequest::userAgent).containsOnly(UA);
    // the summary says what politeness cost: at least the delay after every request but the last
    assertThat(summary.heldBackMillis().get("127.0.0.1"))
        .isGreaterThanOrEqualTo((served.size() - 1) * (MIN_DELAY.toMillis() - 1));
  }

  @Test
  void archivesEveryExchangeInWarcRecordsThatVerify() throws IOException {
    List<ReadRecord> records = WarcAssertions.assertValidArchive(warcDir);
    long responses = records.stream().filter(r -> r.type().equals("response")).count();
    assertThat(responses).isEqualTo(served.size());
    assertThat(summary.requests()).isEqualTo(served.size());
    assertThat(records).filteredOn(r -> r.type().equals("response"))
        .extracting(ReadRecord::targetUri)
        .contains(site.baseUri().resolve("/robots.txt").toString(),
            site.baseUri().resolve(SampleNewsSite.SEED_ARTICLE_PATH).toString());
    assertThat(summary.warcFiles()).hasSize(1);
    assertThat(summary.articles()).isGreaterThanOrEqualTo(SampleNewsSite.ARTICLE_COUNT);
    assertThat(summary.errors()).isEmpty();
  }

  @Test
  void writesTheSeedArticleRecordExactly() throws IOException {
    JsonNode seed = record(SampleNewsSite.SEED_ARTICLE_PATH).orElseThrow();
    assertThat(seed.get("type").asText()).isEqualTo("article");
    assertThat(seed.get("site").asText()).isEqualTo("sample");
    assertThat(seed.get("status").asInt()).isEqualTo(200);
    assertThat(seed.get("title").asText()).isEqualTo("拉夫羅夫:感謝中方迅速及時回應俄方的采購需求");
    assertThat(seed.get("published").asText()).isEqualTo("2020-03-18T22:36:10+08:00");
    assertThat(seed.get("editor").asText()).isEqualTo("連政");
    String[] paragraphs = seed.get("body").asText().split("\n\n");
    assertThat(paragraphs[0])
        .isEqualTo("據外交部網站消息,2020年3月18日,國務委員兼外長王毅應約同俄羅斯外長拉夫羅夫通電話。");
    assertThat(paragraphs[paragraphs.length - 1]).startsWith("拉夫羅夫表示,在習近平主席領導下")
        .endsWith("而不是訴諸類似的投機行徑。");
    assertThat(seed.get("body").asText()).doesNotContain("責任編輯", "相關推薦", "(shí)");
    assertThat(seed.get("related")).isNotEmpty();
    assertThat(seed.get("related").get(0).get("comments").isInt()).isTrue();
  }

  @Test
  void jsonRecordPointsAtItsResponseRecord() throws IOException {
    JsonNode seed = record(SampleNewsSite.SEED_ARTICLE_PATH).orElseThrow();
    JsonNode warc = seed.get("warc");
    List<ReadRecord> records = WarcAssertions.assertValidWarc(warcDir.resolve(warc.get("file").asText()));
    ReadRecord at = records.stream().filter(r -> r.offset() == warc.get("offset").asLong())
        .findFirst().orElseThrow();
    assertThat(at.type()).isEqualTo("response");
    assertThat(at.targetUri()).isEqualTo(seed.get("url").asText());
    assertThat(at.recordId()).isEqualTo(warc.get("record_id").asText());
    assertThat(at.payloadDigest()).isEqualTo(warc.get("payload_digest").asText());
  }

  @Test
  void writesMetadataRecordWithOutlinksAndTheJsonRecord() throws IOException {
    JsonNode seed = record(SampleNewsSite.SEED_ARTICLE_PATH).orElseThrow();
    String responseId = seed.get("warc").get("record_id").asText();
    Path warc = warcDir.resolve(seed.get("warc").get("file").asText());
    String block = null;
    try (org.netpreserve.jwarc.WarcReader reader = new org.netpreserve.jwarc.WarcReader(warc)) {
      for (org.netpreserve.jwarc.WarcRecord r : reader) {
        if (r instanceof org.netpreserve.jwarc.WarcMetadata m
            && m.headers().first("WARC-Refers-To").orElse("").equals(responseId)) {
          block = new String(m.body().stream().readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    assertThat(block).isNotNull()
        .contains("fetchTimeMs: ")
        .contains("outlink: " + site.baseUri().resolve("/list/1.html") + " L a/@href")
        .contains("record: {\"type\":\"article\"");
  }

  @Test
  void readsCharsetsDeclaredOnlyInMetaTags() throws IOException {
    assertThat(record(SampleNewsSite.GBK_PAGE_PATH).orElseThrow().get("title").asText())
        .isEqualTo(SampleNewsSite.GBK_PAGE_TITLE);
    assertThat(record(SampleNewsSite.BIG5_PAGE_PATH).orElseThrow().get("title").asText())
        .isEqualTo(SampleNewsSite.BIG5_PAGE_TITLE);
  }

  @Test
  void writesListingRecordsWithLocalTimes() throws IOException {
    List<JsonNode> listings = records().stream()
        .filter(r -> r.get("type").asText().equals("listing")).toList();
    assertThat(listings).isNotEmpty();
    JsonNode items = listings.get(0).get("items");
    assertThat(items).isNotEmpty();
    assertThat(items.get(0).get("url").asText()).startsWith(site.baseUri().toString());
    assertThat(items.get(0).get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d)?\\+08:00");
  }

  static Optional<JsonNode> record(String path) throws IOException {
    String url = site.baseUri().resolve(path).toString();
    return records().stream().filter(r -> r.get("url").asText().equals(url)).findFirst();
  }

  static List<JsonNode> records() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(warcDir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          out.add(json.readTree(line));
        }
      }
    }
    return out;
  }
}
