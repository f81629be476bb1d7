package org.gazette.charset;

import java.util.Optional;
import org.mozilla.universalchardet.UniversalDetector;
import org.mozilla.universalchardet.prober.CharsetProber;
import org.mozilla.universalchardet.prober.MBCSGroupProber;

/**
 * Guesses the encoding of bytes from their statistics, with juniversalchardet (Mozilla's
 * universalchardet: character frequency tables for GB18030, Big5, Shift_JIS, EUC-JP and EUC-KR,
 * byte-sequence models for single-byte encodings, windows-1252 for Latin text).
 *
 * <p>Chosen over ICU4J's CharsetDetector, which guessed nearly as well on short pages (GBK
 * against Big5 included) but would add 14 MB to the shipped jar against 0.25 MB. On a 300-byte
 * page with a headline and a line of text both are right; on a title of six to nine characters alone
 * universalchardet's Latin-1 model can outscore the multi-byte ones, so when the bytes look
 * double-byte its multi-byte probers are asked on their own.
 */
final class Detection {

  /** The detector reads at most this much: its verdict is settled long before. */
  static final int DETECT_BYTES = 64 * 1024;

  /** The multi-byte probers' confidence needed to overrule the Latin-1 model. */
  private static final float MULTI_BYTE_CONFIDENCE = 0.3f;

  private Detection() {}

  /** The encoding the first {@code length} bytes of {@code body} are most likely in, if any. */
  static Optional<Encoding> detect(byte[] body, int length, ByteStats stats) {
    int n = Math.min(length, DETECT_BYTES);
    UniversalDetector detector = new UniversalDetector();
    detector.handleData(body, 0, n);
    detector.dataEnd();
    Optional<Encoding> guess = Encoding.forLabel(detector.getDetectedCharset());
    if ((guess.isEmpty() || guess.get().singleByte()) && stats.looksDoubleByte()) {
      MBCSGroupProber multiByte = new MBCSGroupProber();
      multiByte.handleData(body, 0, n);
      if (multiByte.getState() != CharsetProber.ProbingState.NOT_ME
          && multiByte.getConfidence() >= MULTI_BYTE_CONFIDENCE) {
        Optional<Encoding> mb = Encoding.forLabel(multiByte.getCharSetName());
        if (mb.isPresent()) {
          return mb;
        }
      }
    }
    return guess;
  }
}
