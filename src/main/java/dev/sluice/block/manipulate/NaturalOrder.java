package dev.sluice.block.manipulate;

import java.util.Comparator;

/**
 * Case-insensitive natural order: runs of ASCII digits compare by their number, so "item 2"
 * sorts before "item 10", and "Item" equals "item". Walks both strings once without allocating,
 * because Sort calls it about n·log n times per run.
 */
final class NaturalOrder implements Comparator<String> {
    static final NaturalOrder INSTANCE = new NaturalOrder();

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int ai = skipZeros(a, i);
                int bj = skipZeros(b, j);
                int aEnd = digitsEnd(a, ai);
                int bEnd = digitsEnd(b, bj);
                // Without leading zeros, a longer run of digits is a bigger number.
                if (aEnd - ai != bEnd - bj) {
                    return Integer.compare(aEnd - ai, bEnd - bj);
                }
                for (; ai < aEnd; ai++, bj++) {
                    if (a.charAt(ai) != b.charAt(bj)) {
                        return Character.compare(a.charAt(ai), b.charAt(bj));
                    }
                }
                i = aEnd;
                j = bEnd;
            } else {
                if (ca != cb) {
                    char la = Character.toLowerCase(ca);
                    char lb = Character.toLowerCase(cb);
                    if (la != lb) {
                        return Character.compare(la, lb);
                    }
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int skipZeros(String s, int from) {
        while (from < s.length() - 1 && s.charAt(from) == '0' && isDigit(s.charAt(from + 1))) {
            from++;
        }
        return from;
    }

    private static int digitsEnd(String s, int from) {
        while (from < s.length() && isDigit(s.charAt(from))) {
            from++;
        }
        return from;
    }
}
