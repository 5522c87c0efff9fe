package dev.sluice.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The DNS guard with a table resolver: no real lookups, no connections. */
class GuardedDnsTest {

    private static final Map<String, InetAddress[]> NAMES = Map.of(
            "internal.test", addresses("10.0.0.5"),
            "evil.test", addresses("127.0.0.1"),
            "metadata.test", addresses("169.254.169.254"),
            "mixed.test", addresses("93.184.216.34", "10.0.0.1"),
            "mapped.test", new InetAddress[] {AddressPolicyTest.literal("::ffff:127.0.0.1")},
            "ula.test", addresses("fd00::1"),
            "public.test", addresses("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"));

    private final Resolver resolver = host -> {
        InetAddress[] found = NAMES.get(host);
        if (found == null) {
            throw new UnknownHostException(host + ": not in the test table");
        }
        return found.clone();
    };

    private final GuardedDns guarded = new GuardedDns(resolver, AddressPolicy.publicOnly());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "internal.test | internal.test resolves to a private address 10.0.0.5, refused",
            "evil.test | evil.test resolves to a loopback address 127.0.0.1, refused",
            "metadata.test | metadata.test resolves to a link-local address 169.254.169.254, refused",
            "mixed.test | mixed.test resolves to a private address 10.0.0.1, refused",
            "mapped.test | mapped.test resolves to a loopback address ::ffff:7f00:1, refused",
            "ula.test | ula.test resolves to a private address fd00::1, refused",
    })
    void refusesNamesResolvingToAnyRefusedAddress(String host, String message) {
        assertThatThrownBy(() -> guarded.lookup(host))
                .isInstanceOf(AddressRefusedException.class)
                .hasMessage(message);
    }

    @Test
    void returnsExactlyTheCheckedAddresses() throws UnknownHostException {
        List<InetAddress> found = guarded.lookup("public.test");
        assertThat(found).containsExactly(NAMES.get("public.test"));
    }

    @Test
    void unknownNamesStayUnknown() {
        assertThatThrownBy(() -> guarded.lookup("nowhere.test"))
                .isInstanceOf(UnknownHostException.class)
                .isNotInstanceOf(AddressRefusedException.class);
    }

    @Test
    void anEmptyAnswerIsAnUnknownHost() {
        GuardedDns empty = new GuardedDns(host -> new InetAddress[0], AddressPolicy.publicOnly());
        assertThatThrownBy(() -> empty.lookup("empty.test")).hasMessageContaining("no addresses");
    }

    @Test
    void privateNamesResolveWhenPrivateNetworksAreAllowed() throws UnknownHostException {
        GuardedDns open = new GuardedDns(resolver, AddressPolicy.allowingEverything());
        assertThat(open.lookup("internal.test")).containsExactly(NAMES.get("internal.test"));
    }

    private static InetAddress[] addresses(String... literals) {
        InetAddress[] result = new InetAddress[literals.length];
        for (int i = 0; i < literals.length; i++) {
            result[i] = AddressPolicyTest.literal(literals[i]);
        }
        return result;
    }
}
