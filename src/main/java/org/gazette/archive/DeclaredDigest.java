package org.gazette.archive;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.codec.binary.Base32;

/**
 * A digest as a {@code WARC-Block-Digest} or {@code WARC-Payload-Digest} field declares it: {@code
 * algorithm:value}, the value in Base32 (as Heritrix, warcio, jwarc and gazette write it) or in
 * Base16 (as some other tools do). Both are accepted, in either letter case.
 */
final class DeclaredDigest {

  // the labels in use (WARC 1.1 annex; warcio also writes sha256) and the JDK's names for them
  private static final Map<String, String> ALGORITHMS =
      Map.of(
          "sha1", "SHA-1",
          "sha-1", "SHA-1",
          "sha256", "SHA-256",
          "sha-256", "SHA-256",
          "sha512", "SHA-512",
          "sha-512", "SHA-512",
          "md5", "MD5");

  private final String algorithm;
  private final byte[] expected;

  private DeclaredDigest(String algorithm, byte[] expected) {
    this.algorithm = algorithm;
    this.expected = expected;
  }

  /**
   * Parses a field value.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  static DeclaredDigest parse(String value) {
    int colon = value.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("not \"algorithm:value\": \"" + value + "\"");
    }
    String label = value.substring(0, colon).toLowerCase(Locale.ROOT);
    String algorithm = ALGORITHMS.get(label);
    if (algorithm == null) {
      throw new IllegalArgumentException("unknown digest algorithm \"" + label + "\"");
    }
    String encoded = value.substring(colon + 1).strip();
    int size = newDigest(algorithm).getDigestLength();
    return new DeclaredDigest(algorithm, decode(encoded, size, value));
  }

  /** True if {@code data} has this digest. */
  boolean matches(byte[] data) {
    return MessageDigest.isEqual(expected, newDigest(algorithm).digest(data));
  }

  private static byte[] decode(String encoded, int size, String value) {
    String upper = encoded.toUpperCase(Locale.ROOT);
    if (upper.length() == size * 2 && upper.matches("[0-9A-F]+")) {
      return HexFormat.of().parseHex(upper);
    }
    String unpadded = upper.replaceAll("=+$", "");
    if (unpadded.length() == (size * 8 + 4) / 5 && unpadded.matches("[A-Z2-7]+")) {
      byte[] bytes = new Base32().decode(upper);
      if (bytes.length == size) {
        return bytes;
      }
    }
    throw new IllegalArgumentException("digest is neither Base32 nor Base16: \"" + value + "\"");
  }

  private static MessageDigest newDigest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      // every Java platform provides MD5, SHA-1 and SHA-256; SHA-512 is in every JDK
      throw new IllegalStateException(algorithm + " is not available", e);
    }
  }
}
