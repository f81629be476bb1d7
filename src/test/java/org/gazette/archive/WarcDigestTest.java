package org.gazette.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WarcDigestTest {

  @ParameterizedTest
  @CsvSource({
    "'',  sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ",
    "abc, sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5",
  })
  void writesSha1AsPrefixedBase32(String text, String digest) {
    assertThat(WarcDigest.sha1(text.getBytes(StandardCharsets.US_ASCII))).isEqualTo(digest);
  }

  @org.junit.jupiter.api.Test
  void digestsASliceOnly() {
    byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);

    assertThat(WarcDigest.sha1(abc, 1, 2)).isEqualTo("sha1:LMSQKA42YWXZ4GL7LWWQIEJZA2U47GRK");
    assertThat(WarcDigest.sha1(abc, 1, 2)).isEqualTo(WarcWriterTest.sha1(new byte[] {'b', 'c'}));
    assertThatThrownBy(() -> WarcDigest.sha1(abc, 2, 2))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
