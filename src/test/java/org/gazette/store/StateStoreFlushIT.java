package org.gazette.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.gazette.config.StateConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StateStore#flush()} puts the commits so far in the H2 file at once: a process killed
 * (SIGKILL) right after it keeps them, though H2 writes commits up to
 * {@link StateStore#COMMIT_DELAY_MS} late. The crawler relies on it before a WARC file loses
 * {@code .open} and when a run starts.
 */
class StateStoreFlushIT {
  @TempDir Path tmp;

  /** The child process: records one capture, flushes, says so, and waits to be killed. */
  public static final class RecordFlushAndWait {
    public static void main(String[] args) throws Exception {
      StateStore store = StateStore.open(
          new StateConfig(StateStore.DEFAULT_URL, null, null, false, null), Path.of(args[0]));
      Instant at = Instant.parse("2026-11-27T05:00:00Z");
      String file = Path.of(args[0]).resolve("a.warc.gz").toString();
      store.captures().record(new NewCapture("portal", "run-1", "https://n.example/kept", at, 200,
          null, null, "response", file, 0, "<urn:kept>", new CaptureEntry("https://n.example/kept",
              at, null, null, "sha1:K", file, 0, "<urn:kept>", at, null, 200)));
      if (args.length > 1 && args[1].equals("flush")) {
        store.flush();
      }
      System.out.println("recorded");
      System.out.flush();
      Thread.sleep(60_000); // killed long before
    }
  }

  @Test
  void aCaptureFlushedJustBeforeAKillIsInTheFile() throws Exception {
    Path state = tmp.resolve("state");
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), RecordFlushAndWait.class.getName(),
        state.toString(), "flush").redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.equals("recorded")) {
        // H2's and the JVM's own lines, if any
      }
      assertThat(line).as("the child recorded its capture").isEqualTo("recorded");
      child.destroyForcibly(); // SIGKILL, well within the commit delay
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    try (StateStore store = StateStore.open(
        new StateConfig(StateStore.DEFAULT_URL, null, null, false, null), state)) {
      assertThat(store.captures().byRecordId("<urn:kept>")).isPresent();
    }
  }
}
