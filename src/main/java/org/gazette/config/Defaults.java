package org.gazette.config;

import java.time.Duration;
import java.time.ZoneId;

/**
 * The value of every key left out of a file. config/gazette.yaml documents the same values for
 * operators; ConfigLoaderTest keeps the two in step by loading that file and an empty one.
 */
final class Defaults {

  static final String USER_AGENT =
      "gazette/0.1 (+https://github.com/gazette-crawler/gazette; ops@example.org)";
  static final String OUTPUT = "warc";
  static final String LOGS = "logs";
  static final String STATE_URL = "jdbc:h2:file:./state/gazette";
  static final String STATUS_HOST = "127.0.0.1";
  static final int STATUS_PORT = 8765;
  static final String WARC_PREFIX = "gazette";
  static final long WARC_MAX_FILE_SIZE = 1L << 30; // 1 GB, the usual WARC file size
  static final int THREADS = 4;

  static final Duration MIN_DELAY = Duration.ofSeconds(1);
  static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(30);
  static final int MAX_CONNECTIONS_PER_HOST = 1;
  // Heritrix's default: a server that answers slowly is given proportionally more room.
  static final double DELAY_FACTOR = 5.0;
  static final int MAX_RETRIES = 3;
  static final Duration ROBOTS_CACHE_TTL = Duration.ofHours(24);
  static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);

  static final long MAX_BODY_SIZE = 10L << 20; // 10 MB
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  static final Duration TOTAL_TIMEOUT = Duration.ofMinutes(2);
  static final int MAX_REDIRECTS = 5;
  static final int MAX_URL_LENGTH = 2048;
  static final int MAX_PAGES_PER_HOST = 1000;
  // Room kept on the output disk: the exchange being written (up to MAX_BODY_SIZE), its JSON line
  // and metadata, and what shares the disk in the default layout (the H2 state store beside
  // warc/, logs rolled at 50 MB) all fit many times over; on a disk meant for 1 GB WARC files
  // it is nothing. Heritrix pauses at 8 GB by default, for crawls far larger than a news site's.
  static final long MIN_FREE_SPACE = 256L << 20; // 256 MB

  static final int MAX_CONCURRENT_SITES = 4;
  static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
  static final Duration JITTER = Duration.ofSeconds(10);
  static final Duration RELOAD_CHECK = Duration.ofSeconds(5);

  static final String SCHEDULE = "0 */30 * * * ?"; // every 30 minutes
  static final ZoneId TIME_ZONE = ZoneId.of("UTC");
  static final Duration REVISIT_AFTER = Duration.ofDays(7);
  static final int MAX_PAGES = 1000;
  static final int MAX_DEPTH = 5;

  private Defaults() {}
}
