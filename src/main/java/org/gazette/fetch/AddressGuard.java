package org.gazette.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Refuses addresses a public crawl has no business reaching: loopback, private, link-local,
 * unique-local, cloud metadata and reserved. Checked on the resolved address of every request,
 * redirect targets included, and the connection goes to that same address (no second lookup), so
 * a public name that resolves, rebinds or redirects into the operator's network is refused too.
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
    if (address.isMulticastAddress()) {
      return "multicast address";
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) {
        return "unique-local address"; // fc00::/7, also AWS's metadata fd00:ec2::254
      }
      InetAddress embedded = embeddedIpv4(b);
      if (embedded != null) {
        String inner = refusal(embedded);
        return inner == null ? null : inner + " inside an IPv6 address";
      }
      return null;
    }
    int first = b[0] & 0xff;
    if (first == 0) {
      return "\"this network\" address"; // 0.0.0.0/8 reaches the local host on Linux
    }
    if (first == 100 && (b[1] & 0xc0) == 64) {
      return "carrier-grade NAT address";
    }
    if (first >= 240) {
      return "reserved address"; // 240.0.0.0/4 and the broadcast address
    }
    return null;
  }

  /**
   * The IPv4 address an IPv6 one carries to an IPv4 host: IPv4-compatible {@code ::a.b.c.d},
   * NAT64 {@code 64:ff9b::/96} and 6to4 {@code 2002::/16}. (IPv4-mapped addresses already come
   * back from the resolver as IPv4.)
   */
  private static InetAddress embeddedIpv4(byte[] b) {
    byte[] v4 = null;
    boolean zeros12 = Arrays.equals(Arrays.copyOf(b, 12), new byte[12]);
    if (zeros12 && !(b[12] == 0 && b[13] == 0 && b[14] == 0)) {
      v4 = Arrays.copyOfRange(b, 12, 16);
    } else if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
        && (b[3] & 0xff) == 0x9b) {
      v4 = Arrays.copyOfRange(b, 12, 16);
    } else if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
      v4 = Arrays.copyOfRange(b, 2, 6);
    }
    try {
      return v4 == null ? null : InetAddress.getByAddress(v4);
    } catch (UnknownHostException e) {
      return null; // four bytes are always an address
    }
  }
}
