package org.gazette.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gazette.testing.HostileServer.html;
import static org.gazette.testing.HostileServer.redirect;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.gazette.fetch.PrivateAddresses;
import org.gazette.testing.HostileServer;
import org.gazette.testing.WarcAssertions;
import org.gazette.testing.WarcAssertions.ReadRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, SSRF and TLS: a crawl allowed to reach 127.0.0.1 only (standing in for a public news
 * site) meets links and redirects into the operator's network (another loopback address with a
 * server listening, a private address, the cloud metadata address) and an HTTPS server whose
 * certificate nobody signed. None of the refused addresses sees a request; the run goes on.
 */
class AddressGuardIT {
  @TempDir Path tmp;
  HostileServer site;
  HostileServer internal;

  @BeforeEach
  void start() throws Exception {
    site = new HostileServer();
    // an "internal" service on another loopback address: it must never be asked anything
    internal = new HostileServer(InetAddress.getByName("127.0.0.2"), 0, null);
    internal.on("/news/secret", html("<html><body>secret</body></html>"));
    site.on("/news/normal", html("<html><body><article><h1>Normal</h1><p>"
        + "Plain words of a plain story. ".repeat(40) + "</p></article></body></html>"));
  }

  @AfterEach
  void stop() throws Exception {
    site.close();
    internal.close();
  }

  @Test
  void redirectsAndLinksIntoPrivateAddressesAreRefusedOnTheResolvedAddress() throws Exception {
    String secret = internal.base() + "/news/secret";
    site.on("/news/to-internal", redirect(secret));
    site.on("/news/to-metadata", redirect("http://169.254.169.254/news/latest/meta-data/"));
    site.on("/news/to-private", redirect("http://10.255.255.1/news/admin"));
    site.on("/news/to-mapped", redirect("http://[::ffff:127.0.0.2]:" + internal.port()
        + "/news/secret"));
    site.on("/", HostileWebIT.front(List.of("/news/to-internal", "/news/to-metadata",
        "/news/to-private", "/news/to-mapped", secret, "/news/normal")));
    URI seed = site.uri("/");
    // every host is in the site's scope: only the address guard stands between them and gazette
    List<String> hosts = List.of("127.0.0.1", "127.0.0.2", "169.254.169.254", "10.255.255.1",
        "[::ffff:127.0.0.2]");

    RunSummary summary = HostileWebIT.run(HostileWebIT.spec("ssrf", seed, hosts, 0, 5,
        PrivateAddresses.of(List.of("127.0.0.1/32")), tmp));

    assertThat(internal.requests()).as("requests that reached the internal server").isEmpty();
    // the four redirects were fetched and archived; their targets and the direct link were not
    assertThat(site.requests()).contains("/news/to-internal", "/news/to-metadata",
        "/news/to-private", "/news/to-mapped", "/news/normal");
    assertThat(summary.count(Outcome.ADDRESS_REFUSED)).as("refused URLs").isEqualTo(4);
    assertThat(summary.errors()).containsEntry("address-refused", 4L);
    List<ReadRecord> records = WarcAssertions.assertValidArchive(tmp.resolve("warc").resolve("ssrf"));
    assertThat(records).filteredOn(r -> r.type().equals("response"))
        .extracting(ReadRecord::targetUri)
        .contains(site.base() + "/news/to-internal", site.base() + "/news/normal")
        .noneMatch(u -> u.contains("127.0.0.2") || u.contains("169.254") || u.contains("10.255"));
  }

  @Test
  void aSelfSignedCertificateIsATlsErrorAndTheRunGoesOn() throws Exception {
    try (HostileServer tls = new HostileServer(InetAddress.getByName("127.0.0.1"), 0,
        HostileServer.selfSigned())) {
      tls.on("/news/secure", html("<html><body>secure</body></html>"));
      String secure = tls.base() + "/news/secure";
      site.on("/", HostileWebIT.front(List.of(secure, "/news/normal")));
      URI seed = site.uri("/");

      RunSummary summary = HostileWebIT.run(HostileWebIT.spec("tls", seed,
          List.of("127.0.0.1"), 2, 5, PrivateAddresses.ALL, tmp));

      // the handshake fails before any request is written: the server sees none
      assertThat(tls.requests()).isEmpty();
      assertThat(summary.errors()).containsKey("tls");
      assertThat(summary.count(Outcome.ARCHIVED)).as("front page and normal article")
          .isEqualTo(2);
      List<ReadRecord> records = WarcAssertions.assertValidArchive(tmp.resolve("warc")
          .resolve("tls"));
      assertThat(records).noneMatch(r -> secure.equals(r.targetUri()));
    }
  }
}
