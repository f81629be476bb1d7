package org.gazette.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gazette.fetch.PolitenessGate;
import org.gazette.fetch.RobotsCache;
import org.gazette.sample.SampleNewsSite;
import org.gazette.sample.ServedRequest;
import org.gazette.testing.WarcAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRevisit;

/** A second crawl of an unchanged site archives revisits, not second copies. */
class RevisitIT {
  @TempDir Path tmp;

  @Test
  void secondCrawlOfAnUnchangedSiteWritesRevisits() throws Exception {
    try (SampleNewsSite site = SampleNewsSite.start("127.0.0.1", 0)) {
      CrawlIT.tmp = tmp;
      RunSpec spec = CrawlIT.spec("again", site.baseUri(), Duration.ofMillis(20), 8);
      PolitenessGate gate = new PolitenessGate(1);
      RobotsCache robots = new RobotsCache(CrawlIT.UA);
      RunSummary first = new CrawlRun(spec, gate, robots).execute(p -> { });
      int firstRequests = site.requests().size();
      RunSummary second = new CrawlRun(spec, gate, robots).execute(p -> { });

      assertThat(first.revisits()).isZero();
      assertThat(second.count(Outcome.NOT_MODIFIED)).isPositive();
      assertThat(second.revisits()).isEqualTo(second.pages() - second.count(Outcome.ROBOTS_DENIED));
      // the second run asked conditionally for what had validators
      List<ServedRequest> again = site.requests().subList(firstRequests, site.requests().size());
      assertThat(again).extracting(ServedRequest::status).contains(304);

      Path firstWarc = first.warcFiles().get(0);
      Path secondWarc = second.warcFiles().get(0);
      Map<String, String> firstResponses = WarcAssertions.assertValidWarc(firstWarc).stream()
          .filter(r -> r.type().equals("response"))
          .collect(Collectors.toMap(WarcAssertions.ReadRecord::recordId,
              WarcAssertions.ReadRecord::targetUri));
      WarcAssertions.assertValidWarc(secondWarc);
      int notModified = 0;
      int identical = 0;
      try (WarcReader reader = new WarcReader(secondWarc)) {
        for (WarcRecord record : reader) {
          if (record instanceof WarcRevisit revisit) {
            String refersTo = revisit.headers().first("WARC-Refers-To").orElseThrow();
            assertThat(firstResponses).containsEntry(refersTo, revisit.target());
            assertThat(revisit.headers().first("WARC-Refers-To-Target-URI"))
                .contains(revisit.target());
            assertThat(revisit.headers().first("WARC-Refers-To-Date")).isPresent();
            String profile = revisit.profile().toString();
            if (profile.endsWith("server-not-modified")) {
              notModified++;
              assertThat(revisit.http().status()).isEqualTo(304);
            } else {
              assertThat(profile).endsWith("identical-payload-digest");
              assertThat(revisit.payloadDigest()).isPresent();
              identical++;
            }
          }
          assertThat(record.type()).isNotEqualTo("response"); // nothing stored twice
        }
      }
      assertThat(notModified).isPositive();
      assertThat(identical).isPositive();
      // a page answered 304 is still parsed from its archived copy: its record is complete
      ObjectMapper json = new ObjectMapper();
      List<JsonNode> articles = Files.readAllLines(WarcAssertions.jsonlBeside(secondWarc)).stream()
          .map(l -> { try { return json.readTree(l); } catch (Exception e) { throw new RuntimeException(e); } })
          .filter(r -> r.get("type").asText().equals("article")).toList();
      assertThat(articles).isNotEmpty().allSatisfy(a -> {
        assertThat(a.get("body").asText()).hasSizeGreaterThan(50);
        assertThat(a.get("warc").get("record_id").asText()).startsWith("<urn:uuid:");
      });
    }
  }
}
