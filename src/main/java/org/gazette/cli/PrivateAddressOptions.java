package org.gazette.cli;

import java.util.List;
import org.gazette.config.GazetteConfig;
import org.gazette.fetch.PrivateAddresses;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --allow-private} and {@code --allow-private-range}: lifting the SSRF guard. */
final class PrivateAddressOptions {
  @Option(names = "--allow-private", description = "Allow loopback and private addresses.")
  boolean all;

  @Option(names = "--allow-private-range", paramLabel = "CIDR",
      description = "Allow the loopback or private addresses of this block (e.g. 10.1.0.0/16);"
          + " may be repeated.")
  List<String> ranges = List.of();

  /** {@code global} with what these options allow added to what its config allows. */
  GazetteConfig apply(GazetteConfig global, CommandLine cmd) {
    PrivateAddresses allowed;
    try {
      allowed = all ? PrivateAddresses.ALL : PrivateAddresses.of(ranges);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cmd, "--allow-private-range: " + e.getMessage());
    }
    return allowed.equals(PrivateAddresses.NONE) ? global
        : global.withAllowPrivate(global.allowPrivate().plus(allowed));
  }
}
