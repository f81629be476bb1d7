package org.gazette.crawl;

import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.crawler.WebCrawler;
import edu.uci.ics.crawler4j.url.WebURL;
import org.gazette.fetch.FetchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One crawler4j worker of a run: decides what to follow, turns visited pages into JSON records,
 * and turns every failure into an {@link Outcome} with a short log line, never a crash.
 */
final class GazetteCrawler extends WebCrawler {
  private static final Logger log = LoggerFactory.getLogger(GazetteCrawler.class);

  private final RunContext run;

  GazetteCrawler(RunContext run) {
    this.run = run;
  }

  @Override
  public boolean shouldVisit(Page referringPage, WebURL url) {
    boolean follow = run.scope().follows(url.getURL(),
        DiscoveryParser.isMarked(url) ? DiscoveryParser.SITEMAP : url.getTag());
    if (!follow) {
      log.trace("out of scope: {}", url.getURL());
      return false;
    }
    if (referringPage != null && referringPage.getParseData() instanceof JsoupParseData data
        && data.unfollowed().contains(url.getURL())) {
      log.trace("not following {}: only in a region the site does not follow", url.getURL());
      return false;
    }
    if (referringPage != null && referringPage.isRedirect()
        && url.getURL().equals(referringPage.getRedirectedToUrl())
        && !run.redirects().follow(referringPage.getWebURL().getURL(), url.getURL())) {
      // crawler4j asks here before it schedules a redirect target (see RedirectChains)
      run.stats().error("too-many-redirects");
      log.info("not following {} -> {}: more than {} redirects in a row",
          referringPage.getWebURL().getURL(), url.getURL(), run.spec().maxRedirects());
      return false;
    }
    String trap = CrawlTraps.pathTrap(url.getURL());
    if (trap != null) {
      if (run.traps().firstRefusal(url.getURL())) {
        run.stats().error("trap-path");
        log.info("not following {}: {}", url.getURL(), trap);
      }
      return false;
    }
    if (run.freshness().skip(url.getURL())) {
      log.trace("captured recently, not fetched again: {}", url.getURL());
      return false;
    }
    String host = HostAwareFrontier.rawHost(url);
    if (!run.traps().admit(host)) {
      if (run.traps().firstTimeFull(host)) {
        log.info("{} had {} URLs in this run (limits.maxPagesPerHost): its other links are not"
            + " followed", host, run.spec().maxPagesPerHost());
      }
      refused(url.getURL(), "host-page-limit", "maxPagesPerHost");
      run.captures().notFetching(url.getURL()); // the look-up kept for its fetch is not needed
      return false;
    }
    return true;
  }

  /** Counts a URL not followed as an error of {@code kind}, once per URL. */
  private void refused(String url, String kind, String why) {
    if (run.traps().firstRefusal(url)) {
      run.stats().error(kind);
      log.debug("not following {}: {}", url, why);
    }
  }

  @Override
  protected void handlePageStatusCode(WebURL webUrl, int status, String description) {
    Capture capture = run.fetcher().peekCapture();
    String host = HostAwareFrontier.rawHost(webUrl);
    if (RetryPolicy.retryable(status)) {
      if (failed(webUrl, host, capture == null ? null : capture.exchange(), "HTTP " + status)) {
        return; // tried again later: no outcome yet
      }
    } else {
      run.retries().succeeded(host);
    }
    if (capture != null && capture.fromArchive()) {
      run.stats().outcome(Outcome.REPLAYED);
    } else if (capture != null && capture.status() == 304) {
      run.stats().outcome(Outcome.NOT_MODIFIED); // parsed from its archived content
    } else if (status >= 200 && status < 300) {
      run.stats().outcome(Outcome.ARCHIVED);
    } else if (status == 304) {
      run.stats().outcome(Outcome.NOT_MODIFIED);
    } else if (status >= 300 && status < 400) {
      run.stats().outcome(Outcome.REDIRECT);
    } else {
      run.stats().outcome(Outcome.HTTP_ERROR);
      run.stats().error("http-" + status);
      log.info("HTTP {} {}", status, webUrl.getURL());
    }
  }

  @Override
  public void visit(Page page) {
    Capture capture = run.fetcher().takeCapture();
    if (capture == null || capture.replayed() == Capture.Replayed.EXTRACTED
        || !(page.getParseData() instanceof JsoupParseData data)) {
      return; // a replayed page has its record from the run that fetched it
    }
    try {
      switch (run.records().write(capture, data, page.getWebURL().getURL())) {
        case ARTICLE -> {
          run.stats().article(capture.revisit());
          run.classify(capture, org.gazette.store.CaptureEntry.ARTICLE);
        }
        case LISTING -> {
          run.stats().listing(capture.revisit());
          run.classify(capture, org.gazette.store.CaptureEntry.LISTING);
        }
        default -> { }
      }
    } catch (java.io.IOException e) {
      // the WARC record is written; its JSON line or its metadata record is missing
      if (e instanceof PageRecordWriter.RecordNotWritten) {
        run.forget(capture); // else no later run would write it: see RunContext.forget
      }
      if (run.abort().check(e)) {
        return; // the disk is full: the run stops, and says so once
      }
      run.stats().error("jsonl-write");
      log.warn("cannot write the records of {}: {}", page.getWebURL().getURL(), e.getMessage());
    } catch (RuntimeException e) {
      run.stats().extractionFailure();
      log.info("extraction failed for {}: {}", page.getWebURL().getURL(), e.toString());
      log.debug("extraction failure", e);
    }
  }

  @Override
  protected void onUnhandledException(WebURL webUrl, Throwable e) {
    String url = webUrl == null ? "?" : webUrl.getURL();
    if (run.abort().check(e)) {
      // fetched but not archived: the run stops, and the next one fetches it again
      run.stats().error("no-space");
      log.info("not archived, no space left: {}", url);
    } else if (e instanceof ArchivingPageFetcher.RobotsDeniedException denied) {
      run.stats().outcome(Outcome.ROBOTS_DENIED);
      if (denied.unavailable() != null) {
        // RFC 9309: an unreachable robots.txt disallows all; the summary must say why
        run.stats().error("robots-unavailable");
      }
      log.info("{}", denied.getMessage());
    } else if (e instanceof ArchivingPageFetcher.HostSkippedException skipped) {
      run.stats().outcome(Outcome.HOST_PAUSED);
      run.stats().error("host-skipped");
      log.warn("{}", skipped.getMessage());
      ((HostAwareFrontier) getMyController().getFrontier()).pause(skipped.host());
    } else if (e instanceof FetchException fe && RetryPolicy.retryable(fe)
        && failed(webUrl, HostAwareFrontier.rawHost(webUrl), null, fe.getMessage())) {
      log.debug("fetch failure", fe);
    } else if (e instanceof FetchException fe) {
      boolean refused = fe.kind() == FetchException.Kind.ADDRESS_REFUSED;
      run.stats().outcome(refused ? Outcome.ADDRESS_REFUSED : Outcome.FETCH_ERROR);
      run.stats().error(fe.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      log.info("fetch failed: {}", fe.getMessage());
      log.debug("fetch failure", fe);
    } else {
      run.stats().outcome(Outcome.FETCH_ERROR);
      run.stats().error("internal");
      log.warn("unexpected failure on {}: {}", url, e.toString());
      log.debug("unexpected failure", e);
    }
  }

  /**
   * Applies the retry policy to a failed attempt; returns true when the URL will be tried again
   * (and so has no outcome yet).
   */
  private boolean failed(WebURL url, String host, org.gazette.fetch.HttpExchange response,
      String what) {
    RetryPolicy.Verdict v = run.retries().failed(url.getURL(), host, response);
    HostAwareFrontier frontier = (HostAwareFrontier) getMyController().getFrontier();
    switch (v.decision()) {
      case RETRY -> {
        log.info("{} for {}: host {} waits {} ms, then tries again", what, url.getURL(), host,
            v.pause().toMillis());
        run.stats().retry();
        frontier.retryLater(url);
        return true;
      }
      case PAUSE_HOST -> {
        log.warn("host {} paused for the rest of the run after {} failures in a row (last: {})",
            host, v.hostFailures(), what);
        run.stats().error("host-paused");
        frontier.pause(host);
        return false;
      }
      default -> {
        log.info("{} for {}: giving up after {} tries", what, url.getURL(),
            run.spec().maxRetries() + 1);
        return false;
      }
    }
  }

  @Override
  protected void onContentFetchError(Page page) {
    run.stats().error("content");
    log.info("cannot read the body of {}", page.getWebURL().getURL());
  }

  @Override
  protected void onContentFetchError(WebURL webUrl) {
    // counted by onContentFetchError(Page), which crawler4j calls as well
  }

  @Override
  protected void onParseError(WebURL webUrl) {
    run.stats().error("parse");
    log.info("cannot parse {}", webUrl.getURL());
  }

  @Override
  protected void onUnexpectedStatusCode(String url, int status, String contentType,
      String description) {
    // counted in handlePageStatusCode
  }

  @Override
  protected void onRedirectedStatusCode(Page page) {
    log.debug("redirect {} -> {}", page.getWebURL().getURL(), page.getRedirectedToUrl());
  }
}
