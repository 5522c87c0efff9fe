package dev.sluice.store;

import java.sql.PreparedStatement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How often each pipe's feed is requested (the gallery's "most used"). Feed requests only bump
 * a counter in memory — they are the hot path and must never wait on a write — and
 * {@link #flush()} adds the counts to the database in one batched UPDATE, from the jobs thread.
 * Counts of the last interval are lost if the process dies; the ordering is a popularity hint.
 */
public final class PipeUsage {
    private final Database db;
    private final ConcurrentHashMap<String, AtomicLong> pending = new ConcurrentHashMap<>();

    public PipeUsage(Database db) {
        this.db = db;
    }

    /** One more output request of {@code pipeId}. */
    public void count(String pipeId) {
        pending.computeIfAbsent(pipeId, id -> new AtomicLong()).incrementAndGet();
    }

    /** Adds the counted requests to the database; returns how many pipes were updated. */
    public int flush() {
        if (pending.isEmpty()) {
            return 0;
        }
        Map<String, Long> taken = new java.util.HashMap<>();
        // getAndSet is atomic: a request counted while this runs lands in this flush or the next, never in neither.
        // Entries stay (one small counter per pipe ever requested) so that no increment can hit a removed one.
        pending.forEach((id, count) -> {
            long n = count.getAndSet(0);
            if (n > 0) {
                taken.put(id, n);
            }
        });
        if (taken.isEmpty()) {
            return 0;
        }
        return db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE pipes SET use_count = use_count + ? WHERE id = ?")) {
                for (Map.Entry<String, Long> e : taken.entrySet()) {
                    st.setLong(1, e.getValue());
                    st.setString(2, e.getKey());
                    st.addBatch();
                }
                st.executeBatch();
            }
            return taken.size();
        });
    }
}
