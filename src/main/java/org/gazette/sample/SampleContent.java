package org.gazette.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The sample site's articles and listing pages: the seed article plus {@code articles.txt}, with
 * generated bodies, all deterministic (same ids, paths and text on every start, every JVM) so that
 * tests can name pages and expected text. Rendering is {@link SamplePages}' job.
 */
final class SampleContent {

  static final int PER_PAGE = 14;
  /** Ids count down from here, newest first, so the seed article (the newest) gets this one. */
  static final int FIRST_ID = 537046;

  /**
   * One article page.
   *
   * @param column the listing's column name, or null (the seed listing has an item without one)
   * @param charset the page's encoding label as declared in its meta tag: utf-8, gbk, gb2312, big5
   * @param flags hot, related, pinyin, plain, seed (see articles.txt)
   */
  record Article(int id, String path, String title, LocalDateTime updated, String column,
      String source, String editor, int comments, String charset, Set<String> flags,
      List<String> paragraphs) {

    boolean simplified() {
      return charset.startsWith("gb");
    }

    boolean is(String flag) {
      return flags.contains(flag);
    }
  }

  /** Traditional characters the seed's converter annotated, with the pinyin it appended. */
  private static final String PINYIN = "時shí 應yīng 網wǎng 據jù 發fā 經jīng 強qiáng 調diào 會huì "
      + "對duì 統tǒng 個gè 點diǎn 機jī 運yùn 測cè 號hào 報bào 關guān 評píng 價jià 議yì 態tài "
      + "勢shì 戰zhàn 區qū 學xué 級jí 務wù 衛wèi";
  private static final String[] COUNTRIES =
      {"美國", "德國", "法國", "意大利", "西班牙", "英國", "日本", "韓國", "俄羅斯", "澳大利亞"};
  private static final String[] ORGS =
      {"聯合國", "歐盟委員會", "國際貨幣基金組織", "世界銀行", "國際奧委會", "七國集團"};
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final List<Article> articles;
  private final Map<String, Article> byPath = new LinkedHashMap<>();

  private SampleContent(List<Article> articles) {
    this.articles = List.copyOf(articles);
    articles.forEach(a -> byPath.put(a.path(), a));
  }

  /** Reads the bundled resources; the site never touches files outside the jar. */
  static SampleContent load() {
    List<String> seed = lines("seed-article.txt");
    List<String> rows = lines("articles.txt");
    List<String> sentences = lines("sentences.txt");
    List<Article> list = new ArrayList<>();
    list.add(seedArticle(seed));
    for (int i = 0; i < rows.size(); i++) {
      String row = rows.get(i);
      if (row.isBlank() || row.startsWith("#") || row.startsWith(">")) {
        continue;
      }
      List<String> body = new ArrayList<>();
      for (int j = i + 1; j < rows.size() && rows.get(j).startsWith(">"); j++) {
        body.add(rows.get(j).substring(1).strip());
      }
      list.add(article(FIRST_ID - list.size(), row.split(" \\| ", -1), body, sentences));
    }
    return new SampleContent(list);
  }

  List<Article> articles() {
    return articles;
  }

  Article byPath(String path) {
    return byPath.get(path);
  }

  Article seed() {
    return articles.get(0);
  }

  int pageCount() {
    return pageCount(articles.size());
  }

  /** Listing pages needed for {@code articles} articles, {@value #PER_PAGE} a page. */
  static int pageCount(int articles) {
    return (articles + PER_PAGE - 1) / PER_PAGE;
  }

  /** Listing page {@code n}, 1-based, of {@code newestFirst}. */
  static List<Article> page(List<Article> newestFirst, int n) {
    return newestFirst.subList((n - 1) * PER_PAGE, Math.min(newestFirst.size(), n * PER_PAGE));
  }

  /** The seed page's hot list, in the seed's order; the same on every page, as on the seed. */
  List<Article> hot() {
    return articles.stream().filter(a -> a.is("hot")).toList();
  }

  /** The seed article gets the seed's related block; others 4-6 picks seeded by their id. */
  List<Article> related(Article a) {
    if (a.is("seed")) {
      return articles.stream().filter(x -> x.is("related")).toList();
    }
    List<Article> others = new ArrayList<>(articles);
    others.remove(a);
    Collections.shuffle(others, new Random(a.id()));
    return others.subList(0, 4 + a.id() % 3);
  }

  static String minute(LocalDateTime t) {
    return t.format(MINUTE);
  }

  private static Article seedArticle(List<String> lines) {
    Map<String, String> head = new LinkedHashMap<>();
    List<String> body = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(": ");
      if (body.isEmpty() && colon > 0 && colon < 10 && line.substring(0, colon).matches("[a-z]+")) {
        head.put(line.substring(0, colon), line.substring(colon + 2));
      } else {
        body.add(line);
      }
    }
    LocalDateTime updated = LocalDateTime.parse(head.get("updated").replace(' ', 'T'));
    return new Article(FIRST_ID, path(FIRST_ID, updated), head.get("title"), updated,
        head.get("column"), head.get("source"), head.get("editor"),
        Integer.parseInt(head.get("comments")), "utf-8", Set.of("seed"), List.copyOf(body));
  }

  private static Article article(int id, String[] f, List<String> body, List<String> sentences) {
    // Seconds derived from the id: listings show minutes, article pages show seconds too.
    LocalDateTime updated = LocalDateTime.parse(f[0].replace(' ', 'T')).withSecond(id % 60);
    String charset = f[3].strip();
    Set<String> flags = f[4].isBlank() ? Set.of() : Set.of(f[4].strip().split(","));
    Random r = new Random(id * 31L + 7);
    Map<String, String> labels = labels(charset.startsWith("gb") ? "zh-Hans" : "zh-Hant");
    String[] sources = labels.get("sources").split(",");
    String[] editors = labels.get("editors").split(",");
    String source = f[5].isBlank() ? sources[r.nextInt(sources.length)] : f[5].strip();
    String editor = editors[r.nextInt(editors.length)];
    int comments = f[2].isBlank() ? r.nextInt(300) : Integer.parseInt(f[2].strip());
    String title = f[6].strip();
    List<String> paragraphs =
        body.isEmpty() ? generate(r, title, source, updated, sentences) : body;
    boolean pinyin = flags.contains("pinyin")
        || (!flags.contains("plain") && charset.equals("utf-8") && id % 3 == 0);
    if (pinyin) {
      paragraphs = paragraphs.stream().map(SampleContent::addArtifacts).toList();
    }
    String column = f[1].isBlank() ? null : f[1].strip();
    return new Article(id, path(id, updated), title, updated, column, source, editor, comments,
        charset, flags, List.copyOf(paragraphs));
  }

  static List<String> generate(Random r, String title, String source, LocalDateTime t,
      List<String> sentences) {
    List<String> leads = sentences.stream().filter(s -> s.startsWith("lead:"))
        .map(s -> s.substring(5)).toList();
    List<String> rest = sentences.stream()
        .filter(s -> !s.startsWith("lead:") && !s.startsWith("#") && !s.isBlank()).toList();
    List<String> out = new ArrayList<>();
    int count = 3 + r.nextInt(6);
    for (int p = 0; p < count; p++) {
      StringBuilder para = new StringBuilder();
      if (p == 0) {
        para.append(leads.get(r.nextInt(leads.size())));
      }
      for (int s = 0, n = 1 + r.nextInt(3); s < n; s++) {
        para.append(rest.get(r.nextInt(rest.size())));
      }
      out.add(fill(para.toString(), r, title, source, t));
    }
    return out;
  }

  private static String fill(String text, Random r, String title, String source, LocalDateTime t) {
    return text.replace("{headline}", title)
        .replace("{source}", source)
        .replace("{m}", Integer.toString(t.getMonthValue()))
        .replace("{d}", Integer.toString(t.getDayOfMonth()))
        .replace("{country}", COUNTRIES[r.nextInt(COUNTRIES.length)])
        .replace("{org}", ORGS[r.nextInt(ORGS.length)])
        .replace("{num}", Integer.toString(12 + r.nextInt(3000)));
  }

  /** Imitates the seed's converter: a character followed by its pinyin in parentheses. */
  static String addArtifacts(String text) {
    Map<Character, String> map = new LinkedHashMap<>();
    for (String entry : PINYIN.split(" ")) {
      map.put(entry.charAt(0), entry.substring(1));
    }
    StringBuilder out = new StringBuilder(text.length() * 2);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c);
      // Skip characters already annotated (titles from the seed carry their own artifacts).
      boolean annotated = i + 1 < text.length() && text.charAt(i + 1) == '(';
      if (map.containsKey(c) && !annotated) {
        out.append('(').append(map.get(c)).append(')');
      }
    }
    return out.toString();
  }

  static String path(int id, LocalDateTime t) {
    return String.format("/news/%04d/%02d/%02d/%d.shtml",
        t.getYear(), t.getMonthValue(), t.getDayOfMonth(), id);
  }

  /** Page furniture and name pools per language: labels-zh-Hant or labels-zh-Hans.properties. */
  static Map<String, String> labels(String lang) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String line : lines("labels-" + lang + ".properties")) {
      int eq = line.indexOf('=');
      if (!line.startsWith("#") && eq > 0) {
        labels.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return labels;
  }

  static List<String> lines(String resource) {
    try (InputStream in = SampleContent.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource org/gazette/sample/" + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return reader.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + resource, e);
    }
  }
}
