package org.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gazette.testing.HostileServer.html;
import static org.gazette.testing.HostileServer.redirect;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gazette.testing.HostileServer;
import org.gazette.testing.WarcAssertions;
import org.gazette.testing.WarcAssertions.ReadRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, host names: {@code gazette crawl} in a JVM of its own whose resolver reads a hosts
 * file ({@code -Djdk.net.hosts.file}), so that names can point anywhere on loopback, and a name
 * that is not there fails as DNS does, without the internet. The site's own name resolves to
 * 127.0.0.1, the one range the crawl is allowed; one of its names resolves to an "internal"
 * server on 127.0.0.2, another to the cloud metadata address, another to nothing.
 */
class HostNamesIT {
  @TempDir Path tmp;

  @Test
  void namesIntoTheOperatorsNetworkAreRefusedAndAMissingNameIsADnsError() throws Exception {
    try (HostileServer site = new HostileServer();
        HostileServer internal = new HostileServer(InetAddress.getByName("127.0.0.2"), 0, null)) {
      int port = site.port();
      internal.on("/secret", html("<html><body>secret</body></html>"));
      site.on("/story", html("<html><body><article><h1>Story</h1><p>"
          + "Plain words of a plain story. ".repeat(40) + "</p></article></body></html>"));
      // a public page that redirects the crawler into the operator's network, by name
      site.on("/jump", redirect("http://intranet.news.test:" + internal.port() + "/secret"));
      site.on("/meta", redirect("http://metadata.news.test/latest/meta-data/"));
      site.on("/", html("<html><body>"
          + "<a href=\"/story\">story</a><a href=\"/jump\">jump</a><a href=\"/meta\">meta</a>"
          + "<a href=\"http://gone.news.test:" + port + "/lost\">lost</a>"
          + "<a href=\"http://elsewhere.test/out\">out of scope</a>"
          + "</body></html>"));
      Path hosts = Files.writeString(tmp.resolve("hosts"), String.join("\n",
          "127.0.0.1 localhost",
          "127.0.0.1 news.test",
          "127.0.0.2 intranet.news.test",
          "169.254.169.254 metadata.news.test", ""));
      Path config = tmp.resolve("config");
      Files.createDirectories(config.resolve("sites"));
      Files.writeString(config.resolve("gazette.yaml"), String.join("\n",
          "userAgent: \"gazette-test/1.0 (+https://example.org/bot; ops@example.org)\"",
          "output: " + tmp.resolve("warc"),
          "limits:",
          "  connectTimeout: 2s",
          "  readTimeout: 2s", ""));
      Files.writeString(config.resolve("sites/news.yaml"), String.join("\n",
          "seeds: [\"http://news.test:" + port + "/\"]",
          "hosts: [news.test, intranet.news.test, metadata.news.test, gone.news.test]",
          "politeness:",
          "  minDelay: 0s", ""));

      Process gazette = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Djdk.net.hosts.file=" + hosts,
          "-cp", System.getProperty("java.class.path"), "org.gazette.cli.Main",
          "crawl", "--config", config.toString(), "--site", "news",
          "--allow-private-range", "127.0.0.1/32", "--state", tmp.resolve("state").toString())
          .directory(tmp.toFile())
          .redirectOutput(tmp.resolve("out.txt").toFile())
          .redirectError(tmp.resolve("err.txt").toFile())
          .start();
      assertThat(gazette.waitFor(120, TimeUnit.SECONDS)).as("gazette exits").isTrue();
      String out = Files.readString(tmp.resolve("out.txt"));
      String err = Files.readString(tmp.resolve("err.txt"));

      assertThat(gazette.exitValue()).as(out + err).isZero();
      assertThat(internal.requests()).as("requests that reached 127.0.0.2").isEmpty();
      assertThat(site.requests()).contains("/", "/story", "/jump", "/meta")
          .doesNotContain("/lost", "/out");
      assertThat(out).contains("address-refused 2").contains("dns 1");
      assertThat(err).contains("--allow-private-range").doesNotContain("Exception");
      List<ReadRecord> records = WarcAssertions.assertValidArchive(tmp.resolve("warc/news"));
      assertThat(records).filteredOn(r -> r.type().equals("response"))
          .extracting(ReadRecord::targetUri)
          .contains("http://news.test:" + port + "/story")
          .noneMatch(u -> u.contains("intranet") || u.contains("metadata") || u.contains("gone"));
    }
  }
}
