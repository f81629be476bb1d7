package org.gazette.extract;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labelled lines around a story: {@code 責任編輯: 連政}, {@code 來源: 外交部網站}, {@code 作者:},
 * {@code Source:}, and datelines such as {@code 最后更新: 2020-03-18 22:36:10}. They give the
 * editor, source and author fields and must never reach the body. Lines are matched after
 * {@link TextNormalizer#normalize}, so converter artifacts in labels ({@code 責(zé)任}) are gone.
 */
final class LabeledLines {

  private static final String EDITOR_LABEL = "責任編輯|责任编辑|編輯|编辑|Editor";
  private static final String SOURCE_LABEL = "本文來源|本文来源|來源|来源|Source";
  private static final String AUTHOR_LABEL = "作者|記者|记者|Author";
  private static final String DATE_LABEL = "最后更新|最後更新|更新時間|更新时间|發布時間|发布时间|發佈時間"
      + "|時間|时间|日期|Published|Updated|Last updated|Posted";

  /** Where a value ends: the next label, a bracket or separator, a date, or the end. */
  private static final String VALUE =
      "\\s*[:：]\\s*(?<v>[^|()（）\\[\\]【】;；]{1,60}?)(?=\\s*(?:$|[|丨()（）\\[\\]【】;；]"
          + "|\\s(?:" + EDITOR_LABEL + "|" + SOURCE_LABEL + "|" + AUTHOR_LABEL + "|" + DATE_LABEL
          + "|By)\\b|\\s\\d{4}[-/.年]))";

  private static final Label EDITOR = new Label(EDITOR_LABEL);
  private static final Label SOURCE = new Label(SOURCE_LABEL);
  private static final Label AUTHOR = new Label(AUTHOR_LABEL);

  /**
   * The pattern of a label's values, and the label's words: the pattern matches only where one
   * of them is written as it is (the pattern is case-sensitive), so a line without any is passed
   * over without trying the pattern at every position.
   */
  private record Label(Pattern pattern, List<String> words) {
    Label(String labels) {
      this(label(labels), List.of(labels.split("\\|")));
    }

    boolean mayMatch(String line) {
      for (String w : words) {
        if (line.contains(w)) {
          return true;
        }
      }
      return false;
    }
  }

  /** A line that starts with one of the labels, perhaps after a bracket or dash. */
  private static final Pattern STARTS_LABELLED =
      Pattern.compile(
          "^[\\s\\-–—\\[(（【]*(?:" + EDITOR_LABEL + "|" + SOURCE_LABEL + "|" + AUTHOR_LABEL
              + ")\\s*[:：]",
          Pattern.CASE_INSENSITIVE);

  /** A label and the word after it: what a dateline may carry besides its times. */
  private static final Pattern LABELLED_VALUE =
      Pattern.compile("(?:" + EDITOR_LABEL + "|" + SOURCE_LABEL + "|" + AUTHOR_LABEL
          + ")\\s*[:：]\\s*\\S*", Pattern.CASE_INSENSITIVE);

  private static final Pattern DATE_WORDS =
      Pattern.compile(DATE_LABEL + "|\\b(?:on|at)\\b|星期.|週.|周.", Pattern.CASE_INSENSITIVE);

  private static final Pattern NOT_WORDS = Pattern.compile("[\\p{P}\\p{S}\\p{Z}\\s]+");

  /** Datelines are short; a long line with a date in it is story text. */
  private static final int MAX_DATELINE = 100;

  /** A date without a time makes a dateline only in a short line ({@code June 2, 2021}). */
  private static final int MAX_DATE_ONLY_LINE = 40;

  /** What may remain of a dateline besides times and labels: a zone name (ET), a weekday. */
  private static final int MAX_DATELINE_REST = 6;

  private static final Pattern HAS_CJK = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");

  private LabeledLines() {}

  /** The editor named in a line, e.g. {@code 連政}. */
  static Optional<String> editor(String line) {
    return value(EDITOR, line);
  }

  /** The source named in a line, e.g. {@code 外交部網站}. */
  static Optional<String> source(String line) {
    return value(SOURCE, line);
  }

  /** The author named in a labelled line ({@code 作者:}). */
  static Optional<String> author(String line) {
    return value(AUTHOR, line);
  }

  /**
   * True for a line that is page furniture, not story: it starts with an editor, source or
   * author label, or it is a dateline, a line that is nothing but date-times, their labels and
   * labelled values ({@code 發布時間：... 更新時間：... 来源：新华社}).
   */
  static boolean isMetaLine(String line, ZoneId zone) {
    // anchored at ^ (not multiline): lookingAt is what find does, without trying every position
    if (STARTS_LABELLED.matcher(line).lookingAt()) {
      return true;
    }
    if (line.length() <= MAX_FIELDS_LINE && fields(line) >= 2) {
      return true;
    }
    if (line.length() > MAX_DATELINE) {
      return false; // too long for a dateline, dates or not: most story lines, read no further
    }
    List<DateParser.Match> dates = DateParser.findAll(line, zone);
    if (dates.isEmpty()
        || (!dates.get(0).hasTime() && line.length() > MAX_DATE_ONLY_LINE)) {
      return false;
    }
    StringBuilder rest = new StringBuilder(line);
    for (int i = dates.size() - 1; i >= 0; i--) {
      rest.replace(dates.get(i).start(), dates.get(i).end(), " ");
    }
    String left = LABELLED_VALUE.matcher(rest).replaceAll(" ");
    left = DATE_WORDS.matcher(left).replaceAll(" ");
    return NOT_WORDS.matcher(left).replaceAll("").length() <= MAX_DATELINE_REST;
  }

  /**
   * A post's labelled fields as blogs print them in one line under the title: {@code 05/10/2018 -
   * Publicado por: Clarissa Borba - Categoria: Saúde - Tags: ...}. Each at the line's start or
   * after a dash or bar: "Price tag: $2 million" inside a sentence is none.
   */
  private static final Pattern FIELD = Pattern.compile(
      "(?:^|[\\-–—|·•]\\s*)(?:(?:publicado|postado|escrito) por|(?:posted|published|written|filed)"
          + " (?:by|under|in)|categor(?:ia|ias|y|ies|ie)|kategorie|tags?|schlagw(?:orte|örter)"
          + "|autor|author|seção|sección|section|rubrik|fonte|fuente)\\s*[:：]",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** A line of labelled fields is a line or two. */
  private static final int MAX_FIELDS_LINE = 200;

  /** The labelled fields ({@link #FIELD}) in a line, counted up to 2. */
  private static int fields(String line) {
    if (line.indexOf(':') < 0 && line.indexOf('：') < 0) {
      return 0;
    }
    Matcher m = FIELD.matcher(line);
    int n = 0;
    while (n < 2 && m.find()) {
      n++;
    }
    return n;
  }

  private static Pattern label(String labels) {
    // case-sensitive on purpose: "Source:" labels a line, "open source: ..." does not
    return Pattern.compile("(?:" + labels + ")" + VALUE);
  }

  private static Optional<String> value(Label label, String line) {
    if ((line.indexOf(':') < 0 && line.indexOf('：') < 0) || !label.mayMatch(line)) {
      return Optional.empty(); // every label is followed by a colon: most lines have none
    }
    Matcher m = label.pattern().matcher(line);
    if (!m.find()) {
      return Optional.empty();
    }
    String v = m.group("v").strip();
    int space = v.indexOf(' ');
    if (space > 0 && HAS_CJK.matcher(v).find()) {
      // CJK names have no spaces: "連政 2020-03-18" or "新华社 作者" ended the value
      v = v.substring(0, space);
    }
    v = v.replaceAll("[\\s\\-–—:：,，.。]+$", "");
    return v.isEmpty() ? Optional.empty() : Optional.of(v);
  }
}
