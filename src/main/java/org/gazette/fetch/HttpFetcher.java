package org.gazette.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.IDN;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A small HTTP/1.1 client that keeps the exchange byte for byte.
 *
 * <p>Written here rather than taken from a library because archiving needs what the libraries
 * hide: the request exactly as sent, the response with its transfer chunking and content
 * encoding intact, the address connected to, and cuts at a size or time limit that still leave
 * the partial body to archive. jwarc's fetcher and warcio's capture do the same. Redirects are
 * not followed here: each hop is an exchange of its own, archived and scheduled by the crawler.
 *
 * <p>A connection the server leaves open after a whole response is kept for the next request to
 * that origin for up to {@link #MAX_IDLE} (less when the server's {@code Keep-Alive: timeout}
 * says so), as browsers and wget do: it saves the server and gazette a TCP and TLS handshake per
 * page. A kept connection the server closed meanwhile is noticed when it answers nothing, and
 * the request goes again on a new one (a GET, so sending it twice is safe). {@link #close()}
 * closes the kept connections.
 */
public final class HttpFetcher implements AutoCloseable {
  /** Longest a connection is kept idle (nginx keeps them 75 s, Apache httpd 5 s by default). */
  public static final java.time.Duration MAX_IDLE = java.time.Duration.ofSeconds(15);

  private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  private final FetchOptions options;
  private final IdleConnections idle = new IdleConnections();
  private final SSLSocketFactory tls;

  public HttpFetcher(FetchOptions options) {
    this(options, null);
  }

  /** A fetcher whose TLS connections trust what {@code tls} trusts (tests: a local CA). */
  HttpFetcher(FetchOptions options, SSLSocketFactory tls) {
    this.options = options;
    this.tls = tls;
  }

  /** Closes the connections kept for later requests; the fetcher opens new ones if used again. */
  @Override
  public void close() {
    idle.close();
  }

  /** How many connections are kept open for later requests now. */
  int idleConnections() {
    return idle.size();
  }

  public FetchOptions options() {
    return options;
  }

  /** GET {@code uri} with the given extra request headers. */
  public HttpExchange get(URI uri, List<HttpHeader> extraHeaders) throws FetchException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException(FetchException.Kind.UNSUPPORTED, uri, "not an http(s) URL");
    }
    if (uri.getHost() == null) {
      throw new FetchException(FetchException.Kind.UNSUPPORTED, uri, "URL has no host");
    }
    boolean tls = scheme.equals("https");
    String host = IDN.toASCII(uri.getHost());
    int port = uri.getPort() > 0 ? uri.getPort() : (tls ? 443 : 80);
    InetAddress address = resolve(uri, host);
    IdleConnections.Key key = new IdleConnections.Key(tls, host, port, address);
    IdleConnections.Connection kept = idle.take(key);
    if (kept != null) {
      try {
        return exchange(uri, key, kept, extraHeaders);
      } catch (StaleConnection e) {
        // closed by the server while idle (its keep-alive ran out first): a new connection
        org.slf4j.LoggerFactory.getLogger(HttpFetcher.class).debug(
            "kept connection to {}:{} gave no answer ({}); asking again on a new one", host, port,
            String.valueOf(e.getCause()));
      }
    }
    try {
      return exchange(uri, key, null, extraHeaders);
    } catch (StaleConnection e) {
      throw new IllegalStateException("a new connection cannot be stale", e);
    }
  }

  /** A kept connection that gave no byte of a response: the server had closed it. */
  private static final class StaleConnection extends IOException {
    private static final long serialVersionUID = 1L;

    StaleConnection(Throwable cause) {
      super(cause);
    }
  }

  /**
   * One request and its response, on {@code kept} or else on a new connection; the connection
   * is kept again when the response allows it, else closed.
   */
  private HttpExchange exchange(URI uri, IdleConnections.Key key,
      IdleConnections.Connection kept, List<HttpHeader> extraHeaders)
      throws FetchException, StaleConnection {
    long started = System.nanoTime();
    long deadline = started + options.totalTimeout().toNanos();
    // WARC-Date and fetched_at carry milliseconds, no more
    Instant date = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    byte[] request = requestBytes(uri, key.host(), key.port(), key.tls(), extraHeaders);
    IdleConnections.Connection connection = kept;
    boolean pooled = false;
    WireReader wire = null;
    try {
      if (connection == null) {
        connection = connect(uri, key.address(), key.host(), key.port(), key.tls());
      }
      Socket socket = connection.socket();
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      wire = new WireReader(socket, connection.tcp(), options.readTimeout().toMillis(), deadline);
      ResponseReader.Response r = new ResponseReader(wire, options.maxBodySize()).read(uri);
      long elapsed = (System.nanoTime() - started) / 1_000_000;
      if (r.reusable() && wire.drained()) {
        idle.offer(key, connection, keepNanos(r.headers())); // the pool owns it from here
        pooled = true;
      }
      return new HttpExchange(uri, date, key.address(), request, wire.wireBytes(), r.bodyOffset(),
          r.status(), r.headers(), r.payload(), r.truncation(), elapsed);
    } catch (SocketTimeoutException e) {
      throw new FetchException(FetchException.Kind.TIMEOUT, uri, "no response in time", e);
    } catch (SSLException e) {
      if (kept != null && (wire == null || wire.wireLength() == 0)) {
        throw stale(e);
      }
      throw new FetchException(FetchException.Kind.TLS, uri, "TLS failed: " + e.getMessage(), e);
    } catch (FetchException e) {
      if (kept != null && e.kind() == FetchException.Kind.BAD_RESPONSE && wire != null
          && wire.wireLength() == 0) {
        throw stale(e); // "empty response": the server closed the kept connection
      }
      throw e;
    } catch (IOException e) {
      if (kept != null && (wire == null || wire.wireLength() == 0)) {
        throw stale(e); // reset before any byte of a response
      }
      throw new FetchException(FetchException.Kind.IO, uri, String.valueOf(e.getMessage()), e);
    } finally {
      if (!pooled && connection != null) {
        closeQuietly(connection.socket());
      }
    }
  }

  private static StaleConnection stale(Exception e) {
    return new StaleConnection(e);
  }

  /**
   * How long to keep a connection after {@code headers}: {@link #MAX_IDLE}, or a second less
   * than the server's {@code Keep-Alive: timeout=N}, so that gazette lets go before it does.
   */
  static long keepNanos(List<HttpHeader> headers) {
    long keep = MAX_IDLE.toNanos();
    for (HttpHeader h : headers) {
      if (!h.name().equalsIgnoreCase("Keep-Alive")) {
        continue;
      }
      for (String param : h.value().split(",")) {
        String[] kv = param.trim().split("=", 2);
        if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("timeout")) {
          try {
            long seconds = Long.parseLong(kv[1].trim());
            keep = Math.min(keep, Math.max(0, seconds - 1) * 1_000_000_000L);
          } catch (NumberFormatException ignored) {
            // not a number: the default stands
          }
        }
      }
    }
    return keep;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // the exchange is over either way
    }
  }

  private InetAddress resolve(URI uri, String host) throws FetchException {
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new FetchException(FetchException.Kind.DNS, uri, "host not found: " + host, e);
    }
    String refusal = AddressGuard.refusal(address);
    if (refusal != null && !options.privateAddresses().allows(address)) {
      throw new FetchException(FetchException.Kind.ADDRESS_REFUSED, uri,
          host + " is a " + refusal + " (" + address.getHostAddress()
              + "); pass --allow-private or --allow-private-range to crawl it");
    }
    return address;
  }

  private IdleConnections.Connection connect(URI uri, InetAddress address, String host, int port,
      boolean tls) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(address, port),
          (int) options.connectTimeout().toMillis());
    } catch (SocketTimeoutException e) {
      socket.close();
      throw new FetchException(FetchException.Kind.TIMEOUT, uri, "connect timed out", e);
    } catch (IOException e) {
      socket.close();
      throw new FetchException(FetchException.Kind.CONNECT, uri,
          "connect to " + address.getHostAddress() + ":" + port + " failed: " + e.getMessage(), e);
    }
    if (!tls) {
      return new IdleConnections.Connection(socket, socket);
    }
    SSLSocket ssl = (SSLSocket) tls().createSocket(socket, host, port, true);
    SSLParameters params = ssl.getSSLParameters();
    params.setEndpointIdentificationAlgorithm("HTTPS");
    if (!Character.isDigit(host.charAt(host.length() - 1))) {
      params.setServerNames(List.of(new SNIHostName(host)));
    }
    ssl.setSSLParameters(params);
    ssl.setSoTimeout((int) options.connectTimeout().toMillis());
    try {
      ssl.startHandshake();
    } catch (IOException | RuntimeException e) {
      ssl.close(); // the caller never gets the socket to close: a failed handshake must not leak it
      throw e;
    }
    return new IdleConnections.Connection(ssl, socket);
  }

  private SSLSocketFactory tls() {
    return tls != null ? tls : (SSLSocketFactory) SSLSocketFactory.getDefault();
  }

  private byte[] requestBytes(URI uri, String host, int port, boolean tls,
      List<HttpHeader> extraHeaders) {
    URI ascii = URI.create(uri.toASCIIString());
    String path = ascii.getRawPath() == null || ascii.getRawPath().isEmpty() ? "/" : ascii.getRawPath();
    if (ascii.getRawQuery() != null) {
      path += "?" + ascii.getRawQuery();
    }
    boolean defaultPort = port == (tls ? 443 : 80);
    List<HttpHeader> headers = new ArrayList<>();
    headers.add(new HttpHeader("Host", defaultPort ? host : host + ":" + port));
    headers.add(new HttpHeader("User-Agent", options.userAgent()));
    headers.add(new HttpHeader("Accept", ACCEPT));
    // br is left out on purpose: the JDK cannot decode it, and the page must be parsed
    headers.add(new HttpHeader("Accept-Encoding", "gzip, deflate"));
    headers.addAll(extraHeaders);
    StringBuilder sb = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\n");
    for (HttpHeader h : headers) {
      sb.append(h.name()).append(": ").append(h.value()).append("\r\n");
    }
    sb.append("\r\n");
    return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  static ByteArrayOutputStream newSink(long expected) {
    return new ByteArrayOutputStream((int) Math.min(Math.max(expected, 1024), 1 << 20));
  }
}
