package org.gazette.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every state store does, whatever the database: run by {@link StateStoreTest} on H2 and
 * by {@link PostgresStateStoreIT} on PostgreSQL, the same SQL on both.
 */
abstract class StateStoreContract {
  @TempDir Path tmp;

  static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  /** Opens the store under test: the same database every time within one test. */
  abstract StateStore open();

  static NewCapture response(String url, Instant at, String file, long offset, String id,
      String digest) {
    return new NewCapture("portal", "run-1", url, at, 200, "\"e-" + id + "\"", null, "response",
        file, offset, id, new CaptureEntry(url, at, null, null, digest, file, offset, id, at,
            null, 200));
  }

  @Test
  void latestCaptureWinsAndSurvivesReopening() {
    String file = tmp.resolve("a.warc.gz").toString();
    try (StateStore store = open()) {
      store.captures().record(response("https://n.example/a.html", T0, file, 0, "<urn:1>",
          "sha1:AAA"));
      store.captures().record(response("https://n.example/a.html", T0.plusSeconds(60), file,
          900, "<urn:2>", "sha1:BBB"));
    }
    try (StateStore store = open()) {
      CaptureEntry last = store.captures().latest("https://n.example/a.html").orElseThrow();
      assertThat(last.recordId()).isEqualTo("<urn:2>");
      assertThat(last.payloadDigest()).isEqualTo("sha1:BBB");
      assertThat(last.etag()).isEqualTo("\"e-<urn:2>\"");
      assertThat(last.fetchedAt()).isEqualTo(T0.plusSeconds(60));
      assertThat(last.offset()).isEqualTo(900);
      // the SURT key files http and www variants together, as CDXJ does
      assertThat(store.captures().latest("http://www.n.example/a.html")).isPresent();
      assertThat(store.captures().latest("https://n.example/b.html")).isEmpty();
      assertThat(store.captures().count()).isEqualTo(2);
    }
  }

  @Test
  void aRevisitPointsAtTheContentItRefersTo() {
    String file = tmp.resolve("a.warc.gz").toString();
    try (StateStore store = open()) {
      NewCapture first = response("https://n.example/a.html", T0, file, 0, "<urn:1>", "sha1:AAA");
      store.captures().record(first);
      store.captures().classify("<urn:1>", CaptureEntry.ARTICLE);
      store.captures().record(new NewCapture("portal", "run-2", "https://n.example/a.html",
          T0.plusSeconds(3600), 304, "\"e2\"", null, "revisit", file, 5000, "<urn:9>",
          store.captures().latest("https://n.example/a.html").orElseThrow()));
      CaptureEntry last = store.captures().latest("https://n.example/a.html").orElseThrow();
      assertThat(last.fetchedAt()).isEqualTo(T0.plusSeconds(3600));
      assertThat(last.etag()).isEqualTo("\"e2\"");
      assertThat(last.recordId()).isEqualTo("<urn:1>"); // the content is still the first record
      assertThat(last.offset()).isZero();
      assertThat(last.contentDate()).isEqualTo(T0);
      assertThat(last.kind()).isEqualTo(CaptureEntry.ARTICLE);
    }
  }

  @Test
  void capturesByFileAndByRecordId() {
    Path a = tmp.resolve("a.warc.gz");
    String file = a.toAbsolutePath().toString();
    try (StateStore store = open()) {
      store.captures().record(response("https://n.example/1", T0, file, 0, "<urn:1>", "sha1:1"));
      store.captures().record(response("https://n.example/2", T0, file, 900, "<urn:2>", "sha1:2"));
      store.captures().record(response("https://n.example/3", T0,
          tmp.resolve("b.warc.gz").toAbsolutePath().toString(), 0, "<urn:3>", "sha1:3"));
      store.flush(); // must not fail on either database (StateStoreFlushIT: what it writes on H2)
      assertThat(store.captures().recordIdsIn(a)).containsExactlyInAnyOrder("<urn:1>", "<urn:2>");
      assertThat(store.captures().recordIdsIn(tmp.resolve("c.warc.gz"))).isEmpty();
      CaptureEntry second = store.captures().byRecordId("<urn:2>").orElseThrow();
      assertThat(second.url()).isEqualTo("https://n.example/2");
      assertThat(second.offset()).isEqualTo(900);
      assertThat(second.payloadDigest()).isEqualTo("sha1:2");
      assertThat(store.captures().byRecordId("<urn:4>")).isEmpty();
    }
  }

  @Test
  void repairForgetsWhatItCut() {
    String cut = tmp.resolve("cut.warc.gz").toAbsolutePath().toString();
    String kept = tmp.resolve("kept.warc.gz").toAbsolutePath().toString();
    try (StateStore store = open()) {
      store.captures().record(response("https://n.example/1", T0, cut, 0, "<urn:1>", "sha1:1"));
      store.captures().record(response("https://n.example/2", T0, cut, 4000, "<urn:2>", "sha1:2"));
      store.captures().record(response("https://n.example/3", T0, kept, 4000, "<urn:3>", "sha1:3"));
      assertThat(store.captures().forgetFrom(Path.of(cut), 4000)).isEqualTo(1);
      assertThat(store.captures().latest("https://n.example/1")).isPresent();
      assertThat(store.captures().latest("https://n.example/2")).isEmpty();
      assertThat(store.captures().latest("https://n.example/3")).isPresent();
    }
  }

  @Test
  void aForgottenCaptureLeavesTheOneBefore() {
    // a page whose JSON record could not be written is forgotten: the next run asks again
    String file = tmp.resolve("a.warc.gz").toString();
    try (StateStore store = open()) {
      store.captures().record(response("https://n.example/a", T0, file, 0, "<urn:1>", "sha1:A"));
      store.captures().record(response("https://n.example/a", T0.plusSeconds(60), file, 900,
          "<urn:2>", "sha1:B"));
      assertThat(store.captures().forget("<urn:2>")).isTrue();
      assertThat(store.captures().forget("<urn:2>")).isFalse();
      assertThat(store.captures().latest("https://n.example/a").orElseThrow().recordId())
          .isEqualTo("<urn:1>");
    }
  }

  @Test
  void theSameRecordIsNeverCapturedTwice() {
    String file = tmp.resolve("a.warc.gz").toString();
    try (StateStore store = open()) {
      store.captures().record(response("https://n.example/a", T0, file, 0, "<urn:1>", "sha1:A"));
      assertThatThrownBy(() -> store.captures().record(
          response("https://n.example/a", T0, file, 0, "<urn:1>", "sha1:A")))
          .isInstanceOf(StoreException.class).hasMessageContaining("https://n.example/a");
    }
  }

  @Test
  void runsAreStartedEndedAndAnUnfinishedOneIsResumedOnce() {
    try (StateStore store = open()) {
      store.runs().started(new RunRecord("portal", "r1", T0, null, RunRecord.RUNNING, 0, 0, 0,
          0, null), "node-a", null);
      store.runs().started(new RunRecord("portal", "r2", T0.plusSeconds(60), null,
          RunRecord.RUNNING, 0, 0, 0, 0, null), "node-b", null);
      store.runs().ended(new RunRecord("portal", "r1", T0, T0.plusSeconds(30),
          RunRecord.COMPLETED, 51, 46, 0, 2, null));
      // r2 never ended: the next run of the site finishes it, resuming from r2's start
      assertThat(store.runs().toResume("portal")).map(RunRecord::runId).hasValue("r2");
      store.runs().started(new RunRecord("portal", "r3", T0.plusSeconds(120), null,
          RunRecord.RUNNING, 0, 0, 0, 0, null), "node-a", "r2");
      assertThat(store.runs().resumeFrom("r3")).hasValue(T0.plusSeconds(60));
      store.runs().ended(new RunRecord("portal", "r3", T0.plusSeconds(120),
          T0.plusSeconds(150), RunRecord.COMPLETED, 5, 0, 5, 0, null));
      assertThat(store.runs().toResume("portal")).isEmpty(); // r3 resumed it
      assertThat(store.runs().get("r1")).hasValue(new RunRecord("portal", "r1", T0,
          T0.plusSeconds(30), RunRecord.COMPLETED, 51, 46, 0, 2, null));
      assertThat(store.runs().lastEnded("portal")).map(RunRecord::runId).hasValue("r3");
      assertThat(store.runs().recent("portal", 10)).extracting(RunRecord::runId)
          .containsExactly("r3", "r2", "r1");
    }
  }

}
