package org.gazette.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gazette.archive.RevisitRecord;
import org.gazette.archive.RevisitTarget;
import org.gazette.archive.WarcContentTypes;
import org.gazette.archive.WarcField;
import org.gazette.archive.WarcLocation;
import org.gazette.archive.WarcWriter;
import org.gazette.archive.WarcWriterOptions;
import org.gazette.archive.Warcinfo;
import org.gazette.config.StateConfig;
import org.gazette.fetch.HttpExchange;
import org.gazette.store.CaptureEntry;
import org.gazette.store.StateStore;
import org.gazette.testing.SampleExchanges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repair of a crashed run's WARC file records the captures the state store never got, as
 * the crawl would have recorded them, and nothing else.
 */
class CaptureRecoveryTest {
  @TempDir Path tmp;

  private StateStore store() {
    return StateStore.open(new StateConfig(StateStore.DEFAULT_URL, null, null, false, null),
        tmp.resolve("state"));
  }

  private WarcWriter writer() throws Exception {
    return new WarcWriter(new WarcWriterOptions(tmp.resolve("warc"),
        Warcinfo.of("s", "r", "gazette-test/1.0 (ops@example.org)", "ops@example.org")));
  }

  private static Path openFile(Path dir) throws Exception {
    try (var files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".warc.gz.open")).findFirst().orElseThrow();
    }
  }

  @Test
  void recordsWhatTheCrashKeptFromTheStoreAsTheCrawlWould() throws Exception {
    try (StateStore store = store(); WarcWriter warc = writer()) {
      CaptureArchiver archiver = new CaptureArchiver(warc, store.captures(), tmp.resolve("warc"),
          "s", "r");
      // recorded before the crash
      archiver.archive(SampleExchanges.plain("http://n.example/known", "<p>known</p>"));
      // written, but the store never got them: written straight, as a crash would leave them
      HttpExchange article = SampleExchanges.status("http://n.example/a", 200, "OK",
          "ETag: \"e1\"\r\nLast-Modified: Tue, 17 Mar 2020 10:00:00 GMT\r\n", "<p>story</p>");
      WarcLocation a = warc.write(article);
      warc.writeMetadata(article.uri(), article.date(), a.recordId(), WarcContentTypes.WARC_FIELDS,
          WarcField.encode(List.of(new WarcField("outlink", "http://n.example/ L a/@href"),
              new WarcField("record", "{\"type\":\"article\",\"schema\":1}"))));
      WarcLocation gone = warc.write(SampleExchanges.notFound("http://n.example/gone"));
      warc.write(SampleExchanges.status("http://n.example/busy", 503, "Service Unavailable", "",
          "later"));
      warc.write(SampleExchanges.truncated("http://n.example/cut", 1000, "<p>half"));
      warc.write(SampleExchanges.plain("http://n.example/robots.txt", "User-agent: *"));
      HttpExchange notModified = SampleExchanges.status("http://n.example/a", 304,
          "Not Modified", "", "");
      WarcLocation revisit = warc.writeRevisit(notModified,
          RevisitRecord.Profile.SERVER_NOT_MODIFIED, new RevisitTarget(a.recordId(),
              "http://n.example/a", article.date(), a.payloadDigest()));

      Path open = openFile(tmp.resolve("warc"));
      Path finalName = open.resolveSibling(open.getFileName().toString().replace(".open", ""));
      int recorded = new CaptureRecovery(store.captures(), "s", "r0")
          .recover(open, finalName, Files.size(open));

      assertThat(recorded).isEqualTo(3);
      assertThat(store.captures().count()).isEqualTo(4);
      assertThat(store.captures().recordIdsIn(finalName))
          .contains(a.recordId(), gone.recordId(), revisit.recordId());
      CaptureEntry response = store.captures().byRecordId(a.recordId()).orElseThrow();
      assertThat(response.kind()).isEqualTo(CaptureEntry.ARTICLE);
      assertThat(response.etag()).isEqualTo("\"e1\"");
      assertThat(response.lastModified()).isEqualTo("Tue, 17 Mar 2020 10:00:00 GMT");
      assertThat(response.payloadDigest()).isEqualTo(a.payloadDigest());
      assertThat(response.offset()).isEqualTo(a.offset());
      assertThat(response.warcFile()).isEqualTo(finalName.toAbsolutePath().normalize().toString());
      assertThat(response.status()).isEqualTo(200);
      // the latest capture of /a is the revisit, whose content is the response, validators kept
      CaptureEntry latest = store.captures().latest("http://n.example/a").orElseThrow();
      assertThat(latest.recordId()).isEqualTo(a.recordId());
      assertThat(latest.etag()).isEqualTo("\"e1\"");
      assertThat(store.captures().latest("http://n.example/gone").orElseThrow().status())
          .isEqualTo(404);
      for (String absent : List.of("busy", "cut", "robots.txt")) {
        assertThat(store.captures().latest("http://n.example/" + absent)).as(absent).isEmpty();
      }
      // a second repair of the same file records nothing twice
      assertThat(new CaptureRecovery(store.captures(), "s", "r0")
          .recover(open, finalName, Files.size(open))).isZero();
    }
  }

  @Test
  void recordsNothingPastTheCut() throws Exception {
    try (StateStore store = store(); WarcWriter warc = writer()) {
      WarcLocation first = warc.write(SampleExchanges.plain("http://n.example/1", "<p>1</p>"));
      WarcLocation second = warc.write(SampleExchanges.plain("http://n.example/2", "<p>2</p>"));
      Path open = openFile(tmp.resolve("warc"));
      Path finalName = open.resolveSibling(open.getFileName().toString().replace(".open", ""));
      // the cut falls inside the second exchange
      long cut = second.offset() - 1;
      assertThat(new CaptureRecovery(store.captures(), "s", null).recover(open, finalName, cut))
          .isEqualTo(1);
      assertThat(store.captures().recordIdsIn(finalName)).containsExactly(first.recordId());
      assertThat(store.captures().count()).isEqualTo(1);
    }
  }
}
