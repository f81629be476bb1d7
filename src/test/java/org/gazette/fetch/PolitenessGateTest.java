package org.gazette.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PolitenessGateTest {
  @Test
  void keepsOneRequestInFlightAndTheDelayBetweenRequests() throws Exception {
    PolitenessGate gate = new PolitenessGate(1);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    List<long[]> spans = Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      threads.add(new Thread(() -> {
        for (int j = 0; j < 3; j++) {
          try (PolitenessGate.Permit p = gate.acquire("News.Example", Duration.ofMillis(50), 0)) {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            long start = System.nanoTime();
            Thread.sleep(5);
            inFlight.decrementAndGet();
            spans.add(new long[] {start, System.nanoTime()});
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    assertThat(maxInFlight.get()).isEqualTo(1);
    spans.sort((a, b) -> Long.compare(a[0], b[0]));
    for (int i = 1; i < spans.size(); i++) {
      long gapMs = (spans.get(i)[0] - spans.get(i - 1)[1]) / 1_000_000;
      assertThat(gapMs).as("gap before request %d", i).isGreaterThanOrEqualTo(49);
    }
    assertThat(gate.waitedMillis()).containsKey("news.example");
  }

  @Test
  void crawlDelayWinsOverShorterMinDelay() throws Exception {
    PolitenessGate gate = new PolitenessGate(1);
    gate.crawlDelay("a.example", Duration.ofMillis(120));
    gate.acquire("a.example", Duration.ofMillis(10), 0).close();
    long start = System.nanoTime();
    gate.acquire("a.example", Duration.ofMillis(10), 0).close();
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(110);
  }

  @Test
  void slowResponsesWidenTheGapByTheDelayFactor() throws Exception {
    PolitenessGate gate = new PolitenessGate(1);
    try (PolitenessGate.Permit p = gate.acquire("slow.example", Duration.ZERO, 3.0)) {
      Thread.sleep(40); // a 40 ms response
    }
    long start = System.nanoTime();
    gate.acquire("slow.example", Duration.ZERO, 3.0).close();
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(110);
  }

  @Test
  void crawlDelayLearntFromRobotsTxtAppliesToTheVeryNextRequest() throws Exception {
    PolitenessGate gate = new PolitenessGate(1);
    gate.acquire("r.example", Duration.ofMillis(10), 0).close(); // the robots.txt request
    gate.crawlDelay("r.example", Duration.ofMillis(150));
    long start = System.nanoTime();
    gate.acquire("r.example", Duration.ofMillis(10), 0).close();
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(140);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
      "News.Example.co.uk, false, news.example.co.uk",
      "News.Example.co.uk, true,  example.co.uk",
      "img.example.com,    true,  example.com",
      "127.0.0.2,          true,  127.0.0.2",
  })
  void keepsLimitsPerHostOrPerRegisteredDomain(String host, boolean byDomain, String key) {
    assertThat(new PolitenessGate(1, byDomain).key(host)).isEqualTo(key);
  }

  @Test
  void hostsOfOneDomainShareTheDelayWhenKeptByDomain() throws Exception {
    PolitenessGate gate = new PolitenessGate(1, true);
    gate.acquire("news.example.com", Duration.ofMillis(120), 0).close();
    long start = System.nanoTime();
    gate.acquire("img.example.com", Duration.ofMillis(120), 0).close();
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(110);
  }
}
