package dev.sluice.store.jdbc;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The items a pipe's output had recently, as 64-bit hashes of their guids, stored as one blob per
 * pipe: enough to tell whether a run brought a new item. The remembered set is the union of
 * recent outputs (newest first, capped), so a pipe requested with different parameters in turn
 * does not see the other parameters' items as new each time.
 */
final class ItemKeys {
    static final int MAX = 2000;

    private ItemKeys() {
    }

    /** FNV-1a over the key's characters: fast, and collisions among a few thousand keys are negligible. */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    static Set<Long> hashes(List<String> keys) {
        Set<Long> out = new LinkedHashSet<>();
        for (String k : keys) {
            out.add(hash(k));
        }
        return out;
    }

    static Set<Long> decode(byte[] blob) {
        Set<Long> out = new LinkedHashSet<>();
        if (blob != null) {
            ByteBuffer b = ByteBuffer.wrap(blob);
            while (b.remaining() >= Long.BYTES) {
                out.add(b.getLong());
            }
        }
        return out;
    }

    static byte[] encode(Set<Long> keys) {
        ByteBuffer b = ByteBuffer.allocate(keys.size() * Long.BYTES);
        keys.forEach(b::putLong);
        return b.array();
    }

    static boolean anyNew(Set<Long> current, Set<Long> remembered) {
        return !remembered.containsAll(current);
    }

    /** The current keys first, then the remembered ones, at most {@link #MAX}. */
    static Set<Long> merge(Set<Long> current, Set<Long> remembered) {
        Set<Long> out = new LinkedHashSet<>();
        for (Set<Long> part : List.of(current, remembered)) {
            for (Long k : part) {
                if (out.size() >= MAX) {
                    return out;
                }
                out.add(k);
            }
        }
        return out;
    }

    static Set<Long> none() {
        return new HashSet<>();
    }
}
