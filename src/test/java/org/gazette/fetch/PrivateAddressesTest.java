package org.gazette.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrivateAddressesTest {
  private static InetAddress ip(String s) throws Exception {
    return InetAddress.getByName(s);
  }

  @Test
  void noneAndAll() throws Exception {
    assertThat(PrivateAddresses.NONE.allows(ip("127.0.0.1"))).isFalse();
    assertThat(PrivateAddresses.ALL.allows(ip("10.1.2.3"))).isTrue();
    assertThat(PrivateAddresses.of(false)).isEqualTo(PrivateAddresses.NONE);
    assertThat(PrivateAddresses.of(List.of())).isEqualTo(PrivateAddresses.NONE);
  }

  @Test
  void listedBlocksOnly() throws Exception {
    PrivateAddresses p = PrivateAddresses.of(List.of("10.1.0.0/16", "127.0.0.1", "fd00::/8"));
    assertThat(p.allows(ip("10.1.255.7"))).isTrue();
    assertThat(p.allows(ip("10.2.0.1"))).isFalse();
    assertThat(p.allows(ip("127.0.0.1"))).isTrue();
    assertThat(p.allows(ip("127.0.0.2"))).isFalse();
    assertThat(p.allows(ip("fd12::1"))).isTrue();
    assertThat(p.allows(ip("fe80::1"))).isFalse();
    assertThat(p.toString()).isEqualTo("[10.1.0.0/16, 127.0.0.1/32, fd00:0:0:0:0:0:0:0/8]");
  }

  @Test
  void aBlockIsNormalisedToItsNetworkAndPrefixesOfAnyLengthWork() throws Exception {
    assertThat(PrivateAddresses.Range.parse("192.168.7.9/20"))
        .isEqualTo(PrivateAddresses.Range.parse("192.168.0.0/20"));
    PrivateAddresses.Range r = PrivateAddresses.Range.parse("172.16.0.0/12");
    assertThat(r.contains(ip("172.31.255.255"))).isTrue();
    assertThat(r.contains(ip("172.32.0.0"))).isFalse();
    assertThat(PrivateAddresses.Range.parse("0.0.0.0/0").contains(ip("8.8.8.8"))).isTrue();
    // an IPv4 block never holds an IPv6 address, nor the other way round
    assertThat(PrivateAddresses.Range.parse("::/0").contains(ip("8.8.8.8"))).isFalse();
  }

  @Test
  void plusJoinsRangesAndAllWins() throws Exception {
    PrivateAddresses a = PrivateAddresses.of(List.of("127.0.0.1"));
    PrivateAddresses b = PrivateAddresses.of(List.of("10.0.0.0/8"));
    assertThat(a.plus(b).allows(ip("10.9.9.9"))).isTrue();
    assertThat(a.plus(b).allows(ip("127.0.0.1"))).isTrue();
    assertThat(a.plus(PrivateAddresses.ALL)).isEqualTo(PrivateAddresses.ALL);
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "intranet.example", "10.0.0.0/33", "10.0.0.0/x",
      "10.0.0/8", "", "::1/129", "999.1.1.1"})
  void refusesWhatIsNotAnAddressOrBlock(String text) {
    assertThatThrownBy(() -> PrivateAddresses.of(List.of(text)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + text + "\"");
  }
}
