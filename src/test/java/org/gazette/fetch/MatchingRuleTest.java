package org.gazette.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import org.junit.jupiter.api.Test;

class MatchingRuleTest {
  private static final String URL = "https://news.example.com/private/1.html";

  @Test
  void readsAsARobotsTxtLine() {
    assertThat(new MatchingRule(true, "/news/")).hasToString("Allow: /news/");
    assertThat(new MatchingRule(false, "/*.gif$")).hasToString("Disallow: /*.gif$");
  }

  @Test
  void blanketRulesHaveNoMatchingRule() {
    assertThat(MatchingRule.find(new SimpleRobotRules(RobotRulesMode.ALLOW_ALL), URL)).isEmpty();
    assertThat(MatchingRule.find(new SimpleRobotRules(RobotRulesMode.ALLOW_NONE), URL)).isEmpty();
  }

  @Test
  void findsTheLongestMatchAgreeingWithTheVerdict() {
    SimpleRobotRules rules = new SimpleRobotRules();
    rules.addRule("/", false);
    rules.addRule("/private/", true);
    rules.addRule("/private/1", false);
    rules.addRule("/news/", false);
    rules.sortRules();

    assertThat(MatchingRule.find(rules, URL)).contains(new MatchingRule(false, "/private/1"));
    assertThat(MatchingRule.find(rules, "https://news.example.com/private/2.html"))
        .contains(new MatchingRule(true, "/private/"));
    assertThat(MatchingRule.find(rules, "https://news.example.com/robots.txt")).isEmpty();
  }
}
