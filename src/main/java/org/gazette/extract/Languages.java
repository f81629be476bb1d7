package org.gazette.extract;

import java.util.HashMap;
import java.util.HashSet;
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
  private static final Map<String, String> WORDS = new HashMap<>();

  static {
    words("en", "the of and to in is that for it with as was on be by this are from at an have"
        + " has not but which were or their they he she his her its been would will said");
    words("de", "der die das und ist nicht ein eine den dem des sich mit auf für von zu im auch"
        + " wird werden sind wurde bei nach aus dass oder wie noch");
    words("fr", "le la les et est des une un du dans que qui pour pas sur au sont avec ce cette"
        + " par plus été aux ont elle il ses leur mais");
    words("es", "el los las y es en que del una por con para se su al lo como más pero sus fue"
        + " ha son este esta muy también desde");
    words("it", "il di che è e della per non sono gli una del alla con anche nel dei ha delle"
        + " più questo stato come essere");
    words("pt", "o os e da do que em um uma para com não dos das no na por mais foi ao seu sua"
        + " são também pelo pela");
    words("nl", "de het een en van is dat in op te niet met voor zijn er ook aan om bij dit die"
        + " werd wordt worden naar");
  }

  /** The length of the longest word voted for: longer words need no lookup (nor substring). */
  private static final int LONGEST_WORD =
      WORDS.keySet().stream().mapToInt(String::length).max().orElse(0);

  /**
   * The script of each character of the Basic Multilingual Plane, worked out at load: {@link
   * Character.UnicodeScript#of} is a binary search over the script ranges, and it was asked for
   * every letter of every page's sample.
   */
  private static final Character.UnicodeScript[] BMP_SCRIPTS =
      new Character.UnicodeScript[Character.MAX_VALUE + 1];

  static {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      BMP_SCRIPTS[c] = Character.UnicodeScript.of(c);
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
    String found = fromText(text);
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
    String sample = text.length() > SAMPLE ? text.substring(0, SAMPLE) : text;
    int letters = 0;
    int han = 0;
    int kana = 0;
    int hangul = 0;
    int latin = 0;
    int cyrillic = 0;
    int arabic = 0;
    int simplified = 0;
    int traditional = 0;
    for (int i = 0; i < sample.length(); ) {
      int cp = sample.codePointAt(i);
      i += Character.charCount(cp);
      if (!isLetter(cp)) {
        continue;
      }
      letters++;
      Character.UnicodeScript script =
          cp <= Character.MAX_VALUE ? BMP_SCRIPTS[cp] : Character.UnicodeScript.of(cp);
      switch (script) {
        case HAN -> {
          han++;
          simplified += SIMPLIFIED_ONLY.contains(cp) ? 1 : 0;
          traditional += TRADITIONAL_ONLY.contains(cp) ? 1 : 0;
        }
        case HIRAGANA, KATAKANA -> kana++;
        case HANGUL -> hangul++;
        case LATIN -> latin++;
        case CYRILLIC -> cyrillic++;
        case ARABIC -> arabic++;
        default -> { }
      }
    }
    if (letters < 20) {
      return null;
    }
    if (kana > letters * 0.05) {
      return "ja"; // Japanese mixes kanji with kana; Chinese has none
    }
    if (hangul >= letters * SCRIPT_SHARE) {
      return "ko";
    }
    if (han >= letters * SCRIPT_SHARE) {
      if (simplified == traditional) {
        return "zh";
      }
      return simplified > traditional ? "zh-Hans" : "zh-Hant";
    }
    if (cyrillic >= letters * SCRIPT_SHARE) {
      return "ru";
    }
    if (arabic >= letters * SCRIPT_SHARE) {
      return "ar";
    }
    return latin >= letters * SCRIPT_SHARE ? latinLanguage(sample) : null;
  }

  /** {@link Character#isLetter(int)}, answered without a table lookup for ASCII. */
  private static boolean isLetter(int cp) {
    if (cp < 128) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    }
    return Character.isLetter(cp);
  }

  private static String latinLanguage(String text) {
    Map<String, Integer> votes = new HashMap<>();
    int words = 0;
    // the words are the runs of letters, split by hand: a regex split cost more than the voting
    String lower = text.toLowerCase(Locale.ROOT);
    int start = -1;
    for (int i = 0; i <= lower.length(); ) {
      int cp = i < lower.length() ? lower.codePointAt(i) : ' ';
      boolean letter = isLetter(cp);
      if (letter && start < 0) {
        start = i;
      } else if (!letter && start >= 0) {
        words++;
        String lang = i - start > LONGEST_WORD ? null : WORDS.get(lower.substring(start, i));
        if (lang != null) {
          votes.merge(lang, 1, Integer::sum);
        }
        start = -1;
      }
      i += i < lower.length() ? Character.charCount(cp) : 1;
    }
    String best = null;
    int bestVotes = 0;
    for (Map.Entry<String, Integer> e : votes.entrySet()) {
      if (e.getValue() > bestVotes) {
        best = e.getKey();
        bestVotes = e.getValue();
      }
    }
    // a few function words per hundred: prose, not a list of names
    return bestVotes >= 3 && bestVotes * 20 >= words ? best : null;
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

  private static void words(String lang, String list) {
    for (String w : list.split(" ")) {
      // a word common to two languages votes for the first listed
      WORDS.putIfAbsent(w, lang);
    }
  }

  private static Set<Integer> codePoints(String s) {
    Set<Integer> out = new HashSet<>();
    s.codePoints().forEach(out::add);
    return out;
  }
}
