package org.gazette.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import java.util.Optional;

/**
 * The robots.txt rule that decides a URL: the longest pattern that matches its path, an Allow
 * winning a tie (RFC 9309 section 2.2.2). For display ({@code gazette robots}); the decision
 * itself is crawler-commons'.
 *
 * @param allow whether it is an Allow rule
 * @param pattern its path pattern as crawler-commons normalized it (percent-encoding made
 *     uniform), with {@code *} and {@code $} as written
 */
public record MatchingRule(boolean allow, String pattern) {

  /** The rule as a robots.txt line: {@code Disallow: /private/}. */
  @Override
  public String toString() {
    return (allow ? "Allow: " : "Disallow: ") + pattern;
  }

  /**
   * The rule of {@code rules} that decides {@code url}, or empty when no rule matches (the URL is
   * allowed by default) or the rules are a blanket allow or disallow.
   *
   * <p>crawler-commons tells only the verdict, so each rule is tried alone with crawler-commons'
   * own matcher; its rules come sorted longest first, Allow before Disallow, so the first rule
   * that matches and agrees with the verdict is the deciding one.
   */
  static Optional<MatchingRule> find(BaseRobotRules rules, String url) {
    if (!(rules instanceof SimpleRobotRules simple) || rules.isAllowAll() || rules.isAllowNone()) {
      return Optional.empty();
    }
    boolean allowed = simple.isAllowed(url);
    for (SimpleRobotRules.RobotRule rule : simple.getRobotRules()) {
      if (rule.isAllow() == allowed && matches(rule.getPrefix(), url)) {
        return Optional.of(new MatchingRule(rule.isAllow(), rule.getPrefix()));
      }
    }
    return Optional.empty();
  }

  private static boolean matches(String pattern, String url) {
    if (pattern.isEmpty()) {
      return false; // matches everything with no weight: not worth naming
    }
    SimpleRobotRules alone = new SimpleRobotRules();
    alone.addRule(pattern, false);
    return !alone.isAllowed(url);
  }
}
