package org.gazette.crawl;

import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.fetcher.PageFetchResult;
import edu.uci.ics.crawler4j.fetcher.PageFetcher;
import edu.uci.ics.crawler4j.url.WebURL;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.function.Consumer;
import org.apache.http.Header;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.message.BasicHeader;
import org.gazette.fetch.FetchException;
import org.gazette.fetch.HttpExchange;
import org.gazette.fetch.PoliteFetcher;
import org.gazette.records.PageRecords;

/**
 * Replaces crawler4j's HttpClient fetch with gazette's road to the network: robots.txt, the
 * politeness gate, a raw-capturing request, and the WARC record written before crawler4j sees
 * the page. crawler4j gets the decoded body to parse.
 *
 * <p>crawler4j calls fetchPage and then visit on the same thread, with nothing in between that
 * carries our data, so the capture is handed to the crawler through a thread-local.
 */
final class ArchivingPageFetcher extends PageFetcher {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(ArchivingPageFetcher.class);
  /** Thrown for a URL that robots.txt disallows; crawler4j routes it to onUnhandledException. */
  static final class RobotsDeniedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String unavailable;

    RobotsDeniedException(String url, String unavailable) {
      super((unavailable == null ? "disallowed by robots.txt: " : unavailable + ", not fetching: ")
          + url);
      this.unavailable = unavailable;
    }

    /** Why robots.txt could not be read, or null when its rules disallow the URL. */
    String unavailable() {
      return unavailable;
    }
  }

  /** Thrown when a host is to be left alone for the rest of the run. */
  static final class HostSkippedException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String host;

    HostSkippedException(String host, String why) {
      super("host " + host + " skipped for this run: " + why);
      this.host = host;
    }

    String host() {
      return host;
    }
  }

  private final PoliteFetcher fetcher;
  private final CaptureArchiver archive;
  private final RunSpec spec;
  private final RunStats stats;
  private final ThreadLocal<Capture> handoff = new ThreadLocal<>();
  private final java.time.Instant resumeFrom;
  private volatile Consumer<WebURL> onFetched = url -> { };

  /**
   * @param resumeFrom when this run finishes an interrupted one, that run's start: pages
   *     captured since are replayed from the archive instead of fetched; else null
   */
  ArchivingPageFetcher(CrawlConfig config, PoliteFetcher fetcher, CaptureArchiver archive,
      RunSpec spec, RunStats stats, java.time.Instant resumeFrom) {
    super(config);
    this.resumeFrom = resumeFrom;
    // the HttpClient pool crawler4j built is never used: release it and its monitor thread now
    super.shutDown();
    this.fetcher = fetcher;
    this.archive = archive;
    this.spec = spec;
    this.stats = stats;
  }

  /** The capture of the last page fetched on this thread, leaving it in place. */
  Capture peekCapture() {
    return handoff.get();
  }

  /** The capture of the last page fetched on this thread, once. */
  Capture takeCapture() {
    Capture c = handoff.get();
    handoff.remove();
    return c;
  }

  /**
   * Told when a page's fetch has ended well, before it is archived and parsed: the frontier gives
   * its host to the next thread then. Not told of failures, which back the host off first.
   */
  void onFetched(Consumer<WebURL> onFetched) {
    this.onFetched = java.util.Objects.requireNonNull(onFetched, "onFetched");
  }

  @Override
  public PageFetchResult fetchPage(WebURL webUrl) throws InterruptedException, IOException {
    handoff.remove();
    URI uri;
    try {
      uri = new URI(webUrl.getURL());
    } catch (URISyntaxException e) {
      throw new FetchException(FetchException.Kind.UNSUPPORTED, URI.create("about:invalid"),
          "invalid URL " + webUrl.getURL() + ": " + e.getMessage());
    }
    // one look-up a page, made when its link was found if it was: the resume check, the
    // conditional GET and the archiving all read it
    var latest = archive.latestForFetch(webUrl.getURL());
    if (resumeFrom != null) {
      var done = archive.capturedSince(uri, resumeFrom, latest);
      if (done.isPresent()) {
        HttpExchange content = done.get().content();
        handoff.set(new Capture(content, done.get().location(), false, content.status(),
            done.get().extracted() ? Capture.Replayed.EXTRACTED : Capture.Replayed.NOT_EXTRACTED));
        return toCrawler4j(content, uri);
      }
    }
    PoliteFetcher.Result result =
        fetcher.fetch(uri, spec.minDelay(), archive.conditionalHeaders(latest));
    if (result instanceof PoliteFetcher.RobotsDenied denied) {
      throw new RobotsDeniedException(webUrl.getURL(), denied.unavailable());
    }
    if (result instanceof PoliteFetcher.CrawlDelayTooLong tooLong) {
      throw new HostSkippedException(uri.getHost(), "robots.txt asks for a Crawl-delay of "
          + tooLong.crawlDelay().toSeconds() + " s, above maxCrawlDelay ("
          + tooLong.maxCrawlDelay().toSeconds() + " s)");
    }
    HttpExchange ex = ((PoliteFetcher.Fetched) result).exchange();
    if (!RetryPolicy.retryable(ex.status())
        && (PageRecords.parsedWhenCut(ex.truncation()) || !PageRecords.isPage(ex.status()))) {
      // no request of this page in flight, and nothing in its outcome changes how its host is
      // fetched next (a 429, a 5xx or a broken body back the host off when processed): the
      // host may serve the next thread while this one archives and extracts
      onFetched.accept(webUrl);
    }
    CaptureArchiver.Archived archived = archive.archive(ex, latest);
    stats.exchange(ex.response().length);
    if (archived.revisit()) {
      stats.revisit();
    }
    if (!PageRecords.parsedWhenCut(ex.truncation()) && PageRecords.isPage(ex.status())) {
      // the connection broke mid-body (reset or early close): the partial response is archived
      // (WARC-Truncated: disconnect) but is not the page, so it is not parsed; failing the
      // fetch here lets the retry policy try it again like any broken connection
      throw new FetchException(FetchException.Kind.IO, uri, "connection broke after "
          + ex.payload().length + " body bytes; the partial response is archived");
    }
    handoff.set(new Capture(archived.content(), archived.location(), archived.revisit(),
        ex.status()));
    return toCrawler4j(archived.content(), uri);
  }

  private PageFetchResult toCrawler4j(HttpExchange ex, URI uri) throws IOException {
    PageFetchResult result = new PageFetchResult();
    result.setStatusCode(ex.status());
    result.setFetchedUrl(uri.toString());
    Header[] headers = ex.headers().stream()
        .map(h -> new BasicHeader(h.name(), h.value())).toArray(Header[]::new);
    result.setResponseHeaders(headers);
    ex.header("Location").ifPresent(location -> {
      try {
        // normalized as links are, so a redirect to a known URL is not fetched twice
        result.setMovedToUrl(UrlNormalizer.normalize(uri.resolve(location.trim()).toString()));
      } catch (IllegalArgumentException badLocation) {
        result.setMovedToUrl(null);
      }
    });
    if (PageRecords.isPage(ex.status())) {
      // archived as received; an undecodable body is parsed as empty, as gazette extract does
      byte[] body = PageRecords.bodyToParse(ex, spec.fetch().maxBodySize(), e -> {
        stats.error("undecodable");
        log.info("cannot decode the body of {}: {}", uri, e.getMessage());
      });
      ByteArrayEntity entity = new ByteArrayEntity(body);
      ex.header("Content-Type").ifPresent(entity::setContentType);
      result.setEntity(entity);
    }
    return result;
  }

  @Override
  public synchronized void shutDown() {
    // nothing to release: the gate and the WARC writer belong to the run
  }
}
