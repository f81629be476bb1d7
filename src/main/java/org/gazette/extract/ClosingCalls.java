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
  static final int MAX_LENGTH = 400;

  /** At most this many lines are taken off a story's end. */
  static final int MAX_LINES = 3;

  // Phrases, not words: "subscribers", "app" and "copyright" alone end many real stories.
  private static final Pattern CALL = Pattern.compile(String.join("|",
      // subscribe, sign up, log in
      "subscribe (?:now|today|to|for|here)", "subscribers? (?:also )?receive",
      "already a subscriber", "become a subscriber", "suscr[ií]b", "subskrypc",
      "abonnier(?:en sie|e|t) (?:uns|unseren|jetzt)", "jetzt abonnieren", "newsletter",
      "sign up (?:here|now|today)", "melde dich", "einloggen", "eingeloggt",
      "log in (?:for|to)",
      // follow us, our apps and channels
      "follow (?:us|\\w+ \\w+) on (?:twitter|facebook|instagram|x|linkedin|tiktok|youtube)",
      "folg(?:e|t) uns", "seguir a \\w+ en", "síguenos",
      "download (?:the|our) .{0,40}\\bapps?\\b", "\\bapps? (?:for|für) (?:ios|android)",
      "straight to your (?:phone|inbox)",
      "(?:canal|channel) (?:de|on) (?:telegram|whatsapp|youtube)", "youtube[- ]kanal",
      // rights
      "^(?:©|copyright\\b)", "copyrighted property", "all rights reserved", "alle rechte vorbehalten",
      "derechos reservados", "written permission",
      // support and share
      "support our (?:work|journalism)", "unterstützen sie (?:uns|unsere)", "artikel teilen",
      "share (?:this|the) (?:article|story|post)",
      // comments
      "kommentare? erscheinen", "^keine kommentare", "^no comments",
      // labels of what followed the story
      "^- ?anzeige ?-$", "^anzeige$", "^kontakt:?$", "^contact(?: us)?:?$", "^tags:?$",
      "^permalien", "^permalink", "^mehr themen", "^schon gelesen", "^lesen sie auch",
      "^read more", "^publiziert:", "^aktualisiert am", "^video verfügbar", "^category ?:"),
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private ClosingCalls() {}

  /** True if {@code line}, found at a story's end, is a call to action and not the story. */
  static boolean isCall(String line) {
    return line.length() <= MAX_LENGTH && CALL.matcher(line).find();
  }
}
