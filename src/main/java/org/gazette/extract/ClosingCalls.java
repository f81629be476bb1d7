package org.gazette.extract;

import java.util.regex.Pattern;

/**
 * The calls to action that close a story inside its own container: subscribe, sign up for the
 * newsletter, follow us on Twitter, download our app, share this article, the copyright notice,
 * "comments appear after moderation", and the bare labels left over from a box below the story
 * ({@code Tags}, {@code Kontakt}, {@code - Anzeige -}). Readers skip them and downstream tools
 * count them as text, so the body ends before them. Only the story's last lines are checked,
 * and each must be short: the same words inside the story are the story's.
 */
final class ClosingCalls {

  /** A call is a line or two; a long paragraph that mentions a newsletter is the story's. */
  static final int MAX_LENGTH = 300;

  /** At most this many lines are taken off a story's end. */
  static final int MAX_LINES = 3;

  // Phrases, not words: "subscribers", "app" and "copyright" alone end many real stories.
  private static final Pattern CALL = Pattern.compile(String.join("|",
      // subscribe, sign up, log in
      "^subscribe\\b", "subscribe (?:now|today|here)", "please subscribe", "subscribe to our",
      "subscribers? (?:also )?receive",
      "already a subscriber", "become a subscriber", "suscr[ií]bete", "suscribirse",
      "suscr[ií]base", "do subskrypcji",
      "abonnier(?:en sie|e|t) (?:uns|unseren|jetzt)", "jetzt abonnieren",
      "(?:unseren?|our|nuestra|nuestro|notre|la nostra)\\s\\S*newsletter",
      "sign up (?:here|now|today)", "(?:^|[.!?] )sign up for .{0,40}\\b(?:today|now)\\b",
      "sign up for (?:the |our |a )?(?:free )?(?:daily |weekly )?newsletter",
      "delivered (?:straight |right )?to your inbox",
      "(?:müssen|musst) (?:sie |du )?(?:sich|dich) .{0,20}einloggen", "nicht eingeloggt",
      "log in for immediate access", "log in to (?:read|continue)",
      // follow us, our apps and channels
      "\\bfollow us on (?:twitter|facebook|instagram|x|linkedin|tiktok|youtube)\\b",
      "(?:^|[.!?] )follow \\S+(?: \\S+){0,5} on (?:twitter|facebook|instagram|x|linkedin"
          + "|tiktok|youtube)\\b",
      "we(?:'|’)d (?:like|love) to hear (?:from you|what you think)",
      "folg(?:e|t) uns", "seguir a \\w+ en (?:facebook|twitter|instagram|x)\\b", "síguenos",
      "download our .{0,40}\\bapps?\\b", "download .{0,40}\\bapps? (?:for|für|on) ",
      "straight to your (?:phone|inbox)", "suivez-nous", "abonnez-vous", "siga-nos", "seguici su",
      "obserwuj nas", "[扫掃](?:描|一[扫掃])[^。]{0,12}二[维維]",
      "[关關]注(?:我[们們]|微[信博]|公[众眾][号號])",
      "下[载載](?:app|客[户戶]端)",
      "(?:nuestro|our|unser(?:en)?) (?:canal|channel|kanal) (?:de |on )?"
          + "(?:telegram|whatsapp|youtube)",
      "tenemos canal de",
      // rights
      "^(?:©|copyright\\b)", "copyrighted property", "all rights reserved",
      "alle rechte vorbehalten", "derechos reservados", "direitos reservados", "droits réservés",
      "diritti riservati", "riproduzione riservata", "prawa zastrzeżone",
      "without (?:the |our )?(?:prior )?written permission", "written permission must",
      "版[权權]所有", "未[经經](?:授[权權]|許可|许可)[^。]{0,10}(?:[转轉][载載]|使用|複製|复制)",
      "不得[转轉][载載]", "無断転載", "無断複製",
      // support and share
      "support our (?:work|journalism)", "unterstützen sie (?:uns|unsere)", "artikel teilen",
      "share this (?:article|story|post)",
      // comments
      "kommentare? erscheinen", "^keine kommentare", "^no comments", "^\\d* ?comments?$",
      "^tell us what you think", "^leave a (?:comment|reply)", "^post a comment",
      "^join the (?:conversation|discussion)",
      // labels of what followed the story
      "^- ?anzeige ?-$", "^anzeige$", "^kontakt:?$", "^contact(?: us)?:?$", "^tags:?$",
      "^permalien", "^permalink", "^mehr themen", "^schon gelesen", "^lesen sie auch",
      "^read more", "^publiziert:", "^aktualisiert am", "^video verfügbar", "^category ?:"),
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /**
   * The heading of a box that follows the story ("Tags", "Read also", "Kontakt", "相關閱讀"): it
   * and every line after it are the box's, whatever they say.
   */
  private static final Pattern BOX_LABEL = Pattern.compile(
      "^(?:tags|schlagworte|schlagwörter|themen|schon gelesen\\??|lesen sie auch|lies auch"
          + "|auch interessant|das könnte sie auch interessieren|weitere artikel|read more"
          + "|read also|related(?: articles| stories)?|more stories|you may also like|see also"
          + "|kontakt|contact|audios et vidéos sur le sujet|leia também|lee también"
          + "|te puede interesar|czytaj (?:też|także)|相[关關][阅閱][读讀]|相[关關]推[荐薦]"
          + "|延伸[阅閱][读讀])\\s*[:：]?$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /**
   * The heading of a box of other stories ("You may also like", "Você pode gostar...", "Leggi
   * anche"): past the story's middle, it ends the story however many lines follow it, since the
   * teasers it heads may be whole paragraphs without a link.
   */
  private static final Pattern RELATED_LABEL = Pattern.compile(
      "^(?:you (?:may|might) also (?:like|enjoy)|related (?:posts|articles|stories|news|content)"
          + "|recommended(?: for you| stories| articles| reading)?|more stories|read next"
          + "|most (?:popular|read)|popular posts|recent posts|latest news|trending now"
          + "|more from (?:\\S+ ?){1,4}|also on (?:\\S+ ?){1,4}"
          + "|voc[eê] (?:tamb[eé]m )?pode gostar|veja tamb[eé]m|leia tamb[eé]m|leia mais"
          + "|(?:posts|artigos|not[ií]cias|mat[eé]rias) relacionad[oa]s"
          + "|(?:tambi[eé]n )?te puede interesar|te podr[ií]a interesar|lee tambi[eé]n"
          + "|(?:noticias|art[ií]culos) relacionad[oa]s|m[aá]s noticias"
          + "|leggi anche|(?:ti )?potrebbe(?:ro)? (?:anche )?interessarti|articoli correlati"
          + "|[àa] lire aussi|lire aussi|vous aimerez aussi|sur le m[êe]me sujet"
          + "|articles similaires|das k[öo]nnte (?:sie|dich) auch interessieren"
          + "|auch interessant|weitere artikel|[äa]hnliche artikel|lesen sie auch"
          + "|czytaj (?:też|także)|相[关關][阅閱][读讀]|相[关關]推[荐薦]|延伸[阅閱][读讀]"
          + "|猜你喜[欢歡]|推[荐薦][阅閱][读讀])\\s*(?:\\.\\.\\.|…)?\\s*[:：]?$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Box labels are a few words. */
  private static final int MAX_LABEL_LENGTH = 60;

  private ClosingCalls() {}

  /** True if {@code line}, among a story's last lines, heads a box that is not the story. */
  static boolean isBoxLabel(String line) {
    return line.length() <= MAX_LABEL_LENGTH && BOX_LABEL.matcher(line.strip()).find();
  }

  /** True if {@code line} heads a box of other stories ({@link #RELATED_LABEL}). */
  static boolean isRelatedLabel(String line) {
    return line.length() <= MAX_LABEL_LENGTH && RELATED_LABEL.matcher(line.strip()).find();
  }

  /** True if {@code line}, found at a story's end, is a call to action and not the story. */
  static boolean isCall(String line) {
    return line.length() <= MAX_LENGTH && CALL.matcher(line).find();
  }
}
