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
 * the partial body to archive. jwarc's fetcher and warcio's capture do the same. One request per
 * connection ({@code Connection: close}): politeness spaces requests to a host by a second or
 * more, which leaves little for keep-alive to save. Redirects are not followed here: each hop is
 * an exchange of its own, archived and scheduled by the crawler.
 */
public final class HttpFetcher {
  private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  private final FetchOptions options;

  public HttpFetcher(FetchOptions options) {
    this.options = options;
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
    long started = System.nanoTime();
    long deadline = started + options.totalTimeout().toNanos();
    // WARC-Date and fetched_at carry milliseconds, no more
    Instant date = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    byte[] request = requestBytes(uri, host, port, tls, extraHeaders);
    try (Socket socket = connect(uri, address, host, port, tls)) {
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      WireReader wire = new WireReader(socket, options.readTimeout().toMillis(), deadline);
      ResponseReader.Response r = new ResponseReader(wire, options.maxBodySize()).read(uri);
      long elapsed = (System.nanoTime() - started) / 1_000_000;
      return new HttpExchange(uri, date, address, request, wire.wireBytes(), r.bodyOffset(),
          r.status(), r.headers(), r.payload(), r.truncation(), elapsed);
    } catch (SocketTimeoutException e) {
      throw new FetchException(FetchException.Kind.TIMEOUT, uri, "no response in time", e);
    } catch (SSLException e) {
      throw new FetchException(FetchException.Kind.TLS, uri, "TLS failed: " + e.getMessage(), e);
    } catch (FetchException e) {
      throw e;
    } catch (IOException e) {
      throw new FetchException(FetchException.Kind.IO, uri, String.valueOf(e.getMessage()), e);
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

  private Socket connect(URI uri, InetAddress address, String host, int port, boolean tls)
      throws IOException {
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
      return socket;
    }
    SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
        .createSocket(socket, host, port, true);
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
    return ssl;
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
    headers.add(new HttpHeader("Connection", "close"));
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
