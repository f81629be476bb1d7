package org.gazette.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** HttpFetcher keeps a connection the server leaves open, and only then. */
class KeepAliveTest {
  private static final String UA = "gazette-test/1.0 (+https://example.org/bot)";

  private static HttpFetcher fetcher(long maxBody) {
    return new HttpFetcher(new FetchOptions(UA, Duration.ofSeconds(2), Duration.ofSeconds(2),
        Duration.ofSeconds(5), maxBody, true));
  }

  /** A fetcher that trusts the test servers' self-signed certificate for 127.0.0.1. */
  private static HttpFetcher tlsFetcher() throws Exception {
    java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
    try (InputStream in = KeepAliveTest.class.getResourceAsStream("/tls/self-signed.p12")) {
      ks.load(in, "changeit".toCharArray());
    }
    java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    String alias = ks.aliases().nextElement();
    trust.setCertificateEntry("test", ks.getCertificate(alias));
    javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
        javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    javax.net.ssl.SSLContext client = javax.net.ssl.SSLContext.getInstance("TLS");
    client.init(null, tmf.getTrustManagers(), null);
    return new HttpFetcher(new FetchOptions(UA, Duration.ofSeconds(2), Duration.ofSeconds(2),
        Duration.ofSeconds(5), 1 << 20, true), client.getSocketFactory());
  }

  private static String body(HttpExchange ex) {
    return new String(ex.payload(), StandardCharsets.ISO_8859_1);
  }

  @Test
  void reusesOneConnectionForTheRequestsToAnOrigin() throws Exception {
    try (Server server = new Server(n -> framed(n, "")); HttpFetcher http = fetcher(1 << 20)) {
      for (int i = 1; i <= 3; i++) {
        HttpExchange ex = http.get(server.uri("/" + i), List.of());
        assertThat(ex.status()).isEqualTo(200);
        assertThat(body(ex)).isEqualTo("page " + i);
        // the record holds this exchange's bytes only, not the previous one's
        assertThat(new String(ex.response(), StandardCharsets.ISO_8859_1))
            .startsWith("HTTP/1.1 200 OK\r\n").endsWith("page " + i);
        assertThat(new String(ex.request(), StandardCharsets.ISO_8859_1))
            .startsWith("GET /" + i + " HTTP/1.1\r\n").doesNotContain("Connection:");
      }
      assertThat(server.connections()).isEqualTo(1);
      assertThat(server.requests()).containsExactly("GET /1", "GET /2", "GET /3");
      assertThat(http.idleConnections()).isEqualTo(1);
    }
  }

  @Test
  void opensANewConnectionWhenTheServerSaysClose() throws Exception {
    try (Server server = new Server(n -> framed(n, "Connection: close\r\n"));
        HttpFetcher http = fetcher(1 << 20)) {
      assertThat(body(http.get(server.uri("/1"), List.of()))).isEqualTo("page 1");
      assertThat(body(http.get(server.uri("/2"), List.of()))).isEqualTo("page 2");
      assertThat(server.connections()).isEqualTo(2);
      assertThat(http.idleConnections()).isZero();
    }
  }

  @Test
  void aBodyThatRunsToTheEndOfTheConnectionEndsIt() throws Exception {
    Server.Reply unframed = n -> new Server.Answer(
        ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\npage " + n).getBytes(
            StandardCharsets.ISO_8859_1), true);
    try (Server server = new Server(unframed); HttpFetcher http = fetcher(1 << 20)) {
      assertThat(body(http.get(server.uri("/1"), List.of()))).isEqualTo("page 1");
      assertThat(body(http.get(server.uri("/2"), List.of()))).isEqualTo("page 2");
      assertThat(server.connections()).isEqualTo(2);
    }
  }

  @Test
  void anHttp10ResponseIsNotKept() throws Exception {
    Server.Reply old = n -> new Server.Answer(("HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\npage "
        + n).getBytes(StandardCharsets.ISO_8859_1), false);
    try (Server server = new Server(old); HttpFetcher http = fetcher(1 << 20)) {
      http.get(server.uri("/1"), List.of());
      http.get(server.uri("/2"), List.of());
      assertThat(server.connections()).isEqualTo(2);
    }
  }

  @Test
  void aKeptConnectionTheServerClosedIsReplacedUnnoticed() throws Exception {
    // the server answers one request a connection and then closes it without saying so, as a
    // server does whose keep-alive timeout ran out while gazette waited out its politeness delay
    Server.Reply once = n -> new Server.Answer(framed(n, "").bytes(), true);
    try (Server server = new Server(once); HttpFetcher http = fetcher(1 << 20)) {
      assertSecondPageOnANewConnection(server, http);
      assertThat(server.requests()).containsExactly("GET /1", "GET /2");
    }
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "tls: {0}")
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void whatTheServerSaysOnAnIdleConnectionIsNotTakenForTheNextAnswer(boolean tls)
      throws Exception {
    // some servers announce the end of a kept connection before closing it; a TLS socket
    // counts only the bytes it decrypted, so the TCP socket under it must be asked
    try (Server server = new Server(n -> framed(n, ""),
            tls ? org.gazette.testing.HostileServer.selfSigned() : null);
        HttpFetcher http = tls ? tlsFetcher() : fetcher(1 << 20)) {
      server.afterEachAnswer("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n"
          + "Content-Length: 0\r\n\r\n");
      assertSecondPageOnANewConnection(server, http);
    }
  }

  @Test
  void overTlsToo() throws Exception {
    try (Server server = new Server(n -> framed(n, ""), org.gazette.testing.HostileServer.selfSigned());
        HttpFetcher http = tlsFetcher()) {
      for (int i = 1; i <= 3; i++) {
        HttpExchange ex = http.get(server.uri("/" + i), List.of());
        assertThat(body(ex)).isEqualTo("page " + i);
      }
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void aMessageWhoseEndIsInDoubtEndsTheConnection() throws Exception {
    // chunked and a Content-Length both (RFC 9112 6.3: close after it), and a second
    // Connection header saying close
    Server.Reply doubtful = n -> new Server.Answer(("HTTP/1.1 200 OK\r\n"
        + (n == 1 ? "Transfer-Encoding: chunked\r\nContent-Length: 99\r\n"
            : "Connection: keep-alive\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n")
        + "\r\n6\r\npage " + n + "\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), false);
    try (Server server = new Server(doubtful); HttpFetcher http = fetcher(1 << 20)) {
      assertThat(body(http.get(server.uri("/1"), List.of()))).isEqualTo("page 1");
      assertThat(http.idleConnections()).isZero();
      assertThat(body(http.get(server.uri("/2"), List.of()))).isEqualTo("page 2");
      assertThat(http.idleConnections()).isZero();
      assertThat(server.connections()).isEqualTo(2);
    }
  }

  @Test
  void aCutBodyEndsTheConnection() throws Exception {
    try (Server server = new Server(n -> framed(n, "")); HttpFetcher http = fetcher(3)) {
      HttpExchange cut = http.get(server.uri("/1"), List.of());
      assertThat(cut.truncation()).isEqualTo(Truncation.LENGTH);
      assertThat(http.idleConnections()).isZero();
      http.get(server.uri("/2"), List.of());
      assertThat(server.connections()).isEqualTo(2);
    }
  }

  @Test
  void followsTheServersKeepAliveTimeout() throws Exception {
    assertThat(HttpFetcher.keepNanos(List.of())).isEqualTo(HttpFetcher.MAX_IDLE.toNanos());
    assertThat(HttpFetcher.keepNanos(List.of(new HttpHeader("Keep-Alive", "timeout=5, max=100"))))
        .isEqualTo(TimeUnit.SECONDS.toNanos(4));
    assertThat(HttpFetcher.keepNanos(List.of(new HttpHeader("keep-alive", "max=3, timeout=600"))))
        .isEqualTo(HttpFetcher.MAX_IDLE.toNanos());
    assertThat(HttpFetcher.keepNanos(List.of(new HttpHeader("Keep-Alive", "timeout=x"))))
        .isEqualTo(HttpFetcher.MAX_IDLE.toNanos());
    // a one-second timeout leaves nothing safe to keep: the next request gets a new connection
    try (Server server = new Server(n -> framed(n, "Keep-Alive: timeout=1\r\n"));
        HttpFetcher http = fetcher(1 << 20)) {
      http.get(server.uri("/1"), List.of());
      http.get(server.uri("/2"), List.of());
      assertThat(server.connections()).isEqualTo(2);
    }
  }

  @Test
  void closeLetsGoOfTheKeptConnections() throws Exception {
    try (Server server = new Server(n -> framed(n, ""))) {
      HttpFetcher http = fetcher(1 << 20);
      http.get(server.uri("/1"), List.of());
      assertThat(http.idleConnections()).isEqualTo(1);
      http.close();
      assertThat(http.idleConnections()).isZero();
      server.awaitClosed(1); // the server saw the connection end
      // a closed fetcher still fetches, on a connection it does not keep
      assertThat(body(http.get(server.uri("/2"), List.of()))).isEqualTo("page 2");
      assertThat(http.idleConnections()).isZero();
    }
  }

  /** Page 1, the server ends that connection, then page 2 comes whole on a new one. */
  private static void assertSecondPageOnANewConnection(Server server, HttpFetcher http)
      throws Exception {
    assertThat(body(http.get(server.uri("/1"), List.of()))).isEqualTo("page 1");
    server.awaitClosed(1);
    HttpExchange second = http.get(server.uri("/2"), List.of());
    assertThat(second.status()).isEqualTo(200);
    assertThat(body(second)).isEqualTo("page 2");
    assertThat(server.connections()).isEqualTo(2);
  }

  private static Server.Answer framed(int n, String extraHeaders) {
    String body = "page " + n;
    return new Server.Answer(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
        + body.length() + "\r\n" + extraHeaders + "\r\n" + body)
        .getBytes(StandardCharsets.ISO_8859_1), extraHeaders.contains("close"));
  }

  /**
   * A loopback server that answers each request of a connection in turn, counting connections and
   * noting each request line.
   */
  private static final class Server implements AutoCloseable {
    /** The bytes of one answer, and whether the server closes the connection after it. */
    record Answer(byte[] bytes, boolean close) {}

    /** Makes the answer to the request whose path is /N. */
    interface Reply extends IntFunction<Answer> {}

    private final ServerSocket socket;
    private final String scheme;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger closed =
        new java.util.concurrent.atomic.AtomicInteger();

    Server(Reply reply) throws IOException {
      this(reply, null);
    }

    /** A server speaking TLS with {@code tls}'s key when it is not null. */
    Server(Reply reply, javax.net.ssl.SSLContext tls) throws IOException {
      socket = tls == null ? new ServerSocket(0, 50, InetAddress.getLoopbackAddress())
          : tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
      scheme = tls == null ? "http" : "https";
      Thread acceptor = new Thread(() -> {
        while (!socket.isClosed()) {
          try {
            Socket s = socket.accept();
            accepted.add(s);
            Thread t = new Thread(() -> serve(s, reply), "keep-alive-conn");
            t.setDaemon(true);
            t.start();
          } catch (IOException e) {
            return;
          }
        }
      }, "keep-alive-server");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    private void serve(Socket s, Reply reply) {
      try (s) {
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        while (true) {
          String head = readHead(in);
          if (head == null) {
            return; // the client closed the connection
          }
          String line = head.substring(0, head.indexOf("\r\n"));
          String target = line.split(" ")[1];
          requests.add("GET " + target);
          Answer answer = reply.apply(Integer.parseInt(target.substring(1)));
          out.write(answer.bytes());
          out.flush();
          if (answer.close()) {
            return;
          }
          if (lastWords != null) {
            Thread.sleep(50);
            out.write(lastWords.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return;
          }
        }
      } catch (IOException | RuntimeException e) {
        // the test sees what the client got
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        closed.incrementAndGet();
      }
    }

    private static String readHead(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) >= 0) {
        head.write(b);
        String s = head.toString(StandardCharsets.ISO_8859_1);
        if (s.endsWith("\r\n\r\n")) {
          return s;
        }
      }
      return null;
    }

    private volatile String lastWords;

    /** After each answer, waits 50 ms, sends {@code words} and closes the connection. */
    void afterEachAnswer(String words) {
      lastWords = words;
    }

    URI uri(String path) {
      return URI.create(scheme + "://127.0.0.1:" + socket.getLocalPort() + path);
    }

    int connections() {
      return accepted.size();
    }

    List<String> requests() {
      return requests;
    }

    /** Waits until {@code n} connections have ended on the server's side. */
    void awaitClosed(int n) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (closed.get() < n && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(closed.get()).as("connections ended on the server").isGreaterThanOrEqualTo(n);
    }

    @Override
    public void close() throws IOException {
      socket.close();
      for (Socket s : accepted) {
        s.close();
      }
    }
  }
}
