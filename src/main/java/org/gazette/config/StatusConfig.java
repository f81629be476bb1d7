package org.gazette.config;

import java.util.Objects;

/**
 * Where the daemon serves its status and metrics page.
 *
 * @param host the address to bind (default 127.0.0.1: the page is for the operator, not the world)
 * @param port the TCP port (default 8765); 0 turns the endpoint off
 */
public record StatusConfig(String host, int port) {

  public StatusConfig {
    Objects.requireNonNull(host, "host");
    Values.check("host", !host.isBlank(), "must not be empty");
    Values.check("port", port >= 0 && port <= 65535, "must be 0 (off) to 65535");
  }

  /** True unless {@code port} is 0. */
  public boolean enabled() {
    return port != 0;
  }
}
