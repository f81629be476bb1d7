package org.gazette.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * A kept connection to a server that leaves Nagle's algorithm on and writes each response in two
 * parts, as the JDK's HttpServer does (the sample site, the benchmarks' sites, many small
 * servers): without an ACK at once for the head, the server holds the body back until the
 * client's delayed ACK, 40 ms or more a response on Linux.
 *
 * <p>This is the one test here that reads a clock. It does not measure speed: 20 responses that
 * each wait for a delayed ACK cannot take less than 20 x 40 ms, and the bound is that, about
 * twenty times what the 20 take without the wait on a loaded 2-core machine.
 */
class DelayedAckTest {

  @Test
  void aKeptConnectionToANagleServerDoesNotWaitForDelayedAcks() throws Exception {
    // the fix is TCP_QUICKACK, which the JDK offers on Linux only
    try (java.net.Socket probe = new java.net.Socket()) {
      assumeThat(probe.supportedOptions()).contains(jdk.net.ExtendedSocketOptions.TCP_QUICKACK);
    }
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
    Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    server.createContext("/", exchange -> {
      clientPorts.add(exchange.getRemoteAddress().getPort());
      byte[] body = ("page " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length); // the head: one write
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body); // the body: another
      }
    });
    server.start();
    try (HttpFetcher http = new HttpFetcher(new FetchOptions("gazette-test/1.0 (+https://example.org/bot)",
        Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5), 1 << 20, true))) {
      String origin = "http://127.0.0.1:" + server.getAddress().getPort();
      http.get(URI.create(origin + "/warm-up"), List.of());
      long started = System.nanoTime();
      for (int i = 0; i < 20; i++) {
        HttpExchange ex = http.get(URI.create(origin + "/" + i), List.of());
        assertThat(new String(ex.payload(), StandardCharsets.UTF_8)).isEqualTo("page /" + i);
      }
      long millis = (System.nanoTime() - started) / 1_000_000;

      assertThat(clientPorts).as("one kept connection for all").hasSize(1);
      assertThat(millis).as("20 responses on a kept connection, in ms").isLessThan(20 * 40);
    } finally {
      server.stop(0);
    }
  }
}
