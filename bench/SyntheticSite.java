import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Writes a synthetic English news site as static files, for bench/crawl.sh (served by nginx,
 * crawled by gazette and by wget). Not part of gazette: a single-file program, run with
 *
 * <pre>java bench/SyntheticSite.java OUTDIR [ARTICLES] [PER_LISTING] [SEED]</pre>
 *
 * (defaults 5000, 50, 9). The same arguments always give the same bytes (fixed seed, fixed
 * dates). The site:
 *
 * <ul>
 *   <li>{@code /robots.txt} allowing everything, {@code /index.html} (the front page: top
 *       stories and the first listing page);
 *   <li>{@code /news/list/N.html}, ARTICLES / PER_LISTING listing pages, newest first: each
 *       item a headline link, a time, a section and a comment count; pagination with first,
 *       previous, the pages around this one, next and last;
 *   <li>{@code /news/YYYY/MM/DD/ID.html}, the articles, about 9 KB each: a head with meta,
 *       OpenGraph and JSON-LD, navigation, a header, breadcrumbs, headline, byline and time,
 *       body paragraphs, an editor line, a related block of 5 to 10 other articles with comment
 *       counts, a footer. Links only ever point at pages that exist; no images, scripts or
 *       style sheets are linked, so a crawler fetches HTML pages only.
 * </ul>
 *
 * Every article is on exactly one listing page; the listings are chained by their pagination,
 * so following links from {@code /} reaches every page. It prints the number of pages (robots.txt
 * not counted) and the bytes written.
 */
public final class SyntheticSite {
  private static final String SITE = "The Daily Synthetic";
  private static final String[] SECTIONS = {"World", "Politics", "Business", "Technology",
      "Science", "Health", "Sport", "Culture", "Opinion", "Local"};
  private static final String[] FIRST = {"Anna", "Ben", "Chloe", "David", "Elena", "Farid",
      "Grace", "Hiro", "Ines", "James", "Kofi", "Lena", "Marco", "Nadia", "Omar", "Priya",
      "Quentin", "Rosa", "Samuel", "Tara", "Ulrich", "Vera", "Wei", "Yusuf", "Zoe"};
  private static final String[] LAST = {"Adams", "Brennan", "Castillo", "Dubois", "Eriksen",
      "Fischer", "Garcia", "Haddad", "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau",
      "Nakamura", "Okafor", "Petrov", "Quinn", "Rossi", "Schmidt", "Tanaka", "Usman", "Varga",
      "Walsh", "Xu", "Yamada", "Zhang"};
  private static final String[] SUBJECTS = {"Council", "Ministers", "Researchers", "Regulators",
      "Investors", "Residents", "Doctors", "Teachers", "Engineers", "Farmers", "Officials",
      "Voters", "Unions", "Scientists", "Police", "Lawmakers", "Startups", "Airlines", "Banks",
      "Hospitals", "Universities", "Museums", "Coaches", "Fans"};
  private static final String[] VERBS = {"approve", "reject", "question", "welcome", "debate",
      "delay", "announce", "unveil", "criticise", "back", "review", "expand", "cut", "test",
      "launch", "defend", "warn over", "call for", "push back on", "celebrate"};
  private static final String[] OBJECTS = {"new budget", "river bridge plan", "tax reform",
      "vaccine rollout", "rail strike deal", "housing project", "climate targets",
      "school reform", "data rules", "water prices", "energy subsidies", "trade agreement",
      "stadium plans", "hospital funding", "research grant", "museum expansion",
      "bus network", "harbour upgrade", "digital ID scheme", "pension changes",
      "wildfire response", "flood defences", "chip factory", "festival lineup"};
  private static final String[] PLACES = {"in the capital", "after long talks",
      "amid protests", "ahead of elections", "for second year", "despite warnings",
      "in northern towns", "at summit", "as costs rise", "after court ruling", "in landmark vote",
      "before winter", "on the coast", "in rural areas", "following review"};
  private static final String[] WORDS = ("the a of to and in on for with as by at from that this "
      + "which while after before during since until because although however meanwhile "
      + "government city council minister report study data plan project budget market price "
      + "cost tax rate growth economy company industry worker family school student teacher "
      + "hospital patient doctor health service water energy power climate weather storm "
      + "flood fire road bridge rail train bus airport harbour river coast village region "
      + "country border election vote party leader campaign court judge law rule policy "
      + "agreement deal talks summit meeting statement interview spokesperson official expert "
      + "researcher scientist analysis survey figure number percent million billion year month "
      + "week day morning evening night season spring summer autumn winter history future "
      + "change reform increase decrease rise fall risk warning concern support criticism "
      + "protest demand response decision proposal review investigation result effect impact "
      + "said says told added noted explained warned argued suggested confirmed announced "
      + "expected planned approved rejected delayed launched opened closed reached agreed "
      + "local national regional international public private new old large small early late "
      + "major minor recent current previous next first last long short high low strong weak "
      + "open clear difficult important possible likely significant several many most some "
      + "few other further second third final full half whole main key central northern "
      + "southern eastern western community residents people visitors members officials "
      + "groups families businesses farmers engineers voters fans players coaches artists").split(" ");
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
  private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter LONG =
      DateTimeFormatter.ofPattern("MMMM d, yyyy h:mm a", Locale.ENGLISH);
  private static final LocalDateTime NEWEST = LocalDateTime.of(2024, 6, 30, 18, 0);

  private record Article(int id, String title, String section, String author, String editor,
      LocalDateTime published, int comments, String summary) {
    String path() {
      return String.format("/news/%04d/%02d/%02d/%d.html", published.getYear(),
          published.getMonthValue(), published.getDayOfMonth(), id);
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: java SyntheticSite.java OUTDIR [ARTICLES] [PER_LISTING] [SEED]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
    int perListing = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 9;
    new SyntheticSite(out, count, perListing, new Random(seed)).write();
  }

  private final Path out;
  private final int perListing;
  private final Random random;
  private final List<Article> articles = new ArrayList<>(); // newest first
  private long bytes;
  private int pages;

  private SyntheticSite(Path out, int count, int perListing, Random random) {
    this.out = out;
    this.perListing = perListing;
    this.random = random;
    LocalDateTime t = NEWEST;
    for (int i = 0; i < count; i++) {
      int id = 100_000 + count - i;
      t = t.minusMinutes(5 + random.nextInt(50));
      String title = pick(SUBJECTS) + " " + pick(VERBS) + " " + pick(OBJECTS) + " " + pick(PLACES);
      articles.add(new Article(id, title, pick(SECTIONS), pick(FIRST) + " " + pick(LAST),
          pick(FIRST) + " " + pick(LAST), t, random.nextInt(400), sentence(18, 30)));
    }
  }

  private void write() throws IOException {
    Files.createDirectories(out);
    file("/robots.txt", "# robots.txt of " + SITE + ": every crawler, every page\n"
        + "User-agent: *\nAllow: /\n", false);
    int listings = (articles.size() + perListing - 1) / perListing;
    file("/index.html", front(listings), true);
    for (int n = 1; n <= listings; n++) {
      file("/news/list/" + n + ".html", listing(n, listings), true);
    }
    for (int i = 0; i < articles.size(); i++) {
      file(articles.get(i).path(), article(i, listings), true);
    }
    System.out.printf("%d pages (1 front page, %d listings, %d articles), %d bytes, in %s%n",
        pages, listings, articles.size(), bytes, out);
  }

  private void file(String path, String content, boolean page) throws IOException {
    Path p = out.resolve(path.substring(1));
    Files.createDirectories(p.getParent());
    byte[] b = content.getBytes(StandardCharsets.UTF_8);
    Files.write(p, b);
    bytes += b.length;
    if (page) {
      pages++;
    }
  }

  // ---- pages

  private String front(int listings) {
    StringBuilder b = new StringBuilder(16_000);
    head(b, SITE + " - news, updated around the clock", "Latest news from " + SITE + ".", "/",
        "website", "");
    top(b);
    b.append("<main class=\"front\">\n<section class=\"top-stories\">\n<h2>Top stories</h2>\n");
    for (Article a : articles.subList(0, Math.min(12, articles.size()))) {
      b.append("<div class=\"teaser\"><h3><a href=\"").append(a.path()).append("\">")
          .append(esc(a.title())).append("</a></h3>\n<p>").append(esc(a.summary()))
          .append("</p>\n<span class=\"time\">").append(a.published().format(SHORT))
          .append("</span> <span class=\"section\">").append(a.section())
          .append("</span> <span class=\"comments\">").append(a.comments())
          .append(" comments</span></div>\n");
    }
    b.append("</section>\n<p class=\"more\"><a href=\"/news/list/1.html\">More news</a></p>\n")
        .append("</main>\n");
    foot(b);
    return b.toString();
  }

  private String listing(int n, int listings) {
    StringBuilder b = new StringBuilder(16_000);
    String path = "/news/list/" + n + ".html";
    head(b, "Latest news, page " + n + " - " + SITE, "All stories of " + SITE + ", newest first.",
        path, "website", (n > 1 ? "<link rel=\"prev\" href=\"/news/list/" + (n - 1) + ".html\">\n"
            : "") + (n < listings ? "<link rel=\"next\" href=\"/news/list/" + (n + 1) + ".html\">\n"
            : ""));
    top(b);
    b.append("<main class=\"listing\">\n<h1>Latest news</h1>\n<ul class=\"news-list\">\n");
    int from = (n - 1) * perListing;
    for (Article a : articles.subList(from, Math.min(from + perListing, articles.size()))) {
      b.append("<li class=\"item\"><h3><a href=\"").append(a.path()).append("\">")
          .append(esc(a.title())).append("</a></h3>\n<span class=\"time\">")
          .append(a.published().format(SHORT)).append("</span> <span class=\"section\">")
          .append(a.section()).append("</span> <span class=\"comments\">").append(a.comments())
          .append(" comments</span></li>\n");
    }
    b.append("</ul>\n<div class=\"pagination\">\n");
    if (n > 1) {
      b.append("<a href=\"/news/list/1.html\">First</a> <a rel=\"prev\" href=\"/news/list/")
          .append(n - 1).append(".html\">Previous</a>\n");
    }
    for (int k = Math.max(1, n - 3); k <= Math.min(listings, n + 3); k++) {
      b.append(k == n ? "<span class=\"current\">" + k + "</span>\n"
          : "<a href=\"/news/list/" + k + ".html\">" + k + "</a>\n");
    }
    if (n < listings) {
      b.append("<a rel=\"next\" href=\"/news/list/").append(n + 1)
          .append(".html\">Next</a> <a href=\"/news/list/").append(listings)
          .append(".html\">Last</a>\n");
    }
    b.append("</div>\n</main>\n");
    foot(b);
    return b.toString();
  }

  private String article(int index, int listings) {
    Article a = articles.get(index);
    StringBuilder b = new StringBuilder(12_000);
    String published = a.published().atOffset(ZoneOffset.UTC).format(ISO);
    String modified = a.published().plusMinutes(20 + random.nextInt(300))
        .atOffset(ZoneOffset.UTC).format(ISO);
    String meta = "<meta property=\"article:published_time\" content=\"" + published + "\">\n"
        + "<meta property=\"article:modified_time\" content=\"" + modified + "\">\n"
        + "<meta property=\"article:section\" content=\"" + a.section() + "\">\n"
        + "<meta property=\"article:author\" content=\"" + a.author() + "\">\n"
        + "<meta name=\"author\" content=\"" + a.author() + "\">\n"
        + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
        + "\"@type\":\"NewsArticle\",\"headline\":\"" + a.title() + "\",\"description\":\""
        + a.summary() + "\",\"datePublished\":\"" + published + "\",\"dateModified\":\""
        + modified + "\",\"articleSection\":\"" + a.section() + "\",\"author\":[{\"@type\":"
        + "\"Person\",\"name\":\"" + a.author() + "\"}],\"publisher\":{\"@type\":"
        + "\"Organization\",\"name\":\"" + SITE + "\",\"logo\":{\"@type\":\"ImageObject\","
        + "\"url\":\"/static/logo.png\"}},\"image\":[\"/static/img/" + a.id() + ".jpg\"],"
        + "\"mainEntityOfPage\":\"" + a.path() + "\"}</script>\n";
    head(b, a.title() + " - " + SITE, a.summary(), a.path(), "article", meta);
    top(b);
    int listing = index / perListing + 1;
    b.append("<main class=\"article-page\">\n<nav class=\"breadcrumb\"><a href=\"/\">Home</a> "
            + "&rsaquo; <a href=\"/news/list/").append(listing).append(".html\">")
        .append(a.section()).append("</a></nav>\n<article class=\"story\">\n<h1 class=\"headline\">")
        .append(esc(a.title())).append("</h1>\n<div class=\"byline\">By <span class=\"author\">")
        .append(a.author()).append("</span> &middot; <time datetime=\"").append(published)
        .append("\">").append(a.published().format(LONG)).append("</time> &middot; <span")
        .append(" class=\"comments\">").append(a.comments()).append(" comments</span></div>\n")
        .append("<p class=\"lead\"><strong>").append(esc(a.summary())).append("</strong></p>\n")
        .append("<div class=\"article-body\">\n");
    int target = 2_500 + random.nextInt(1_600); // body text; the page comes to about 9 KB
    int written = 0;
    int paragraph = 0;
    while (written < target) {
      String p = paragraph(3 + random.nextInt(4));
      b.append("<p>").append(p).append("</p>\n");
      written += p.length() + 8;
      if (++paragraph == 4 && random.nextBoolean()) {
        b.append("<h2>").append(capital(sentence(3, 6)).replace(".", "")).append("</h2>\n");
      }
      if (paragraph == 3) {
        b.append("<blockquote><p>&ldquo;").append(sentence(10, 20))
            .append("&rdquo;</p></blockquote>\n");
      }
    }
    b.append("</div>\n<p class=\"editor\">Editor: ").append(a.editor()).append("</p>\n")
        .append("</article>\n<aside class=\"related\">\n<h2>Related</h2>\n<ul>\n");
    for (int other : related(index)) {
      Article r = articles.get(other);
      b.append("<li><a href=\"").append(r.path()).append("\">").append(esc(r.title()))
          .append("</a> <span class=\"comments\">").append(r.comments())
          .append(" comments</span></li>\n");
    }
    b.append("</ul>\n</aside>\n</main>\n");
    foot(b);
    return b.toString();
  }

  /** 5 to 10 other articles: mostly published near this one, some from anywhere. */
  private Set<Integer> related(int index) {
    Set<Integer> r = new LinkedHashSet<>();
    int want = Math.min(5 + random.nextInt(6), articles.size() - 1);
    while (r.size() < want) {
      int other = random.nextInt(3) == 0 ? random.nextInt(articles.size())
          : Math.floorMod(index + random.nextInt(61) - 30, articles.size());
      if (other != index) {
        r.add(other);
      }
    }
    return r;
  }

  private void head(StringBuilder b, String title, String description, String path, String type,
      String more) {
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(title)).append("</title>\n")
        .append("<meta name=\"description\" content=\"").append(esc(description)).append("\">\n")
        .append("<link rel=\"canonical\" href=\"").append(path).append("\">\n")
        .append("<meta property=\"og:site_name\" content=\"").append(SITE).append("\">\n")
        .append("<meta property=\"og:type\" content=\"").append(type).append("\">\n")
        .append("<meta property=\"og:title\" content=\"").append(esc(title)).append("\">\n")
        .append("<meta property=\"og:description\" content=\"").append(esc(description))
        .append("\">\n<meta property=\"og:url\" content=\"").append(path).append("\">\n")
        .append(more)
        .append("<style>body{font-family:Georgia,serif;margin:0}header,footer{background:#222;")
        .append("color:#eee;padding:8px 16px}nav ul{list-style:none;display:flex;gap:12px;")
        .append("margin:0;padding:0}main{max-width:720px;margin:0 auto;padding:16px}")
        .append(".byline,.time,.section,.comments{color:#666;font-size:.9em}")
        .append(".related li,.news-list li{margin:6px 0}</style>\n</head>\n");
  }

  private static void top(StringBuilder b) {
    b.append("<body>\n<header class=\"site-header\">\n<a class=\"logo\" href=\"/\">").append(SITE)
        .append("</a>\n<nav class=\"main-nav\"><ul>\n<li><a href=\"/\">Home</a></li>\n")
        .append("<li><a href=\"/news/list/1.html\">Latest</a></li>\n");
    for (String s : SECTIONS) {
      b.append("<li><a href=\"/news/list/1.html#").append(s.toLowerCase(Locale.ROOT))
          .append("\">").append(s).append("</a></li>\n");
    }
    b.append("</ul></nav>\n</header>\n");
  }

  private static void foot(StringBuilder b) {
    b.append("<footer class=\"site-footer\">\n<ul><li><a href=\"/\">Front page</a></li>")
        .append("<li><a href=\"/news/list/1.html\">All news</a></li></ul>\n<p>&copy; 2024 ")
        .append(SITE).append(". A synthetic site for crawler benchmarks; every story on it is")
        .append(" made up.</p>\n</footer>\n</body>\n</html>\n");
  }

  // ---- text

  private String paragraph(int sentences) {
    StringBuilder p = new StringBuilder();
    for (int i = 0; i < sentences; i++) {
      if (i > 0) {
        p.append(' ');
      }
      p.append(sentence(12, 26));
    }
    return p.toString();
  }

  private String sentence(int min, int max) {
    int n = min + random.nextInt(max - min + 1);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        s.append(i % 9 == 8 ? ", " : " ");
      }
      s.append(i == 0 ? capital(pick(WORDS)) : pick(WORDS));
    }
    if (random.nextInt(5) == 0) {
      s.append(' ').append(1 + random.nextInt(98)).append(" percent");
    }
    return s.append('.').toString();
  }

  private String pick(String[] from) {
    return from[random.nextInt(from.length)];
  }

  private static String capital(String w) {
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
