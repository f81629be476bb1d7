package org.gazette.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Writes records as JSON lines: keys in the order of DESIGN.md, nulls written as null, times as
 * ISO-8601 strings with an offset ({@code 2020-03-18T22:36:10+08:00}).
 *
 * <p>The records carry their own Jackson annotations, so any mapper writes them the same way;
 * this class is the shared, ready-made one.
 */
public final class RecordJson {

  private static final ObjectMapper MAPPER = newMapper();

  private RecordJson() {}

  /**
   * A new mapper for records; callers may change their copy freely. It also writes bare {@code
   * Instant} and {@code OffsetDateTime} values as the records do.
   */
  public static ObjectMapper mapper() {
    return MAPPER.copy();
  }

  /**
   * One record (or any value) as one line of JSON, without a line terminator.
   *
   * @throws UncheckedIOException if the value cannot be serialized, which for the record types of
   *     this package is a bug
   */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * One record (or any value) as one line of JSON in UTF-8, without a line terminator: what the
   * crawl writes to its JSON lines and metadata records. A lone surrogate in a text is written
   * as a JSON escape, where {@link #write}'s text would need it replaced to be encoded.
   *
   * @throws UncheckedIOException as {@link #write}
   */
  public static byte[] writeUtf8(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  /** Formats a time the way records write it: seconds always, offset always. */
  public static String format(OffsetDateTime time) {
    return TimeSerializers.OFFSET_TIME.format(time);
  }

  private static ObjectMapper newMapper() {
    SimpleModule times = new SimpleModule("gazette-times");
    times.addSerializer(Instant.class, new TimeSerializers.InstantSerializer());
    times.addSerializer(OffsetDateTime.class, new TimeSerializers.OffsetTimeSerializer());
    return JsonMapper.builder()
        .addModule(times)
        // one line per record: never pretty-print, whatever the caller's defaults
        .disable(SerializationFeature.INDENT_OUTPUT)
        // characters beyond U+FFFF as UTF-8, not as two escapes: the bytes writeUtf8 gives are
        // then those of write's text (the crawl's JSON lines equal gazette extract's)
        .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
        .build();
  }
}
