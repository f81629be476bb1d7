package org.gazette.sample;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.gazette.sample.SampleRoutes.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small Chinese news portal, 環球新聞網, served on a local port for {@code gazette demo} and the
 * integration tests: a front page, paginated listings, {@value #ARTICLE_COUNT} article pages built
 * around the project's seed article, a robots.txt that disallows {@value #DISALLOWED_PREFIX}, and
 * pages in GBK, GB2312 and Big5 declared only in meta tags. Everything is deterministic, read from
 * resources inside the jar; only the host and port in absolute links change between starts.
 *
 * <p>Every request is logged ({@link #requests()}) so that tests can check a crawler's politeness
 * from the server's side. Article pages carry ETag and Last-Modified and answer conditional
 * requests with 304; HTML is gzipped when the client asks; listings are sent chunked, the rest
 * with Content-Length.
 */
public final class SampleNewsSite implements AutoCloseable {

  /** The site's name, the suffix of every {@code <title>} after {@code _}. */
  public static final String SITE_NAME = "環球新聞網";
  /** The zone the site's page-local times are written in (UTC+8). */
  public static final String TIME_ZONE = "Asia/Shanghai";
  /** What robots.txt disallows for every agent. */
  public static final String DISALLOWED_PREFIX = "/private/";
  /** A page under the disallowed prefix, linked from every page and served with 200. */
  public static final String DISALLOWED_PATH = "/private/members.html";
  /** Article pages: {@code /news/yyyy/MM/dd/<id>.shtml}. */
  public static final String ARTICLE_PATH_REGEX = "/news/\\d{4}/\\d{2}/\\d{2}/\\d+\\.shtml";
  /** Listing pages {@code /list/1.html} to {@code /list/4.html}; the front page is {@code /}. */
  public static final String LISTING_PATH_REGEX = "/list/\\d+\\.html";
  /** Article pages, all linked from the listings (14 a page, newest first). */
  public static final int ARTICLE_COUNT = 46;
  /** Listing pages, chained by 下一頁 (next page) links. */
  public static final int LISTING_PAGE_COUNT = 4;
  /** The seed article, the newest; its text is the seed page's, converter artifacts included. */
  public static final String SEED_ARTICLE_PATH = "/news/2020/03/18/537046.shtml";
  /** The seed article's headline as served (h1, og:title), pinyin artifacts included. */
  public static final String SEED_ARTICLE_TITLE = "拉夫羅夫:感謝中方迅速及時(shí)回應(yīng)俄方的采購需求";
  /** A Simplified Chinese page in GBK: declared by http-equiv meta only, header just text/html. */
  public static final String GBK_PAGE_PATH = "/news/2020/03/17/537005.shtml";
  /** The GBK page's headline (h1, og:title); its {@code <title>} is this plus {@code _环球新闻网}. */
  public static final String GBK_PAGE_TITLE = "国务院联防联控机制：严防境外疫情输入";
  /** A Simplified Chinese page declared {@code charset=gb2312} (bytes valid in GB2312 and GBK). */
  public static final String GB2312_PAGE_PATH = "/news/2020/03/17/537004.shtml";
  /** A Traditional Chinese page in Big5, declared by {@code <meta charset="big5">} only. */
  public static final String BIG5_PAGE_PATH = "/news/2020/03/18/537021.shtml";
  /** The Big5 page's headline; its {@code <title>} is this plus {@code _環球新聞網}. */
  public static final String BIG5_PAGE_TITLE = "金磚國家伙伴國+9!";

  /**
   * Start options.
   *
   * @param crawlDelay the robots.txt {@code Crawl-delay}, or null for none (the default)
   */
  public record Options(Duration crawlDelay) {
    public Options {
      if (crawlDelay != null && crawlDelay.isNegative()) {
        throw new IllegalArgumentException("crawlDelay must not be negative: " + crawlDelay);
      }
    }

    /** No Crawl-delay. */
    public static Options defaults() {
      return new Options(null);
    }

    /** The same options with robots.txt saying {@code Crawl-delay} (whole seconds or decimals). */
    public Options withCrawlDelay(Duration delay) {
      return new Options(delay);
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(SampleNewsSite.class);

  private final HttpServer server;
  private final ExecutorService executor;
  private final URI baseUri;
  private final SampleRoutes routes;
  private final AtomicLong sequence = new AtomicLong();
  // Keyed by arrival order: entries are added when the response is done, possibly out of order.
  private final ConcurrentSkipListMap<Long, ServedRequest> log = new ConcurrentSkipListMap<>();

  private SampleNewsSite(HttpServer server, ExecutorService executor, Options options) {
    this.server = server;
    this.executor = executor;
    InetAddress address = server.getAddress().getAddress();
    if (address.isAnyLocalAddress()) {
      address = InetAddress.getLoopbackAddress(); // bound to all: link to loopback
    }
    try {
      baseUri = new URI("http", null, address.getHostAddress(), server.getAddress().getPort(),
          "/", null, null);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    routes = new SampleRoutes(baseUri, options == null ? null : options.crawlDelay());
  }

  /** Starts the site with default options; {@code port} 0 picks a free port. */
  public static SampleNewsSite start(String bindAddress, int port) throws IOException {
    return start(bindAddress, port, Options.defaults());
  }

  /** Starts the site on {@code bindAddress:port} (0 = a free port). */
  public static SampleNewsSite start(String bindAddress, int port, Options options)
      throws IOException {
    // Without TCP_NODELAY, Nagle and delayed ACKs add ~40 ms to every response on a kept-alive
    // connection, which would distort the response times the politeness gate adapts to. The JDK
    // server reads this property once, when its first instance in the JVM starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getByName(bindAddress), port), 0);
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "sample-site-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    SampleNewsSite site;
    try {
      site = new SampleNewsSite(server, executor, options);
    } catch (RuntimeException e) {
      server.stop(0);
      executor.shutdownNow();
      throw e;
    }
    server.createContext("/", site::handle);
    server.setExecutor(executor);
    server.start();
    LOG.info("Sample news site serving {} articles at {}", ARTICLE_COUNT, site.baseUri);
    return site;
  }

  /** The root, e.g. {@code http://127.0.0.1:41234/}. */
  public URI baseUri() {
    return baseUri;
  }

  /** Every request answered so far, in order of arrival (a snapshot). */
  public List<ServedRequest> requests() {
    return List.copyOf(log.values());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    LOG.info("Sample news site at {} stopped after {} requests", baseUri, log.size());
  }

  private void handle(HttpExchange exchange) {
    Instant arrived;
    long seq;
    synchronized (sequence) { // so that the log's order and its times agree
      arrived = Instant.now();
      seq = sequence.getAndIncrement();
    }
    URI uri = exchange.getRequestURI();
    String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    Headers in = exchange.getRequestHeaders();
    String method = exchange.getRequestMethod();
    try {
      Reply reply;
      try {
        reply = prepare(exchange, uri.getRawPath());
      } catch (RuntimeException e) {
        LOG.warn("Sample site: {} {} failed", method, path, e);
        reply = new Reply(500, null, false);
      }
      // Logged before the first byte goes out: a client that has its response can rely on
      // requests() containing it.
      log.put(seq, new ServedRequest(arrived, in.getFirst("Host"), method, path,
          in.getFirst("User-Agent"), reply.status()));
      LOG.debug("Sample site: {} {} -> {}", method, path, reply.status());
      if (reply.body() == null) {
        exchange.sendResponseHeaders(reply.status(), -1);
      } else {
        exchange.sendResponseHeaders(reply.status(), reply.chunked() ? 0 : reply.body().length);
        try (OutputStream os = exchange.getResponseBody()) {
          os.write(reply.body());
        }
      }
    } catch (IOException e) {
      // A client that hung up mid-response; the log keeps what the server answered.
      LOG.debug("Sample site: {} {} not delivered: {}", method, path, e.toString());
    } finally {
      exchange.close();
    }
  }

  /** What to send: {@code body} null for none (HEAD, 304, 405). */
  private record Reply(int status, byte[] body, boolean chunked) {}

  /** Chooses the response and sets its headers; sends nothing. */
  private Reply prepare(HttpExchange exchange, String path) {
    String method = exchange.getRequestMethod();
    Headers out = exchange.getResponseHeaders();
    out.set("Server", "gazette-sample");
    boolean head = method.equals("HEAD");
    if (!head && !method.equals("GET")) {
      out.set("Allow", "GET, HEAD");
      return new Reply(405, null, false);
    }
    Resource r = routes.get(path);
    int status = r == null ? 404 : 200;
    if (r == null) {
      r = routes.notFound();
    }
    Headers in = exchange.getRequestHeaders();
    if (r.gzipped() != null) {
      out.set("Vary", "Accept-Encoding");
    }
    if (r.etag() != null) {
      out.set("ETag", r.etag());
      out.set("Last-Modified", r.lastModified());
      out.set("Cache-Control", "max-age=600");
      if (r.notModified(in)) {
        return new Reply(304, null, false);
      }
    }
    out.set("Content-Type", r.type());
    boolean gzip = r.gzipped() != null && SampleRoutes.acceptsGzip(in.getFirst("Accept-Encoding"));
    byte[] body = gzip ? r.gzipped() : r.body();
    if (gzip) {
      out.set("Content-Encoding", "gzip");
    }
    if (head) {
      // HttpServer wants -1 for HEAD; the length header is set by hand to match a GET.
      out.set("Content-Length", Integer.toString(body.length));
      return new Reply(status, null, false);
    }
    return new Reply(status, body, r.chunked());
  }
}
