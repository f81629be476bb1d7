package org.gazette.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which of the addresses the SSRF guard refuses (loopback, private, link-local, metadata) may be
 * fetched all the same: none (the default), all ({@code --allow-private}, {@code allowPrivate:
 * true}) or the listed ranges ({@code allowPrivate: [10.1.0.0/16, 127.0.0.1]},
 * {@code --allow-private-range}).
 *
 * @param all every address is allowed
 * @param ranges the ranges allowed when not {@code all}, as CIDR blocks
 */
public record PrivateAddresses(boolean all, List<Range> ranges) {
  /** Nothing private is fetched: the default. */
  public static final PrivateAddresses NONE = new PrivateAddresses(false, List.of());

  /** Everything may be fetched. */
  public static final PrivateAddresses ALL = new PrivateAddresses(true, List.of());

  // IP literals only: a host name here would need DNS, and the guard is about addresses
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  public PrivateAddresses {
    ranges = List.copyOf(ranges);
  }

  /** {@link #ALL} or {@link #NONE}. */
  public static PrivateAddresses of(boolean all) {
    return all ? ALL : NONE;
  }

  /**
   * The ranges written as CIDR blocks or single addresses ({@code 10.0.0.0/8},
   * {@code 127.0.0.1}, {@code fd00::/8}).
   *
   * @throws IllegalArgumentException naming the first item that is not one
   */
  public static PrivateAddresses of(List<String> cidrs) {
    List<Range> out = new ArrayList<>();
    for (String cidr : cidrs) {
      out.add(Range.parse(cidr));
    }
    return out.isEmpty() ? NONE : new PrivateAddresses(false, out);
  }

  /** Whether {@code address} may be fetched although the guard refuses it. */
  public boolean allows(InetAddress address) {
    return all || ranges.stream().anyMatch(r -> r.contains(address));
  }

  /** This policy with more ranges allowed. */
  public PrivateAddresses plus(PrivateAddresses more) {
    if (all || more.all) {
      return ALL;
    }
    List<Range> joined = new ArrayList<>(ranges);
    joined.addAll(more.ranges);
    return new PrivateAddresses(false, joined);
  }

  @Override
  public String toString() {
    if (all) {
      return "all";
    }
    return ranges.isEmpty() ? "none" : ranges.toString();
  }

  /**
   * A CIDR block.
   *
   * @param network the address bytes of the block's first address
   * @param prefix how many leading bits the block fixes
   */
  public record Range(byte[] network, int prefix) {
    /**
     * Parses {@code 10.0.0.0/8}, {@code 127.0.0.1} (one address) or an IPv6 block.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text}
     */
    public static Range parse(String text) {
      String t = text == null ? "" : text.strip();
      int slash = t.indexOf('/');
      String host = slash < 0 ? t : t.substring(0, slash);
      if (!IPV4.matcher(host).matches() && !IPV6.matcher(host).matches()) {
        throw new IllegalArgumentException("not an IP address or CIDR block: \"" + text + "\"");
      }
      byte[] address;
      try {
        address = InetAddress.getByName(host).getAddress();
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("not an IP address or CIDR block: \"" + text + "\"");
      }
      int bits = address.length * 8;
      int prefix = bits;
      if (slash >= 0) {
        String p = t.substring(slash + 1);
        if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > bits) {
          throw new IllegalArgumentException("bad prefix length in \"" + text + "\": expected 0 to "
              + bits);
        }
        prefix = Integer.parseInt(p);
      }
      return new Range(mask(address, prefix), prefix);
    }

    /** Whether {@code address} lies in this block. */
    public boolean contains(InetAddress address) {
      byte[] a = address.getAddress();
      return a.length == network.length && java.util.Arrays.equals(mask(a, prefix), network);
    }

    private static byte[] mask(byte[] address, int prefix) {
      byte[] out = address.clone();
      for (int i = 0; i < out.length; i++) {
        int keep = Math.max(0, Math.min(8, prefix - i * 8));
        out[i] &= (byte) (0xff << (8 - keep));
      }
      return out;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Range r && r.prefix == prefix && java.util.Arrays.equals(r.network, network);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(network) * 31 + prefix;
    }

    @Override
    public String toString() {
      try {
        return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
      } catch (UnknownHostException e) {
        throw new IllegalStateException(e); // network always has 4 or 16 bytes
      }
    }
  }
}
