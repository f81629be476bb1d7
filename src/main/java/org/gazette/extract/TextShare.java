package org.gazette.extract;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * How a page's text is shared among its elements, counted once per page in one walk: the weight
 * ({@link TextNormalizer#weight}) of each element's text, of its links' text, and of its plain
 * text (text outside links).
 *
 * <p>A block that holds most of the page's plain text is where the story is, whatever its class
 * name says: {@code layoutTwoColumnsRightSidebar}, an ASP.NET page-wide {@code <form>}, a body
 * classed {@code related-products}. The text and link weights give link densities without
 * taking the text of every nested block again, which is quadratic on deep pages.
 *
 * <p>It also counts the ASCII digits, colons and {@linkplain RelativeTimes#isMark relative time
 * marks} of each element's text, so that finders looking for dates, times or labels ({@code
 * 來源:}) pass over elements that cannot hold one without taking their text. Normalizing text
 * ({@link TextNormalizer#normalize}) adds none of these characters. And it counts characters
 * that normalizing never drops, for a lower bound of the length of an element's text normalized:
 * finders wanting short lines pass over long elements without taking their text.
 */
final class TextShare {

  /** An element holding at least this share of the page's plain text holds most of it. */
  private static final double MOST = 0.4;

  /** ... and at least this much text (about two sentences). */
  private static final int MIN_WEIGHT = 250;

  /** The sums of one element's subtree. */
  private static final class Sums {
    int plain;
    int text;
    int links;
    int digits;
    int colons;
    int timeMarks;
    /** ASCII letters and digits, and Han characters of the main block (U+4E00 to U+9FFF). */
    int lettersDigitsHan;
    /** The same but lower case ASCII letters, which pinyin removal may drop. */
    int upperDigitsHan;
    /** Opening parentheses, without which there is no pinyin to remove. */
    int parentheses;
    /** Commas, semicolons and full stops of {@link #punctuation}. */
    int punctuation;
    /** False if a character makes the sum differ from the weight of {@link Element#text()}. */
    boolean exact = true;
    /**
     * The weight of {@link Element#text()} once taken for an element that is not exact, or -1:
     * finders ask again for the same ancestors (every headline link climbs through them).
     */
    int taken = -1;
  }

  private final Map<Element, Sums> sums = new IdentityHashMap<>();
  private final int total;

  private TextShare(Document doc) {
    Element body = PageMeta.body(doc); // read-only: doc.body() would add a <body>
    if (body != null) {
      NodeTraversor.traverse(new Counter(), body);
    }
    total = body == null ? 0 : plainWeight(body);
  }

  static TextShare of(Document doc) {
    return new TextShare(doc);
  }

  /** The weight of the text outside links in the element. */
  int plainWeight(Element e) {
    Sums s = sums.get(e);
    return s == null ? 0 : s.plain;
  }

  /** True if the element holds most of the page's text outside links. */
  boolean holdsMost(Element e) {
    int w = plainWeight(e);
    return w >= MIN_WEIGHT && w >= MOST * total;
  }

  /**
   * False if the element's text cannot hold a date {@link DateParser} reads: it has fewer than
   * four ASCII digits, and every form read has at least four (a four-digit year, or day, month
   * and a two-digit year). True for elements outside the body, which are not counted.
   */
  boolean mayHoldDate(Element e) {
    Sums s = sums.get(e);
    return s == null || s.digits >= 4;
  }

  /**
   * A length that {@code TextNormalizer.normalize(e.text())} surely has: each ASCII letter or
   * digit and each Han character stays one character (composing and space folding keep them),
   * except lower case letters after an opening parenthesis, which pinyin removal may drop. 0 for
   * elements outside the body.
   */
  int minNormalizedLength(Element e) {
    Sums s = sums.get(e);
    return s == null ? 0 : s.parentheses == 0 ? s.lettersDigitsHan : s.upperDigitsHan;
  }

  /**
   * False if the element's text can hold neither a date (see {@link #mayHoldDate}) nor a
   * relative time ({@link RelativeTimes#mayHold}). True for elements outside the body.
   */
  boolean mayHoldTime(Element e) {
    Sums s = sums.get(e);
    return s == null || s.digits >= 4 || s.timeMarks > 0;
  }

  /**
   * False if the element's text has no colon ({@code :} or {@code ：}), which every labelled
   * value ({@code 責任編輯: 連政}) has. True for elements outside the body.
   */
  boolean mayHoldColon(Element e) {
    Sums s = sums.get(e);
    return s == null || s.colons > 0;
  }

  /** {@code TextNormalizer.weight(e.text())}, without taking the text when the sums allow. */
  int textWeight(Element e) {
    Sums s = sums.get(e);
    if (s == null) {
      return TextNormalizer.weight(e.text());
    }
    if (s.exact) {
      return s.text;
    }
    if (s.taken < 0) {
      s.taken = TextNormalizer.weight(e.text()); // the document no longer changes
    }
    return s.taken;
  }

  /** The sum of {@link #textWeight} over the element's {@code <a>} elements, itself included. */
  int linkWeight(Element e) {
    Sums s = sums.get(e);
    if (s != null) {
      return s.links;
    }
    int links = 0; // outside the body: not counted
    for (Element a : e.select("a")) {
      links += textWeight(a);
    }
    return links;
  }

  /**
   * How many of {@code ,，、。;；} the element's text holds, as {@link ContentFinder} counts them
   * to weigh a paragraph's vote, or -1 when the sums do not tell (outside the body, or a text
   * whose weight is not {@linkplain #textWeight exact}): then take the text.
   */
  int punctuation(Element e) {
    Sums s = sums.get(e);
    return s != null && s.exact ? s.punctuation : -1;
  }

  /** {@link #ASCII_KINDS} bits. */
  private static final int DIGIT = 1;
  private static final int COLON = 2;
  private static final int TIME_MARK = 4;
  private static final int UPPER = 8;
  private static final int LOWER = 16;
  private static final int PARENTHESIS = 32;
  /** A control character that is not whitespace: see {@link #countKinds}. */
  private static final int CONTROL = 64;
  /** A comma or a semicolon: see {@link #punctuation}. */
  private static final int PUNCTUATION = 128;

  /** The kinds counted of each ASCII character. */
  private static final short[] ASCII_KINDS = new short[128];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII_KINDS[c] = (short) ((c >= '0' && c <= '9' ? DIGIT : 0) | (c == ':' ? COLON : 0)
          | (RelativeTimes.isMark(c) ? TIME_MARK : 0) | (c >= 'A' && c <= 'Z' ? UPPER : 0)
          | (c >= 'a' && c <= 'z' ? LOWER : 0) | (c == '(' ? PARENTHESIS : 0)
          | (c < ' ' && !Character.isWhitespace(c) ? CONTROL : 0)
          | (c == ',' || c == ';' ? PUNCTUATION : 0));
    }
  }

  /**
   * Adds a text node's digits, colons, time marks, letters and parentheses to the sums, and
   * weighs it in the same pass (every text node of the page is read here).
   *
   * <p>Clears {@link Sums#exact} unless {@link Element#text()} keeps every character of this
   * text node that {@link TextNormalizer#weight} counts: it drops zero-width spaces and soft
   * hyphens (outside {@code <pre>}) and trims control characters at its ends, and text nodes are
   * joined, which pairs lone surrogates. Pages with such characters are rare; their elements
   * take the text for its weight.
   *
   * @return {@code TextNormalizer.weight(text)}
   */
  private static int countKinds(String text, Sums s) {
    int n = text.length();
    int controls = 0;
    boolean exact = true;
    int digits = 0;
    int colons = 0;
    int timeMarks = 0;
    int upperDigits = 0;
    int lettersDigits = 0;
    int han = 0;
    int parentheses = 0;
    int punctuation = 0;
    int weight = 0;
    byte[] latin1 = TextNormalizer.latin1(text);
    for (int i = 0; i < n; ) {
      // an ASCII character's kinds are added packed, two longs of fields for nine counts
      // tested and added one by one; unpacked after each chunk, before a field can overflow.
      // The chunk runs on from where the last one stopped: a surrogate pair may cross its end.
      long a = 0;
      long b = 0;
      int chunkEnd = Math.min(n, i + PACKED_CHUNK);
      for (; i < chunkEnd; i++) {
        char c = latin1 != null ? (char) (latin1[i] & 0xFF) : text.charAt(i);
        if (c == '?') {
          c = text.charAt(i); // see TextNormalizer.latin1
        }
        if (c < 128) {
          a += ASCII_A[c];
          b += ASCII_B[c];
          continue;
        }
        weight += TextNormalizer.charWeight(c); // a surrogate's is added below
        if (c == 0x200B || c == 0x00AD) {
          exact = false;
        } else if (Character.isSurrogate(c)) {
          if (Character.isHighSurrogate(c) && i + 1 < n
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            // a whole pair: a character beyond the BMP, none of the kinds counted
            i++;
            weight += TextNormalizer.codePointWeight(Character.toCodePoint(c, text.charAt(i)));
            continue;
          }
          weight += TextNormalizer.codePointWeight(c); // weighed alone, as weight() does
          exact = false;
        }
        colons += c == '：' ? 1 : 0;
        timeMarks += RelativeTimes.isMark(c) ? 1 : 0;
        han += c >= '\u4E00' && c <= '\u9FFF' ? 1 : 0;
        parentheses += c == '（' ? 1 : 0;
        punctuation += c == '，' || c == '、' || c == '。' || c == '；' ? 1 : 0;
      }
      digits += field(a, 0);
      colons += field(a, 1);
      timeMarks += field(a, 2);
      upperDigits += field(a, 3);
      lettersDigits += field(a, 4);
      parentheses += field(b, 0);
      punctuation += field(b, 1);
      controls += field(b, 2);
      weight += field(b, 3);
    }
    s.digits += digits;
    s.colons += colons;
    s.timeMarks += timeMarks;
    s.upperDigitsHan += upperDigits + han;
    s.lettersDigitsHan += lettersDigits + han;
    s.parentheses += parentheses;
    s.punctuation += punctuation;
    s.exact &= exact && controls == 0;
    return weight;
  }

  /** Bits of each packed field; a chunk adds at most one per character to each. */
  private static final int FIELD_BITS = 12;

  /** Characters counted packed before the fields are unpacked. */
  private static final int PACKED_CHUNK = (1 << FIELD_BITS) - 1;

  /**
   * Per ASCII character, packed in fields of {@link #FIELD_BITS}: digit, colon, time mark, upper
   * case letter or digit, letter or digit.
   */
  private static final long[] ASCII_A = new long[128];

  /** ... and opening parenthesis, comma or semicolon, control character, weight. */
  private static final long[] ASCII_B = new long[128];

  static {
    for (char c = 0; c < 128; c++) {
      int k = ASCII_KINDS[c];
      boolean digit = (k & DIGIT) != 0;
      boolean upper = (k & UPPER) != 0;
      boolean lower = (k & LOWER) != 0;
      ASCII_A[c] = packed(digit, (k & COLON) != 0, (k & TIME_MARK) != 0, upper || digit,
          upper || lower || digit);
      ASCII_B[c] = packed((k & PARENTHESIS) != 0, (k & PUNCTUATION) != 0, (k & CONTROL) != 0,
          false, false) | ((long) TextNormalizer.charWeight(c) << (3 * FIELD_BITS));
    }
  }

  private static long packed(boolean... fields) {
    long packed = 0;
    for (int f = 0; f < fields.length; f++) {
      packed |= (fields[f] ? 1L : 0L) << (f * FIELD_BITS);
    }
    return packed;
  }

  private static int field(long packed, int f) {
    return (int) (packed >>> (f * FIELD_BITS)) & ((1 << FIELD_BITS) - 1);
  }

  private final class Counter implements NodeVisitor {
    private int linkDepth;
    /** The sums of the elements open at this point of the walk, the innermost first. */
    private final ArrayDeque<Sums> open = new ArrayDeque<>();

    @Override
    public void head(Node node, int depth) {
      if (node instanceof Element e) {
        Sums s = new Sums();
        sums.put(e, s);
        open.push(s);
        if (e.normalName().equals("a")) {
          linkDepth++;
        }
      } else if (node instanceof TextNode t && t.parent() != null) {
        String text = t.getWholeText();
        Sums s = open.peek(); // the text's parent: no map lookup per text node
        int w = countKinds(text, s);
        s.text += w;
        if (linkDepth == 0) {
          s.plain += w;
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element e) {
        Sums s = open.pop();
        if (e.normalName().equals("a")) {
          linkDepth--;
          s.links += textWeight(e);
        }
        // children are done: hand this element's sums up to its parent
        if (depth > 0 && e.parent() != null) {
          Sums up = open.peek(); // the parent's, still open
          up.plain += s.plain;
          up.text += s.text;
          up.links += s.links;
          up.digits += s.digits;
          up.colons += s.colons;
          up.timeMarks += s.timeMarks;
          up.lettersDigitsHan += s.lettersDigitsHan;
          up.upperDigitsHan += s.upperDigitsHan;
          up.parentheses += s.parentheses;
          up.punctuation += s.punctuation;
          up.exact &= s.exact;
        }
      }
    }
  }
}
