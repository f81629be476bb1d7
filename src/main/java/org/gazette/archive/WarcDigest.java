package org.gazette.archive;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import org.apache.commons.codec.binary.Base32;

/**
 * Digests in the form WARC readers expect: the algorithm, a colon, and the digest in Base32 ({@code
 * sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ}), as Heritrix, warcio and pywb write them.
 */
public final class WarcDigest {
  /** The prefix naming the algorithm. */
  public static final String SHA1_PREFIX = "sha1:";

  private WarcDigest() {}

  /** The SHA-1 of all of {@code data}, as {@code sha1:} + Base32. */
  public static String sha1(byte[] data) {
    Objects.requireNonNull(data, "data");
    return sha1(data, 0, data.length);
  }

  /** The SHA-1 of {@code length} bytes of {@code data} from {@code offset}. */
  public static String sha1(byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, data.length);
    MessageDigest sha1 = newSha1();
    sha1.update(data, offset, length);
    // 160 bits are exactly 32 Base32 characters, so there is never any padding to strip
    return SHA1_PREFIX + new Base32().encodeAsString(sha1.digest());
  }

  private static MessageDigest newSha1() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      // every Java platform must provide SHA-1 (MessageDigest Javadoc)
      throw new IllegalStateException("SHA-1 is not available", e);
    }
  }
}
