package org.gazette.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WarcFieldTest {

  @Test
  void encodesFieldsAsUtf8LinesEndingInCrlf() {
    byte[] block =
        WarcField.encode(
            List.of(new WarcField("software", "gazette/1.0"), new WarcField("isPartOf", "新聞")));

    assertThat(new String(block, StandardCharsets.UTF_8))
        .isEqualTo("software: gazette/1.0\r\nisPartOf: 新聞\r\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ok\r\nWARC-Type: response", "line\nbreak", "nul\0"})
  void refusesValuesThatWouldForgeALine(String value) {
    assertThatThrownBy(() -> new WarcField("operator", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("operator");
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> WarcField.line("operator", utf8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("operator");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "gazette/1.0", "新聞 “quoted” 😀", "{\"body\":\"a\\nb\"}"})
  void aLineOfUtf8BytesIsTheLineEncodeWrites(String value) {
    assertThat(WarcField.line("record", value.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(WarcField.encode(List.of(new WarcField("record", value))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "two words", "colon:", "WARC-Type\r"})
  void refusesNamesThatAreNotTokens(String name) {
    assertThatThrownBy(() -> new WarcField(name, "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WarcField.line(name, new byte[] {'x'}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
