package org.gazette.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.gazette.sample.SampleNewsSite;

/**
 * Kills a crawl with SIGKILL at random moments and starts it again each time, then lets one run
 * finish: the harness of {@code RandomKillIT} and {@code bench/kill-crawl.sh}.
 *
 * <p>Each start of the crawl gets a moment drawn from a seeded {@link Random}, so the plan of a
 * failing run can be drawn again (the timing of the processes cannot be replayed exactly). A
 * moment is one of three kinds, so that the kills land everywhere a crash can: {@link
 * Moment#STARTUP} between the exec and the first request (as long as the last start took to
 * make it), while the JVM starts, opens the state store and repairs what the last kill left;
 * {@link Moment#CRAWLING} up to 150 ms after the process's n-th request (n from 1 to 6) reached
 * the site, mostly while it waits for politeness or parses a page; {@link
 * Moment#AFTER_WRITE} up to 3 ms after the WARC folder grew, once n requests were made: in the
 * middle of writing a page, between its request and response records, its JSON line and its
 * metadata record.
 *
 * <p>One kill in four also tears the last write of the WARC file the process was writing (see
 * {@link #tearLastWrite()}), as a power loss would, so that the repairs have records to cut.
 * Right after each kill, and before the next start repairs anything, every {@code .open} file is
 * copied to {@code damaged/}, so that the repair can be judged against what the crash left.
 */
public final class KillLoop {

  /** Where in a run a kill lands. */
  public enum Moment {
    STARTUP,
    CRAWLING,
    AFTER_WRITE
  }

  /**
   * One kill.
   *
   * @param number from 1
   * @param moment the kind of moment drawn
   * @param aliveMillis how long the process had run
   * @param requests requests the site had answered to this process
   * @param openFiles the {@code .open} files it left (copied to {@code damaged/})
   * @param tornBytes bytes cut off the end of the WARC file it was writing, inside its last
   *     record, to make of the kill a power loss that tore the last write; 0 if none
   */
  public record Kill(int number, Moment moment, long aliveMillis, long requests,
      List<String> openFiles, long tornBytes) {}

  /**
   * What the loop did.
   *
   * @param seed the seed of the plan
   * @param kills every kill, in order
   * @param finishedBeforeTheirMoment starts whose run completed before its moment came
   * @param elapsed wall time of the whole loop, the last run included
   * @param lastRunOutput what the last, complete run printed
   */
  public record Result(long seed, List<Kill> kills, int finishedBeforeTheirMoment,
      Duration elapsed, String lastRunOutput) {}

  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

  private final Path work;
  private final List<String> command;
  private final Path warcDir;
  private final LongSupplier requests;
  private final Random random;
  private final long seed;
  private final Consumer<String> log;
  private final Set<String> copied = new HashSet<>();
  /** How long the last start took from exec to its first request; STARTUP kills land within. */
  private long startupNanos = TimeUnit.SECONDS.toNanos(3);
  private double tearAt;
  private Process current;

  /**
   * @param work the crawl's working folder; {@code runs/} (each start's output) and
   *     {@code damaged/} are made in it
   * @param command the command line of one crawl, run in {@code work}
   * @param warcDir the folder the crawl writes WARC files to
   * @param requests how many requests the site has answered so far
   * @param seed the seed of the plan
   * @param log told one line per start and kill
   */
  public KillLoop(Path work, List<String> command, Path warcDir, LongSupplier requests, long seed,
      Consumer<String> log) {
    this.work = work;
    this.command = List.copyOf(command);
    this.warcDir = warcDir;
    this.requests = requests;
    this.seed = seed;
    this.random = new Random(seed);
    this.log = log;
  }

  /**
   * Kills the crawl {@code kills} times, each time at a new random moment of a new start, then
   * lets a last start run to its end.
   *
   * @throws AssertionError if a start exits on its own with a code other than 0, or the last
   *     run does not complete within 3 minutes
   */
  public Result run(int kills) throws IOException, InterruptedException {
    try {
      return killAndRestart(kills);
    } finally {
      if (current != null) {
        current.destroyForcibly(); // a failed check must not leave a crawler running
      }
    }
  }

  private Result killAndRestart(int kills) throws IOException, InterruptedException {
    long started = System.nanoTime();
    Files.createDirectories(work.resolve("runs"));
    Files.createDirectories(work.resolve("damaged"));
    List<Kill> done = new ArrayList<>();
    int finishedEarly = 0;
    for (int start = 1; done.size() < kills; start++) {
      if (start > kills * 3) {
        throw new AssertionError("only " + done.size() + " of " + kills + " kills in " + (start - 1)
            + " starts: the runs end before their moments (seed " + seed + ")");
      }
      Moment moment = Moment.values()[pick()];
      boolean tear = random.nextInt(4) == 0;
      tearAt = random.nextDouble();
      long before = requests.getAsLong();
      long t0 = System.nanoTime();
      Process p = start(start);
      if (!awaitMoment(p, moment, before, t0)) {
        int code = p.exitValue();
        if (code != 0) {
          throw new AssertionError("start " + start + " exited with " + code + " (seed " + seed
              + "):\n" + output(start));
        }
        finishedEarly++;
        log.accept(String.format("start %2d: completed before its %s moment", start, moment));
        continue;
      }
      p.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, nothing closed
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        throw new AssertionError("start " + start + " survived SIGKILL");
      }
      long alive = (System.nanoTime() - t0) / 1_000_000;
      long torn = tear ? tearLastWrite() : 0;
      List<String> open = copyOpenFiles();
      Kill kill = new Kill(done.size() + 1, moment, alive, requests.getAsLong() - before, open,
          torn);
      done.add(kill);
      log.accept(String.format("kill %2d: %-11s after %5d ms, %2d requests, %s, left open: %s",
          kill.number(), moment, alive, kill.requests(),
          torn > 0 ? "last write torn (" + torn + " bytes cut)" : "nothing torn", open));
    }
    int last = kills + finishedEarly + 1;
    Process p = start(last);
    if (!p.waitFor(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the last run did not end within " + RUN_TIMEOUT + " (seed " + seed
          + "):\n" + output(last));
    }
    String out = output(last);
    if (p.exitValue() != 0) {
      throw new AssertionError("the last run exited with " + p.exitValue() + " (seed " + seed
          + "):\n" + out);
    }
    log.accept("last run completed: " + out.strip().lines().reduce((a, b) -> b).orElse(""));
    return new Result(seed, done, finishedEarly, Duration.ofNanos(System.nanoTime() - started),
        out);
  }

  /**
   * What {@link #check} found, all of it true or it would have thrown.
   *
   * @param records records in the final archive, all verified by jwarc and gazette
   * @param files WARC files in the final archive
   * @param repairs what each repair did to a file a kill left open
   * @param jsonLines JSON lines, each pointing at its record
   * @param articles articles of the sample site archived, each with its JSON record
   */
  public record Checked(int records, int files, List<CrashChecks.Repair> repairs, int jsonLines,
      long articles) {

    /** Files whose repair cut bytes off their end. */
    public long cut() {
      return repairs.stream().filter(r -> r.keptBytes() < r.damagedBytes()).count();
    }

    /** Bytes the repairs cut, in all. */
    public long cutBytes() {
      return repairs.stream().mapToLong(r -> r.damagedBytes() - r.keptBytes()).sum();
    }

    /** Whole requests dropped because their response was not written: the exchanges in flight. */
    public int requestsInFlight() {
      return repairs.stream().mapToInt(CrashChecks.Repair::lostInFlight).sum();
    }
  }

  /**
   * Checks the archive the loop left in {@code warcDir}: no {@code .open} file and nothing but
   * WARC files, their JSON lines and the lock; every WARC file valid for jwarc and gazette's
   * verifier; every repair lost at most the record in flight; every JSON line points at its
   * record; every article of the sample site archived with a JSON record.
   *
   * @throws AssertionError naming what does not hold
   */
  public Checked check() throws IOException {
    assertThat(CrashChecks.openFiles(warcDir)).as("files left open").isEmpty();
    try (Stream<Path> files = Files.list(warcDir)) {
      assertThat(files.map(f -> f.getFileName().toString())).as("files in %s", warcDir)
          .allMatch(n -> n.endsWith(".warc.gz") || n.endsWith(".jsonl") || n.equals(".lock"));
    }
    List<WarcAssertions.ReadRecord> records = WarcAssertions.assertValidArchive(warcDir);
    List<CrashChecks.Repair> repairs = new ArrayList<>();
    for (Path damaged : damagedWarcs()) {
      repairs.add(CrashChecks.assertRepairLostAtMostTheRecordInFlight(damaged,
          damagedJsonl(damaged), warcDir));
    }
    Map<String, Integer> json = CrashChecks.assertJsonLinesPointAtRecords(warcDir, records);
    assertStoreHasEveryCapture(records);
    String article = ".*" + SampleNewsSite.ARTICLE_PATH_REGEX;
    assertThat(records.stream()
        .filter(r -> r.type().equals("response") && r.httpStatus() == 200
            && r.targetUri().matches(article))
        .map(WarcAssertions.ReadRecord::targetUri).distinct().count())
        .as("articles archived").isEqualTo(SampleNewsSite.ARTICLE_COUNT);
    long articles = json.keySet().stream().filter(u -> u.matches(article)).count();
    assertThat(articles).as("articles with a JSON record").isEqualTo(SampleNewsSite.ARTICLE_COUNT);
    return new Checked(records.size(),
        (int) records.stream().map(WarcAssertions.ReadRecord::file).distinct().count(), repairs,
        json.values().stream().mapToInt(Integer::intValue).sum(), articles);
  }

  /**
   * Every response the archive holds that is a capture (not robots.txt, not cut at a limit, not a
   * 429 or 5xx to be tried again) is known to the state store: the store writes its commits late,
   * and a kill -9 keeps the last ones from its file; the repair must record them again, or the
   * next run fetches those pages again.
   */
  private void assertStoreHasEveryCapture(List<WarcAssertions.ReadRecord> records) {
    Path state = work.resolve("state");
    if (!Files.exists(state.resolve("gazette.mv.db"))) {
      return; // a crawl that never opened its store
    }
    try (org.gazette.store.StateStore store = org.gazette.store.StateStore.open(
        new org.gazette.config.StateConfig(org.gazette.store.StateStore.DEFAULT_URL, null, null,
            false, null), state)) {
      Map<String, Set<String>> known = new java.util.HashMap<>();
      List<String> missing = records.stream()
          .filter(r -> r.type().equals("response") && r.truncated() == null
              && r.httpStatus() != 429 && r.httpStatus() < 500
              && !r.targetUri().endsWith("/robots.txt"))
          .filter(r -> !known.computeIfAbsent(r.file(), f -> store.captures()
              .recordIdsIn(warcDir.resolve(Path.of(f).getFileName()))).contains(r.recordId()))
          .map(r -> r.targetUri() + " at " + r.file() + ":" + r.offset())
          .toList();
      assertThat(missing).as("responses in the archive with no capture in the state store")
          .isEmpty();
      // and every run that wrote a WARC file has its row, to be resumed or reported
      List<String> runsMissing = new ArrayList<>();
      Set<String> runs = new HashSet<>();
      try (Stream<Path> files = Files.list(warcDir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".warc.gz")).sorted().toList()) {
          String run = runOf(f);
          assertThat(run).as("the run id in the warcinfo of %s", f.getFileName()).isNotNull();
          runs.add(run);
          if (store.runs().get(run).isEmpty()) {
            runsMissing.add(run + " (" + f.getFileName() + ")");
          }
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      assertThat(runsMissing).as("runs with a WARC file and no row in the state store (of %s)",
          runs).isEmpty();
    }
  }

  /** The {@code gazette-run} of a WARC file's warcinfo record (its first), or null. */
  private static String runOf(Path warc) throws IOException {
    try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(warc))) {
      String head = new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);
      java.util.regex.Matcher m = java.util.regex.Pattern
          .compile("(?m)^" + org.gazette.archive.Warcinfo.RUN + ": (\\S+)").matcher(head);
      return m.find() ? m.group(1) : null;
    }
  }

  /**
   * Writes {@code config/} in {@code dir} for a crawl of the sample site as site {@code portal}:
   * WARC files of 40 KB, so that the crawl rotates files and kills land around rotations too;
   * 100 ms between requests, so that a whole crawl lasts a few seconds and the kills spread over
   * it.
   */
  public static void writeSampleConfig(Path dir, SampleNewsSite site) throws IOException {
    Files.createDirectories(dir.resolve("config/sites"));
    Files.writeString(dir.resolve("config/gazette.yaml"),
        "allowPrivate: true\nwarcMaxFileSize: 40KB\n");
    Files.writeString(dir.resolve("config/sites/portal.yaml"),
        "seeds: [\"" + site.baseUri() + "\"]\n"
            + "timeZone: Asia/Shanghai\n"
            + "revisitAfter: P7D\n"
            + "maxPages: 200\n"
            + "politeness: { minDelay: 100ms }\n"
            + "listing: { urlPatterns: [\"/$\", \"/list/\\\\d+\\\\.html$\"] }\n"
            + "article: { urlPatterns: [\"/news/\\\\d{4}/\\\\d{2}/\\\\d{2}/[^/]+\\\\.shtml$\"] }\n");
  }

  /** Kills by kind of moment, e.g. {@code 6 startup, 9 crawling, 5 after_write}. */
  public static String byMoment(List<Kill> kills) {
    StringBuilder sb = new StringBuilder();
    for (Moment m : Moment.values()) {
      long n = kills.stream().filter(k -> k.moment() == m).count();
      sb.append(sb.length() == 0 ? "" : ", ").append(n).append(' ')
          .append(m.name().toLowerCase(java.util.Locale.ROOT));
    }
    return sb.toString();
  }

  /** 30% at startup, 40% while crawling, 30% right after a write. */
  private int pick() {
    int r = random.nextInt(10);
    return r < 3 ? 0 : r < 7 ? 1 : 2;
  }

  private Process start(int n) throws IOException {
    Path out = work.resolve("runs").resolve(String.format("%02d.out", n));
    current = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
        .redirectOutput(out.toFile()).start();
    return current;
  }

  /** The output of start {@code n}. */
  public String output(int n) {
    try {
      return Files.readString(work.resolve("runs").resolve(String.format("%02d.out", n)));
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  /**
   * Waits for the moment drawn; returns false if the process exited first. Every number is drawn
   * before the wait, so the plan depends on the seed alone; moments after a start are counted in
   * requests the site answered, not in time, so that each kill lets the crawl progress however
   * fast the machine is.
   */
  private boolean awaitMoment(Process p, Moment moment, long before, long started)
      throws InterruptedException, IOException {
    switch (moment) {
      case STARTUP -> {
        // anywhere between the exec and the first request, as long as the last start took
        return sleepWhileAlive(p, (long) (random.nextDouble() * startupNanos));
      }
      case CRAWLING -> {
        int nth = 1 + random.nextInt(6);
        long delay = random.nextInt(150) * 1_000_000L;
        return awaitRequests(p, before, before + nth, started) && sleepWhileAlive(p, delay);
      }
      default -> {
        int nth = 1 + random.nextInt(6);
        long spin = random.nextInt(3000) * 1_000L;
        if (!awaitRequests(p, before, before + nth, started) || !awaitWrite(p)) {
          return false;
        }
        long until = System.nanoTime() + spin;
        while (System.nanoTime() < until) {
          Thread.onSpinWait(); // a sleep would be far coarser than the writes it aims between
        }
        return p.isAlive();
      }
    }
  }

  /**
   * Waits until the site has answered {@code count} requests in all (at most 60 s), noting how
   * long the process took to its first one.
   */
  private boolean awaitRequests(Process p, long before, long count, long started)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    boolean first = false;
    while (requests.getAsLong() < count && System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        return false;
      }
      if (!first && requests.getAsLong() > before) {
        first = true;
        startupNanos = System.nanoTime() - started;
      }
      Thread.sleep(1);
    }
    if (!first) {
      startupNanos = System.nanoTime() - started;
    }
    return p.isAlive();
  }

  private static boolean sleepWhileAlive(Process p, long nanos) throws InterruptedException {
    long until = System.nanoTime() + nanos;
    while (System.nanoTime() < until) {
      if (!p.isAlive()) {
        return false;
      }
      Thread.sleep(Math.max(0, Math.min(5, (until - System.nanoTime()) / 1_000_000)));
    }
    return p.isAlive();
  }

  /** Waits until the open files of the WARC folder grow (at most 10 s). */
  private boolean awaitWrite(Process p) throws IOException {
    long size = openBytes();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        return false;
      }
      if (openBytes() != size) {
        return true;
      }
      java.util.concurrent.locks.LockSupport.parkNanos(200_000); // the crawl needs the cores
    }
    return p.isAlive();
  }

  private long openBytes() throws IOException {
    long total = 0;
    for (Path f : CrashChecks.openFiles(warcDir)) {
      try {
        total += Files.size(f);
      } catch (java.nio.file.NoSuchFileException renamed) {
        total += 1; // closed (rotated) under our eyes: a write happened
      }
    }
    return total;
  }

  /**
   * Cuts the WARC file the killed process was writing inside its last record, at a point drawn
   * from the plan, as a power loss that reached the disk with only part of the last write would
   * leave it. SIGKILL alone never does this on a local disk: a write that was issued is whole in
   * the page cache, so without it the repair would only ever see whole records. A file a run
   * before wrote (still open because this process died before repairing it) is left alone.
   *
   * @return the bytes cut; 0 if there was no file of this process to tear
   */
  private long tearLastWrite() throws IOException {
    for (Path f : CrashChecks.openFiles(warcDir)) {
      String name = f.getFileName().toString();
      if (!name.endsWith(".warc.gz.open") || copied.contains(name)) {
        continue;
      }
      List<CrashChecks.Member> whole = CrashChecks.wholeMembers(f);
      if (whole.isEmpty()) {
        return 0;
      }
      CrashChecks.Member last = whole.get(whole.size() - 1);
      long cutAt = last.offset() + 1 + (long) (tearAt * (last.end() - last.offset() - 1));
      long size = Files.size(f);
      try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(f,
          java.nio.file.StandardOpenOption.WRITE)) {
        ch.truncate(cutAt);
      }
      return size - cutAt;
    }
    return 0;
  }

  /** Copies the open files not copied before; an open name is never written after its crash. */
  private List<String> copyOpenFiles() throws IOException {
    List<String> names = new ArrayList<>();
    for (Path f : CrashChecks.openFiles(warcDir)) {
      String name = f.getFileName().toString();
      names.add(name);
      if (copied.add(name)) {
        Files.copy(f, work.resolve("damaged").resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    return names;
  }

  /** The WARC files copied right after their process was killed. */
  public List<Path> damagedWarcs() throws IOException {
    try (Stream<Path> files = Files.list(work.resolve("damaged"))) {
      return files.filter(f -> f.getFileName().toString().endsWith(".warc.gz.open")).sorted()
          .toList();
    }
  }

  /** The copy of the JSON lines beside a damaged WARC file (it may not exist). */
  public static Path damagedJsonl(Path damagedWarc) {
    return damagedWarc.resolveSibling(damagedWarc.getFileName().toString()
        .replaceFirst("\\.warc\\.gz\\.open$", ".jsonl.open"));
  }
}
