package org.gazette.charset;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * What one pass over the start of a body shows about its encoding: how it reads as UTF-8, and
 * whether its non-ASCII bytes come in runs, as double-byte text (GBK, Big5, Shift_JIS, EUC-KR)
 * does, or one by one between ASCII letters, as accented Latin text does.
 *
 * @param highBytes bytes 0x80 and above
 * @param pairedHighBytes of those, the ones next to another such byte
 * @param utf8Sequences well-formed UTF-8 sequences of two to four bytes
 * @param utf8Errors bytes where no well-formed UTF-8 sequence starts (a sequence cut off by the
 *     end of the bytes read is not one: the body may continue, or was cut at the size limit)
 */
record ByteStats(int highBytes, int pairedHighBytes, int utf8Sequences, int utf8Errors) {

  /** Fewer non-ASCII bytes than this say too little about their shape (a name, a symbol). */
  private static final int SHAPE_MIN_BYTES = 8;

  /**
   * Legacy double-byte text read as UTF-8 has at most one well-formed sequence for two errors
   * (measured on GBK, Big5, Shift_JIS and EUC-KR pages); UTF-8 text with a few stray bytes (a
   * Latin-1 snippet pasted in, a sequence cut by a CMS) has many more.
   */
  private static final int UTF8_SEQUENCES_PER_ERROR = 4;

  private static final VarHandle WORDS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;

  /** Reads the first {@code length} bytes of {@code body}. */
  static ByteStats of(byte[] body, int length) {
    int high = 0;
    int paired = 0;
    int sequences = 0;
    int errors = 0;
    int i = 0;
    while (i < length) {
      // ASCII is nearly every byte of a page: skip it eight bytes at a time
      while (i + 8 <= length && ((long) WORDS.get(body, i) & HIGH_BITS) == 0) {
        i += 8;
      }
      if (i >= length) {
        break;
      }
      if (body[i] >= 0) {
        i++;
        continue;
      }
      int n = utf8Length(body, i, length);
      if (n > 0) {
        // a multi-byte sequence: all its bytes are high and next to one another
        sequences++;
        high += n;
        paired += n;
        i += n;
        continue;
      }
      if (n == 0) {
        break; // a sequence cut off by the end: not an error, and too short to count
      }
      errors++;
      high++;
      if (i > 0 && body[i - 1] < 0 || i + 1 < length && body[i + 1] < 0) {
        paired++;
      }
      i++;
    }
    return new ByteStats(high, paired, sequences, errors);
  }

  /** Well-formed UTF-8 with at least one non-ASCII character. */
  boolean validUtf8WithNonAscii() {
    return utf8Errors == 0 && utf8Sequences > 0;
  }

  /** UTF-8 with at most a few stray bytes. */
  boolean mostlyUtf8() {
    return utf8Errors == 0 || utf8Sequences >= UTF8_SEQUENCES_PER_ERROR * utf8Errors;
  }

  /**
   * Whether the non-ASCII bytes look like double-byte text: enough of them, most next to another.
   * Portuguese ("ações") can look so too, so this only says when to ask the detector.
   */
  boolean looksDoubleByte() {
    return highBytes >= SHAPE_MIN_BYTES && pairedHighBytes * 2 >= highBytes;
  }

  /**
   * Bytes of the first {@code length} where decoding in {@code encoding}'s strict charset fails;
   * a character cut off by the end is not counted.
   */
  static int errors(Encoding encoding, byte[] body, int length) {
    CharsetDecoder decoder = encoding.strict().newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body, 0, length);
    CharBuffer out = CharBuffer.allocate(4096);
    int errors = 0;
    while (true) {
      CoderResult r = decoder.decode(in, out, false);
      if (r.isUnderflow()) {
        return errors;
      }
      if (r.isOverflow()) {
        out.clear();
      } else {
        errors++;
        in.position(in.position() + r.length());
      }
    }
  }

  /**
   * The length of the UTF-8 sequence at {@code i} (Unicode's table of well-formed sequences: no
   * overlong forms, surrogates or code points above U+10FFFF), 0 when the bytes end inside it, -1
   * when it is not well-formed.
   */
  private static int utf8Length(byte[] b, int i, int length) {
    int lead = b[i] & 0xff;
    int n;
    int lo = 0x80;
    int hi = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
      n = 2;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      n = 3;
      lo = lead == 0xe0 ? 0xa0 : 0x80;
      hi = lead == 0xed ? 0x9f : 0xbf;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      n = 4;
      lo = lead == 0xf0 ? 0x90 : 0x80;
      hi = lead == 0xf4 ? 0x8f : 0xbf;
    } else {
      return -1;
    }
    for (int k = 1; k < n; k++) {
      if (i + k >= length) {
        return 0;
      }
      int c = b[i + k] & 0xff;
      if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xbf)) {
        return -1;
      }
    }
    return n;
  }
}
