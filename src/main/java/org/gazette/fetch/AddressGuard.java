package org.gazette.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Refuses addresses a public crawl has no business reaching: loopback, private, link-local,
 * unique-local and cloud metadata. Checked on the resolved address of every request, so a
 * public name that resolves (or redirects) into the operator's network is refused too.
 */
final class AddressGuard {
  private AddressGuard() {}

  /** Why the address is refused, or null when it is a public address. */
  static String refusal(InetAddress address) {
    if (address.isLoopbackAddress()) {
      return "loopback address";
    }
    if (address.isAnyLocalAddress()) {
      return "wildcard address";
    }
    if (address.isLinkLocalAddress()) {
      // 169.254.0.0/16 holds the cloud metadata endpoints (169.254.169.254)
      return "link-local or metadata address";
    }
    if (address.isSiteLocalAddress()) {
      return "private address";
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
      return "unique-local address";
    }
    if (b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) {
      return "carrier-grade NAT address";
    }
    return null;
  }
}
