package org.gazette.records;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.gazette.archive.ParsedRecord;
import org.gazette.archive.WarcFileReader;
import org.gazette.archive.WarcHeaders;
import org.gazette.archive.WarcPaths;
import org.gazette.archive.WarcProblem;
import org.gazette.extract.WarcRef;
import org.gazette.fetch.HttpExchange;
import org.gazette.fetch.StoredResponse;
import org.gazette.fetch.Truncation;

/**
 * {@code gazette extract}: the records of pages read back from WARC files and HTML files, made by
 * {@link PageRecords} as the crawl makes them, without the network.
 *
 * <p><b>WARC files.</b> Records are read in file order. A page is a {@code response} record of an
 * http(s) URL ({@code application/http}) whose HTTP status is 2xx and whose Content-Type says HTML
 * or nothing, as the crawl parses them; one marked {@code WARC-Truncated: disconnect} is not
 * parsed (the crawl did not parse it either), one cut at the size or time limit is. A {@code
 * revisit} record is resolved, since the crawl wrote a record for it: its content is the response
 * it refers to ({@code WARC-Refers-To}, else the same URL and payload digest), found among the
 * records read so far, else in the WARC files in the revisit's folder. For {@code
 * identical-payload-digest} the revisit's own status and headers go with the earlier payload; for
 * {@code server-not-modified} the earlier response is the page and the status is the revisit's
 * (304), as at crawl time. The record's {@code url} is WARC-Target-URI, {@code fetched_at}
 * WARC-Date, {@code warc} the response or revisit record (file name, offset, id, payload digest).
 * {@code /robots.txt} responses are not pages (the crawl fetches them beside its pages).
 *
 * <p><b>HTML files.</b> The whole file (up to the body size limit) is the page, decoded as a
 * response without a charset in its Content-Type ({@link org.gazette.charset.PageCharset}: byte
 * order mark, else its meta tag, else detection). Its {@code url} is the URL
 * given, else the file's {@code file:} URL; {@code fetched_at}, {@code status} and {@code warc}
 * are null. A file the content classifier finds neither an article nor a listing is read as an
 * article: it was handed in as a page.
 *
 * <p>Problems never stop the run: each is told to {@link Output#problem} with the file and,
 * within a WARC file, the offset, and the other records and files are still read.
 */
public final class Reextraction {

  /** Where records, problems and warnings go. */
  public interface Output {
    /** A record, in input order. */
    void record(Object record);

    /** Something that could not be read or extracted: the run fails (exit 1). */
    void problem(String message, Throwable cause);

    /** Worth knowing, not a failure. */
    void warning(String message);
  }

  /** What a file given to {@code gazette extract} is. */
  public enum Kind { WARC, HTML }

  /** A file to read and what it is. */
  public record Input(Path path, Kind kind) {}

  /** What a WARC file's name ends with while it is written. */
  private static final String OPEN = ".open";

  private static final List<String> HTML_EXTENSIONS =
      List.of(".html", ".htm", ".xhtml", ".shtml");

  private final PageRecords pages;
  private final Sites sites;
  private final long maxBodySize;
  private final Output out;
  // response records seen: by WARC-Record-ID, and by "URL digest", for revisits
  private final Map<String, Stored> responses = new HashMap<>();
  private final Set<Path> indexedFiles = new HashSet<>();
  private final Set<Path> indexedFolders = new HashSet<>();

  private record Stored(Path file, long offset) {}

  /**
   * @param maxBodySize the body size limit (limits.maxBodySize): bodies are cut there, as the
   *     crawl cuts them
   */
  public Reextraction(PageRecords pages, Sites sites, long maxBodySize, Output out) {
    this.pages = pages;
    this.sites = sites;
    this.maxBodySize = maxBodySize;
    this.out = out;
  }

  /**
   * What a named file is: a WARC file by its name ({@code .warc.gz}, {@code .warc}, also {@code
   * .open}), an HTML file by its name ({@code .html}, {@code .htm}, {@code .xhtml}, {@code
   * .shtml}), else by its first bytes (gzip or {@code WARC/}; {@code <}); empty when neither.
   */
  public static Optional<Kind> kindOf(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(OPEN)) {
      name = name.substring(0, name.length() - OPEN.length());
    }
    if (name.endsWith(".warc.gz") || name.endsWith(".warc")) {
      return Optional.of(Kind.WARC);
    }
    if (isHtmlName(name)) {
      return Optional.of(Kind.HTML);
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(1024);
    }
    if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b
        || startsWith(head, 0, "WARC/")) {
      return Optional.of(Kind.WARC);
    }
    int i = 0;
    if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb
        && (head[2] & 0xff) == 0xbf) {
      i = 3; // UTF-8 byte order mark
    }
    while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r'
        || head[i] == '\n')) {
      i++;
    }
    return i < head.length && head[i] == '<' ? Optional.of(Kind.HTML) : Optional.empty();
  }

  /**
   * The WARC files (closed: {@code .warc.gz}, {@code .warc}) and HTML files anywhere under
   * {@code folder}, sorted by path.
   */
  public static List<Input> inFolder(Path folder) throws IOException {
    List<Input> inputs = new ArrayList<>();
    // links are followed, the folder itself included (a folder of pages is often a link to
    // where they were saved); a loop of links ends the walk with FileSystemLoopException
    try (Stream<Path> tree = Files.walk(folder, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
      for (Path p : tree.filter(Files::isRegularFile).sorted().toList()) {
        if (WarcPaths.isClosedWarc(p)) {
          inputs.add(new Input(p, Kind.WARC));
        } else if (isHtmlName(p.getFileName().toString().toLowerCase(Locale.ROOT))) {
          inputs.add(new Input(p, Kind.HTML));
        }
      }
    }
    return inputs;
  }

  /** Reads one input. */
  public void read(Input input, String url) {
    if (input.kind() == Kind.WARC) {
      warc(input.path());
    } else {
      html(input.path(), url);
    }
  }

  /** The records of the pages in a WARC file, in file order. */
  public void warc(Path file) {
    String name = file.getFileName().toString();
    if (name.endsWith(OPEN)) {
      name = name.substring(0, name.length() - OPEN.length());
    }
    try (WarcFileReader reader = WarcFileReader.open(file)) {
      if (!looksLikeWarc(file)) {
        out.problem(file + ": offset 0: not a WARC file (neither gzip data nor a \"WARC/\" line"
            + " at its start)", null);
        return;
      }
      int told = 0;
      while (true) {
        Optional<ParsedRecord> next = reader.next();
        told = tell(file, reader.problems(), told);
        if (next.isEmpty()) {
          break;
        }
        page(file, name, next.get());
      }
    } catch (IOException e) {
      out.problem(file + ": cannot read: " + message(e), e);
    }
    indexedFiles.add(key(file));
  }

  /**
   * The record of an HTML file.
   *
   * @param url the page's URL, or null for the file's own {@code file:} URL
   */
  public void html(Path file, String url) {
    byte[] body;
    try (InputStream in = Files.newInputStream(file)) {
      body = in.readNBytes((int) Math.min(maxBodySize, Integer.MAX_VALUE - 16));
    } catch (IOException e) {
      out.problem(file + ": cannot read: " + message(e), e);
      return;
    }
    String pageUrl = url != null ? url : file.toAbsolutePath().normalize().toUri().toString();
    SiteRules rules = url != null ? sites.forUrl(url, null) : sites.forFile();
    try {
      Object record = pages.extract(new HttpPage(pageUrl, null, null, List.of(), body, null),
          rules, true).record();
      if (record != null) {
        out.record(record);
      }
    } catch (IOException | RuntimeException e) {
      out.problem(file + ": cannot extract: " + message(e), e);
    }
  }

  private static boolean looksLikeWarc(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(5);
    }
    return head.length == 0 // empty: no records, nothing wrong
        || head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b
        || startsWith(head, 0, "WARC/");
  }

  private int tell(Path file, List<WarcProblem> problems, int told) {
    for (WarcProblem p : problems.subList(told, problems.size())) {
      if (p.message().equals(WarcFileReader.SHARED_MEMBER)
          || p.message().equals(WarcFileReader.EMPTY_MEMBER)) {
        out.warning(file + ": " + p); // not indexable as is, but readable
      } else {
        out.problem(file + ": " + p, null);
      }
    }
    return problems.size();
  }

  private void page(Path file, String name, ParsedRecord r) {
    boolean response = r.type().equals("response");
    if (!(response || r.type().equals("revisit")) || !isHttp(r)) {
      return;
    }
    Optional<String> url = r.targetUri();
    if (url.isEmpty()) {
      out.problem(file + ": offset " + r.offset() + ": " + r.type()
          + " record without WARC-Target-URI", null);
      return;
    }
    if (response) {
      remember(file, r, url.get());
    }
    if (isRobotsTxt(url.get())) {
      return; // the crawl fetches robots.txt beside its pages, never as one
    }
    try {
      Optional<HttpPage> page = response ? responsePage(name, r, url.get())
          : revisitPage(file, name, r, url.get());
      if (page.isPresent()) {
        Object record = pages.extract(page.get(), sites.forUrl(url.get(), file), false).record();
        if (record != null) {
          out.record(record);
        }
      }
    } catch (IOException | RuntimeException e) {
      out.problem(file + ": offset " + r.offset() + ": cannot extract " + url.get() + ": "
          + message(e), e);
    }
  }

  private Optional<HttpPage> responsePage(String name, ParsedRecord r, String url)
      throws IOException {
    Optional<String> cut = r.header("WARC-Truncated");
    if (cut.isPresent() && !PageRecords.parsedWhenCut(truncation(cut.get()))) {
      return Optional.empty();
    }
    Instant date = date(r);
    HttpExchange content = StoredResponse.parse(uri(url), date, r.block());
    if (!isHtmlPage(content)) {
      return Optional.empty();
    }
    return Optional.of(page(url, date, content.status(), content,
        new WarcRef(name, r.offset(), id(r), r.header(WarcHeaders.WARC_PAYLOAD_DIGEST)
            .orElse(null))));
  }

  private Optional<HttpPage> revisitPage(Path file, String name, ParsedRecord r, String url)
      throws IOException {
    Instant date = date(r);
    // the revisit's block: the status line and headers of the response it stands for
    HttpExchange head = StoredResponse.parse(uri(url), date, r.block());
    boolean notModified = r.header(WarcHeaders.WARC_PROFILE).orElse("")
        .endsWith("/server-not-modified") || head.status() == 304;
    if (!notModified && !isHtmlPage(head)) {
      return Optional.empty(); // decided by the revisit's own headers, before looking further
    }
    ParsedRecord target = target(file, r, url);
    HttpExchange stored = StoredResponse.parse(uri(url), date, target.block());
    HttpExchange content = notModified ? stored
        : new HttpExchange(head.uri(), date, null, new byte[0], r.block(), head.bodyOffset(),
            head.status(), head.headers(), stored.payload(), Truncation.NONE, 0);
    if (!isHtmlPage(content)) {
      return Optional.empty();
    }
    String digest = r.header(WarcHeaders.WARC_PAYLOAD_DIGEST)
        .or(() -> target.header(WarcHeaders.WARC_PAYLOAD_DIGEST)).orElse(null);
    return Optional.of(page(url, date, head.status(), content,
        new WarcRef(name, r.offset(), id(r), digest)));
  }

  private HttpPage page(String url, Instant date, int status, HttpExchange content, WarcRef warc) {
    byte[] body = PageRecords.bodyToParse(content, maxBodySize, e -> out.warning(warc.file()
        + ": offset " + warc.offset() + ": cannot decode the body of " + url + " (" + e.getMessage()
        + "); parsed as empty, as the crawl parses it"));
    return new HttpPage(url, date, status, content.headers(), body, warc);
  }

  private static boolean isHtmlPage(HttpExchange content) {
    return PageRecords.isPage(content.status())
        && PageRecords.isHtml(content.header("Content-Type").orElse(null));
  }

  /** The response record a revisit refers to. */
  private ParsedRecord target(Path file, ParsedRecord revisit, String url) throws IOException {
    String refersTo = revisit.header(WarcHeaders.WARC_REFERS_TO).orElse(null);
    String targetUri = revisit.header(WarcHeaders.WARC_REFERS_TO_TARGET_URI)
        .map(Reextraction::unbracket).orElse(url);
    String digest = revisit.header(WarcHeaders.WARC_PAYLOAD_DIGEST).orElse(null);
    Stored stored = lookUp(refersTo, targetUri, digest);
    if (stored == null) {
      indexFolder(file.toAbsolutePath().getParent());
      stored = lookUp(refersTo, targetUri, digest);
    }
    if (stored == null) {
      throw new IOException("revisit of a response (" + (refersTo != null ? refersTo
          : "payload " + digest) + ") that is in none of the files read and none of the WARC files"
          + " beside this one");
    }
    return WarcFileReader.readAt(stored.file(), stored.offset());
  }

  private Stored lookUp(String refersTo, String targetUri, String digest) {
    Stored s = refersTo == null ? null : responses.get(refersTo);
    if (s == null && digest != null) {
      s = responses.get(targetUri + " " + digest);
    }
    return s;
  }

  private void remember(Path file, ParsedRecord r, String url) {
    Stored s = new Stored(file, r.offset());
    r.id().ifPresent(id -> responses.put(id, s));
    r.header(WarcHeaders.WARC_PAYLOAD_DIGEST).ifPresent(d -> responses.put(url + " " + d, s));
  }

  /** Remembers the responses of the WARC files in {@code folder} not read yet, once. */
  private void indexFolder(Path folder) {
    if (folder == null || !indexedFolders.add(folder)) {
      return;
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files = list.filter(Files::isRegularFile).filter(p -> {
        String n = p.getFileName().toString();
        return WarcPaths.isClosedWarc(p) || n.endsWith(".warc.gz" + OPEN);
      }).sorted().toList();
    } catch (IOException e) {
      return;
    }
    for (Path f : files) {
      if (indexedFiles.contains(key(f))) {
        continue;
      }
      try (WarcFileReader reader = WarcFileReader.open(f)) {
        for (Optional<ParsedRecord> r = reader.next(); r.isPresent(); r = reader.next()) {
          ParsedRecord record = r.get();
          if (record.type().equals("response") && isHttp(record)) {
            record.targetUri().ifPresent(u -> remember(f, record, u));
          }
        }
      } catch (IOException e) {
        // not an input: what it holds is simply not found
      }
      indexedFiles.add(key(f));
    }
  }

  private static Path key(Path file) {
    return file.toAbsolutePath().normalize();
  }

  private static boolean isHttp(ParsedRecord r) {
    return r.header(WarcHeaders.CONTENT_TYPE).orElse("").toLowerCase(Locale.ROOT)
        .startsWith("application/http");
  }

  private static boolean isRobotsTxt(String url) {
    try {
      URI uri = new URI(url);
      return "/robots.txt".equals(uri.getRawPath()) && uri.getRawQuery() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static boolean isHtmlName(String lowerCaseName) {
    return HTML_EXTENSIONS.stream().anyMatch(lowerCaseName::endsWith);
  }

  private static Truncation truncation(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "disconnect" -> Truncation.DISCONNECT;
      case "time" -> Truncation.TIME;
      default -> Truncation.LENGTH; // length, or another tool's "unspecified": the start is kept
    };
  }

  private static Instant date(ParsedRecord r) throws IOException {
    String value = r.header(WarcHeaders.WARC_DATE)
        .orElseThrow(() -> new IOException("no WARC-Date"));
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IOException("bad WARC-Date \"" + value + "\"");
    }
  }

  private static String id(ParsedRecord r) throws IOException {
    return r.id().orElseThrow(() -> new IOException("no WARC-Record-ID"));
  }

  private static URI uri(String url) {
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      return URI.create("about:invalid"); // only named in messages; the record keeps the text
    }
  }

  private static String unbracket(String uri) {
    return uri.startsWith("<") && uri.endsWith(">") ? uri.substring(1, uri.length() - 1) : uri;
  }

  private static boolean startsWith(byte[] data, int from, String prefix) {
    if (data.length - from < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (data[from + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static String message(Throwable e) {
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}
