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
 *
 * <p>The site can change while it runs, for tests of re-crawling: {@link #publish()} adds an
 * article on top of the front page and the listings, {@link #edit(String)} changes one. Both are
 * deterministic (the same calls give the same pages), safe to call while requests are served,
 * and leave every other article page byte for byte as it was. By hand, while
 * {@code gazette sample-site} runs, the same is done over HTTP; these admin requests are not in
 * {@link #requests()}, answer nothing but POST (a GET is an ordinary 404) and are linked from no
 * page:
 *
 * <pre>
 * curl -i -X POST http://127.0.0.1:8080/_sample/publish      # 201, Location: the new article
 * curl -i -X POST 'http://127.0.0.1:8080/_sample/edit?path=/news/2020/03/18/537046.shtml'
 *                                                            # 204; 404 if no such article
 * </pre>
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
  /**
   * Listing pages {@code /list/1.html} to {@code /list/4.html}; the front page is {@code /}.
   * Articles published at runtime can add more.
   */
  public static final String LISTING_PATH_REGEX = "/list/\\d+\\.html";
  /** Article pages on a fresh site, all linked from the listings (14 a page, newest first). */
  public static final int ARTICLE_COUNT = 46;
  /** Listing pages on a fresh site, chained by 下一頁 (next page) links. */
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

  /** {@code POST} here publishes an article: 201 with its Location (see {@link #publish()}). */
  public static final String PUBLISH_PATH = "/_sample/publish";
  /**
   * {@code POST} here with {@code ?path=<article path>} edits that article (see
   * {@link #edit(String)}): 204, or 404 if no article is served there.
   */
  public static final String EDIT_PATH = "/_sample/edit";

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
  private final SampleEditor editor;
  private final SampleAdmin admin;
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
    SampleContent content = SampleContent.load();
    editor = new SampleEditor(content, SampleRoutes.initial(content, baseUri,
        options == null ? null : options.crawlDelay()));
    admin = new SampleAdmin(editor, baseUri);
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

  /**
   * Every request answered so far, in order of arrival (a snapshot). Requests to the admin
   * endpoints are not in it: it is what a crawler asked for.
   */
  public List<ServedRequest> requests() {
    return List.copyOf(log.values());
  }

  /**
   * Publishes a new article while the site runs. It gets the next id above every article's and
   * a time five minutes after the site's latest change (the first: five minutes after the seed
   * article), hence a path shaped like the others', {@code /news/yyyy/MM/dd/<id>.shtml}. It
   * becomes the front page's focus story and the first item of {@code /list/1.html}; the other
   * items move down a place, onto a new last listing page when one fills up. Its headline is
   * {@code 即時新聞 #n:環球新聞網發佈第n篇新文章} and its first paragraph says
   * {@code published article #n}, n counting from 1 on each site; like the bundled articles it
   * has ETag and Last-Modified. No other article page changes.
   *
   * <p>Safe to call while requests are being served: a request sees the site before or after
   * the change, never in between.
   *
   * @return the new article's absolute URI, e.g.
   *     {@code http://127.0.0.1:41234/news/2020/03/18/537047.shtml} for the first
   */
  public URI publish() {
    return baseUri.resolve(editor.publish().path());
  }

  /**
   * Edits the article at {@code articlePath} (bundled or published) while the site runs: a dated
   * note {@code 【更新】...第n次更新...} is appended to its body, its time (page and listing entry)
   * and Last-Modified move forward as for {@link #publish()}, and its ETag changes with its bytes,
   * so a conditional GET with the old validators gets 200 and the new page. Every other article
   * keeps its bytes and validators. Safe to call while requests are being served.
   *
   * @param articlePath an article's path as linked, e.g. {@link #SEED_ARTICLE_PATH}
   * @throws IllegalArgumentException if no article is served at {@code articlePath}
   */
  public void edit(String articlePath) {
    if (editor.edit(articlePath).isEmpty()) {
      throw new IllegalArgumentException("no article at " + articlePath);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    LOG.info("Sample news site at {} stopped after {} requests", baseUri, log.size());
  }

  private void handle(HttpExchange exchange) {
    if (SampleAdmin.isAdmin(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath())) {
      handleAdmin(exchange); // before the log's clock and sequence: it is not logged
      return;
    }
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
      send(exchange, reply);
    } catch (IOException e) {
      // A client that hung up mid-response; the log keeps what the server answered.
      LOG.debug("Sample site: {} {} not delivered: {}", method, path, e.toString());
    } finally {
      exchange.close();
    }
  }

  /** Answers {@code POST /_sample/...}; kept out of the request log, which is for crawlers. */
  private void handleAdmin(HttpExchange exchange) {
    String target = exchange.getRequestURI().toString();
    try {
      exchange.getResponseHeaders().set("Server", "gazette-sample");
      Reply reply;
      try {
        reply = admin.answer(exchange);
      } catch (RuntimeException e) {
        LOG.warn("Sample site: POST {} failed", target, e);
        reply = new Reply(500, null, false);
      }
      LOG.debug("Sample site: POST {} -> {}", target, reply.status());
      send(exchange, reply);
    } catch (IOException e) {
      LOG.debug("Sample site: POST {} not delivered: {}", target, e.toString());
    } finally {
      exchange.close();
    }
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    if (reply.body() == null) {
      exchange.sendResponseHeaders(reply.status(), -1);
    } else {
      exchange.sendResponseHeaders(reply.status(), reply.chunked() ? 0 : reply.body().length);
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(reply.body());
      }
    }
  }

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
    SampleRoutes routes = editor.routes(); // one snapshot for the whole response
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
