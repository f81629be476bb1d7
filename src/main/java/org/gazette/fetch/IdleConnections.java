package org.gazette.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Connections a server left open after a whole response (HTTP/1.1 keep-alive), kept for the next
 * request to the same origin and address. A kept connection is never in flight: the politeness
 * gate decides when a request goes out, this only saves the next one a TCP (and TLS) handshake.
 */
final class IdleConnections implements AutoCloseable {
  /** An origin and the address it resolved to: a new address means a new connection. */
  record Key(boolean tls, String host, int port, InetAddress address) {}

  /**
   * A connection: the socket requests go over, and the TCP socket under it (the same one for
   * plain HTTP). Only the TCP socket tells whether bytes came in while idle: a TLS socket counts
   * only what it has decrypted, and nothing is decrypted while nobody reads.
   */
  record Connection(Socket socket, Socket tcp) {}

  private record Idle(Connection connection, long expiresNanos) {}

  /** At most this many idle connections to one origin (one per connection the gate allows). */
  private static final int PER_KEY = 8;
  /** At most this many idle connections in all; the oldest go first. */
  private static final int TOTAL = 256;

  private final Map<Key, ArrayDeque<Idle>> idle = new HashMap<>();
  private int count;
  private boolean closed;

  /** A connection to {@code key} that is still within its idle time, or null. */
  Connection take(Key key) {
    long now = System.nanoTime();
    Connection found = null;
    synchronized (this) {
      ArrayDeque<Idle> queue = idle.get(key);
      while (queue != null && !queue.isEmpty() && found == null) {
        Idle candidate = queue.pollLast(); // the most recently used is the least likely closed
        count--;
        if (now - candidate.expiresNanos() < 0 && quiet(candidate.connection())) {
          found = candidate.connection();
        } else {
          closeQuietly(candidate.connection());
        }
      }
      if (queue != null && queue.isEmpty()) {
        idle.remove(key);
      }
    }
    return found;
  }

  /** Keeps {@code connection} for {@code keepNanos}, or closes it when there is no room. */
  void offer(Key key, Connection connection, long keepNanos) {
    long now = System.nanoTime();
    synchronized (this) {
      if (!closed && keepNanos > 0) {
        dropExpired(now);
        ArrayDeque<Idle> queue = idle.get(key);
        if (queue != null && queue.size() >= PER_KEY) {
          closeQuietly(queue.pollFirst().connection());
          count--;
        }
        if (count >= TOTAL) {
          dropOldest();
        }
        idle.computeIfAbsent(key, k -> new ArrayDeque<>())
            .addLast(new Idle(connection, now + keepNanos));
        count++;
        return;
      }
    }
    closeQuietly(connection);
  }

  /** How many connections are kept now. */
  synchronized int size() {
    return count;
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      idle.values().forEach(q -> q.forEach(i -> closeQuietly(i.connection())));
      idle.clear();
      count = 0;
    }
  }

  private void dropExpired(long now) {
    for (Iterator<ArrayDeque<Idle>> queues = idle.values().iterator(); queues.hasNext(); ) {
      ArrayDeque<Idle> queue = queues.next();
      queue.removeIf(i -> {
        boolean expired = now - i.expiresNanos() >= 0;
        if (expired) {
          closeQuietly(i.connection());
          count--;
        }
        return expired;
      });
      if (queue.isEmpty()) {
        queues.remove();
      }
    }
  }

  private void dropOldest() {
    Map.Entry<Key, ArrayDeque<Idle>> oldest = null;
    for (Map.Entry<Key, ArrayDeque<Idle>> e : idle.entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      if (oldest == null
          || e.getValue().peekFirst().expiresNanos() - oldest.getValue().peekFirst().expiresNanos() < 0) {
        oldest = e;
      }
    }
    if (oldest != null) {
      closeQuietly(oldest.getValue().pollFirst().connection());
      count--;
      if (oldest.getValue().isEmpty()) {
        idle.remove(oldest.getKey());
      }
    }
  }

  /**
   * Whether nothing came on the connection while it was idle: a server that times a kept
   * connection out may say so first ({@code 408 Request Timeout}), and those bytes must not pass
   * for the answer to the next request.
   */
  private static boolean quiet(Connection connection) {
    try {
      return !connection.socket().isClosed() && !connection.tcp().isClosed()
          && connection.tcp().getInputStream().available() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.socket().close(); // closes the TCP socket under a TLS one too
      connection.tcp().close();
    } catch (IOException ignored) {
      // nothing was in flight on it
    }
  }
}
