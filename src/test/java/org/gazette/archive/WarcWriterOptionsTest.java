package org.gazette.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WarcWriterOptionsTest {

  final WarcWriterOptions options =
      new WarcWriterOptions(Path.of("warc/portal"), TestWarcs.WARCINFO);

  @Test
  void hasDocumentedDefaults() {
    assertThat(options.prefix()).isEqualTo("gazette");
    assertThat(options.maxFileSize()).isEqualTo(1_000_000_000L);
    assertThat(options.node()).matches("[A-Za-z0-9._-]+");
    assertThat(options.clock()).isEqualTo(Clock.systemUTC());
    assertThat(options.objectMapper()).isNotNull();
    assertThat(options.minFreeSpace()).isZero(); // no check unless asked
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a/b", "two words", "..\\x", "site:1"})
  void refusesPrefixesAndNodesThatAreNotSafeInFileNames(String part) {
    assertThatThrownBy(() -> options.prefix(part))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prefix");
    assertThatThrownBy(() -> options.node(part))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("node");
  }

  @Test
  void refusesANonPositiveMaxFileSize() {
    assertThatThrownBy(() -> options.maxFileSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxFileSize");
  }

  @Test
  void refusesANegativeMinFreeSpace() {
    assertThatThrownBy(() -> options.minFreeSpace(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minFreeSpace");
    assertThat(options.minFreeSpace(0).minFreeSpace()).isZero();
  }

  @Test
  void writerKeepsTheOptionsItWasMadeWith(@TempDir Path dir) throws Exception {
    WarcWriterOptions mutable = TestWarcs.options(dir);
    try (WarcWriter writer = new WarcWriter(mutable)) {
      mutable.prefix("changed");
      writer.appendJson(java.util.Map.of());
    }

    assertThat(TestWarcs.fileNames(dir)).allMatch(n -> n.startsWith("portal-"));
  }
}
