package dev.sluice.store.jdbc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sluice.store.Database;
import dev.sluice.store.FirstSeenRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

/** {@link FirstSeenRepository} in SQL both dialects accept. */
public final class JdbcFirstSeenRepository implements FirstSeenRepository {
    /** Dates read or written lately; a stored date never changes, so repeat runs skip the database. */
    private static final int REMEMBERED = 50_000;

    private final Database db;
    private final Cache<Key, Instant> remembered = Caffeine.newBuilder().maximumSize(REMEMBERED).build();

    private record Key(String pipeId, String blockId, String guid) {
    }

    public JdbcFirstSeenRepository(Database db) {
        this.db = db;
    }

    @Override
    public Instant firstSeen(String pipeId, String blockId, String guid, Instant now) {
        return remembered.get(new Key(pipeId, blockId, guid), k -> stored(k, now));
    }

    private Instant stored(Key key, Instant now) {
        String pipeId = key.pipeId();
        String blockId = key.blockId();
        String guid = key.guid();
        return db.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO first_seen "
                    + "(pipe_id, block_id, guid, first_seen_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                insert.setString(1, pipeId);
                insert.setString(2, blockId);
                insert.setString(3, guid);
                insert.setLong(4, now.toEpochMilli());
                if (insert.executeUpdate() == 1) {
                    return now;
                }
            }
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT first_seen_at FROM first_seen WHERE pipe_id = ? AND block_id = ? AND guid = ?")) {
                select.setString(1, pipeId);
                select.setString(2, blockId);
                select.setString(3, guid);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Instant.ofEpochMilli(rs.getLong(1)) : now;
                }
            }
        });
    }
}
