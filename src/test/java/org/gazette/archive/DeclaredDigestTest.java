package org.gazette.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link DeclaredDigest}: the forms of digest value found in WARC files. */
class DeclaredDigestTest {

  static final byte[] DATA = "hello".getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "sha1:VL2MMHO4YXUKFWV63YHTWSBM3GXKSQ2N",
    "sha1:vl2mmho4yxukfwv63yhtwsbm3gxksq2n",
    "sha1:aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d",
    "SHA1:AAF4C61DDCC5E8A2DABEDE0F3B482CD9AEA9434D",
    "sha-1:VL2MMHO4YXUKFWV63YHTWSBM3GXKSQ2N",
    "sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
    "sha256:FTZE3OS7WCRQ4JXIHMVMLOPCTYNRMHS4D6TUEXTTAQZWFE4LTASA====",
    "md5:5d41402abc4b2a76b9719d911017c592",
  })
  void matchesItsDataInEveryForm(String value) {
    assertThat(DeclaredDigest.parse(value).matches(DATA)).isTrue();
    assertThat(DeclaredDigest.parse(value).matches("hello!".getBytes(StandardCharsets.US_ASCII)))
        .isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "VL2MMHO4YXUKFWV63YHTWSBM3GXKSQ2N       | not \"algorithm:value\"",
        "crc32:12345678                         | unknown digest algorithm \"crc32\"",
        "sha1:VL2MMHO4YXUKFWV63YHTWSBM3GXKSQ2   | neither Base32 nor Base16",
        "sha1:VL2MMHO4YXUKFWV63YHTWSBM3GXKSQ2!  | neither Base32 nor Base16",
      })
  void refusesWhatItCannotCheck(String value, String message) {
    assertThatThrownBy(() -> DeclaredDigest.parse(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
