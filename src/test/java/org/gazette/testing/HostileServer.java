package org.gazette.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * A loopback HTTP server that misbehaves on purpose: each path is served by a {@link Behaviour}
 * that writes raw bytes to the socket (or none, or slowly, or forever, or resets it), so the
 * tests see gazette against the hostile web, not against a well-mannered library server.
 *
 * <p>One thread per connection; every thread is a daemon and is stopped by {@link #close()}, so
 * a behaviour that never ends cannot keep a test JVM alive.
 */
public final class HostileServer implements AutoCloseable {
  /** How one path is answered; the request head has been read already. */
  @FunctionalInterface
  public interface Behaviour {
    void serve(Socket socket, OutputStream out) throws IOException, InterruptedException;
  }

  /** A path answered according to its whole request target (path and query). */
  @FunctionalInterface
  public interface Routed {
    Behaviour forTarget(String target);
  }

  private final ServerSocket server;
  private final String scheme;
  private final Map<String, Routed> routes = new ConcurrentHashMap<>();
  private final Map<String, Routed> prefixRoutes = new ConcurrentHashMap<>();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<String> targets = Collections.synchronizedList(new ArrayList<>());
  private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean closed;

  /** A plain HTTP server on 127.0.0.1. */
  public HostileServer() throws IOException {
    this(InetAddress.getLoopbackAddress(), 0, null);
  }

  /**
   * A server on {@code address} (another 127.x.y.z is another host) and {@code port} (0: any);
   * HTTPS with {@code tls}'s key when it is not null.
   */
  public HostileServer(InetAddress address, int port, javax.net.ssl.SSLContext tls)
      throws IOException {
    server = tls == null ? new ServerSocket(port, 50, address)
        : tls.getServerSocketFactory().createServerSocket(port, 50, address);
    scheme = tls == null ? "http" : "https";
    Thread acceptor = new Thread(this::acceptLoop, "hostile-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Serves {@code path} (without query) with {@code behaviour}; unknown paths get a 404. */
  public HostileServer on(String path, Behaviour behaviour) {
    routes.put(path, target -> behaviour);
    return this;
  }

  /** Serves {@code path} (without query) with what {@code routed} makes of the whole target. */
  public HostileServer onTarget(String path, Routed routed) {
    routes.put(path, routed);
    return this;
  }

  /** Serves every path under {@code prefix} that has no route of its own. */
  public HostileServer onPrefix(String prefix, Routed routed) {
    prefixRoutes.put(prefix, routed);
    return this;
  }

  /** {@code http://127.0.0.1:port}, or the address and scheme the server was made with. */
  public String base() {
    return scheme + "://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
  }

  public int port() {
    return server.getLocalPort();
  }

  /** The whole request targets (path and query) so far, in order, one entry per request. */
  public List<String> targets() {
    synchronized (targets) {
      return List.copyOf(targets);
    }
  }

  public URI uri(String path) {
    return URI.create(base() + path);
  }

  /** The paths requested so far, in order, one entry per request. */
  public List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** How many times {@code path} was requested. */
  public long count(String path) {
    return requests().stream().filter(path::equals).count();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    synchronized (open) {
      for (Socket s : open) {
        try {
          s.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      }
    }
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket s = server.accept();
        open.add(s);
        Thread t = new Thread(() -> handle(s), "hostile-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void handle(Socket s) {
    try (s) {
      String target = readRequestHead(s.getInputStream());
      if (target == null) {
        return;
      }
      String path = target.split("\\?", 2)[0];
      requests.add(path);
      targets.add(target);
      Routed r = routes.get(path);
      if (r == null) {
        r = prefixRoutes.entrySet().stream().filter(e -> path.startsWith(e.getKey()))
            .max(Map.Entry.comparingByKey(java.util.Comparator.comparingInt(String::length)))
            .map(Map.Entry::getValue).orElse(null);
      }
      Behaviour b = r == null ? notFound() : r.forTarget(target);
      OutputStream out = s.getOutputStream();
      b.serve(s, out);
      out.flush();
    } catch (SocketException e) {
      // the client hung up (it cut a body at its limit), or close() stopped the server
    } catch (IOException e) {
      // as above
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.remove(s);
    }
  }

  /** The request target of the request line, after reading the head to its blank line. */
  private static String readRequestHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int a = 0;
    int b = 0;
    int c = 0;
    int d;
    while ((d = in.read()) >= 0) {
      head.write(d);
      if (a == '\r' && b == '\n' && c == '\r' && d == '\n') {
        break;
      }
      a = b;
      b = c;
      c = d;
    }
    String[] line = head.toString(StandardCharsets.ISO_8859_1).split("\r\n", 2)[0].split(" ");
    return line.length >= 2 ? line[1] : null;
  }

  /**
   * The TLS context of a server with a self-signed certificate for 127.0.0.1 (made once with
   * keytool, valid for 100 years: src/test/resources/tls/self-signed.p12, password changeit),
   * which no default trust store accepts.
   */
  public static javax.net.ssl.SSLContext selfSigned() throws Exception {
    java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
    try (InputStream in = HostileServer.class.getResourceAsStream("/tls/self-signed.p12")) {
      ks.load(in, "changeit".toCharArray());
    }
    javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(
        javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "changeit".toCharArray());
    javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    return tls;
  }

  // ---- behaviours ----

  /** A complete response with Content-Length. */
  public static Behaviour page(int status, String contentType, byte[] body, String... headers) {
    return (s, out) -> {
      out.write(head(status, contentType, body.length, headers));
      out.write(body);
    };
  }

  /** A complete UTF-8 HTML page. */
  public static Behaviour html(String body) {
    return page(200, "text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  /** A 302 to {@code location}. */
  public static Behaviour redirect(String location) {
    return page(302, "text/html", new byte[0], "Location: " + location);
  }

  public static Behaviour notFound() {
    return page(404, "text/plain", "not found".getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Slow loris: the header block announces {@code length} bytes, then one byte comes every
   * {@code gapMillis}, so no single read times out if the gap is below the read timeout.
   */
  public static Behaviour trickle(int length, long gapMillis) {
    return (s, out) -> {
      out.write(head(200, "text/html", length));
      out.write("<html><body><p>".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      for (int i = 15; i < length; i++) {
        Thread.sleep(gapMillis);
        out.write('x');
        out.flush();
      }
    };
  }

  /** A status line, then one header byte every {@code gapMillis}, for ever. */
  public static Behaviour trickleHeaders(long gapMillis) {
    return (s, out) -> {
      out.write("HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
      while (true) {
        out.flush();
        Thread.sleep(gapMillis);
        out.write('z');
      }
    };
  }

  /** A status line, then header lines for ever. */
  public static Behaviour endlessHeaders() {
    return (s, out) -> {
      out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
      byte[] line = "X-Junk: junk junk junk junk\r\n".getBytes(StandardCharsets.US_ASCII);
      while (true) {
        out.write(line);
      }
    };
  }

  /** A chunked body whose chunks never end. */
  public static Behaviour endlessChunks() {
    return (s, out) -> {
      out.write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      byte[] data = "<p>chunk after chunk</p>\n".repeat(100).getBytes(StandardCharsets.US_ASCII);
      byte[] chunk = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      while (true) {
        out.write(chunk);
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
    };
  }

  /** A body without Content-Length that never ends: HTML, as fast as the client reads. */
  public static Behaviour endless() {
    return (s, out) -> {
      out.write(head(200, "text/html", -1));
      byte[] chunk = "<p>and on and on</p>\n".repeat(500).getBytes(StandardCharsets.US_ASCII);
      while (true) {
        out.write(chunk);
      }
    };
  }

  /** Reads the request, then says nothing, until the client gives up or the server closes. */
  public static Behaviour silent() {
    return (s, out) -> {
      InputStream in = s.getInputStream();
      while (in.read() >= 0) {
        // the client sent its request and waits; so do we
      }
    };
  }

  /** A page of {@code size} bytes with Content-Length, written in full if the client reads it. */
  public static Behaviour huge(long size) {
    return (s, out) -> {
      out.write(head(200, "text/html", size));
      byte[] chunk = "<p>filler filler filler filler</p>\n".repeat(1000)
          .getBytes(StandardCharsets.US_ASCII);
      long left = size;
      while (left > 0) {
        int n = (int) Math.min(chunk.length, left);
        out.write(chunk, 0, n);
        left -= n;
      }
    };
  }

  /**
   * The header block announces {@code length} bytes, {@code sent} of them come, then the
   * connection is reset (SO_LINGER 0 makes close() send an RST, not a FIN).
   */
  public static Behaviour resetAfter(int length, int sent) {
    return (s, out) -> {
      out.write(head(200, "text/html", length));
      byte[] body = new byte[sent];
      java.util.Arrays.fill(body, (byte) 'r');
      out.write(body);
      out.flush();
      Thread.sleep(100); // let the client read what came before the reset
      s.setSoLinger(true, 0);
      s.close();
    };
  }

  /**
   * A gzip-encoded HTML body that expands to {@code expanded} bytes (zeros after a short HTML
   * head); the compressed form is about a thousandth of that.
   */
  public static byte[] gzipBomb(long expanded) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 64 * 1024)) {
      gz.write("<html><body><p>boom</p>".getBytes(StandardCharsets.US_ASCII));
      byte[] zeros = new byte[64 * 1024];
      for (long left = expanded; left > 0; left -= zeros.length) {
        gz.write(zeros, 0, (int) Math.min(zeros.length, left));
      }
    }
    return bytes.toByteArray();
  }

  /** A status line and headers; {@code length} below 0 leaves Content-Length out. */
  static byte[] head(int status, String contentType, long length, String... extra) {
    StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(' ')
        .append(status == 200 ? "OK" : "Status").append("\r\n");
    if (contentType != null) {
      sb.append("Content-Type: ").append(contentType).append("\r\n");
    }
    if (length >= 0) {
      sb.append("Content-Length: ").append(length).append("\r\n");
    }
    for (String h : extra) {
      sb.append(h).append("\r\n");
    }
    sb.append("Connection: close\r\n\r\n");
    return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
