package org.gazette.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrawlTrapsTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "http://n.example/x/x/x/",
      "http://n.example/news/a/b/a/b/a/b/story.html",
      "http://n.example/c/d/e/c/d/e/c/d/e",
      "http://n.example/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16/17/18/19/20/21"})
  void refusesPathsThatRepeatOrGoTooDeep(String url) {
    assertThat(CrawlTraps.pathTrap(url)).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://n.example/",
      "http://n.example/2020/01/01/story.html",
      "http://n.example/news/news/story.html",
      "http://n.example/a/b/a/b/story",
      "http://n.example/a//b///c",
      "http://n.example/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16/17/18/19/20/",
      "http://n.example/x/y/x/z/x/w"})
  void letsNewsPathsThrough(String url) {
    assertThat(CrawlTraps.pathTrap(url)).isNull();
  }

  @Test
  void admitsAtMostMaxPagesPerHostForEachHost() {
    CrawlTraps traps = new CrawlTraps(2);
    assertThat(traps.admit("a")).isTrue();
    assertThat(traps.admit("a")).isTrue();
    assertThat(traps.admit("a")).isFalse();
    assertThat(traps.admit("b")).isTrue();
    assertThat(traps.firstTimeFull("a")).isTrue();
    assertThat(traps.firstTimeFull("a")).isFalse();
    assertThat(traps.firstRefusal("http://a/1")).isTrue();
    assertThat(traps.firstRefusal("http://a/1")).isFalse();
  }
}
