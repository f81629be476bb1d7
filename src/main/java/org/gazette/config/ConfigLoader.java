package org.gazette.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gazette.fetch.PrivateAddresses;

/**
 * Loads and checks configuration: a config folder, the built-in defaults, or one site file.
 *
 * <p>Everything is read and checked before anything is returned; all problems found, in every
 * file, come back together in one {@link ConfigException}.
 */
public final class ConfigLoader {

  /** Where the pom puts config/gazette.yaml and config/sites/demo.yaml inside the jar. */
  static final String BUILT_IN = "/org/gazette/config/defaults/";

  private ConfigLoader() {}

  /**
   * Reads {@code <configDir>/gazette.yaml} (optional: without it every key takes its default) and
   * every {@code <configDir>/sites/*.yaml}, each one site named after its file.
   *
   * @throws ConfigException listing every problem, each with its file, line and key
   */
  public static GazetteConfig load(Path configDir) {
    if (!Files.isDirectory(configDir)) {
      throw new ConfigException(configDir.toString(), 0, "",
          Files.exists(configDir) ? "not a folder" : "no such folder");
    }
    List<ConfigException.Problem> all = new ArrayList<>();
    Path globalFile = configDir.resolve("gazette.yaml");
    Problems problems = new Problems(globalFile.toString());
    Node root = Node.map("", 1, Map.of());
    if (Files.exists(globalFile, LinkOption.NOFOLLOW_LINKS)) { // a broken link is reported
      String text = readFile(globalFile, problems);
      root = text == null ? null : YamlFile.parse(text, problems);
    }
    GazetteConfig global = readGlobal(root, problems);
    if (Files.exists(configDir.resolve("gazette.yml"))) {
      problems.add(0, "", "a gazette.yml beside it is ignored: the file is gazette.yaml");
    }
    all.addAll(problems.sorted());

    Map<String, SiteConfig> sites = new LinkedHashMap<>();
    Map<String, Path> byLowerCaseName = new HashMap<>();
    for (Path file : siteFiles(configDir.resolve("sites"), all)) {
      Problems siteProblems = new Problems(file.toString());
      SiteConfig site = readSite(file, siteProblems, global.politeness());
      Path same = byLowerCaseName.putIfAbsent(siteName(file).toLowerCase(Locale.ROOT), file);
      if (same != null) {
        // two sites whose folders and archives mix on a case-insensitive file system
        siteProblems.add(0, "", "site name differs only in case from " + same.getFileName()
            + "'s; site names become folder names: rename one");
      }
      if (site != null) {
        sites.put(site.name(), site);
      }
      all.addAll(siteProblems.sorted());
    }
    if (!all.isEmpty()) {
      throw new ConfigException(all);
    }
    return global.withSites(sites);
  }

  /**
   * The built-in configuration: the commented default gazette.yaml and the demo site, both
   * shipped in the jar, for running without a config folder.
   *
   * @throws ConfigException if the built-in files are broken (a build that should not have passed)
   */
  public static GazetteConfig defaults() {
    List<ConfigException.Problem> all = new ArrayList<>();
    Problems problems = new Problems("classpath:" + BUILT_IN + "gazette.yaml");
    GazetteConfig global =
        readGlobal(YamlFile.parse(readResource("gazette.yaml"), problems), problems);
    all.addAll(problems.sorted());
    Problems demoProblems = new Problems("classpath:" + BUILT_IN + "sites/demo.yaml");
    SiteConfig demo = SiteReader.read("demo",
        YamlFile.parse(readResource("sites/demo.yaml"), demoProblems), demoProblems,
        global.politeness());
    all.addAll(demoProblems.sorted());
    if (!all.isEmpty()) {
      throw new ConfigException(all);
    }
    return global.withSites(Map.of(demo.name(), demo));
  }

  /**
   * Reads one site file; its name is the file name without {@code .yaml}.
   *
   * @param global whose politeness the site's own politeness keys are laid over
   * @throws ConfigException listing every problem in the file
   */
  public static SiteConfig loadSite(Path siteFile, GazetteConfig global) {
    Problems problems = new Problems(siteFile.toString());
    SiteConfig site = readSite(siteFile, problems, global.politeness());
    if (!problems.isEmpty()) {
      throw new ConfigException(problems.sorted());
    }
    return site;
  }

  private static SiteConfig readSite(Path file, Problems problems, Politeness global) {
    String text = readFile(file, problems);
    Node root = text == null ? null : YamlFile.parse(text, problems);
    return SiteReader.read(siteName(file), root, problems, global);
  }

  private static String siteName(Path file) {
    return file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
  }

  /** gazette.yaml; bad values are reported and replaced by defaults, so this never fails. */
  private static GazetteConfig readGlobal(Node root, Problems problems) {
    Section s = Section.root(problems, root == null ? Node.map("", 1, Map.of()) : root);
    s.allow("userAgent", "output", "logs", "state", "status", "daemon", "politeness", "limits",
        "allowPrivate", "warcPrefix", "warcMaxFileSize", "threads", "robotsCacheTtl", "politenessScope");
    String userAgent = s.text("userAgent", Defaults.USER_AGENT);
    String uaProblem = Values.userAgentProblem(userAgent);
    if (uaProblem != null) {
      s.problem("userAgent", uaProblem);
      userAgent = Defaults.USER_AGENT;
    }
    String prefix = s.text("warcPrefix", Defaults.WARC_PREFIX);
    if (Values.nameProblem(prefix) != null) {
      s.problem("warcPrefix", Values.nameProblem(prefix));
      prefix = Defaults.WARC_PREFIX;
    }
    GazetteConfig fallback = new GazetteConfig(Defaults.USER_AGENT,
        Path.of(Defaults.OUTPUT).toAbsolutePath(), Path.of(Defaults.LOGS).toAbsolutePath(),
        new StateConfig(Defaults.STATE_URL, null, null, false, null),
        new StatusConfig(Defaults.STATUS_HOST, Defaults.STATUS_PORT), defaultDaemon(),
        defaultPoliteness(),
        defaultLimits(), PrivateAddresses.NONE, Defaults.WARC_PREFIX, Defaults.WARC_MAX_FILE_SIZE,
        Defaults.THREADS, Defaults.ROBOTS_CACHE_TTL, false, Map.of());
    String ua = userAgent;
    String warcPrefix = prefix;
    return SiteReader.build(s, () -> new GazetteConfig(ua,
        s.path("output", Defaults.OUTPUT),
        s.path("logs", Defaults.LOGS),
        state(s.section("state"), fallback.state()),
        status(s.section("status"), fallback.status()),
        daemon(s.section("daemon"), fallback.daemon()),
        SiteReader.politeness(s.section("politeness"), fallback.politeness()),
        limits(s.section("limits"), fallback.limits()),
        allowPrivate(s),
        warcPrefix,
        s.size("warcMaxFileSize", Defaults.WARC_MAX_FILE_SIZE),
        s.integer("threads", Defaults.THREADS, 1),
        s.duration("robotsCacheTtl", Defaults.ROBOTS_CACHE_TTL, false),
        politenessByDomain(s),
        Map.of()), fallback);
  }

  /**
   * {@code allowPrivate}: {@code false} (the default), {@code true} for every address, or a list
   * of CIDR blocks ({@code [10.1.0.0/16, 127.0.0.1]}) allowed past the SSRF guard.
   */
  private static PrivateAddresses allowPrivate(Section s) {
    Node n = s.get("allowPrivate");
    if (n == null || n.kind() != Node.Kind.LIST) {
      return PrivateAddresses.of(s.bool("allowPrivate", false));
    }
    PrivateAddresses allowed = PrivateAddresses.NONE;
    for (Node item : n.items()) {
      String text = s.itemText(item);
      if (text == null) {
        continue;
      }
      try {
        allowed = allowed.plus(PrivateAddresses.of(List.of(text)));
      } catch (IllegalArgumentException e) {
        s.problem(item, e.getMessage());
      }
    }
    return allowed;
  }

  /** {@code politenessScope}: {@code host} (the default) or {@code domain}. */
  private static boolean politenessByDomain(Section s) {
    String scope = s.text("politenessScope", "host");
    if (!scope.equals("host") && !scope.equals("domain")) {
      s.problem("politenessScope", "must be host or domain, not " + Values.quote(scope));
      return false;
    }
    return scope.equals("domain");
  }

  static DaemonConfig defaultDaemon() {
    return new DaemonConfig(Defaults.MAX_CONCURRENT_SITES, Defaults.SHUTDOWN_TIMEOUT,
        Defaults.JITTER, Defaults.RELOAD_CHECK);
  }

  private static DaemonConfig daemon(Section s, DaemonConfig fallback) {
    s.allow("maxConcurrentSites", "shutdownTimeout", "jitter", "reloadCheck");
    return SiteReader.build(s, () -> new DaemonConfig(
        s.integer("maxConcurrentSites", Defaults.MAX_CONCURRENT_SITES, 1),
        s.duration("shutdownTimeout", Defaults.SHUTDOWN_TIMEOUT, true),
        s.duration("jitter", Defaults.JITTER, true),
        s.duration("reloadCheck", Defaults.RELOAD_CHECK, true)), fallback);
  }

  private static StateConfig state(Section s, StateConfig fallback) {
    s.allow("url", "user", "password", "cluster", "node", "poolSize", "checkinInterval");
    String url = s.text("url", Defaults.STATE_URL);
    if (StateConfig.urlProblem(url) != null) {
      s.problem("url", StateConfig.urlProblem(url));
      url = Defaults.STATE_URL;
    }
    boolean cluster = s.bool("cluster", false);
    if (StateConfig.clusterProblem(url, cluster) != null) {
      s.problem("cluster", StateConfig.clusterProblem(url, cluster));
      cluster = false;
    }
    String node = s.optionalText("node");
    if (node != null && Values.nameProblem(node) != null) {
      s.problem("node", Values.nameProblem(node));
      node = null;
    }
    String jdbcUrl = url;
    boolean clustered = cluster;
    String nodeId = node;
    return SiteReader.build(s, () -> new StateConfig(jdbcUrl, s.optionalText("user"),
        s.optionalText("password"), clustered, nodeId,
        s.integer("poolSize", StateConfig.POOL_SIZE, 2),
        s.duration("checkinInterval", StateConfig.CHECKIN_INTERVAL, false)), fallback);
  }

  private static StatusConfig status(Section s, StatusConfig fallback) {
    s.allow("host", "port");
    return SiteReader.build(s, () -> new StatusConfig(s.text("host", Defaults.STATUS_HOST).strip(),
        (int) s.whole("port", Defaults.STATUS_PORT, 0, 65535)), fallback);
  }

  private static Limits limits(Section s, Limits fallback) {
    s.allow("maxBodySize", "connectTimeout", "readTimeout", "totalTimeout", "maxRedirects",
        "maxUrlLength", "maxPagesPerHost", "minFreeSpace");
    return SiteReader.build(s, () -> new Limits(
        s.size("maxBodySize", Defaults.MAX_BODY_SIZE),
        s.duration("connectTimeout", Defaults.CONNECT_TIMEOUT, false),
        s.duration("readTimeout", Defaults.READ_TIMEOUT, false),
        s.duration("totalTimeout", Defaults.TOTAL_TIMEOUT, false),
        s.integer("maxRedirects", Defaults.MAX_REDIRECTS, 0),
        s.integer("maxUrlLength", Defaults.MAX_URL_LENGTH, 1),
        s.integer("maxPagesPerHost", Defaults.MAX_PAGES_PER_HOST, 1),
        s.size("minFreeSpace", Defaults.MIN_FREE_SPACE, true)), fallback);
  }

  static Politeness defaultPoliteness() {
    return new Politeness(Defaults.MIN_DELAY, Defaults.MAX_CRAWL_DELAY,
        Defaults.MAX_CONNECTIONS_PER_HOST, Defaults.DELAY_FACTOR);
  }

  private static Limits defaultLimits() {
    return new Limits(Defaults.MAX_BODY_SIZE, Defaults.CONNECT_TIMEOUT, Defaults.READ_TIMEOUT,
        Defaults.TOTAL_TIMEOUT, Defaults.MAX_REDIRECTS, Defaults.MAX_URL_LENGTH,
        Defaults.MAX_PAGES_PER_HOST, Defaults.MIN_FREE_SPACE);
  }

  /** The .yaml files of the sites folder, by name; a .yml file is reported, not skipped quietly. */
  private static List<Path> siteFiles(Path sitesDir, List<ConfigException.Problem> all) {
    if (!Files.exists(sitesDir)) {
      return List.of();
    }
    if (!Files.isDirectory(sitesDir)) {
      all.add(new ConfigException.Problem(sitesDir.toString(), 0, "", "not a folder"));
      return List.of();
    }
    try (Stream<Path> files = Files.list(sitesDir)) {
      // not only regular files: a folder or a broken link named like a site file is reported
      // when read, rather than leaving a site out without a word
      List<Path> sorted = files.sorted().collect(Collectors.toList());
      for (Path f : sorted) {
        if (f.getFileName().toString().endsWith(".yml") && Files.isRegularFile(f)) {
          all.add(new ConfigException.Problem(f.toString(), 0, "",
              "ignored: site files end in .yaml"));
        }
      }
      return sorted.stream()
          .filter(f -> f.getFileName().toString().endsWith(".yaml"))
          .filter(f -> !f.getFileName().toString().startsWith(".")) // editor and backup files
          .collect(Collectors.toList());
    } catch (IOException e) {
      all.add(new ConfigException.Problem(sitesDir.toString(), 0, "", "cannot list: "
          + reason(e)));
      return List.of();
    }
  }

  /** The file as UTF-8 text, or null (reported) when it cannot be read as such. */
  private static String readFile(Path file, Problems problems) {
    if (Files.isDirectory(file)) {
      problems.add(0, "", "is a folder, not a file");
      return null;
    }
    if (!Files.exists(file)) {
      String target;
      try {
        target = Files.readSymbolicLink(file).toString();
      } catch (IOException | UnsupportedOperationException e) {
        target = "?";
      }
      problems.add(0, "", "is a link to " + target + ", which does not exist");
      return null;
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      problems.add(0, "", "cannot read: " + reason(e));
      return null;
    }
    // Strict decoding: a Latin-1 file would otherwise load with U+FFFD in its patterns.
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never has more chars than bytes
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int at = in.position();
      int line = 1;
      for (int i = 0; i < at; i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      problems.add(line, "", at < bytes.length
          ? String.format("not UTF-8 text (byte 0x%02X); save the file as UTF-8", bytes[at] & 0xff)
          : "not UTF-8 text (cut in the middle of a character); save the file as UTF-8");
      return null;
    }
    return out.flip().toString();
  }

  /** Why a file could not be read, without the exception's class name. */
  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  private static String readResource(String name) {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(BUILT_IN + name)) {
      if (in == null) {
        throw new IllegalStateException("built-in " + BUILT_IN + name + " is missing from the"
            + " classpath (the build copies it from config/)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read built-in " + BUILT_IN + name, e);
    }
  }
}
