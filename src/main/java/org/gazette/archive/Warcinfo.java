package org.gazette.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the warcinfo record at the head of every file says about the crawl that wrote it.
 *
 * <p>Written as {@code application/warc-fields}, in this order: {@code software}, {@code format},
 * {@code conformsTo}, {@code hostname}, {@code operator}, {@code http-header-user-agent}, {@code
 * robots}, {@code isPartOf} (the site) and {@code gazette-run} (the run id). The field names are
 * those of the WARC 1.1 annex and of Heritrix; {@code gazette-run} is our own.
 *
 * @param software product and version, e.g. {@code gazette/1.0}
 * @param hostname the host the crawler runs on, or null to leave it out
 * @param operator who runs the crawl and how to reach them, or null to leave it out
 * @param userAgent the User-Agent header sent with every request
 * @param robots the robots.txt policy, {@value #ROBOTS_OBEY} for gazette
 * @param site the site crawled (the {@code config/sites/} file name), or null
 * @param runId the id of the crawl run, or null
 */
public record Warcinfo(
    String software,
    String hostname,
    String operator,
    String userAgent,
    String robots,
    String site,
    String runId) {

  /** The {@code format} field. */
  public static final String FORMAT = "WARC File Format 1.1";

  /** The {@code conformsTo} field. */
  public static final String CONFORMS_TO =
      "http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/";

  /** The {@code robots} value of a crawler that obeys robots.txt. */
  public static final String ROBOTS_OBEY = "obey";

  public static final String SOFTWARE = "software";
  public static final String FORMAT_FIELD = "format";
  public static final String CONFORMS_TO_FIELD = "conformsTo";
  public static final String HOSTNAME = "hostname";
  public static final String OPERATOR = "operator";
  public static final String USER_AGENT = "http-header-user-agent";
  public static final String ROBOTS = "robots";
  public static final String IS_PART_OF = "isPartOf";
  public static final String RUN = "gazette-run";

  public Warcinfo {
    requireText(software, SOFTWARE);
    requireText(userAgent, USER_AGENT);
    requireText(robots, ROBOTS);
  }

  /**
   * The warcinfo of a gazette crawl: {@link #defaultSoftware()}, this machine's host name and
   * robots {@value #ROBOTS_OBEY}.
   *
   * @param operator may be null
   * @param site may be null
   * @param runId may be null
   */
  public static Warcinfo of(String site, String runId, String userAgent, String operator) {
    return new Warcinfo(
        defaultSoftware(), LocalHost.name(), operator, userAgent, ROBOTS_OBEY, site, runId);
  }

  /**
   * {@code gazette/<version>}, the version taken from the jar manifest ({@code dev} when run from
   * classes, as in tests).
   */
  public static String defaultSoftware() {
    String version = Warcinfo.class.getPackage().getImplementationVersion();
    return "gazette/" + (version == null ? "dev" : version);
  }

  /** The fields of the warcinfo block, in the order written; null values are left out. */
  public List<WarcField> fields() {
    List<WarcField> fields = new ArrayList<>();
    add(fields, SOFTWARE, software);
    add(fields, FORMAT_FIELD, FORMAT);
    add(fields, CONFORMS_TO_FIELD, CONFORMS_TO);
    add(fields, HOSTNAME, hostname);
    add(fields, OPERATOR, operator);
    add(fields, USER_AGENT, userAgent);
    add(fields, ROBOTS, robots);
    add(fields, IS_PART_OF, site);
    add(fields, RUN, runId);
    return fields;
  }

  private static void add(List<WarcField> fields, String name, String value) {
    if (value != null) {
      fields.add(new WarcField(name, value));
    }
  }

  private static void requireText(String value, String field) {
    Objects.requireNonNull(value, () -> "warcinfo " + field);
    if (value.isBlank()) {
      throw new IllegalArgumentException("warcinfo " + field + " is blank");
    }
  }
}
