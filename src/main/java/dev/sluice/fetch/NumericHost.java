package dev.sluice.fetch;

import java.util.regex.Pattern;

/**
 * Host names that are really IPv4 addresses. OkHttp hands hosts made of digits and dots
 * straight to {@code InetAddress.getByName} (bypassing our {@link okhttp3.Dns}), Java reads
 * {@code 2130706433} and {@code 127.1} as 127.0.0.1, and the C resolver reads {@code 0x7f000001}
 * and {@code 0177.0.0.1} the old {@code inet_aton} way. So the URL check decodes every such
 * spelling itself and lets only the plain dotted quad through to classification.
 */
final class NumericHost {

    /** What OkHttp treats as an IPv4 literal. */
    private static final Pattern OKHTTP_LITERAL = Pattern.compile("[0-9.]+");
    /** One {@code inet_aton} part: hex, octal or decimal. */
    private static final Pattern ATON_PART = Pattern.compile("0[xX][0-9a-fA-F]*|[0-9]+");

    private NumericHost() {
    }

    /** True for any host some resolver would read as an IPv4 address rather than a name. */
    static boolean looksNumeric(String host) {
        if (OKHTTP_LITERAL.matcher(host).matches()) {
            return true;
        }
        String[] parts = parts(host);
        if (parts.length == 0 || parts.length > 4) {
            return false;
        }
        for (String part : parts) {
            if (!ATON_PART.matcher(part).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The four bytes of a plain {@code a.b.c.d} (decimal, no leading zeros), else null. */
    static byte[] dottedQuad(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')
                    || !part.chars().allMatch(Character::isDigit)) {
                return null;
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    /**
     * The address the C library's {@code inet_aton} would make of {@code host}
     * ({@code 0x7f000001}, {@code 127.1}, {@code 0177.0.0.1}), or null when it is no such form.
     */
    static byte[] inetAton(String host) {
        String[] parts = parts(host);
        if (parts.length == 0 || parts.length > 4) {
            return null;
        }
        long value = 0;
        for (int i = 0; i < parts.length; i++) {
            Long part = number(parts[i]);
            boolean last = i == parts.length - 1;
            long max = last ? (1L << (8 * (4 - i))) - 1 : 255;
            if (part == null || part > max) {
                return null;
            }
            value = last ? value | part : value | (part << (8 * (3 - i)));
        }
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    private static Long number(String part) {
        try {
            if (part.startsWith("0x") || part.startsWith("0X")) {
                return part.length() == 2 ? 0L : Long.parseLong(part.substring(2), 16);
            }
            if (part.length() > 1 && part.charAt(0) == '0') {
                return Long.parseLong(part.substring(1), 8);
            }
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            return null; // not a number, or absurdly long: no resolver reads it as an address
        }
    }

    /** Dot-separated parts, ignoring one trailing dot (resolvers accept "127.0.0.1."). */
    private static String[] parts(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        return h.isEmpty() ? new String[0] : h.split("\\.", -1);
    }
}
