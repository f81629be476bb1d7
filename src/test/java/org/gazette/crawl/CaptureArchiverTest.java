package org.gazette.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.gazette.archive.WarcWriter;
import org.gazette.archive.WarcWriterOptions;
import org.gazette.archive.Warcinfo;
import org.gazette.testing.SampleExchanges;
import org.gazette.config.StateConfig;
import org.gazette.fetch.HttpHeader;
import org.gazette.store.CaptureEntry;
import org.gazette.store.NewCapture;
import org.gazette.store.StateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conditional requests are sent only when a 304 could be answered from the archive. */
class CaptureArchiverTest {
  @TempDir Path tmp;

  private void capture(StateStore store, String url, Path warc, int status) {
    Instant t = Instant.parse("2026-11-26T10:00:00Z");
    String file = warc.toAbsolutePath().toString();
    String lastModified = "Tue, 17 Mar 2020 10:00:00 GMT";
    store.captures().record(new NewCapture("s", "r", url, t, status, "\"v1\"", lastModified,
        "response", file, 0, "<urn:" + url.hashCode() + ">", new CaptureEntry(url, t, "\"v1\"",
            lastModified, "sha1:X", file, 0, "<urn:" + url.hashCode() + ">", t,
            null, status)));
  }

  @Test
  void capturesMadeWhileTheDatabaseIsAwayAreRecordedWhenItIsBack() throws Exception {
    try (StateStore store = StateStore.open(
            new StateConfig(StateStore.DEFAULT_URL, null, null, false, null), tmp.resolve("state"));
        WarcWriter warc = new WarcWriter(new WarcWriterOptions(tmp.resolve("warc"),
            Warcinfo.of("s", "r", "gazette-test/1.0 (ops@example.org)", "ops@example.org")))) {
      CaptureArchiver archiver = new CaptureArchiver(warc, store.captures(), tmp.resolve("warc"),
          "s", "r");
      archiver.archive(SampleExchanges.plain("http://n.example/1", "<p>one</p>"));
      try (Connection c = store.dataSource().getConnection(); Statement st = c.createStatement()) {
        st.execute("ALTER TABLE captures RENAME TO captures_away"); // the database "goes away"
      }
      // archived all the same, the captures kept
      archiver.archive(SampleExchanges.plain("http://n.example/2", "<p>two</p>"));
      archiver.archive(SampleExchanges.plain("http://n.example/3", "<p>three</p>"));
      assertThat(archiver.flushPending(Duration.ZERO, () -> true)).isEqualTo(2);
      try (Connection c = store.dataSource().getConnection(); Statement st = c.createStatement()) {
        st.execute("ALTER TABLE captures_away RENAME TO captures");
      }
      assertThat(archiver.flushPending(Duration.ofSeconds(10), () -> false)).isZero();
      assertThat(store.captures().count()).isEqualTo(3);
      assertThat(store.captures().latest("http://n.example/3")).isPresent();
    }
  }

  @Test
  void validatorsOnlyWhenTheArchivedContentIsThere() throws Exception {
    try (StateStore store = StateStore.open(
        new StateConfig(StateStore.DEFAULT_URL, null, null, false, null), tmp.resolve("state"))) {
      Path kept = Files.writeString(tmp.resolve("kept.warc.gz"), "x");
      capture(store, "https://n.example/kept", kept, 200);
      capture(store, "https://n.example/moved", tmp.resolve("moved-away.warc.gz"), 200);
      capture(store, "https://n.example/gone", kept, 404);
      CaptureArchiver archiver = new CaptureArchiver(null, store.captures(), tmp, "s", "r");

      assertThat(archiver.conditionalHeaders("https://n.example/kept"))
          .extracting(HttpHeader::name).containsExactly("If-None-Match", "If-Modified-Since");
      // a 304 would leave nothing to archive or parse: ask for the whole page
      assertThat(archiver.conditionalHeaders("https://n.example/moved")).isEmpty();
      assertThat(archiver.conditionalHeaders("https://n.example/gone")).isEmpty();
      assertThat(archiver.conditionalHeaders("https://n.example/never")).isEmpty();
    }
  }

  @Test
  void theLookUpMadeWhenALinkIsFoundServesTheFetchOfItsPageOnce() throws Exception {
    try (StateStore store = StateStore.open(
        new StateConfig(StateStore.DEFAULT_URL, null, null, false, null), tmp.resolve("state"))) {
      Path kept = Files.writeString(tmp.resolve("kept.warc.gz"), "x");
      CaptureArchiver archiver = new CaptureArchiver(null, store.captures(), tmp, "s", "r");
      String url = "https://n.example/new";
      assertThat(archiver.latestAtDiscovery(url)).isEmpty();
      capture(store, url, kept, 200); // the store changes behind the archiver's back
      // the fetch reads the look-up made at discovery, not the store...
      assertThat(archiver.latestForFetch(url)).isEmpty();
      // ...once: a retry of the page asks the store
      assertThat(archiver.latestForFetch(url)).map(CaptureEntry::status).contains(200);

      String skipped = "https://n.example/fresh";
      capture(store, skipped, kept, 200);
      assertThat(archiver.latestAtDiscovery(skipped)).isPresent();
      archiver.notFetching(skipped);
      try (Connection c = store.dataSource().getConnection(); Statement st = c.createStatement()) {
        st.execute("DELETE FROM captures WHERE url = '" + skipped + "'");
      }
      assertThat(archiver.latestForFetch(skipped)).isEmpty(); // nothing was kept for it
    }
  }

  @Test
  void nothingIsKeptFromALookUpTheStoreCouldNotAnswer() throws Exception {
    try (StateStore store = StateStore.open(
        new StateConfig(StateStore.DEFAULT_URL, null, null, false, null), tmp.resolve("state"))) {
      Path kept = Files.writeString(tmp.resolve("kept.warc.gz"), "x");
      String url = "https://n.example/kept";
      capture(store, url, kept, 200);
      CaptureArchiver archiver = new CaptureArchiver(null, store.captures(), tmp, "s", "r");
      try (Connection c = store.dataSource().getConnection(); Statement st = c.createStatement()) {
        st.execute("ALTER TABLE captures RENAME TO captures_away");
      }
      assertThat(archiver.latestAtDiscovery(url)).isEmpty();
      try (Connection c = store.dataSource().getConnection(); Statement st = c.createStatement()) {
        st.execute("ALTER TABLE captures_away RENAME TO captures");
      }
      // the fetch asks again, and gets the capture the store holds
      assertThat(archiver.latestForFetch(url)).isPresent();
    }
  }
}
