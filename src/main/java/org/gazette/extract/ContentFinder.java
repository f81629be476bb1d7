package org.gazette.extract;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Finds a page's story text without knowing the site, in the manner of Readability: every
 * paragraph votes for its parent (and half for its grandparent) by the text it holds, the votes
 * are discounted by the share of link text, and the best container's paragraphs are the body.
 * Chrome ({@link Boilerplate}) never votes and is skipped inside the container as well.
 */
final class ContentFinder {

  /**
   * The body found: the container, its clean paragraphs and their total text weight; {@code
   * fallback} when no block voted and the container is the fallback's (see {@link
   * #fallbackContainer}), which is a body for a page known to be an article, but no sign of one.
   */
  record Content(Element container, List<String> paragraphs, int weight, boolean fallback) {
    static final Content NONE = new Content(null, List.of(), 0, false);
  }

  /** Paragraphs lighter than this (about 25 letters or 8 Han characters) do not vote. */
  private static final int MIN_VOTE_WEIGHT = 25;

  /** Siblings with this share of the container's votes are part of the story. */
  private static final double SIBLING_SHARE = 0.2;

  /** A sibling paragraph this heavy (about 80 letters) with few links is story text. */
  private static final int SIBLING_PARAGRAPH = 80;

  /** Tags that end a line of text when walking the container. */
  private static final Set<String> BLOCKS =
      Set.of(
          "p", "div", "section", "article", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3",
          "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "td", "th", "br", "hr", "figure",
          "header", "main", "center", "address");

  private final PageElements page;
  private Boilerplate chrome;
  private final TextShare share;
  private final Map<Element, Boolean> skippedInLines = new IdentityHashMap<>();
  private final Map<String, TextNormalizer.Weighed> normalizedLines = new IdentityHashMap<>();
  // the container and its lines, found on the first call: they depend on neither title nor zone
  private Element best;
  private List<Line> lines;
  // true if the container is the fallback's: it is no container when none of its lines is kept
  private boolean fallback;

  /**
   * @param chrome what never votes and is skipped inside the container
   * @param share the page's text weights
   */
  ContentFinder(PageElements page, Boilerplate chrome, TextShare share) {
    this.page = page;
    this.chrome = chrome;
    this.share = share;
  }

  /**
   * The page's body.
   *
   * @param title the page's title, dropped when the container repeats it
   * @param heading the heading that repeats the title, or null: a lead between it and the
   *     container is the story's
   * @param zone zone for recognizing datelines, which are dropped
   */
  Content find(String title, Element heading, ZoneId zone) {
    if (lines == null) {
      Map<Element, Double> votes = new IdentityHashMap<>();
      best = bestContainer(votes, VOTERS, MIN_VOTE_WEIGHT);
      if (best == null) {
        best = fallbackContainer(votes);
        fallback = best != null;
      }
      lines = new ArrayList<>();
      if (best != null) {
        // the voted container stays the record's (classify counts listing items in it); the
        // story's lines come from the widened one
        Element story = widened(best);
        List<Element> blocks = withSections(story, withSiblings(story, votes));
        Element first = blocks.get(0);
        lines.addAll(leadLines(heading != null ? heading : h1Before(first), first));
        for (Element block : blocks) {
          lines.addAll(lines(block, best));
        }
      }
    }
    if (best == null) {
      return Content.NONE;
    }
    boolean[] keep = new boolean[lines.size()];
    boolean paragraphStory = toldInParagraphs(lines);
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      keep[i] = (isKept(line.weight, line.linkWeight) || printsAddress(line)
            || isLinkedSentence(line))
          && !(paragraphStory && isBoxLine(line))
          && (!line.lead || isLead(line))
          && !line.text.equals(title)
          && !LabeledLines.isMetaLine(line.text, zone)
          && !isByline(line)
          && !isCredit(line)
          && !(isSlotNotice(line) && !line.heading)
          && !headsLinks(lines, i)
          && !(line.outside && isFragment(line))
          && !isTeaserSummary(lines, i);
    }
    dropEmptyHeadings(keep);
    dropClosingCalls(keep);
    dropEmptyHeadings(keep); // and those over the calls dropped
    dropRepeats(keep);
    List<String> paragraphs = new ArrayList<>();
    int weight = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (keep[i]) {
        paragraphs.add(lines.get(i).text);
        weight += lines.get(i).weight;
      }
    }
    if (fallback && paragraphs.isEmpty()) {
      return Content.NONE; // headings over teasers (a front page's "Top stories"), nothing more
    }
    return new Content(best, paragraphs, weight, fallback);
  }

  /** Drops the short headings that head nothing kept ({@link #headsNothing}). */
  private void dropEmptyHeadings(boolean[] keep) {
    // from the last line back: a heading over a subheading is judged after the subheading
    for (int i = lines.size() - 1; i >= 0; i--) {
      Line line = lines.get(i);
      if (keep[i] && line.heading && line.weight <= MAX_LABEL_WEIGHT
          && headsNothing(lines, keep, i)) {
        keep[i] = false;
      }
    }
  }

  /**
   * Takes the boxes and calls to action off the story's end ({@link ClosingCalls}): a box label
   * among the last {@value ClosingCalls#MAX_LINES} kept lines and all lines after it, then up to
   * {@value ClosingCalls#MAX_LINES} kept lines, from the last one back, while each is a call. The
   * first kept line always stays.
   */
  private void dropClosingCalls(boolean[] keep) {
    int first = 0;
    while (first < keep.length && !keep[first]) {
      first++;
    }
    int seen = 0;
    int label = -1;
    for (int i = keep.length - 1; i > first && seen < ClosingCalls.MAX_LINES; i--) {
      if (keep[i]) {
        seen++;
        label = ClosingCalls.isBoxLabel(lines.get(i).text) ? i : label;
      }
    }
    for (int i = label; i >= 0 && i < keep.length; i++) {
      keep[i] = false;
    }
    int dropped = 0;
    for (int i = keep.length - 1; i > first && dropped < ClosingCalls.MAX_LINES; i--) {
      if (!keep[i]) {
        continue;
      }
      if (!ClosingCalls.isCall(lines.get(i).text)) {
        return;
      }
      keep[i] = false;
      dropped++;
    }
  }

  /** Words from which a line is checked for being a repeat: a sentence, not a label. */
  private static final int REPEAT_MIN_WORDS = 40;

  /**
   * Length from which a line given twice in a row is given once: a sentence, not a table's
   * number or a label, which may well repeat (list and table items are never merged).
   */
  private static final int MIN_TWICE = 40;

  /** Share of a line's four-word runs told before from which it is a repeat. */
  private static final double REPEAT_SHARE = 0.8;

  /**
   * Drops kept lines that repeat what kept lines before them told: a second copy of the story (a
   * hidden one kept for search engines, or the text given again as one paragraph), a lead given
   * again as the first paragraph, and a sentence right after itself. Judged by runs of four
   * words, as text scorers compare, so a copy with other line breaks or punctuation is still a
   * copy; a pull quote shorter than {@value #REPEAT_MIN_WORDS} words stays.
   */
  private void dropRepeats(boolean[] keep) {
    WordRuns.Set told = new WordRuns.Set();
    WordRuns runs = new WordRuns();
    String previous = null;
    for (int i = 0; i < keep.length; i++) {
      if (!keep[i]) {
        continue;
      }
      String text = lines.get(i).text;
      if (text.length() >= MIN_TWICE && !lines.get(i).structured && text.equals(previous)) {
        keep[i] = false; // the same sentence twice in a row: a template printed its summary twice
        continue;
      }
      previous = text;
      runs.of(text);
      if (runs.size() + WordRuns.WORDS - 1 >= REPEAT_MIN_WORDS) {
        int repeated = 0;
        for (int r = 0; r < runs.size(); r++) {
          repeated += told.contains(runs.get(r)) ? 1 : 0;
        }
        if (repeated >= REPEAT_SHARE * runs.size()) {
          keep[i] = false;
          continue;
        }
      }
      for (int r = 0; r < runs.size(); r++) {
        told.add(runs.get(r));
      }
    }
  }


  /** A story told in paragraphs has at least this share of its lines in {@code <p>}. */
  private static final double PARAGRAPH_SHARE = 0.4;

  /** A box line is short: a label, a button, a caption, a teaser's line or two. */
  private static final int MAX_BOX_WEIGHT = 200;

  /**
   * True if the voted container tells its story in {@code <p>} paragraphs: {@value
   * #PARAGRAPH_SHARE} of its lines or more are in one.
   */
  private static boolean toldInParagraphs(List<Line> lines) {
    int inside = 0;
    int paragraphs = 0;
    for (Line line : lines) {
      if (!line.outside && !line.lead) {
        inside++;
        paragraphs += line.inParagraph ? 1 : 0;
      }
    }
    return inside > 0 && paragraphs >= inside * PARAGRAPH_SHARE;
  }

  /**
   * True for a short line of the voted container written straight into a template's {@code
   * <div>} (one with a class or id; no paragraph, heading, list, table or quote around the text)
   * when the story is in paragraphs: a box set into the story (a print button, an info or shop
   * box, an image's metadata, an ad label, an author box's heading). Editors write the story in
   * paragraphs, and their own bare divs stay; templates put their furniture in named divs.
   */
  private static boolean isBoxLine(Line line) {
    return line.inBox && line.weight <= MAX_BOX_WEIGHT && !line.structured && !line.outside
        && !line.lead;
  }

  /**
   * The container and the siblings that continue its story, in page order, as Readability merges
   * them: stories split into several blocks (a lead block, then the text, or text interrupted by
   * an ad slot) have their parts side by side. A sibling joins when it got a fifth of the
   * container's votes, or when it is a paragraph-like block of plain sentences.
   */
  private List<Element> withSiblings(Element best, Map<Element, Double> votes) {
    Element parent = best.parent();
    if (parent == null || parent.normalName().equals("body") || parent.normalName().equals("html")) {
      return List.of(best);
    }
    double bar = votes.getOrDefault(best, 0.0) * SIBLING_SHARE;
    List<Element> blocks = new ArrayList<>();
    for (Element sibling : parent.children()) {
      if (sibling == best) {
        blocks.add(sibling);
      } else if (!chrome.skipped(sibling) && joins(sibling, votes, bar)) {
        blocks.add(sibling);
      }
    }
    return blocks;
  }

  /** A page section beside the story joins it with this much story text (a sentence or so) */
  private static final int SECTION_MIN_WEIGHT = 100;

  /** ... and no more than this share of its text in links. */
  private static final double SECTION_MAX_LINK_DENSITY = 0.2;

  /**
   * The story's blocks and the page sections that continue them; the blocks alone when the story
   * is not the text of a top-level section. Landing, product and "about" pages are built from
   * full-width sections (each a child of the body) and spread their text over several of them;
   * neither widening nor the sibling vote reaches past the body. The story stands for its
   * section when the section holds no more story text than it. Before it, prose sections join
   * back to the headline: what comes before the headline is the page's header, banners and
   * dialogs. After it, prose sections join up to the first chrome or link-heavy one (the
   * footer); short ones between are passed over.
   */
  private List<Element> withSections(Element story, List<Element> storyBlocks) {
    Element section = topSection(story);
    if (section == null || chrome.skipped(section)
        || (section != story && (keptWeight(section) - keptWeight(story) >= WIDEN_MIN_WEIGHT
            || linkDensity(section) > WIDEN_MAX_LINK_DENSITY))) {
      return storyBlocks;
    }
    List<Element> blocks = new ArrayList<>(sectionsBefore(section));
    blocks.addAll(storyBlocks);
    for (Element next = section.nextElementSibling(); next != null;
        next = next.nextElementSibling()) {
      if (share.textWeight(next) == 0) {
        continue; // scripts, empty anchors and spacers between the sections
      }
      if (chrome.skipped(next) || linkDensity(next) > SECTION_MAX_LINK_DENSITY
          || isDialog(next)) {
        break; // the footer, or a dialog: a consent box, a sign-up wall
      }
      if (isProseSection(next)) {
        blocks.add(next);
      }
    }
    return blocks;
  }

  /**
   * The prose sections right before the story's section that come after the page's first h1 or
   * hold it, in page order: the story's introduction.
   */
  private List<Element> sectionsBefore(Element section) {
    List<Element> h1s = page.withTag("h1");
    if (h1s.isEmpty()) {
      return List.of();
    }
    Element headline = h1s.get(0);
    List<Element> before = new ArrayList<>();
    for (Element e = section.previousElementSibling(); e != null; e = e.previousElementSibling()) {
      if (share.textWeight(e) == 0) {
        continue;
      }
      if (!isProseSection(e)
          || !(isAncestor(e, headline) || page.indexOf(headline) < page.indexOf(e))) {
        break;
      }
      before.add(0, e);
    }
    return before;
  }

  /** True if the element is, or holds, a dialog (ARIA's way to say so): no story text is. */
  private static boolean isDialog(Element e) {
    for (Element d : e.getAllElements()) {
      String role = d.attr("role");
      if (role.equalsIgnoreCase("dialog") || role.equalsIgnoreCase("alertdialog")
          || d.hasAttr("aria-modal")) {
        return true;
      }
    }
    return false;
  }

  /** The element's ancestor (or itself) that is a child of the body, or null. */
  private static Element topSection(Element e) {
    for (Element section = e; section.parent() != null; section = section.parent()) {
      if (section.parent().normalName().equals("body")) {
        return section;
      }
    }
    return null;
  }

  /**
   * True for a page section of prose: not chrome, few links, a sentence or two kept, some
   * punctuation (a list of language names or logos has none).
   */
  private boolean isProseSection(Element section) {
    return !chrome.skipped(section) && linkDensity(section) <= SECTION_MAX_LINK_DENSITY
        && keptWeight(section) >= SECTION_MIN_WEIGHT && punctuationOf(section) > 0;
  }

  /** How many levels above the story the title heading may be for a lead to be looked for. */
  private static final int LEAD_LEVELS = 12;

  /** A lead line weighs at least this (a short sentence), and a quarter at most is links. */
  private static final int LEAD_MIN_WEIGHT = 70;

  /**
   * The story's lead (standfirst, deck, summary): prose lines between the title heading and the
   * story, when both lie under a common ancestor up to {@value #LEAD_LEVELS} levels above the
   * story (the body too: page-wide headers hold leads). Such leads often sit in the article's
   * {@code <header>}, chrome elsewhere, which is read here; other chrome and captions are
   * skipped. Only lines of a sentence or more with few links are leads: the bylines, dates and
   * share buttons around them are short or links. When the story found is not the page's main
   * text, the text between the headline and it often is, and is read the same way.
   */
  private List<Line> leadLines(Element heading, Element story) {
    if (heading == null) {
      return List.of();
    }
    Element common = null;
    Element e = story;
    for (int level = 0; level < LEAD_LEVELS && e != null; level++) {
      e = e.parent();
      if (e == null) {
        break;
      }
      if (isAncestor(e, heading)) {
        common = e;
        break;
      }
    }
    if (common == null || isAncestor(story, heading)) {
      return List.of();
    }
    LeadCollector collector = new LeadCollector(heading, story);
    NodeTraversor.filter(collector, common);
    collector.flush();
    return collector.lines;
  }

  /**
   * True for a line of the lead, where bylines, dates, share buttons, kickers and the headline
   * sit too: a line of a sentence or more, few links, not in an h1.
   */
  private static boolean isLead(Line line) {
    return line.weight >= LEAD_MIN_WEIGHT && line.linkWeight * 4 <= line.weight && !line.title;
  }

  /**
   * The last h1 before the story, or null: the headline, when the title words it too differently
   * for the title heading to be found.
   */
  private Element h1Before(Element story) {
    int start = page.indexOf(story);
    Element last = null;
    for (Element h1 : page.withTag("h1")) {
      if (page.indexOf(h1) < start) {
        last = h1;
      }
    }
    return last;
  }

  private static boolean isAncestor(Element ancestor, Element e) {
    for (Element p = e; p != null; p = p.parent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  /**
   * True if no kept line follows the heading before the next heading or the end: the heading of
   * a block whose lines were all dropped ("Mehr zum Thema" over teasers, "Kommentar schreiben"
   * over a form, "Stay up-to-date" over a sign-up box). A heading right over a kept heading of
   * lower rank heads its section (an h2 "Menu for Plan A" over the h3s "Breakfast", "Lunch"):
   * the headings are judged from the last one back, so the subheading's fate is known. Over a
   * heading of its own rank it heads nothing: a heading's lines broken in two, or a block's
   * label over the next block's heading.
   */
  private static boolean headsNothing(List<Line> lines, boolean[] keep, int i) {
    for (int j = i + 1; j < lines.size(); j++) {
      if (lines.get(j).heading) {
        return !(keep[j] && lines.get(j).rank > lines.get(i).rank && lines.get(i).rank > 0);
      }
      if (keep[j]) {
        return false;
      }
    }
    return true;
  }

  /** A teaser's summary is at most this heavy: two or three sentences. */
  private static final int MAX_SUMMARY_WEIGHT = 200;

  /**
   * True for a teaser's summary in the widened block: a line outside the voted container right
   * after a link line outside it (the teaser's linked headline), and not longer than a few
   * sentences. Inside the container, text after a link line is story text; so is a line right
   * before the container's first line: the story's lead (standfirst), set apart in a block of
   * its own after the headline's linked date or section.
   */
  private static boolean isTeaserSummary(List<Line> lines, int i) {
    Line line = lines.get(i);
    if (i == 0 || !line.outside || line.weight > MAX_SUMMARY_WEIGHT
        || (i + 1 < lines.size() && !lines.get(i + 1).outside)) {
      return false;
    }
    Line before = lines.get(i - 1);
    // the links of an article's header (tags, author) head no teaser
    return before.outside && !before.lead && before.linkWeight * 2 > before.weight;
  }

  /** Lines up to this weight without a sentence end may be labels heading a list of links. */
  private static final int MAX_LABEL_WEIGHT = 50;

  /**
   * True for a short label line (no sentence end) that heads only links: "Mehr zum Thema", "Read
   * also", "Das könnte Sie auch interessieren". It is followed by link lines, which are dropped,
   * before the next story line. Outside the voted container, fragments the widened block adds
   * count as links: they are teaser titles and dates. A list or table item heads nothing. A
   * short last line stays when the voted container holds it (it is often the author's
   * signature); outside it, a heading with nothing after it ("Kommende Events") goes.
   */
  private static boolean headsLinks(List<Line> lines, int i) {
    Line line = lines.get(i);
    // an item of a list or table is a fact of its own (an ingredient, a bullet point) even when
    // links follow it: labels are paragraphs and headings
    if (line.weight > MAX_LABEL_WEIGHT || SENTENCE_END.matcher(line.text).find()
        || (line.structured && !line.heading) || ITEM_NUMBER.matcher(line.text).find()) {
      return false;
    }
    for (int j = i + 1; j < lines.size(); j++) {
      Line next = lines.get(j);
      boolean teaser = line.outside && next.outside && isFragment(next);
      if (next.linkWeight * 2 > next.weight || teaser) {
        return true;
      }
      if (next.weight > 0) {
        return false;
      }
    }
    return line.outside && line.heading;
  }

  /**
   * A line numbered as an item of the story's own list, written out in paragraphs ("1) Lego Star
   * Wars", "(2) Monopoly"): a numbered entry of a ranking or gift list, each perhaps followed by
   * its shop link, is a fact like a list item's; labels heading links are not numbered.
   */
  private static final Pattern ITEM_NUMBER = Pattern.compile("^\\(?\\d{1,3}\\)\\s");

  /**
   * True for a short line (up to {@link #MAX_LABEL_WEIGHT}) without a sentence end, not in a
   * heading, list or table: in the blocks widening adds around the voted container, such lines
   * are labels, teaser titles, dates, photo credits and buttons ("Externer Inhalt", "Mit Freunden
   * teilen", "Foto: ATON"); in the container itself they stay.
   */
  private static boolean isFragment(Line line) {
    return !line.structured && line.weight <= MAX_LABEL_WEIGHT
        && !SENTENCE_END.matcher(line.text).find();
  }

  /** A byline: "By Luis Ortega · November 3, 2022", "Von Anna Weber", "Por Juan Pérez". */
  private static final Pattern BYLINE =
      Pattern.compile("^(?:By|Von|Par|Por|Door|Di|Autor:?|Text:?)\\s+\\p{Lu}");

  /** A byline is short: a name, perhaps a date and a role. */
  private static final int MAX_BYLINE_WEIGHT = 60;

  /** True for a byline line, which the widened container may bring in from the story's header. */
  private static boolean isByline(Line line) {
    return line.weight <= MAX_BYLINE_WEIGHT && BYLINE.matcher(line.text).find()
        && !SENTENCE_END.matcher(line.text).find();
  }

  /** A credit or caption label ("Foto:", "Credit:", "Crédits photos :", "Quelle:"), or ©. */
  private static final String CREDIT_LABEL =
      "(?:Fotos?|Photos?|Bild|Bilder|Titelbild|Beitragsbild|Credits?|Crédits?(?: photos?)?"
          + "|Quelle|Fuente|Abbildung(?: \\d+)?|Grafik)\\s*[:：]|©";

  /**
   * A credit that starts the line ("Foto: dpa", "(Credit: Clayton Aldern / Grist)", "© AFP"), or
   * in a bracket that ends it ("Die neue Brücke (Foto: dpa)"). A label inside a sentence ("Der
   * Bürgermeister (Foto: dpa) eröffnete...") is not one.
   */
  private static final Pattern CREDIT =
      Pattern.compile("^\\s*[(\\[]?\\s*(?:" + CREDIT_LABEL + ")|[(\\[]\\s*(?:" + CREDIT_LABEL
          + ")[^()\\[\\]]*[)\\]]\\s*$", Pattern.CASE_INSENSITIVE);

  /** A credit after a bar: "Logo des Awards | © Verlag". */
  private static final Pattern CREDIT_AFTER_BAR =
      Pattern.compile("\\| *(?:" + CREDIT_LABEL + ")", Pattern.CASE_INSENSITIVE);

  /** A credit after a caption's sentence: "Die Brücke am Abend. Foto: dpa". */
  private static final Pattern CREDIT_AFTER_SENTENCE =
      Pattern.compile("[.!?:] \\s*(?:" + CREDIT_LABEL + ")", Pattern.CASE_INSENSITIVE);

  /** A credit line is short: a name or two, or a caption's sentence or two. */
  private static final int MAX_CREDIT_WEIGHT = 200;

  /**
   * A caption with its credit after it is shorter still: a story's sentence that ends by citing
   * its source ("... stieg auf 6,1 Prozent. Quelle: Bundesagentur für Arbeit") is longer.
   */
  private static final int MAX_CAPTION_WEIGHT = 100;

  /**
   * The label an ad slot leaves in the text ("Advertisement", "Anzeige", "广告"), and the notice
   * a widget prints for readers without scripts ("This slideshow requires JavaScript."): a line
   * that is only one of them is never the story's, wherever it stands, unless it is a heading
   * (a report's section "Advertising").
   */
  private static final Pattern SLOT_NOTICE = Pattern.compile(
      "^(?:advert|advertisement|advertising|anzeige|werbung|publicidad|publicidade|publicit[ée]"
          + "|pubblicit[àa]|reklama|广告|廣告|広告"
          + "|(?:the )?(?:story|article|text) continues (?:below|after)(?: (?:this|the) ad(?:vert"
          + "(?:isement)?)?)?"
          + "|.{0,40}\\b(?:requires|needs) javascript"
          + "|(?:please )?enable javascript(?: (?:to|in your browser).{0,40})?)"
          + "[\\s.:!\\-–—]*$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** A slot's label or notice is a few words. */
  private static final int MAX_SLOT_NOTICE = 80;

  private static boolean isSlotNotice(Line line) {
    // anchored at ^ (not multiline): lookingAt is what find does, without trying every position
    return line.text.length() <= MAX_SLOT_NOTICE && SLOT_NOTICE.matcher(line.text).lookingAt();
  }

  /**
   * True for an image's caption or credit that no class name marks as one ({@link #isCaption}
   * skips those): a short line that starts with a credit label or a copyright sign, ends with
   * one in brackets, has one after a bar, or is a caption's short sentence followed by one.
   * Editors type them as paragraphs below the image, so they sit inside the story's container.
   */
  private static boolean isCredit(Line line) {
    // every credit has a colon or a copyright sign: most lines are passed over without the regex
    String text = line.text;
    if (line.weight > MAX_CREDIT_WEIGHT
        || (text.indexOf(':') < 0 && text.indexOf('：') < 0 && text.indexOf('©') < 0)) {
      return false;
    }
    return CREDIT.matcher(text).find() || CREDIT_AFTER_BAR.matcher(text).find()
        || (line.weight <= MAX_CAPTION_WEIGHT && CREDIT_AFTER_SENTENCE.matcher(text).find());
  }

  /** A web or e-mail address written out: {@code https://...}, {@code www.}, {@code a@b}. */
  private static final Pattern PRINTED_ADDRESS = Pattern.compile("https?://|www\\.|\\w@\\w");

  /**
   * True for a link line in the voted container that writes out a web or e-mail address (a
   * petition's, a contact's, a source's): the story gives it to its readers, where a "read also"
   * link gives a headline. Outside the container and in the lead, link lines stay dropped.
   */
  private static boolean printsAddress(Line line) {
    return !line.outside && !line.lead && PRINTED_ADDRESS.matcher(line.text).find();
  }

  /** A sentence with links holds at least this much text of its own (a few words) ... */
  private static final int LINKED_SENTENCE_PLAIN = 20;

  /** ... and at most this share of it is links. */
  private static final double LINKED_SENTENCE_MAX_LINKS = 0.67;

  /**
   * True for a line of the voted container that is a sentence whose words are mostly links: the
   * story links the source of a claim, a past story or the show it names ("He was eliminated
   * from <a>Dancing with the Stars</a>."). A link of a "read also" or a teaser is a headline
   * with a label: no sentence of its own words around it.
   */
  private static boolean isLinkedSentence(Line line) {
    return !line.outside && !line.lead && line.weight - line.linkWeight >= LINKED_SENTENCE_PLAIN
        && line.linkWeight <= LINKED_SENTENCE_MAX_LINKS * line.weight
        && SENTENCE_END.matcher(line.text).find();
  }

  /** A line that ends a sentence, perhaps before a closing quote or bracket. */
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?。！？]\\W*$");

  /** How many levels above the container to look for the block holding the whole story. */
  private static final int WIDEN_LEVELS = 8;

  /** An ancestor replaces the container when it holds this much more story text ... */
  private static final double WIDEN_GAIN = 1.3;

  /** ... and at least this much more (about half a sentence) ... */
  private static final int WIDEN_MIN_WEIGHT = 40;

  /** ... and no more than this share of its text is links. */
  private static final double WIDEN_MAX_LINK_DENSITY = 0.35;

  /**
   * The container's ancestor that holds the whole story: a story split over cousin blocks (a lead
   * in one block, the text in a run of same-shaped blocks, a list or table beside the paragraphs)
   * has its parts under a common ancestor a few levels up. The highest ancestor within reach that
   * adds story text (lines that would be kept) and is not link-heavy is the container. Levels
   * that add nothing are passed over; the climb stops below the body and at chrome.
   */
  private Element widened(Element best) {
    List<Element> chain = new ArrayList<>(); // best, then the ancestors within reach
    chain.add(best);
    for (Element e = best; chain.size() <= WIDEN_LEVELS; e = e.parent()) {
      Element parent = e.parent();
      if (parent == null || parent.normalName().equals("body") || parent.normalName().equals("html")
          || chrome.skipped(parent)) {
        break;
      }
      chain.add(parent);
    }
    int[] keptWeights = keptWeights(chain);
    int kept = keptWeights[0];
    for (int level = 1; level < chain.size(); level++) {
      Element parent = chain.get(level);
      int more = keptWeights[level];
      if (more - kept >= WIDEN_MIN_WEIGHT && more >= kept * WIDEN_GAIN
          && linkDensity(parent) <= WIDEN_MAX_LINK_DENSITY) {
        best = parent;
        kept = more;
      }
    }
    return best;
  }

  /**
   * {@link #keptWeight} of each element of a chain of nested elements, each the parent of the one
   * before: from one walk of the outermost ({@link ChainLines}) rather than one walk each, which
   * read the same text up to nine times. When an element of the chain would change how the text
   * of the elements inside it reads from the outer ones (a link, or a caption skipped from
   * above), each is walked on its own.
   */
  private int[] keptWeights(List<Element> chain) {
    int[] weights = new int[chain.size()];
    boolean shared = true;
    for (int i = 0; i < chain.size(); i++) {
      Element e = chain.get(i);
      shared &= !(i > 0 && e.normalName().equals("a"))
          && !(i < chain.size() - 1 && skippedInLines(e));
    }
    if (!shared) {
      for (int i = 0; i < chain.size(); i++) {
        weights[i] = keptWeight(chain.get(i));
      }
      return weights;
    }
    ChainLines walk = new ChainLines(chain);
    NodeTraversor.filter(walk, chain.get(chain.size() - 1));
    for (int i = 0; i < chain.size(); i++) {
      weights[i] = walk.keptWeight(chain.get(i));
    }
    return weights;
  }

  private int keptWeight(Element e) {
    int w = 0;
    for (Line line : lines(e)) {
      if (isKept(line.weight, line.linkWeight)) {
        w += line.weight;
      }
    }
    return w;
  }

  /** A line counts as story text unless half its text or more is links. */
  private static boolean isKept(int weight, int linkWeight) {
    return linkWeight * 2 <= weight;
  }

  private static boolean isHeading(Element e) {
    String tag = e.normalName();
    return (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1'
        && tag.charAt(1) <= '6') || isNamedSubheading(e);
  }

  /** A heading's rank: 1 to 6 for h1 to h6, 7 for a subheading named so. */
  private static int headingRank(Element e) {
    String tag = e.normalName();
    return tag.length() == 2 && tag.charAt(0) == 'h' ? tag.charAt(1) - '0' : 7;
  }

  /**
   * Class and id words of a subheading set in a {@code <div>} or {@code <p>} rather than an h2
   * or h3 ({@code pf_subheadline}, {@code article-crosshead}, {@code zwischentitel}); a
   * {@code <span>} ends no line, so it cannot head one.
   */
  private static final NameWords SUBHEADING_WORDS =
      NameWords.of("subhead subheads subheadline subheading crosshead zwischentitel intertitre"
          + " intertitle");

  /**
   * True for a block whose class or id names it a subheading of the story: a heading like an
   * h3, not a box's line set into the story ({@link #isBoxLine}: short lines in named divs go).
   */
  private static boolean isNamedSubheading(Element e) {
    String tag = e.normalName();
    return (tag.equals("div") || tag.equals("p")) && SUBHEADING_WORDS.inNames(e);
  }

  /** Items of lists and tables: short lines there are facts (ingredients, prices), not labels. */
  private static boolean isItem(Element e) {
    String tag = e.normalName();
    return tag.equals("li") || tag.equals("td") || tag.equals("th") || tag.equals("dd")
        || tag.equals("dt");
  }

  private boolean joins(Element sibling, Map<Element, Double> votes, double bar) {
    String tag = sibling.normalName();
    if (tag.startsWith("h") && tag.length() == 2 && Character.isDigit(tag.charAt(1))) {
      return false; // a heading before the container is the title or a section of its own
    }
    double density = linkDensity(sibling);
    if (votes.getOrDefault(sibling, 0.0) * (1 - density) >= bar && bar > 0) {
      return true;
    }
    return tag.equals("p") && share.textWeight(sibling) >= SIBLING_PARAGRAPH && density < 0.25
        && punctuationOf(sibling) > 0;
  }

  /** The blocks that vote. */
  private static final Set<String> VOTERS =
      Set.of("p", "pre", "div", "section", "article", "td", "blockquote");

  /**
   * The container when no block votes, the page's text being all in comment-named blocks or in
   * short lines. A page whose only paragraphs are in comments is a forum thread or a comment's
   * own page: the comments are its text, and they are read from here on. Failing that, a post of
   * headings and short lines (a note, a list of facts) has every line vote, but for lines that
   * are mostly links: a listing's headlines are no post.
   */
  private Element fallbackContainer(Map<Element, Double> votes) {
    chrome = chrome.readingComments();
    skippedInLines.clear();
    Element found = bestContainer(votes, VOTERS, MIN_VOTE_WEIGHT);
    if (found == null) {
      votes.clear();
      found = bestContainer(votes, SHORT_VOTERS, MIN_SHORT_VOTE_WEIGHT);
    }
    return found;
  }

  /**
   * When no block votes: the blocks that vote, and headings as paragraphs. Not list items: a
   * listing's items (a headline, a time, a comment count) are short lines too.
   */
  private static final Set<String> SHORT_VOTERS =
      Set.of("p", "pre", "div", "section", "article", "td", "blockquote", "h2", "h3", "h4", "h5",
          "h6");

  /** When no block votes, a line this heavy (a few words) votes. */
  private static final int MIN_SHORT_VOTE_WEIGHT = 8;

  private Element bestContainer(Map<Element, Double> votes, Set<String> voters, int minWeight) {
    List<Element> voted = new ArrayList<>();
    for (Element e : page.withTags(voters)) {
      String tag = e.normalName();
      boolean paragraph = tag.equals("p") || tag.equals("pre") || isSpanParagraph(e)
          || (voters == SHORT_VOTERS && isHeading(e));
      // most blocks are too light to vote: told from the text weights, or from having no text
      // of their own, without taking their text
      if (paragraph ? share.textWeight(e) < minWeight : !PageElements.mayHaveOwnText(e)) {
        continue;
      }
      // a paragraph's weight and punctuation are in the text sums when exact: no text taken
      int counted = paragraph ? share.punctuation(e) : -1;
      String text = counted >= 0 ? null : paragraph ? e.text() : ownText(e);
      int w = counted >= 0 ? share.textWeight(e) : TextNormalizer.weight(text);
      if (w < minWeight || chrome.skipped(e)) {
        continue;
      }
      if (voters == SHORT_VOTERS && share.linkWeight(e) * 2 > share.textWeight(e)) {
        continue; // a headline teaser of a listing, not a short line of a post
      }
      double vote = 1 + (counted >= 0 ? counted : punctuation(text)) + Math.min(w / 100.0, 3);
      Element target = paragraph ? e.parent() : e;
      addVote(votes, voted, target, vote);
      addVote(votes, voted, target == null ? null : target.parent(), vote / 2);
    }
    Element best = null;
    double bestScore = 0;
    for (Element candidate : voted) {
      double score = votes.get(candidate) * (1 - linkDensity(candidate));
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    return best;
  }

  /**
   * True for a {@code div} used as a paragraph, its text all in inline children ({@code
   * <div><span>...</span></div>}, as editors pasting from word processors or social media
   * write): it votes like a {@code <p>}. A div with text of its own votes for itself already.
   */
  private static boolean isSpanParagraph(Element e) {
    if (!e.normalName().equals("div")) {
      return false;
    }
    // one pass over the child nodes: children() and childrenSize() build a list of the child
    // elements for each div, which was a twentieth of all the extraction's allocation
    boolean hasChild = false;
    for (int i = 0; i < e.childNodeSize(); i++) {
      Node n = e.childNode(i);
      if (n instanceof TextNode t && !t.isBlank()) {
        return false; // text of its own: PageElements.mayHaveOwnText
      }
      if (n instanceof Element c) {
        hasChild = true;
        String tag = c.normalName();
        if (BLOCKS.contains(tag) && !tag.equals("br")) {
          return false;
        }
      }
    }
    return hasChild;
  }

  private static void addVote(
      Map<Element, Double> votes, List<Element> voted, Element target, double vote) {
    if (target == null) {
      return;
    }
    if (!votes.containsKey(target)) {
      voted.add(target);
    }
    votes.merge(target, vote, Double::sum);
  }

  /** Commas and stops: story text has many, menus and link lists have none. */
  /**
   * {@code punctuation(e.text())}, from the page's counts when they tell (as the votes take
   * them): without taking the text of a paragraph or a whole section.
   */
  private int punctuationOf(Element e) {
    int counted = share.punctuation(e);
    return counted >= 0 ? counted : punctuation(e.text());
  }

  private static int punctuation(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (",，、。;；".indexOf(text.charAt(i)) >= 0) {
        n++;
      }
    }
    return n;
  }

  /** The share of the element's text weight in links (nested links count twice), at most 1. */
  private double linkDensity(Element e) {
    int all = share.textWeight(e);
    if (all == 0) {
      return 1;
    }
    return Math.min(1.0, (double) share.linkWeight(e) / all);
  }

  private static String ownText(Element e) {
    StringBuilder sb = new StringBuilder();
    for (TextNode t : e.textNodes()) {
      sb.append(t.text());
    }
    return sb.toString();
  }

  /**
   * Class and id words of image captions and credits, skipped like {@code figcaption}; a
   * caption is a legend ({@code légende}, {@code Bildunterschrift}) in some languages' CMSs.
   */
  private static final NameWords CAPTION_WORDS =
      NameWords.of("caption captions credit credits legend legende bildunterschrift");

  /**
   * True for a caption or photo credit marked by class or id (wp-caption-text, img-credit). A
   * heading of more than a caption's few lines ({@value #MAX_CREDIT_WEIGHT}) is none, whatever
   * its class: design systems name a type style {@code caption}, and a standfirst set in it
   * under the headline is the story's lead.
   */
  private boolean isCaption(Element e) {
    long names = page.names(e);
    return (CAPTION_WORDS.in(names)
        && !(isHeading(e) && share.textWeight(e) > MAX_CREDIT_WEIGHT)) || isImageBox(e, names);
  }

  /** Class and id words of a box that shows an image, with its caption under it. */
  private static final NameWords IMAGE_WORDS =
      NameWords.of("image img photo picture figure foto bild");

  /**
   * Words of a block of text that carries an image beside it ({@code text-block with-image},
   * {@code story has-photo}): its text is the story's, not a caption.
   */
  private static final NameWords TEXT_BLOCK_WORDS =
      NameWords.of("with has text body content article story entry post");

  /** An image box's text is a caption: a sentence or two. */
  private static final int MAX_IMAGE_BOX_WEIGHT = 400;

  private static final Evaluator IMAGES = PageElements.selector("img, picture");

  // a headline's box (a "hero" post with its featured image) holds the lead, not a caption
  private static final Evaluator HEADINGS = PageElements.selector("h1, h2, h3, h4, h5, h6");

  /**
   * True for a box named as an image's that holds one and no more than a caption's text: the
   * caption is then a plain paragraph under the image ("In this Dec. 12, 2006, file photo, made
   * available by NASA, ..."), with no class of its own to say so. A box with a heading is a
   * teaser's or the headline's, and its text is no caption.
   */
  private boolean isImageBox(Element e, long names) {
    return IMAGE_WORDS.in(names) && !TEXT_BLOCK_WORDS.in(names)
        && share.textWeight(e) <= MAX_IMAGE_BOX_WEIGHT
        && e.selectFirst(IMAGES) != null && e.selectFirst(HEADINGS) == null;
  }

  /**
   * True for an element whose text is left out of lines: chrome, captions and credits. Kept per
   * element: the story's elements are walked two or three times.
   */
  private boolean skippedInLines(Element e) {
    Boolean skipped = skippedInLines.get(e);
    if (skipped == null) {
      skipped = chrome.isChrome(e) || e.normalName().equals("figcaption") || isCaption(e)
          || isRubyAnnotation(e) || isHoverCard(e);
      skippedInLines.put(e, skipped);
    }
    return skipped;
  }

  /** A hover card holds at least this many links (a name, a few headlines, a "more"). */
  private static final int HOVER_CARD_LINKS = 3;

  /**
   * True for a hover card: a {@code <span>} inside a paragraph that holds a picture and several
   * links (a person's photo, name and latest headlines), shown when the reader points at a name
   * in the sentence. Its text is no word of the sentence, and it has no words of its own between
   * its links: a span that does is the sentence's.
   */
  private boolean isHoverCard(Element e) {
    if (!e.normalName().equals("span") || e.closest("p") == null) {
      return false;
    }
    Element picture = e.selectFirst("img");
    if (picture == null || picture.parent().closest("span") != e) {
      return false; // the innermost span around the picture is the card: not the name's
    }
    for (TextNode t : e.textNodes()) {
      if (!t.isBlank()) {
        return false; // words of the sentence around a card
      }
    }
    // no plain word anywhere inside: a span wrapping the sentence's own spans (text pasted from
    // an editor, with an emoji picture) holds words between its links
    return share.plainWeight(e) == 0 && e.select("a[href]").size() >= HOVER_CARD_LINKS;
  }

  /**
   * True for a ruby annotation ({@code <rt>}, and the {@code <rp>} parentheses around it for
   * browsers without ruby): the reading of the characters it stands over, printed small above
   * them, not words of the sentence (Japanese news sites gloss their kanji this way).
   */
  private static boolean isRubyAnnotation(Element e) {
    return e.normalName().equals("rt") || e.normalName().equals("rp");
  }

  /** The container's text as lines: blocks and {@code <br>} end a line; chrome is skipped. */
  private List<Line> lines(Element container) {
    return lines(container, container);
  }

  /** The container's lines, those outside {@code inner} marked. */
  private List<Line> lines(Element container, Element inner) {
    LineCollector collector = new LineCollector(inner);
    NodeTraversor.filter(collector, container);
    collector.flush();
    return collector.lines;
  }

  /**
   * {@link TextNormalizer#normalizeWeighed} of a line's text, kept by the text's identity: a
   * line of one text node is that node's string (see {@link LineText}), so a paragraph read
   * again (the story's lines after the widening walk read them) is not normalized again.
   */
  private TextNormalizer.Weighed normalized(String text) {
    return normalizedLines.computeIfAbsent(text, TextNormalizer::normalizeWeighed);
  }

  /** {@code TextNormalizer.weight(TextNormalizer.normalize(text))}. */
  private int normalizedWeight(String text) {
    return normalized(text).weight();
  }

  /**
   * The text of the line being read. A line of one piece (a paragraph's one text node) is that
   * piece itself, no copy. A line of more is built in a new builder each time rather than in an
   * emptied one: a builder that once held a character beyond Latin-1 keeps two bytes a
   * character, so every later line would be widened as it is appended and narrowed when taken.
   */
  private static final class LineText {
    /** The only piece so far, or null. */
    private String single;
    /** The pieces so far when there are several, else null. */
    private StringBuilder joined;

    void append(String s) {
      if (joined != null) {
        joined.append(s);
      } else if (single == null) {
        single = s;
      } else {
        joined = new StringBuilder(single.length() + s.length()).append(single).append(s);
        single = null;
      }
    }

    /** The text, then empty. */
    String take() {
      String taken = joined != null ? joined.toString() : single != null ? single : "";
      joined = null;
      single = null;
      return taken;
    }
  }

  /**
   * A line of text.
   *
   * @param outside true if it lies outside the voted container, in the block widening added
   * @param structured true if it lies in a heading or an item of a list or table
   * @param heading true if it lies in a heading
   * @param lead true if it lies in an article's {@code <header>} or before the story, where
   *     only the lead is story ({@link #isLead})
   * @param title true if it lies in an h1
   * @param inBox true if its first text lies straight in a {@code <div>} with a class or id,
   *     outside quotes
   * @param inParagraph true if its first text lies straight in a {@code <p>}
   * @param rank the rank of the heading it lies in (1 for h1 to 6 for h6, 7 for a subheading
   *     named so), 0 outside headings
   */
  private record Line(String text, int weight, int linkWeight, boolean outside,
      boolean structured, boolean heading, boolean lead, boolean title, boolean inBox,
      boolean inParagraph, int rank) {}

  /** True for a template's block of its own: a {@code <div>} with a class or id. */
  private static boolean isNamedDiv(Element block) {
    return block != null && block.normalName().equals("div")
        && (block.hasAttr("class") || block.hasAttr("id"));
  }

  private final class LineCollector implements NodeFilter {
    private final List<Line> lines = new ArrayList<>();
    private final LineText text = new LineText();
    private final LineText linkText = new LineText();
    private final Element inner;
    private int linkDepth;
    private int structuredDepth;
    private int headingDepth;
    /** The rank of the innermost heading open, or 0. */
    private int rank;
    private int headerDepth;
    private int titleDepth;
    private int quoteDepth;
    private boolean inside;
    /** The innermost block of each open element that is one, innermost last. */
    private final List<Element> openBlocks = new ArrayList<>();
    /** The innermost block holding the line's first text, or null. */
    private Element lineBlock;
    /** True once the line's first text was seen (its block may be null: none open). */
    private boolean lineBlockSet;

    LineCollector(Element inner) {
      this.inner = inner;
    }

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof TextNode t) {
        text.append(t.getWholeText());
        if (linkDepth > 0) {
          linkText.append(t.getWholeText());
        }
        if (!lineBlockSet && !t.isBlank()) {
          lineBlock = openBlocks.isEmpty() ? null : openBlocks.get(openBlocks.size() - 1);
          lineBlockSet = true;
        }
      } else if (node instanceof Element e) {
        boolean header = chrome.isPlainHeader(e);
        if (depth > 0 && skippedInLines(e) && !header) {
          return FilterResult.SKIP_ENTIRELY;
        }
        if (BLOCKS.contains(e.normalName()) || e == inner || header) {
          flush();
        }
        if (BLOCKS.contains(e.normalName()) && !e.normalName().equals("br")) {
          openBlocks.add(e);
        }
        quoteDepth += e.normalName().equals("blockquote") ? 1 : 0;
        inside |= e == inner;
        linkDepth += e.normalName().equals("a") ? 1 : 0;
        boolean heading = isHeading(e); // asked once: a named subheading is found by its names
        structuredDepth += heading || isItem(e) ? 1 : 0;
        headingDepth += heading ? 1 : 0;
        rank = heading ? headingRank(e) : rank;
        headerDepth += header ? 1 : 0;
        titleDepth += e.normalName().equals("h1") ? 1 : 0;
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (node instanceof Element e) {
        linkDepth -= e.normalName().equals("a") ? 1 : 0;
        boolean header = chrome.isPlainHeader(e);
        if (BLOCKS.contains(e.normalName()) || e == inner || header) {
          flush();
        }
        if (BLOCKS.contains(e.normalName()) && !e.normalName().equals("br")) {
          openBlocks.remove(openBlocks.size() - 1);
        }
        quoteDepth -= e.normalName().equals("blockquote") ? 1 : 0;
        boolean heading = isHeading(e);
        structuredDepth -= heading || isItem(e) ? 1 : 0;
        headingDepth -= heading ? 1 : 0;
        rank = headingDepth > 0 ? rank : 0;
        headerDepth -= header ? 1 : 0;
        titleDepth -= e.normalName().equals("h1") ? 1 : 0;
        inside &= e != inner;
      }
      return FilterResult.CONTINUE;
    }

    void flush() {
      TextNormalizer.Weighed line = normalized(text.take());
      String links = linkText.take();
      if (!line.text().isEmpty()) {
        lines.add(new Line(line.text(), line.weight(), normalizedWeight(links), !inside,
            structuredDepth > 0, headingDepth > 0, headerDepth > 0, titleDepth > 0,
            isNamedDiv(lineBlock) && lineBlock != inner && quoteDepth == 0,
            lineBlock != null && lineBlock.normalName().equals("p"), rank));
      }
      lineBlock = null;
      lineBlockSet = false;
    }
  }

  /**
   * The lines between the end of the heading and the start of the story, in a walk of their
   * common ancestor; {@code <header>} is read, other chrome skipped. Lines are marked outside.
   */
  private final class LeadCollector implements NodeFilter {
    private final List<Line> lines = new ArrayList<>();
    private final LineText text = new LineText();
    private final LineText linkText = new LineText();
    private final Element heading;
    private final Element story;
    private boolean started;
    private int linkDepth;

    LeadCollector(Element heading, Element story) {
      this.heading = heading;
      this.story = story;
    }

    @Override
    public FilterResult head(Node node, int depth) {
      if (node == story) {
        return FilterResult.STOP;
      }
      if (node instanceof TextNode t) {
        if (started) {
          text.append(t.getWholeText());
          if (linkDepth > 0) {
            linkText.append(t.getWholeText());
          }
        }
      } else if (node instanceof Element e) {
        if (depth > 0 && skippedInLines(e) && !e.normalName().equals("header")) {
          // a heading in chrome (an h1 in the breadcrumbs): the lead starts after the chrome
          started |= isAncestor(e, heading);
          return FilterResult.SKIP_ENTIRELY;
        }
        if (BLOCKS.contains(e.normalName())) {
          flush();
        }
        linkDepth += e.normalName().equals("a") ? 1 : 0;
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (node == heading) {
        started = true;
      } else if (node instanceof Element e) {
        linkDepth -= e.normalName().equals("a") ? 1 : 0;
        if (BLOCKS.contains(e.normalName())) {
          flush();
        }
      }
      return FilterResult.CONTINUE;
    }

    void flush() {
      TextNormalizer.Weighed line = normalized(text.take());
      String links = linkText.take();
      if (!line.text().isEmpty()) {
        lines.add(new Line(line.text(), line.weight(), normalizedWeight(links), true, false,
            false, true, false, false, false, 0));
      }
    }
  }

  /**
   * The lines of each element of a chain of nested elements (each the parent of the one before),
   * from one walk of the outermost: its text is cut into pieces at every line end, as {@link
   * LineCollector} ends lines, and at the start and end of each element of the chain. The lines
   * of an element are then its pieces joined between line ends. A line inside the innermost
   * element reads the same at every level, so it is normalized and weighed once.
   *
   * <p>The same lines as walking each element on its own, provided no element of the chain but
   * the outermost is skipped from above ({@link #skippedInLines}) and none but the innermost is a
   * link (its text would be link text only from above): {@link #keptWeights} checks.
   */
  private final class ChainLines implements NodeFilter {
    private final Set<Element> chain = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<String> texts = new ArrayList<>();
    private final List<String> linkTexts = new ArrayList<>();
    /** True where a line ends after the piece of the same index. */
    private final List<Boolean> lineEnds = new ArrayList<>();
    /** Where each chain element's pieces start and end (exclusive). */
    private final Map<Element, int[]> ranges = new IdentityHashMap<>();
    /** Kept weight of the line made of pieces i..j, by i * pieces + j: shared between levels. */
    private final Map<Long, Integer> lineWeights = new HashMap<>();
    private final LineText text = new LineText();
    private final LineText linkText = new LineText();
    private int linkDepth;

    ChainLines(List<Element> chain) {
      this.chain.addAll(chain);
    }

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof TextNode t) {
        text.append(t.getWholeText());
        if (linkDepth > 0) {
          linkText.append(t.getWholeText());
        }
      } else if (node instanceof Element e) {
        if (depth > 0 && skippedInLines(e)) {
          return FilterResult.SKIP_ENTIRELY;
        }
        boolean inChain = chain.contains(e);
        if (BLOCKS.contains(e.normalName()) || inChain) {
          cut(BLOCKS.contains(e.normalName()));
        }
        if (inChain) {
          ranges.put(e, new int[] {texts.size(), -1});
        }
        linkDepth += e.normalName().equals("a") ? 1 : 0;
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (node instanceof Element e) {
        linkDepth -= e.normalName().equals("a") ? 1 : 0;
        boolean inChain = chain.contains(e);
        if (BLOCKS.contains(e.normalName()) || inChain) {
          cut(BLOCKS.contains(e.normalName()));
        }
        if (inChain) {
          ranges.get(e)[1] = texts.size();
        }
      }
      return FilterResult.CONTINUE;
    }

    /** Ends the current piece; {@code lineEnd} if a line ends there at every level. */
    private void cut(boolean lineEnd) {
      texts.add(text.take());
      linkTexts.add(linkText.take());
      lineEnds.add(lineEnd);
    }

    /** {@link ContentFinder#keptWeight} of an element of the chain. */
    int keptWeight(Element e) {
      int[] range = ranges.get(e);
      int w = 0;
      int first = range[0];
      for (int i = range[0]; i < range[1]; i++) {
        if (lineEnds.get(i) || i == range[1] - 1) {
          w += lineWeight(first, i);
          first = i + 1;
        }
      }
      return w;
    }

    /** The weight of the line made of pieces {@code first..last} if it is kept, else 0. */
    private int lineWeight(int first, int last) {
      return lineWeights.computeIfAbsent((long) first * texts.size() + last, k -> {
        TextNormalizer.Weighed normalized = normalized(joined(texts, first, last));
        int weight = normalized.weight();
        int linkWeight = normalizedWeight(joined(linkTexts, first, last));
        return !normalized.text().isEmpty() && isKept(weight, linkWeight) ? weight : 0;
      });
    }

    /** The pieces {@code first..last} joined: the piece itself for a line of one (most are). */
    private static String joined(List<String> pieces, int first, int last) {
      if (first == last) {
        return pieces.get(first);
      }
      StringBuilder joined = new StringBuilder();
      for (int i = first; i <= last; i++) {
        joined.append(pieces.get(i));
      }
      return joined.toString();
    }
  }
}
