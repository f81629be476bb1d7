package org.gazette.sample;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.gazette.sample.SampleContent.Article;

/**
 * Writes the articles the sample site publishes while it runs, and the new versions of the ones
 * it edits. The text depends only on the arguments, so that a test that publishes twice and edits
 * once gets the same pages on every run; {@link SampleEditor} decides numbers and times.
 */
final class SampleWriter {

  /** The flag of articles published at runtime (the bundled ones never carry it). */
  static final String PUBLISHED = "published";

  private final List<String> sentences = SampleContent.lines("sentences.txt");
  private final Map<String, String> hant = SampleContent.labels("zh-Hant");
  private final Map<String, String> hans = SampleContent.labels("zh-Hans");

  /**
   * The {@code n}th article published at runtime (1-based): id {@code FIRST_ID + n}, above every
   * bundled one, a UTF-8 Traditional Chinese page whose title and first paragraph name {@code n}
   * ("即時新聞 #n", "published article #n"), then a body generated as the bundled ones are.
   */
  Article publish(int n, LocalDateTime at) {
    if (n < 1) {
      throw new IllegalArgumentException("articles are numbered from 1: " + n);
    }
    int id = SampleContent.FIRST_ID + n;
    Random r = new Random(id * 31L + 7); // the bundled articles' seeding: same id, same text
    String title = number(hant.get("published.title"), n);
    String[] sources = hant.get("sources").split(",");
    String[] editors = hant.get("editors").split(",");
    String source = sources[r.nextInt(sources.length)];
    String editor = editors[r.nextInt(editors.length)];
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(number(hant.get("published.lead"), n));
    paragraphs.addAll(SampleContent.generate(r, title, source, at, sentences));
    return new Article(id, SampleContent.path(id, at), title, at, hant.get("published.column"),
        source, editor, 0, "utf-8", Set.of(PUBLISHED), List.copyOf(paragraphs));
  }

  /**
   * Edit number {@code revision} (1-based) of {@code current}: the same article, updated
   * {@code at}, with a dated note appended to its body. Earlier notes stay, as on real sites,
   * and the number in each makes every version's text differ from every other.
   */
  Article revise(Article current, int revision, LocalDateTime at) {
    if (revision < 1) {
      throw new IllegalArgumentException("edits are numbered from 1: " + revision);
    }
    if (!at.isAfter(current.updated())) {
      // Last-Modified must move forward, or If-Modified-Since would hide the edit.
      throw new IllegalArgumentException("an edit at " + at + " is not after " + current.updated());
    }
    Map<String, String> l = current.simplified() ? hans : hant;
    List<String> paragraphs = new ArrayList<>(current.paragraphs());
    paragraphs.add(number(l.get("revised"), revision).replace("{time}", SampleContent.minute(at)));
    return new Article(current.id(), current.path(), current.title(), at, current.column(),
        current.source(), current.editor(), current.comments(), current.charset(),
        current.flags(), List.copyOf(paragraphs));
  }

  private static String number(String template, int n) {
    return template.replace("{n}", Integer.toString(n));
  }
}
