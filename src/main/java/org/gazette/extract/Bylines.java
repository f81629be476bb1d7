package org.gazette.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * The people who wrote a page: names from its meta tags and JSON-LD, else from its byline
 * markup ({@code rel=author}, {@code itemprop=author}, an element whose class names an author
 * or byline, a link to an author page), else from a printed byline ({@code Von X und Y},
 * {@code By X}, {@code Text: X}). Names that are the site's own, e-mail addresses and web
 * addresses are dropped; login handles and desk names ({@code Redaktion}) are kept only when no
 * person is named.
 */
final class Bylines {

  /** What a byline starts with before the names: "By", "Von", "Text:", "Autor:", "作者:". */
  static final Pattern PREFIX = Pattern.compile(
      "^(?:(?:written|posted|text|story|reported|words|geschrieben|eingestellt|gespeichert|"
          + "verfasst|ein beitrag|text und fotos?|text & fotos?)\\s+(?:by|von)"
          + "|by|von|vom|par|por|door|di|text|texto|autor|autorin|autoren|author|authors|"
          + "auteur|redakteur|redakteurin|作者|記者|记者)(?:\\s*[:：]\\s*|\\s+)",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Between names: commas, semicolons, an ampersand, a slash with spaces. */
  static final Pattern SEPARATOR = Pattern.compile("\\s*[,，;；、&]\\s*|\\s+/\\s+");

  /**
   * "And" in the page's languages: it joins two names ("Jane Doe und Ali Khan") but also the
   * words of an organization's name ("Ministerium für Wirtschaft und Klimaschutz").
   */
  static final Pattern CONJUNCTION = Pattern.compile(
      "\\s+(?:and|und|y|e|et|en|i|og|och)\\s+|\\s和\\s", Pattern.CASE_INSENSITIVE);

  /**
   * Where the names end: a bar, bullet or dash before a date or a role, a bracket, a slash
   * before an agency or a place ("Peter Maahn/SP-X"), "am"/"on" before a date, a line break.
   */
  private static final Pattern END = Pattern.compile(
      "\\s[|·•–—-]\\s|\\s[|·•]$|[|•·(\\[\\n/]|\\s(?:am|on|le|el|em|il|op|um|at)\\s+\\d"
          + "|\\s(?:am|on)\\s+\\p{Lu}\\p{Ll}+\\s+\\d");

  /** A date or a publishing word before the names: what ends with "by"/"von" is cut. */
  private static final Pattern AFTER_DATE = Pattern.compile(
      "(?i)^(?:posted|published|veröffentlicht|publiziert|geschrieben|erstellt|eingestellt|"
          + "publicado|publié|\\d|on |am ).{0,60}?\\s(?:by|von|par|por)\\s+");

  /** A short label before the names, with a colon: "Interview:", "Fotos und Text:". */
  private static final Pattern LABEL = Pattern.compile("^[\\p{L} ]{1,24}:\\s+(?=\\p{Lu})");

  /** Words of a desk, not a person: a name with one of these is kept only if nothing else is. */
  private static final Pattern DESK = Pattern.compile(
      "(?i)\\b(?:redaktion|staff|editors?|editorial|team|admin|administrator|newsroom|"
          + "redacción|rédaction|redação|webmaster|desk|agencies|agency|agencia|agence|"
          + "online|no author|gast|guest|pressestelle)\\b");

  /** Words of a byline's other parts, never of a name: "Posted on", "Alle Beiträge". */
  private static final Pattern NOT_NAME = Pattern.compile(
      "(?iu)\\b(?:posted|published|veröffentlicht|publiziert|aktualisiert|updated|am|on|um|uhr|"
          + "lesezeit|read|zeige|show|alle|all|beiträge|posts|artikel|articles|mehr|more|auteurs|"
          + "autoren|authors|autor|author|kommentare?|comments?|teilen|share|article|beitrag|"
          + "herausgeber|publisher|ceo|termine)\\b");

  /** A social media handle after a name. */
  private static final Pattern HANDLE = Pattern.compile("\\s@\\w+");

  /** The lower-case words of names: "Ursula von der Leyen", "Jose de la Cruz". */
  private static final Set<String> PARTICLES = Set.of("von", "vom", "van", "der", "den", "de",
      "da", "das", "dos", "del", "della", "dei", "di", "du", "la", "le", "les", "zu", "zum", "y",
      "e", "bin", "ibn", "al", "el", "ten", "ter");

  /** A person's name is short: a few words. */
  private static final int MAX_NAME_WORDS = 5;

  /** A byline's text is short: the names, maybe a date and a role. */
  private static final int MAX_BYLINE_CHARS = 120;

  private Bylines() {}

  /**
   * The names in a byline's text, in order: its prefix ({@code By}, {@code Von}) and whatever
   * follows the names (a date, a bar and a role) cut off, then split at commas and "and".
   */
  static List<String> names(String raw) {
    String text = TextNormalizer.normalize(
        raw.contains("&") ? org.jsoup.parser.Parser.unescapeEntities(raw, false) : raw);
    Matcher after = AFTER_DATE.matcher(text);
    if (after.find()) {
      text = text.substring(after.end()); // "Posted on May 3, 2021 by Jane Doe"
    }
    text = PREFIX.matcher(text).replaceFirst("");
    text = LABEL.matcher(text).replaceFirst(""); // "Interview: Jane Doe"
    int cut = text.length();
    Matcher end = END.matcher(text);
    if (end.find()) {
      cut = end.start();
    }
    java.util.Optional<DateParser.Match> date =
        DateParser.findFirst(text, java.time.ZoneOffset.UTC);
    if (date.isPresent()) {
      cut = Math.min(cut, date.get().start());
    }
    text = text.substring(0, cut).strip();
    List<String> names = new ArrayList<>();
    text = HANDLE.matcher(text).replaceAll("").strip(); // "Jane Doe @janedoe"
    // "Jane Doe Alle Artikel", "Jane Doe read more"; a surname that is such a word stays when
    // it ends the line ("Richard Read")
    Matcher other = NOT_NAME.matcher(text);
    while (other.find()) {
      if (other.start() > 0 && (Character.isLowerCase(text.codePointAt(other.start()))
          || other.end() < text.length())) {
        text = text.substring(0, other.start()).strip();
        break;
      }
    }
    List<String> parts = new ArrayList<>();
    for (String chunk : SEPARATOR.split(text)) {
      parts.addAll(atConjunction(chunk.strip()));
    }
    for (String name : parts) {
      String n = PREFIX.matcher(name.strip()).replaceFirst("").strip();
      n = n.replaceAll("^[\\p{P}\\s]+|[\\s,;:|/]+$", "");
      boolean onlyPrefix = PREFIX.matcher(n + " ").replaceFirst("").isEmpty(); // "Von" alone
      if (!n.isEmpty() && n.length() <= 60 && !onlyPrefix) {
        names.add(n);
      }
    }
    return names;
  }

  /**
   * The names joined by "and" in the text, when each is a name of two words or more; else the
   * text whole (an organization's name).
   */
  private static List<String> atConjunction(String text) {
    String[] pieces = CONJUNCTION.split(text);
    if (pieces.length < 2) {
      return List.of(text);
    }
    for (String piece : pieces) {
      String p = PREFIX.matcher(piece.strip()).replaceFirst("").strip();
      if (!p.contains(" ") || !looksLikeName(p)) {
        return List.of(text);
      }
    }
    return List.of(pieces);
  }

  /**
   * True if the text reads as a person's name in a printed byline: one to five words, the
   * first capitalized, no sentence punctuation ("Von Roland Brockmann", not "Von hier aus ...").
   */
  static boolean looksLikeName(String name) {
    String[] words = name.split("\\s+");
    if (words.length > MAX_NAME_WORDS || name.length() > 60) {
      return false;
    }
    // a name starts with a capital, or with a letter of a script without case (王小明)
    if (!startsName(name)) {
      return false;
    }
    int capitalized = 0;
    int otherWords = 0;
    for (String w : words) {
      if (w.isEmpty()) {
        continue;
      }
      Matcher notName = NOT_NAME.matcher(w);
      if (notName.matches()) {
        otherWords++;
      }
      if (startsName(w)) {
        capitalized++;
      } else if (!w.contains(".") && !PARTICLES.contains(w)) {
        return false; // a lower-case word other than a particle (von, van, de, da): a sentence
      }
    }
    // a byline's other words ("Alle Artikel", "Read more", a lone "Author") are no name, but
    // one among names is a surname ("Richard Read", "Um Ji-won")
    return capitalized >= 1 && !name.matches(".*[!?:]\\s.*|.*\\p{Ll}{4,}\\.\\s.*|.*\\d.*")
        && otherWords < 2 && otherWords < words.length;
  }

  /** A capital letter, or a letter of a script without case. */
  private static boolean startsName(String word) {
    int first = word.codePointAt(0);
    return Character.isLetter(first) && !Character.isLowerCase(first)
        && (Character.isUpperCase(first) || Character.isTitleCase(first)
            || Character.toLowerCase(first) == Character.toUpperCase(first));
  }

  /** True for an e-mail or web address, or a text that is no name at all. */
  static boolean isAddress(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.contains("@") || n.startsWith("http") || n.startsWith("www.") || n.contains("://")
        || n.codePoints().noneMatch(Character::isLetter);
  }

  /** A login handle: one word with a dot or underscore, or all lower case, no space. */
  static boolean isHandle(String name) {
    if (name.contains(" ") || name.codePoints().anyMatch(c -> c > 0x2E80)) {
      return false; // CJK names are one word without spaces
    }
    return name.contains(".") || name.contains("_") || name.equals(name.toLowerCase(Locale.ROOT));
  }

  /** True for a desk's name ("Redaktion", "Staff Writer", "ET Online"). */
  static boolean isDesk(String name) {
    return DESK.matcher(name).find();
  }

  /**
   * The people among the names found, in order: no addresses, handles, desks or the site's own
   * name.
   */
  static List<String> people(List<String> found, SiteNames site) {
    Set<String> kept = new LinkedHashSet<>();
    for (String name : found) {
      if (!isAddress(name) && !isHandle(name) && !isDesk(name) && !site.isSiteName(name)) {
        kept.add(name);
      }
    }
    return new ArrayList<>(kept);
  }

  /**
   * The names found other than addresses: handles, desks and the site's name too, for when no
   * source names a person (a blog's author often is the site).
   */
  static List<String> anyone(List<String> found) {
    Set<String> kept = new LinkedHashSet<>();
    for (String name : found) {
      if (!isAddress(name)) {
        kept.add(name);
      }
    }
    return new ArrayList<>(kept);
  }

  /**
   * Class names that mark a byline: author, byline, autor, auteur or writer as a word of the
   * name ({@code post-author}, {@code c-byline}, {@code articleAuthor}, {@code authors}), never
   * inside another word ({@code authorization}, {@code autorotate}, {@code typewriter}).
   */
  private static final Pattern BYLINE_CLASS = Pattern.compile(
      "(?:^|[\\s_-]|(?<=\\p{Ll})(?=\\p{Lu}))"
          + "(?i:author|byline|autorin|autoren|autor|auteur|writer)(?![a-rt-z])");

  /** Class and id names of comments, whose authors are not the page's. */
  private static final Pattern COMMENTS = Pattern.compile("(?i)(?:^|[\\s_-])(?:comment|kommentar|disqus)");

  /** Paths of author pages: {@code /author/jane-doe}, {@code /autoren/...}. */
  private static final Pattern AUTHOR_PATH = Pattern.compile(
      "(?i)/(?:author|authors|autor|autoren|autorin|auteur|auteurs|autores|journalist|"
          + "journalisten|profil/[^/]*|redakteur|mitarbeiter)/[^/?#]+");

  /**
   * The names in the page's byline markup: the first element that marks a byline and names
   * someone, with the like elements beside it (one per author), outside comments.
   */
  static List<String> marked(PageElements page) {
    List<String> handles = List.of();
    for (Element e : page.attributed()) {
      if (!isMarked(e) || inComments(e)) {
        continue;
      }
      String text = TextNormalizer.normalize(e.text());
      if (text.length() > MAX_BYLINE_CHARS) {
        continue;
      }
      Element name = e.selectFirst("[itemprop=name]");
      String named = name == null ? text
          : name.normalName().equals("meta") ? name.attr("content") : name.text();
      List<String> names = new ArrayList<>(names(named));
      names.removeIf(n -> !looksLikeName(n) && !isHandle(n));
      if (names.isEmpty()) {
        continue;
      }
      if (names.stream().allMatch(Bylines::isHandle)) {
        // a login or the site's host ("handwerksblatt.de"): a person may be named further on
        if (handles.isEmpty()) {
          handles = names;
        }
        continue;
      }
      // the authors' like elements beside it: "<a rel=author>A</a>, <a rel=author>B</a>"
      Element parent = e.parent();
      if (parent != null) {
        for (Element sibling : parent.children()) {
          if (sibling != e && isMarked(sibling) && sibling.text().length() <= MAX_BYLINE_CHARS) {
            for (String n : names(sibling.text())) {
              if (looksLikeName(n) && !names.contains(n)) {
                names.add(n);
              }
            }
          }
        }
      }
      return names;
    }
    return handles;
  }

  private static boolean isMarked(Element e) {
    if ("author".equalsIgnoreCase(e.attr("rel")) || "author".equalsIgnoreCase(e.attr("itemprop"))) {
      return true;
    }
    if (mayNameByline(e.className()) && BYLINE_CLASS.matcher(e.className()).find()
        || mayNameByline(e.id()) && BYLINE_CLASS.matcher(e.id()).find()) {
      return true;
    }
    if (!e.normalName().equals("a")) {
      return false;
    }
    String href = e.attr("href");
    return mayBeAuthorPath(href) && AUTHOR_PATH.matcher(href).find();
  }

  /**
   * False if {@link #BYLINE_CLASS} cannot match: none of its words is in the name. Nearly every
   * element of a page is asked, and a substring test is much cheaper than the regex's walk.
   */
  private static boolean mayNameByline(String name) {
    if (name.isEmpty()) {
      return false;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.contains("auth") || lower.contains("autor") || lower.contains("auteur")
        || lower.contains("byline") || lower.contains("writer");
  }

  /** False if {@link #AUTHOR_PATH} cannot match: none of its folders is in the address. */
  private static boolean mayBeAuthorPath(String href) {
    String lower = href.toLowerCase(Locale.ROOT);
    return lower.contains("/auth") || lower.contains("/autor") || lower.contains("/auteur")
        || lower.contains("/journalist") || lower.contains("/profil/")
        || lower.contains("/redakteur") || lower.contains("/mitarbeiter");
  }

  /**
   * True if the element lies in a block of comments: an element below the body whose class or
   * id names comments ({@code comment-author}, {@code commentlist}). The body's own classes
   * ({@code comments-open}) say nothing of where the element is.
   */
  private static boolean inComments(Element e) {
    for (Element p = e; p != null && !p.normalName().equals("body"); p = p.parent()) {
      if ((!p.className().isEmpty() && COMMENTS.matcher(p.className()).find())
          || (!p.id().isEmpty() && COMMENTS.matcher(p.id()).find())) {
        return true;
      }
    }
    return false;
  }

  /** A printed byline: a prefix, then a capitalized name. */
  private static final Pattern PRINTED = Pattern.compile(
      "^(?:(?:Text|Texte?|Geschrieben|Verfasst|Eingestellt|Written|Posted|Story|Words)\\s+(?:von|by)"
          + "|By|BY|by|Von|VON|von|Par|PAR|Por|POR|Door|Text\\s*:|Texto\\s*:|Autor(?:in|en)?\\s*:?"
          + "|Author\\s*:|Auteur\\s*:)\\s*\\p{Lu}");

  /** The letters {@link #PRINTED}'s prefixes start with (BylinesTest holds them to it). */
  static final String PRINTED_FIRST = "TGVEWPSBbvDA";

  /**
   * False if the element's text surely does not start as {@link #PRINTED} needs: the first
   * character normalizing keeps ({@link PageElements#firstVisibleChar}; it drops and folds
   * characters but turns none into one of these letters) is not the first letter of a byline's
   * prefix. Told without building the text, for every line.
   */
  static boolean mayStartByline(Element e) {
    char first = PageElements.firstVisibleChar(e);
    return first != 0 && PRINTED_FIRST.indexOf(first) >= 0;
  }

  /** True if the line starts as a printed byline does: "Von Jane", "By Jane", "Text: Jane". */
  static boolean startsLikeByline(String line) {
    return PRINTED.matcher(line).find();
  }

  /** The names of the first printed byline among the lines, or none. */
  static List<String> printed(List<String> lines) {
    for (String line : lines) {
      if (line.length() > MAX_BYLINE_CHARS || !PRINTED.matcher(line).find()) {
        continue;
      }
      List<String> names = new ArrayList<>(names(line));
      // "Von David Hutzler, dpa": a person first, then perhaps an agency
      if (!names.isEmpty() && looksLikeName(names.get(0))) {
        names.removeIf(n -> !looksLikeName(n) && !isHandle(n));
        return names;
      }
    }
    return List.of();
  }
}
