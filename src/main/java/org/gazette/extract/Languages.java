package org.gazette.extract;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The language of a page: what its HTML declares, checked against its text, else read from the
 * text. Chinese is told apart as {@code zh-Hans} or {@code zh-Hant} by the characters that
 * differ between the two scripts; Japanese and Korean by kana and hangul; Latin-script languages
 * by their most common words.
 *
 * <p>Written here rather than taken from a language-detection library: those load n-gram models
 * of tens of megabytes and cost more per page than the whole extractor, while news pages need
 * only the script and, for Latin text, a few hundred function words to be told apart.
 */
final class Languages {

  /** Characters of the first few thousand of this much text are enough. */
  private static final int SAMPLE = 4_000;

  /** Share of letters a script needs to be the text's script. */
  private static final double SCRIPT_SHARE = 0.3;

  /** Common characters written differently in simplified and traditional Chinese. */
  private static final String SIMPLIFIED =
      "这个们来时为说国会对发过经与后还实现开关问题机动点进长间东车门马语书见从记话认让样没产业电区义边两万务"
          + "华应该学习报网络将当处总统军议员体数据际与则变导级联织权线结组决几乐亚传欧带贸费资领营";
  private static final String TRADITIONAL =
      "這個們來時為說國會對發過經與後還實現開關問題機動點進長間東車門馬語書見從記話認讓樣沒產業電區義邊兩萬務"
          + "華應該學習報網絡將當處總統軍議員體數據際與則變導級聯織權線結組決幾樂亞傳歐帶貿費資領營";

  private static final Set<Integer> SIMPLIFIED_ONLY = codePoints(SIMPLIFIED);
  private static final Set<Integer> TRADITIONAL_ONLY = codePoints(TRADITIONAL);

  /** Function words, each in one language's list only. */
  private static final FunctionWords WORDS = new FunctionWords()
      .add("en", "the of and to in is that for it with as was on be by this are from at an have"
          + " has not but which were or their they he she his her its been would will said")
      .add("de", "der die das und ist nicht ein eine den dem des sich mit auf für von zu im auch"
          + " wird werden sind wurde bei nach aus dass oder wie noch")
      .add("fr", "le la les et est des une un du dans que qui pour pas sur au sont avec ce cette"
          + " par plus été aux ont elle il ses leur mais")
      .add("es", "el los las y es en que del una por con para se su al lo como más pero sus fue"
          + " ha son este esta muy también desde")
      .add("it", "il di che è e della per non sono gli una del alla con anche nel dei ha delle"
          + " più questo stato come essere")
      .add("pt", "o os e da do que em um uma para com não dos das no na por mais foi ao seu sua"
          + " são também pelo pela")
      .add("nl", "de het een en van is dat in op te niet met voor zijn er ook aan om bij dit die"
          + " werd wordt worden naar");

  /** {@link #LETTERS} values: 0 for a character that is no letter, else its script ... */
  private static final int OTHER_LETTER = 1;
  private static final int HAN_LETTER = 2;
  private static final int KANA_LETTER = 3;
  private static final int HANGUL_LETTER = 4;
  private static final int LATIN_LETTER = 5;
  private static final int CYRILLIC_LETTER = 6;
  private static final int ARABIC_LETTER = 7;
  private static final int SCRIPTS = 8;
  private static final int SCRIPT_MASK = 7;
  /** ... and whether it is a {@link #SIMPLIFIED} or {@link #TRADITIONAL} character ... */
  private static final int SIMPLIFIED_CHAR = 8;
  private static final int TRADITIONAL_CHAR = 16;
  /** ... or, for a surrogate, that the code point is to be read from the pair ... */
  private static final int SURROGATE = 32;
  /** ... and whether it does not lower alone to one char (see {@link #latinLanguage}). */
  private static final int LOWERS_APART = 64;
  /** The number of {@link #LETTERS} values. */
  private static final int LETTER_VALUES = 128;

  /**
   * For each character of the Basic Multilingual Plane, whether it is a letter and its script,
   * worked out at load: {@link Character#isLetter} and {@link Character.UnicodeScript#of} (a
   * binary search over the script ranges) were asked for every character of every page's sample.
   */
  private static final byte[] LETTERS = new byte[Character.MAX_VALUE + 1];

  static {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      LETTERS[c] = (byte) (Character.isSurrogate((char) c) ? SURROGATE
          : letterClass(c) | (c == '\u03A3' || c == '\u0130' ? LOWERS_APART : 0));
    }
  }

  private Languages() {}

  /**
   * The page's language as a BCP 47 tag.
   *
   * @param declared what the HTML says ({@code lang}, content-language), normalized, or null
   * @param text some of the page's text, its story first
   * @return the declared tag when the text agrees with it (made more exact for bare {@code zh}),
   *     else the text's language, else the declared one; null when neither says
   */
  static String of(String declared, String text) {
    if (text == null) {
      return agreed(declared, null);
    }
    int length = Math.min(text.length(), SAMPLE);
    char[] sample = new char[length];
    text.getChars(0, length, sample, 0);
    return agreed(declared, fromSample(sample, length, !latinDeclared(declared)));
  }

  /**
   * {@link #of(String, String)} of the paragraphs joined by line breaks. Only the sample read
   * is copied, straight from the paragraphs: no string of the whole story is made.
   */
  static String of(String declared, List<String> paragraphs) {
    boolean readWords = !latinDeclared(declared);
    if (!readWords && sampleOfLatinScript(paragraphs)) {
      // no letter of a script that could outvote the declared one: fromSample would answer null
      return agreed(declared, null);
    }
    char[] sample = new char[SAMPLE];
    int length = 0;
    for (int i = 0; i < paragraphs.size() && length < SAMPLE; i++) {
      if (i > 0) {
        sample[length++] = '\n';
      }
      String p = paragraphs.get(i);
      int taken = Math.min(p.length(), SAMPLE - length);
      p.getChars(0, taken, sample, length);
      length += taken;
    }
    return agreed(declared, fromSample(sample, length, readWords));
  }

  /**
   * True if no char of the sample {@link #of(String, List)} reads is a Han, kana, Hangul,
   * Cyrillic or Arabic letter or a surrogate, so that {@link #fromSample} without reading words
   * answers null. Told without copying the sample (Latin-1 text is read as its bytes, see {@link
   * TextNormalizer#latin1}), where counting it cost a table lookup and a count a char.
   */
  private static boolean sampleOfLatinScript(List<String> paragraphs) {
    int length = 0;
    for (int i = 0; i < paragraphs.size() && length < SAMPLE; i++) {
      if (i > 0) {
        length++; // the line break between paragraphs
      }
      String p = paragraphs.get(i);
      int taken = Math.min(p.length(), SAMPLE - length);
      byte[] latin1 = TextNormalizer.latin1(p);
      for (int k = 0; k < taken; k++) {
        // Latin-1 has none of those letters: only the chars beyond it are looked up
        if ((latin1 == null || latin1[k] == '?') && mayOutvoteLatin(LETTERS[p.charAt(k)])) {
          return false;
        }
      }
      length += taken;
    }
    return true;
  }

  /** True for a {@link #LETTERS} value of a surrogate or of a letter of a script besides Latin's. */
  private static boolean mayOutvoteLatin(int letter) {
    int script = letter & SCRIPT_MASK;
    return (letter & SURROGATE) != 0
        || (script != 0 && script != OTHER_LETTER && script != LATIN_LETTER);
  }

  /**
   * True if the declared tag is of a language written in Latin script. Then {@link #agreed}
   * answers it for every Latin-script language the text may be in (and for none found): the
   * text's words need not be read, only its scripts, which tell whether the text is in another.
   */
  private static boolean latinDeclared(String declared) {
    if (declared == null) {
      return false;
    }
    String[] parts = declared.split("-");
    return parts.length > 0 && scriptOf(parts[0].toLowerCase(Locale.ROOT)).equals("latin");
  }

  private static String agreed(String declared, String found) {
    if (declared == null) {
      return found;
    }
    if (found == null) {
      return declared;
    }
    String declaredLanguage = declared.split("-")[0].toLowerCase(Locale.ROOT);
    String foundLanguage = found.split("-")[0];
    if (!scriptOf(declaredLanguage).equals(scriptOf(foundLanguage))) {
      return found; // lang="en" on a page of Chinese text: the template's, not the story's
    }
    if (declared.equalsIgnoreCase("zh") && found.startsWith("zh-")) {
      return found;
    }
    return declared;
  }

  /** The text's language, or null when there is too little text to tell. */
  static String fromText(String text) {
    if (text == null) {
      return null;
    }
    int length = Math.min(text.length(), SAMPLE);
    char[] sample = new char[length];
    text.getChars(0, length, sample, 0);
    return fromSample(sample, length, true);
  }

  /**
   * The language of the first {@code length} chars of {@code sample} (at most {@value #SAMPLE}),
   * or null. Read from an array rather than a string: charAt and codePointAt check the index
   * and the string's coding on every character, which the C1 compiler of crawls does not elide.
   *
   * @param readWords false to answer null rather than read which Latin-script language a text in
   *     Latin script is in
   */
  private static String fromSample(char[] sample, int length, boolean readWords) {
    // each char only counted by its LETTERS value here; letters, scripts and the rest are summed
    // from those counts after: a few operations per char rather than a dozen
    int[] counts = new int[LETTER_VALUES];
    // set by the surrogates, and below by the chars that do not lower alone to one char
    boolean lowersApart = false;
    for (int i = 0; i < length; ) {
      int k = LETTERS[sample[i]];
      if (k == SURROGATE) {
        int cp = Character.codePointAt(sample, i, length); // a lone surrogate is read as itself
        i += Character.charCount(cp);
        k = letterClass(cp);
        lowersApart = true;
      } else {
        i++;
      }
      counts[k]++;
    }
    int letters = 0;
    int[] scripts = new int[SCRIPTS];
    int simplified = 0;
    int traditional = 0;
    for (int k = 1; k < LETTER_VALUES; k++) { // 0: no letter
      int n = counts[k];
      if (n == 0) {
        continue;
      }
      letters += n;
      scripts[k & SCRIPT_MASK] += n;
      simplified += (k & SIMPLIFIED_CHAR) != 0 ? n : 0;
      traditional += (k & TRADITIONAL_CHAR) != 0 ? n : 0;
      lowersApart |= (k & LOWERS_APART) != 0;
    }
    if (letters < 20) {
      return null;
    }
    if (scripts[KANA_LETTER] > letters * 0.05) {
      return "ja"; // Japanese mixes kanji with kana; Chinese has none
    }
    if (scripts[HANGUL_LETTER] >= letters * SCRIPT_SHARE) {
      return "ko";
    }
    if (scripts[HAN_LETTER] >= letters * SCRIPT_SHARE) {
      if (simplified == traditional) {
        return "zh";
      }
      return simplified > traditional ? "zh-Hans" : "zh-Hant";
    }
    if (scripts[CYRILLIC_LETTER] >= letters * SCRIPT_SHARE) {
      return "ru";
    }
    if (scripts[ARABIC_LETTER] >= letters * SCRIPT_SHARE) {
      return "ar";
    }
    if (scripts[LATIN_LETTER] < letters * SCRIPT_SHARE || !readWords) {
      return null;
    }
    if (lowersApart) {
      char[] lower = new String(sample, 0, length).toLowerCase(Locale.ROOT).toCharArray();
      return latinLanguage(lower, lower.length);
    }
    return latinLanguage(sample, length);
  }

  /** The {@link #LETTERS} value of a code point (for a surrogate, of the lone surrogate). */
  private static int letterClass(int cp) {
    if (!Character.isLetter(cp)) {
      return 0;
    }
    int k = switch (Character.UnicodeScript.of(cp)) {
      case HAN -> HAN_LETTER;
      case HIRAGANA, KATAKANA -> KANA_LETTER;
      case HANGUL -> HANGUL_LETTER;
      case LATIN -> LATIN_LETTER;
      case CYRILLIC -> CYRILLIC_LETTER;
      case ARABIC -> ARABIC_LETTER;
      default -> OTHER_LETTER;
    };
    return k | (SIMPLIFIED_ONLY.contains(cp) ? SIMPLIFIED_CHAR : 0)
        | (TRADITIONAL_ONLY.contains(cp) ? TRADITIONAL_CHAR : 0);
  }

  /**
   * The Latin-script language of the text by its function words, or null.
   *
   * <p>The words are those of the text in lower case ({@code toLowerCase(Locale.ROOT)}): the runs
   * of letters, each looked up lowered. The text is not lowered first: each character of the
   * Basic Multilingual Plane but the surrogates, the capital sigma (whose lower case depends on
   * where it stands) and the dotted capital I (two characters in lower case) lowers alone to one
   * character by {@link Character#toLowerCase(int)}, a letter exactly when it is one (checked for
   * each). Text with one of those others comes here lowered already, which lowering again keeps.
   */
  private static String latinLanguage(char[] text, int length) {
    Votes votes = new Votes();
    // the words are the runs of letters, split by hand: a regex split cost more than the voting
    int start = -1;
    for (int i = 0; i < length; i++) {
      int k = LETTERS[text[i]];
      boolean letter = k != 0;
      int width = 1;
      if (k == SURROGATE) { // rare: no code point read for other chars
        int cp = Character.codePointAt(text, i, length); // a lone surrogate is read as itself
        letter = Character.isLetter(cp);
        width = Character.charCount(cp);
      }
      if (letter && start < 0) {
        start = i;
      } else if (!letter && start >= 0) {
        votes.add(WORDS.language(text, start, i));
        start = -1;
      }
      i += width - 1;
    }
    if (start >= 0) {
      votes.add(WORDS.language(text, start, length));
    }
    return votes.best();
  }

  /** The votes of a text's words for the languages of {@link #WORDS}. */
  private static final class Votes {
    private final int[] votes = new int[WORDS.languages().size()];
    /**
     * The languages in the order of their first vote: ties go to the first met in a HashMap of
     * the votes, as they always have, and where keys collide ("es", "nl") that order depends on
     * the order in which merge added them.
     */
    private final int[] voted = new int[votes.length];
    private int languagesVoted;
    private int words;

    /** Counts a word, and its vote when it is a function word (language not -1). */
    void add(int language) {
      words++;
      if (language >= 0 && votes[language]++ == 0) {
        voted[languagesVoted++] = language;
      }
    }

    /** The language with the most votes, if a few words in a hundred voted for it; or null. */
    String best() {
      Map<String, Integer> byLanguage = new HashMap<>();
      for (int v = 0; v < languagesVoted; v++) {
        byLanguage.merge(WORDS.languages().get(voted[v]), votes[voted[v]], Integer::sum);
      }
      String best = null;
      int bestVotes = 0;
      for (Map.Entry<String, Integer> e : byLanguage.entrySet()) {
        if (e.getValue() > bestVotes) {
          best = e.getKey();
          bestVotes = e.getValue();
        }
      }
      // a few function words per hundred: prose, not a list of names
      return bestVotes >= 3 && bestVotes * 20 >= words ? best : null;
    }
  }

  /** The script family a language is written in, to tell whether text can be in it. */
  private static String scriptOf(String language) {
    return switch (language) {
      case "zh", "ja", "ko" -> "cjk";
      case "ru", "uk", "bg", "sr", "mk", "be" -> "cyrillic";
      case "ar", "fa", "ur" -> "arabic";
      default -> "latin";
    };
  }

  private static Set<Integer> codePoints(String s) {
    Set<Integer> out = new HashSet<>();
    s.codePoints().forEach(out::add);
    return out;
  }
}
