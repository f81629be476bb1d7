package org.gazette.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;
import org.gazette.archive.WarcVerifier;
import org.gazette.archive.WarcWriter;
import org.gazette.archive.WarcWriterOptions;
import org.gazette.archive.Warcinfo;
import org.gazette.testing.Fuzzing;
import org.gazette.testing.SampleExchanges;

/**
 * Fuzzes the HTTP/1.x response parser, {@link ResponseReader} over a {@link WireReader}: through
 * its stream API ({@link StoredResponse}, what a 304 re-parses from the archive) and over a real
 * loopback socket ({@link HttpFetcher}), with responses whose framing is right, odd or broken:
 * interim 1xx responses, every kind of Content-Length, chunk sizes with signs, leading zeros,
 * extensions, garbage and no end, bare LF, NUL, header blocks without end.
 *
 * <p>What the fetcher promises: a response parses or fails as a {@link FetchException} (or the
 * IOException of a line over its limit), never anything else and never forever; the body starts
 * where the head ends; the payload is the body as framed; the socket and the stream read the same
 * bytes the same way; and whatever parses is archived in a response record that {@code gazette
 * warc verify} accepts, its payload digest computed from the record's own bytes.
 */
@AddLifecycleHook(Fuzzing.class)
class ResponseReaderFuzzTest {

  private static final URI URL = URI.create("https://news.example.com/world/1.html");
  private static final Instant DATE = Instant.parse("2026-11-26T10:00:00Z");

  /** Far above what these few bytes need: only a hang reaches it. */
  private static final Duration BUDGET = Duration.ofSeconds(20);

  @Property(tries = 300)
  void anyBytesParseAsTheResponseTheyFrame(@ForAll("responses") byte[] response) {
    Optional<HttpExchange> parsed = parse(response);

    Statistics.collect(parsed.map(ex -> ex.truncation().name()).orElse("refused"));
    Statistics.coverage(c -> {
      c.check("NONE").count(n -> n > 0);
      c.check("DISCONNECT").count(n -> n > 0);
      c.check("refused").count(n -> n > 0);
    });
    parsed.ifPresent(ex -> {
      assertThat(ex.response()).isEqualTo(response);
      assertThat(ex.status()).satisfiesAnyOf(s -> assertThat(s).isEqualTo(101),
          s -> assertThat(s).isBetween(200, 999));
      assertThat(ex.bodyOffset()).isBetween(0, response.length);
      assertThat(ex.truncation()).as("no size limit here").isNotEqualTo(Truncation.LENGTH);
      String head = new String(response, 0, ex.bodyOffset(), StandardCharsets.ISO_8859_1);
      if (!head.endsWith("\n\n") && !head.endsWith("\n\r\n")) {
        assertThat(ex.truncation()).as("a response cut inside its head").isEqualTo(
            Truncation.DISCONNECT);
        return;
      }
      byte[] body = Arrays.copyOfRange(response, ex.bodyOffset(), response.length);
      boolean chunked = ex.header("Transfer-Encoding")
          .filter(te -> te.toLowerCase().contains("chunked")).isPresent();
      long length = ResponseReader.contentLength(ex.header("Content-Length").orElse(null));
      if (ex.status() == 204 || ex.status() == 304 || ex.status() == 101) {
        assertThat(ex.payload()).as("no body for %d", ex.status()).isEmpty();
      } else if (chunked) {
        assertThat(ex.payload().length).isLessThanOrEqualTo(body.length);
      } else if (length >= 0 && length <= body.length) {
        assertThat(ex.payload()).isEqualTo(Arrays.copyOf(body, (int) length));
        assertThat(ex.truncation()).isEqualTo(Truncation.NONE);
      } else {
        // no usable length, or more promised than sent: the body is what came
        assertThat(ex.payload()).isEqualTo(body);
        assertThat(ex.truncation()).isEqualTo(length < 0 ? Truncation.NONE
            : Truncation.DISCONNECT);
      }
    });
  }

  @Property(tries = 150)
  void whatIsFetchedIsArchivedInARecordThatVerifies(
      @ForAll("responses") byte[] response, @ForAll("bodyLimits") long maxBodySize)
      throws IOException {
    Optional<HttpExchange> fetched = fetch(response, maxBodySize);

    Statistics.collect(fetched.map(ex -> ex.truncation().name()).orElse("refused"));
    if (fetched.isPresent()) {
      assertArchivedAndVerified(fetched.get());
    }
  }

  @Property(tries = 25)
  void theSocketAndTheStreamReadTheSameResponse(@ForAll("responses") byte[] response)
      throws Exception {
    Optional<HttpExchange> stored = fetch(response, Long.MAX_VALUE);

    Optional<HttpExchange> fetched = assertTimeoutPreemptively(BUDGET, () -> {
      try (RawServer server = new RawServer(response)) {
        return Optional.of(new HttpFetcher(new FetchOptions("gazette-fuzz/1.0",
            Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5), Long.MAX_VALUE,
            true)).get(server.uri("/world/1.html"), List.of()));
      } catch (FetchException e) {
        return Optional.<HttpExchange>empty();
      }
    });

    assertThat(fetched.isPresent()).as("parsed over the socket as from the stream")
        .isEqualTo(stored.isPresent());
    if (fetched.isPresent()) {
      HttpExchange a = fetched.get();
      HttpExchange b = stored.get();
      assertThat(a.response()).isEqualTo(b.response());
      assertThat(a.status()).isEqualTo(b.status());
      assertThat(a.headers()).isEqualTo(b.headers());
      assertThat(a.bodyOffset()).isEqualTo(b.bodyOffset());
      assertThat(a.payload()).isEqualTo(b.payload());
      assertThat(a.truncation()).isEqualTo(b.truncation());
    }
  }

  /** Every response that once broke parsing or archiving, under {@code fuzz/http/}. */
  @Example
  void replaysTheFixturesThatOnceFailed() throws IOException {
    for (Path fixture : Fuzzing.fixtures("http")) {
      byte[] response = Files.readAllBytes(fixture);
      Optional<HttpExchange> fetched = fetch(response, Long.MAX_VALUE);
      assertThat(fetched).as("%s parses", fixture.getFileName()).isPresent();
      String head = new String(response, 0, fetched.get().bodyOffset(),
          StandardCharsets.ISO_8859_1);
      if (!head.endsWith("\n\n") && !head.endsWith("\n\r\n")) {
        assertThat(fetched.get().truncation()).as("%s is cut inside its head", fixture)
            .isEqualTo(Truncation.DISCONNECT);
      }
      assertArchivedAndVerified(fetched.get());
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  /**
   * The exchange {@link HttpFetcher} makes of {@code response} read off a connection: the same
   * reader, the wire copy of the bytes it consumed as the response; empty when it is refused.
   */
  private static Optional<HttpExchange> fetch(byte[] response, long maxBodySize) {
    return assertTimeoutPreemptively(BUDGET, () -> {
      WireReader wire = new WireReader(new java.io.ByteArrayInputStream(response));
      try {
        ResponseReader.Response r = new ResponseReader(wire, maxBodySize).read(URL);
        return Optional.of(new HttpExchange(URL, DATE, InetAddress.getLoopbackAddress(),
            SampleExchanges.request(URL), wire.wireBytes(), r.bodyOffset(), r.status(),
            r.headers(), r.payload(), r.truncation(), 0));
      } catch (FetchException e) {
        assertThat(e.kind()).isEqualTo(FetchException.Kind.BAD_RESPONSE);
        return Optional.<HttpExchange>empty();
      } catch (IOException e) {
        assertThat(e.getMessage()).startsWith("line longer than");
        return Optional.<HttpExchange>empty();
      }
    });
  }

  /** The response parsed, or empty when the parser refuses it as it documents. */
  private static Optional<HttpExchange> parse(byte[] response) {
    return assertTimeoutPreemptively(BUDGET, () -> {
      try {
        return Optional.of(StoredResponse.parse(URL, DATE, response));
      } catch (FetchException e) {
        assertThat(e.kind()).isEqualTo(FetchException.Kind.BAD_RESPONSE);
        return Optional.empty();
      } catch (IOException e) {
        // WireReader's refusal of a status or header line over its limit
        assertThat(e.getMessage()).startsWith("line longer than");
        return Optional.empty();
      }
    });
  }

  /**
   * Writes {@code exchange} as a fetch does (request and response records) and checks the file
   * with gazette's verifier, which computes the payload digest from the record's block.
   */
  private static void assertArchivedAndVerified(HttpExchange exchange) throws IOException {
    // in memory where the machine has it: the writer forces its files to disk on close
    Path shm = Path.of("/dev/shm");
    Path dir = Files.isDirectory(shm) && Files.isWritable(shm)
        ? Files.createTempDirectory(shm, "gazette-fuzz-http")
        : Files.createTempDirectory("gazette-fuzz-http");
    try {
      Warcinfo info = new Warcinfo("gazette/fuzz", "fuzz.example.org", "ops@example.org",
          "gazette-fuzz/1.0", Warcinfo.ROBOTS_OBEY, "fuzz", "run-1");
      try (WarcWriter writer = new WarcWriter(new WarcWriterOptions(dir, info).prefix("fuzz")
          .node("n1").clock(Clock.fixed(DATE, ZoneOffset.UTC)))) {
        writer.write(exchange);
      }
      Path warc;
      try (Stream<Path> files = Files.list(dir)) {
        warc = files.filter(p -> p.toString().endsWith(".warc.gz")).findFirst().orElseThrow();
      }
      WarcVerifier.Report report = WarcVerifier.verify(warc);
      assertThat(report.problems()).as("gazette warc verify of the archived response")
          .isEmpty();
    } finally {
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  // ---- generators -----------------------------------------------------------------------------

  @Provide
  Arbitrary<Long> bodyLimits() {
    return Arbitraries.of(3L, 50L, 10L * 1024 * 1024, Long.MAX_VALUE);
  }

  @Provide
  Arbitrary<byte[]> responses() {
    Arbitrary<byte[]> framed = Combinators.combine(interims(), statusLine(), headers(), body(),
            Arbitraries.of("\r\n", "\r\n", "\n"))
        .as((interim, status, hs, b, eol) -> {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          out.writeBytes(interim.getBytes(StandardCharsets.ISO_8859_1));
          out.writeBytes((status + eol).getBytes(StandardCharsets.ISO_8859_1));
          for (String h : hs) {
            out.writeBytes((h + eol).getBytes(StandardCharsets.ISO_8859_1));
          }
          if (b.chunked()) {
            out.writeBytes(("Transfer-Encoding: chunked" + eol).getBytes(
                StandardCharsets.ISO_8859_1));
          }
          out.writeBytes(eol.getBytes(StandardCharsets.ISO_8859_1));
          out.writeBytes(b.bytes());
          return out.toByteArray();
        });
    // a connection closed anywhere: in the head, in the body
    Arbitrary<byte[]> cut = Combinators.combine(framed, Arbitraries.doubles().between(0, 1))
        .as((bytes, at) -> Arrays.copyOf(bytes, (int) (bytes.length * at)));
    return Arbitraries.frequencyOf(
        Tuple.of(6, framed),
        Tuple.of(2, cut),
        Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(500)),
        Tuple.of(1, Arbitraries.strings().withChars("HTP/1.0 2\r\n:;-abcdefxyz").ofMaxLength(200)
            .map(s -> s.getBytes(StandardCharsets.ISO_8859_1))));
  }

  private static Arbitrary<String> interims() {
    Arbitrary<String> one = Arbitraries.of(
        "HTTP/1.1 100 Continue\r\n\r\n",
        "HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n",
        "HTTP/1.1 102 Processing\n\n");
    return Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just("")),
        Tuple.of(2, one.list().ofMinSize(1).ofMaxSize(2).map(l -> String.join("", l))));
  }

  private static Arbitrary<String> statusLine() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.of("HTTP/1.1 200 OK", "HTTP/1.0 404 Not Found",
            "HTTP/1.1 500 Internal Server Error", "HTTP/1.1 301 Moved", "HTTP/1.1 204 No Content",
            "HTTP/1.1 304 Not Modified", "HTTP/1.1 206 Partial")),
        Tuple.of(2, Arbitraries.of("HTTP/1.1 101 Switching", "HTTP/1.1 +200 OK",
            "HTTP/1.1  200  OK", "HTTP/2 200", "HTTP/1.1 999 Odd", "HTTP/1.1 1000 Big",
            "HTTP/1.1 99 Small", "HTTP/1.1 abc", "ICY 200 OK", "", "HTTP/1.1", "http/1.1 200 ok",
            "HTTP/1.1 200", "HTTP/1.1 199 Interim forever")),
        Tuple.of(1, Arbitraries.strings().all().ofMaxLength(20)));
  }

  private static Arbitrary<List<String>> headers() {
    Arbitrary<String> header = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of("Content-Type: text/html; charset=utf-8",
            "Content-Length: 5", "Content-Length: 0", "Content-Length: 5, 5",
            "Content-Length: 5, 6",
            "Content-Length: -1", "Content-Length: abc", "Content-Length: 99999999999999999999",
            "Content-Length:  7 ", "content-length: 3", "Content-Length: 40",
            "Transfer-Encoding: gzip, chunked", "Transfer-Encoding: CHUNKED",
            "Transfer-Encoding: identity", "Content-Encoding: gzip", "X-Robots-Tag: noindex",
            "Location: /elsewhere", "Set-Cookie: a=b")),
        Tuple.of(1, Arbitraries.of("no colon here", " : empty name", ": x", " folded: value",
            "\tobs-fold", "X-Nul: a\u0000b", "X-Cr: a\rb", "Ünïcode: välue",
            "X: " + "v".repeat(300))),
        Tuple.of(1, Arbitraries.strings().all().ofMaxLength(30)
            .map(s -> s.replace("\n", "").replace("\r", ""))));
    return header.list().ofMaxSize(6);
  }

  /** A body, chunked or not, with the framing faults servers make. */
  record Body(boolean chunked, byte[] bytes) {}

  private static Arbitrary<Body> body() {
    Arbitrary<byte[]> raw = Arbitraries.oneOf(
        Arbitraries.of("hello", "hello world", "", "<p>x</p>", "0\r\n\r\n")
            .map(s -> s.getBytes(StandardCharsets.ISO_8859_1)),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(100));
    Arbitrary<String> size = Arbitraries.of("5", "05", "0000000000000005", "00000000000000005",
        "+5", "-5", " 5 ", "5 ", "5;ext=1", "5 ; ext", "5\u0000", "\u00005", "5\u000B", "\u001F5",
        "0x5", "", "zz", "ffffffffffffffff", "7fffffffffffffff", "A", "a");
    Arbitrary<String> afterData = Arbitraries.of("\r\n", "\r\n", "\n", "", "\r", "xx\r\n",
        "garbage longer than sixteen bytes\r\n");
    Arbitrary<String> chunk = Combinators.combine(size, afterData)
        .as((s, after) -> s + "\r\nhello" + after);
    Arbitrary<String> last = Arbitraries.of("0\r\n\r\n", "0\r\nTrailer: x\r\n\r\n", "0\r\n", "",
        "0;ext\r\n\r\n", "00\r\n\r\n");
    Arbitrary<byte[]> chunks = Combinators.combine(chunk.list().ofMaxSize(4), last)
        .as((cs, end) -> (String.join("", cs) + end).getBytes(StandardCharsets.ISO_8859_1));
    return Arbitraries.oneOf(raw.map(b -> new Body(false, b)), chunks.map(b -> new Body(true, b)));
  }
}
