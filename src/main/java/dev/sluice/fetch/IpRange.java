package dev.sluice.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A CIDR block ({@code 10.0.0.0/8}, {@code fc00::/7}) compared on raw address bytes, so that
 * Java's habit of turning {@code ::ffff:a.b.c.d} into an IPv4 address cannot confuse it.
 */
record IpRange(byte[] prefix, int bits) {

    /** Parses a CIDR whose address part is a literal (never looked up in DNS). */
    static IpRange of(String cidr) {
        int slash = cidr.indexOf('/');
        try {
            byte[] prefix = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
            int bits = Integer.parseInt(cidr.substring(slash + 1));
            if (bits > prefix.length * 8) {
                throw new IllegalArgumentException("prefix too long in " + cidr);
            }
            return new IpRange(prefix, bits);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address literal: " + cidr, e);
        }
    }

    /** True when {@code address} (4 or 16 bytes) lies inside this block of the same family. */
    boolean contains(byte[] address) {
        if (address.length != prefix.length) {
            return false;
        }
        int whole = bits / 8;
        for (int i = 0; i < whole; i++) {
            if (address[i] != prefix[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[whole] & mask) == (prefix[whole] & mask);
    }
}
