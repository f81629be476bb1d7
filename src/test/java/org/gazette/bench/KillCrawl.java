package org.gazette.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gazette.sample.SampleNewsSite;
import org.gazette.testing.KillLoop;

/**
 * {@code bench/kill-crawl.sh}: the kill test of {@code RandomKillIT} with the real {@code
 * ./gazette} launcher. Serves the sample site, kills {@code gazette crawl} with SIGKILL at N
 * random moments (default 20), starting it again each time, lets a last run finish, then checks
 * the archive and prints what it found. Exit status 0 when every check holds, 1 otherwise.
 *
 * <pre>
 * java -cp ... org.gazette.bench.KillCrawl GAZETTE [KILLS] [SEED] [WORK-DIR]
 * </pre>
 */
public final class KillCrawl {
  private KillCrawl() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: KillCrawl GAZETTE [KILLS] [SEED] [WORK-DIR]");
      System.exit(2);
    }
    Path gazette = Path.of(args[0]).toAbsolutePath();
    int kills = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : System.nanoTime();
    Path work = args.length > 3 ? Path.of(args[3]).toAbsolutePath()
        : Files.createTempDirectory("kill-crawl");
    System.exit(run(gazette, kills, seed, work) ? 0 : 1);
  }

  private static boolean run(Path gazette, int kills, long seed, Path work) throws Exception {
    String java = new String(new ProcessBuilder("java", "-version").redirectErrorStream(true)
        .start().getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst()
        .orElse("?");
    say("%d kills, seed %d, %d cores, %s; work folder %s", kills, seed,
        Runtime.getRuntime().availableProcessors(), java, work);
    try (SampleNewsSite site = SampleNewsSite.start("127.0.0.1", 0)) {
      KillLoop.writeSampleConfig(work, site);
      Path dir = work.resolve("warc/portal");
      List<String> crawl = List.of(gazette.toString(), "crawl", "--config", "config",
          "--site", "portal", "--state", "state");
      KillLoop loop = new KillLoop(work, crawl, dir, () -> site.requests().size(), seed,
          line -> say("%s", line));
      KillLoop.Result result;
      KillLoop.Checked checked;
      try {
        result = loop.run(kills);
        checked = loop.check();
      } catch (AssertionError e) {
        say("FAIL (seed %d): %s", seed, e.getMessage());
        return false;
      }
      List<String> verify = new ArrayList<>(List.of(gazette.toString(), "warc", "verify",
          dir.toString()));
      Process p = new ProcessBuilder(verify).directory(work.toFile()).redirectErrorStream(true)
          .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(5, TimeUnit.MINUTES);
      long ok = out.lines().filter(l -> l.startsWith("OK")).count();
      say("%d kills: %s; %d tore the last write; %d starts completed before their moment",
          result.kills().size(), KillLoop.byMoment(result.kills()),
          result.kills().stream().filter(k -> k.tornBytes() > 0).count(),
          result.finishedBeforeTheirMoment());
      say("repairs: %d files left open, %d cut (%d bytes in all), %d request(s) in flight"
              + " dropped, no other whole record lost", checked.repairs().size(), checked.cut(),
          checked.cutBytes(), checked.requestsInFlight());
      say("archive: %d WARC files, %d records: jwarc and gazette's verifier agree;"
              + " `gazette warc verify` %d OK, exit %d", checked.files(), checked.records(), ok,
          p.exitValue());
      say("JSON: %d lines, each pointing at the response or revisit of its URL; %d of %d"
              + " articles archived with their JSON record", checked.jsonLines(),
          checked.articles(), SampleNewsSite.ARTICLE_COUNT);
      say("site: %d requests for %d pages", site.requests().size(),
          SampleNewsSite.ARTICLE_COUNT + SampleNewsSite.LISTING_PAGE_COUNT + 1);
      if (p.exitValue() != 0) {
        say("FAIL: gazette warc verify:%n%s", out);
        return false;
      }
      say("PASS in %.1f s", result.elapsed().toMillis() / 1000.0);
      return true;
    }
  }

  private static void say(String format, Object... args) {
    System.out.println("kill-crawl: " + String.format(format, args));
  }
}
