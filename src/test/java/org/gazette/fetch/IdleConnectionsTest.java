package org.gazette.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pool of kept connections stays within its bounds and closes what it lets go. */
class IdleConnectionsTest {
  private static IdleConnections.Key key(int n) {
    return new IdleConnections.Key(false, "h" + n + ".example", 80,
        InetAddress.getLoopbackAddress());
  }

  private static IdleConnections.Connection unconnected() {
    Socket s = new Socket();
    return new IdleConnections.Connection(s, s);
  }

  @Test
  void aFullPoolMakesRoomForANewOriginByClosingTheOldest() {
    IdleConnections pool = new IdleConnections();
    List<IdleConnections.Connection> offered = new ArrayList<>();
    for (int k = 0; k < 32; k++) {
      for (int i = 0; i < 8; i++) {
        IdleConnections.Connection c = unconnected();
        offered.add(c);
        pool.offer(key(k), c, 60_000_000_000L);
      }
    }
    assertThat(pool.size()).isEqualTo(256);
    pool.offer(key(99), unconnected(), 60_000_000_000L); // an origin the pool has never seen
    assertThat(pool.size()).isEqualTo(256);
    assertThat(offered.get(0).socket().isClosed()).as("the oldest, closed").isTrue();
    assertThat(offered.get(1).socket().isClosed()).isFalse();
  }

  @Test
  void atMostEightKeptForOneOriginAndNoneAfterClose() {
    IdleConnections pool = new IdleConnections();
    List<IdleConnections.Connection> offered = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      IdleConnections.Connection c = unconnected();
      offered.add(c);
      pool.offer(key(1), c, 60_000_000_000L);
    }
    assertThat(pool.size()).isEqualTo(8);
    assertThat(offered.get(0).socket().isClosed()).isTrue();
    pool.close();
    assertThat(pool.size()).isZero();
    assertThat(offered).allMatch(c -> c.socket().isClosed());
    IdleConnections.Connection late = unconnected();
    pool.offer(key(2), late, 60_000_000_000L);
    assertThat(late.socket().isClosed()).as("offered after close, closed at once").isTrue();
  }
}
