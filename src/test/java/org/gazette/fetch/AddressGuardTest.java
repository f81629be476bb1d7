package org.gazette.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SSRF guard's table: which addresses a public crawl refuses, and why. */
class AddressGuardTest {
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      127.0.0.1                | loopback address
      127.45.6.7               | loopback address
      ::1                      | loopback address
      0.0.0.0                  | wildcard address
      0.1.2.3                  | "this network" address
      10.0.0.1                 | private address
      172.16.5.4               | private address
      172.31.255.255           | private address
      192.168.1.1              | private address
      169.254.169.254          | link-local or metadata address
      fe80::1                  | link-local or metadata address
      fd00:ec2::254            | unique-local address
      fc00::5                  | unique-local address
      100.64.0.1               | carrier-grade NAT address
      100.127.255.254          | carrier-grade NAT address
      224.0.0.1                | multicast address
      ff02::1                  | multicast address
      240.0.0.1                | reserved address
      255.255.255.255          | reserved address
      ::ffff:10.0.0.1          | private address
      ::ffff:169.254.169.254   | link-local or metadata address
      64:ff9b::a9fe:a9fe       | link-local or metadata address inside an IPv6 address
      2002:c0a8:0101::1        | private address inside an IPv6 address
      ::7f00:1                 | loopback address inside an IPv6 address
      """)
  void refuses(String address, String why) throws Exception {
    assertThat(AddressGuard.refusal(InetAddress.getByName(address))).isEqualTo(why);
  }

  @ParameterizedTest
  @CsvSource({"8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1", "11.0.0.1",
      "2606:4700::1111", "64:ff9b::808:808", "2002:808:808::1", "223.255.255.255"})
  void letsPublicAddressesThrough(String address) throws Exception {
    assertThat(AddressGuard.refusal(InetAddress.getByName(address))).isNull();
  }
}
