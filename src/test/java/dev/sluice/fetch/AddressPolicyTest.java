package dev.sluice.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pure classification of address bytes: no DNS, no network. */
class AddressPolicyTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            // IPv4 special ranges and their edges
            "0.0.0.0, UNSPECIFIED",
            "0.1.2.3, UNSPECIFIED",
            "10.0.0.1, PRIVATE",
            "10.255.255.255, PRIVATE",
            "100.64.0.1, SHARED",
            "100.127.255.254, SHARED",
            "100.128.0.1, PUBLIC",
            "127.0.0.1, LOOPBACK",
            "127.255.255.254, LOOPBACK",
            "169.254.169.254, LINK_LOCAL",
            "169.254.0.1, LINK_LOCAL",
            "172.15.255.255, PUBLIC",
            "172.16.0.1, PRIVATE",
            "172.31.255.255, PRIVATE",
            "172.32.0.1, PUBLIC",
            "192.0.0.8, RESERVED",
            "192.0.2.1, DOCUMENTATION",
            "192.88.99.1, RESERVED",
            "192.168.1.1, PRIVATE",
            "198.18.0.1, BENCHMARKING",
            "198.19.255.255, BENCHMARKING",
            "198.20.0.1, PUBLIC",
            "198.51.100.7, DOCUMENTATION",
            "203.0.113.9, DOCUMENTATION",
            "224.0.0.1, MULTICAST",
            "239.255.255.250, MULTICAST",
            "240.0.0.1, RESERVED",
            "255.255.255.255, BROADCAST",
            "8.8.8.8, PUBLIC",
            "1.1.1.1, PUBLIC",
            "93.184.216.34, PUBLIC",
            // IPv6 special ranges
            "::, UNSPECIFIED",
            "::1, LOOPBACK",
            "fc00::1, PRIVATE",
            "fd12:3456:789a::1, PRIVATE",
            "fe80::1, LINK_LOCAL",
            "febf:ffff::1, LINK_LOCAL",
            "fec0::1, PRIVATE",
            "ff02::1, MULTICAST",
            "ff0e::101, MULTICAST",
            "2001:db8::1, DOCUMENTATION",
            "3fff::1, DOCUMENTATION",
            "2001:2::1, BENCHMARKING",
            "2001:0:4136:e378::1, RESERVED",
            "100::1, RESERVED",
            "4000::1, RESERVED",
            "2606:4700::1111, PUBLIC",
            "2a00:1450:4001:830::200e, PUBLIC",
            // IPv6 forms carrying an IPv4 address are judged by it
            "::ffff:127.0.0.1, LOOPBACK",
            "::ffff:10.0.0.1, PRIVATE",
            "::ffff:169.254.169.254, LINK_LOCAL",
            "::ffff:8.8.8.8, PUBLIC",
            "::127.0.0.1, LOOPBACK",
            "::10.0.0.1, PRIVATE",
            "::8.8.8.8, PUBLIC",
            "::ffff:0:127.0.0.1, LOOPBACK",
            "::ffff:0:192.168.0.1, PRIVATE",
            "64:ff9b::127.0.0.1, LOOPBACK",
            "64:ff9b::10.1.2.3, PRIVATE",
            "64:ff9b::169.254.169.254, LINK_LOCAL",
            "64:ff9b::8.8.8.8, PUBLIC",
            "64:ff9b:1::1, PRIVATE",
            "2002:7f00:1::, LOOPBACK",
            "2002:a9fe:a9fe::1, LINK_LOCAL",
            "2002:c0a8:101::1, PRIVATE",
            "2002:808:808::1, PUBLIC",
    })
    void classifiesAddressForms(String literal, AddressKind expected) {
        assertThat(AddressPolicy.classify(literal(literal))).isEqualTo(expected);
        boolean allowed = AddressPolicy.publicOnly().refusedKind(literal(literal)).isEmpty();
        assertThat(allowed).isEqualTo(expected == AddressKind.PUBLIC);
    }

    @Test
    void mappedAddressesAreJudgedTheSameWhetherJavaKeepsThemAsIpv6OrNot() throws UnknownHostException {
        InetAddress asJavaParsesIt = InetAddress.getByName("::ffff:127.0.0.1");
        assertThat(asJavaParsesIt).isInstanceOf(Inet4Address.class);
        assertThat(AddressPolicy.classify(asJavaParsesIt)).isEqualTo(AddressKind.LOOPBACK);
        assertThat(literal("::ffff:127.0.0.1")).isInstanceOf(Inet6Address.class);
        assertThat(AddressPolicy.classify(literal("::ffff:127.0.0.1"))).isEqualTo(AddressKind.LOOPBACK);
    }

    @Test
    void allowingEverythingAllowsPrivateAddresses() {
        AddressPolicy policy = AddressPolicy.allowingEverything();
        assertThat(policy.refusedKind(literal("127.0.0.1"))).isEmpty();
        assertThat(policy.refusedKind(literal("169.254.169.254"))).isEmpty();
        assertThat(AddressPolicy.of(TestDownloaders.config())).isSameAs(policy);
        assertThat(AddressPolicy.of(TestDownloaders.config().withAllowPrivateNetworks(false)))
                .isSameAs(AddressPolicy.publicOnly());
    }

    @Test
    void anExplicitExceptionAllowsExactlyThatAddress() {
        AddressPolicy policy = AddressPolicy.publicOnly().alsoAllowing(literal("127.0.0.2"));
        assertThat(policy.refusedKind(literal("127.0.0.2"))).isEmpty();
        assertThat(policy.refusedKind(literal("127.0.0.1"))).contains(AddressKind.LOOPBACK);
        assertThat(policy.refusedKind(literal("8.8.8.8"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"::1, ::1", "::, ::", "fe80::1, fe80::1", "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "::ffff:0:7f00:1, ::ffff:0:7f00:1", "10.0.0.1, 10.0.0.1"})
    void writesAddressesCompactly(String literal, String expected) {
        assertThat(AddressPolicy.text(literal(literal))).isEqualTo(expected);
    }

    /** Parses a literal (never DNS), keeping {@code ::ffff:a.b.c.d} as IPv6 like a resolver may return it. */
    static InetAddress literal(String text) {
        try {
            InetAddress parsed = InetAddress.getByName(text);
            if (text.contains(":") && parsed instanceof Inet4Address v4) {
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(v4.getAddress(), 0, mapped, 12, 4);
                return Inet6Address.getByAddress(null, mapped, -1);
            }
            return parsed;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
