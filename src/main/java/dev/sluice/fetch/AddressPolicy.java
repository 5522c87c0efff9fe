package dev.sluice.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The SSRF guard's judgement of one IP address. {@link #classify} is pure (no DNS, no I/O): it
 * looks at the address bytes only, and judges IPv6 forms that carry an IPv4 address (mapped
 * {@code ::ffff:a.b.c.d}, compatible {@code ::a.b.c.d}, translated, NAT64 {@code 64:ff9b::/96},
 * 6to4 {@code 2002::/16}) by that IPv4 address, because that is where the packets end up.
 *
 * <p>IPv6 outside global unicast {@code 2000::/3} is refused outright: nothing public lives there.
 */
public final class AddressPolicy {

    private record Rule(IpRange range, AddressKind kind) {
        static Rule of(String cidr, AddressKind kind) {
            return new Rule(IpRange.of(cidr), kind);
        }
    }

    // First match wins: more specific blocks come before the blocks containing them.
    private static final List<Rule> IPV4_RULES = List.of(
            Rule.of("0.0.0.0/8", AddressKind.UNSPECIFIED),
            Rule.of("10.0.0.0/8", AddressKind.PRIVATE),
            Rule.of("100.64.0.0/10", AddressKind.SHARED),
            Rule.of("127.0.0.0/8", AddressKind.LOOPBACK),
            Rule.of("169.254.0.0/16", AddressKind.LINK_LOCAL),
            Rule.of("172.16.0.0/12", AddressKind.PRIVATE),
            Rule.of("192.0.0.0/24", AddressKind.RESERVED),
            Rule.of("192.0.2.0/24", AddressKind.DOCUMENTATION),
            Rule.of("192.88.99.0/24", AddressKind.RESERVED),
            Rule.of("192.168.0.0/16", AddressKind.PRIVATE),
            Rule.of("198.18.0.0/15", AddressKind.BENCHMARKING),
            Rule.of("198.51.100.0/24", AddressKind.DOCUMENTATION),
            Rule.of("203.0.113.0/24", AddressKind.DOCUMENTATION),
            Rule.of("224.0.0.0/4", AddressKind.MULTICAST),
            Rule.of("255.255.255.255/32", AddressKind.BROADCAST),
            Rule.of("240.0.0.0/4", AddressKind.RESERVED));

    private static final List<Rule> IPV6_RULES = List.of(
            Rule.of("fc00::/7", AddressKind.PRIVATE),
            Rule.of("fec0::/10", AddressKind.PRIVATE),
            Rule.of("fe80::/10", AddressKind.LINK_LOCAL),
            Rule.of("ff00::/8", AddressKind.MULTICAST),
            Rule.of("2001:db8::/32", AddressKind.DOCUMENTATION),
            Rule.of("3fff::/20", AddressKind.DOCUMENTATION),
            Rule.of("2001:2::/48", AddressKind.BENCHMARKING),
            // IETF protocol assignments, Teredo (an obfuscated IPv4 inside), ORCHID: no feeds live here.
            Rule.of("2001::/23", AddressKind.RESERVED),
            Rule.of("64:ff9b:1::/48", AddressKind.PRIVATE),
            Rule.of("100::/64", AddressKind.RESERVED));

    private static final IpRange GLOBAL_UNICAST = IpRange.of("2000::/3");
    private static final IpRange NAT64 = IpRange.of("64:ff9b::/96");
    private static final IpRange SIX_TO_FOUR = IpRange.of("2002::/16");

    private static final AddressPolicy PUBLIC_ONLY = new AddressPolicy(false, Set.of());
    private static final AddressPolicy EVERYTHING = new AddressPolicy(true, Set.of());

    private final boolean allowAll;
    private final Set<InetAddress> exceptions;

    private AddressPolicy(boolean allowAll, Set<InetAddress> exceptions) {
        this.allowAll = allowAll;
        this.exceptions = exceptions;
    }

    /** The production policy: public addresses only. */
    public static AddressPolicy publicOnly() {
        return PUBLIC_ONLY;
    }

    /** Everything allowed: {@code SLUICE_ALLOW_PRIVATE_NETWORKS=true} (tests, intranet installs). */
    public static AddressPolicy allowingEverything() {
        return EVERYTHING;
    }

    /** The policy {@code config} asks for. */
    public static AddressPolicy of(FetchConfig config) {
        return config.allowPrivateNetworks() ? EVERYTHING : PUBLIC_ONLY;
    }

    /**
     * This policy plus exactly these addresses (for instance one intranet feed server). Tests use
     * it to let a first hop on 127.0.0.2 through while everything else on loopback stays refused.
     */
    public AddressPolicy alsoAllowing(InetAddress... exact) {
        return new AddressPolicy(allowAll, Set.copyOf(Arrays.asList(exact)));
    }

    public boolean allowsEverything() {
        return allowAll;
    }

    /** What kind of refused address {@code address} is, or empty when this policy allows it. */
    public Optional<AddressKind> refusedKind(InetAddress address) {
        if (allowAll || exceptions.contains(address)) {
            return Optional.empty();
        }
        AddressKind kind = classify(address);
        return kind == AddressKind.PUBLIC ? Optional.empty() : Optional.of(kind);
    }

    /** What {@code address} is, from its bytes alone. */
    public static AddressKind classify(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? classifyV4(bytes) : classifyV6(bytes);
    }

    private static AddressKind classifyV4(byte[] bytes) {
        for (Rule rule : IPV4_RULES) {
            if (rule.range().contains(bytes)) {
                return rule.kind();
            }
        }
        return AddressKind.PUBLIC;
    }

    private static AddressKind classifyV6(byte[] b) {
        if (zeros(b, 0, 12)) {
            if (zeros(b, 12, 15)) {
                return b[15] == 0 ? AddressKind.UNSPECIFIED : b[15] == 1 ? AddressKind.LOOPBACK : classifyV4(tail(b, 12));
            }
            return classifyV4(tail(b, 12)); // IPv4-compatible ::a.b.c.d
        }
        if (zeros(b, 0, 10) && ones(b, 10, 12)) {
            return classifyV4(tail(b, 12)); // IPv4-mapped ::ffff:a.b.c.d
        }
        if (zeros(b, 0, 8) && ones(b, 8, 10) && zeros(b, 10, 12)) {
            return classifyV4(tail(b, 12)); // IPv4-translated ::ffff:0:a.b.c.d
        }
        if (NAT64.contains(b)) {
            return classifyV4(tail(b, 12));
        }
        if (SIX_TO_FOUR.contains(b)) {
            return classifyV4(Arrays.copyOfRange(b, 2, 6));
        }
        for (Rule rule : IPV6_RULES) {
            if (rule.range().contains(b)) {
                return rule.kind();
            }
        }
        return GLOBAL_UNICAST.contains(b) ? AddressKind.PUBLIC : AddressKind.RESERVED;
    }

    private static byte[] tail(byte[] b, int from) {
        return Arrays.copyOfRange(b, from, b.length);
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean ones(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != (byte) 0xff) {
                return false;
            }
        }
        return true;
    }

    /** The address as a person writes it: IPv6 with its longest run of zero groups as "::". */
    static String text(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
