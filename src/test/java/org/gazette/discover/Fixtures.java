package org.gazette.discover;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;

/** The fixtures under {@code src/test/resources/discover/}, as bytes a fetch would hand over. */
final class Fixtures {

  private Fixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/discover/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture discover/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static URI uri(String s) {
    return URI.create(s);
  }

  static Instant at(String iso) {
    return Instant.parse(iso);
  }
}
