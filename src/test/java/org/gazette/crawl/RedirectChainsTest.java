package org.gazette.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Redirect hops are counted per chain, from the URL found on a page. */
class RedirectChainsTest {
  @Test
  void followsUpToTheLimitThenStops() {
    RedirectChains chains = new RedirectChains(2);

    assertThat(chains.follow("/a", "/b")).isTrue();
    assertThat(chains.follow("/b", "/c")).isTrue();
    assertThat(chains.follow("/c", "/d")).as("third hop").isFalse();
  }

  @Test
  void eachChainCountsFromItsOwnStart() {
    RedirectChains chains = new RedirectChains(1);

    assertThat(chains.follow("/a", "/b")).isTrue();
    assertThat(chains.follow("/x", "/y")).as("another chain, first hop").isTrue();
    assertThat(chains.follow("/b", "/c")).isFalse();
  }

  @Test
  void zeroFollowsNone() {
    assertThat(new RedirectChains(0).follow("/a", "/b")).isFalse();
  }
}
