package dev.sluice.store.jdbc;

import dev.sluice.store.Database;
import dev.sluice.store.PipeUsage;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** {@link PipeUsage} in SQL both dialects accept. */
public final class JdbcPipeUsage implements PipeUsage {
    private final Database db;
    private final ConcurrentHashMap<String, AtomicLong> pending = new ConcurrentHashMap<>();

    public JdbcPipeUsage(Database db) {
        this.db = db;
    }

    @Override
    public void count(String pipeId) {
        pending.computeIfAbsent(pipeId, id -> new AtomicLong()).incrementAndGet();
    }

    @Override
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
