package org.gazette.extract;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Writes the records' times as ISO-8601 strings. The records name these serializers in their
 * annotations, so any ObjectMapper writes them right, with or without jackson-datatype-jsr310
 * (which is not on the classpath; a plain mapper would refuse java.time values).
 */
final class TimeSerializers {

  /**
   * {@code 2020-03-18T22:36:10+08:00}: seconds always written (unlike {@code
   * OffsetDateTime.toString()}, which drops {@code :00}), fractions only when present.
   */
  static final DateTimeFormatter OFFSET_TIME =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .appendPattern("HH:mm:ss")
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .appendOffsetId()
          .toFormatter();

  private TimeSerializers() {}

  /** {@code 2026-11-26T10:00:00Z}. */
  static final class InstantSerializer extends StdSerializer<Instant> {
    InstantSerializer() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(DateTimeFormatter.ISO_INSTANT.format(value));
    }
  }

  /** {@code 2020-03-18T22:36:10+08:00}. */
  static final class OffsetTimeSerializer extends StdSerializer<OffsetDateTime> {
    OffsetTimeSerializer() {
      super(OffsetDateTime.class);
    }

    @Override
    public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(OFFSET_TIME.format(value));
    }
  }
}
