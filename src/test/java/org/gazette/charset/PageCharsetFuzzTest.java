package org.gazette.charset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.gazette.testing.Fuzzing;
import org.gazette.testing.HostileHtml;

/**
 * Fuzzes {@link PageCharset#decide} on bytes as servers send them (hostile pages in any charset,
 * arbitrary bytes) under any Content-Type: it always decides, on a charset the JDK decodes, and
 * well-formed UTF-8 text is UTF-8 whatever the label says.
 */
@AddLifecycleHook(Fuzzing.class)
class PageCharsetFuzzTest {

  @Property(tries = 300)
  void alwaysDecidesOnACharsetTheJdkDecodes(@ForAll("bodies") byte[] body,
      @ForAll("contentTypes") String contentType) {
    CharsetChoice c = PageCharset.decide(body, contentType);

    assertThat(java.nio.charset.Charset.isSupported(c.encoding().decoder().name()))
        .as(c.toString()).isTrue();
    assertThat(c.encoding().name()).isNotBlank();
  }

  @Property(tries = 300)
  void wellFormedUtf8TextIsUtf8WhateverItsLabel(@ForAll("texts") String text,
      @ForAll("contentTypes") String contentType) {
    byte[] body = ("<html><body><p>" + text + "</p></body></html>")
        .getBytes(StandardCharsets.UTF_8);

    CharsetChoice c = PageCharset.decide(body, contentType);

    assertThat(c.encoding()).as(contentType).isEqualTo(Encoding.UTF_8);
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    return HostileHtml.pageBytes();
  }

  @Provide
  Arbitrary<String> texts() {
    // at least one character beyond ASCII, no byte order mark in front
    return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(200)
        .filter(s -> s.chars().anyMatch(ch -> ch > 0x7f))
        .map(s -> "x" + s)
        .filter(s -> s.equals(new String(s.getBytes(StandardCharsets.UTF_8),
            StandardCharsets.UTF_8)));
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return Arbitraries.oneOf(
        HostileHtml.charsetNames().map(cs -> "text/html; charset=" + cs),
        Arbitraries.of("text/html", "", "text/html; charset=")).injectNull(0.1);
  }
}
