package dev.sluice.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sluice.block.FirstSeenDates;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;

/**
 * First-seen dates of generated items (SPEC §4), keyed by (pipe, block, guid). The first run that
 * produces an item records "now"; every later run reads that date back.
 */
public final class FirstSeenRepository implements FirstSeenDates {
    /** How long a date is kept after it was first seen (SPEC §16: 90 days). */
    public static final Duration KEEP = Duration.ofDays(90);

    /** Dates read or written lately; a stored date never changes, so repeat runs skip the database. */
    private static final int REMEMBERED = 50_000;

    private final Database db;
    private final Cache<Key, Instant> remembered = Caffeine.newBuilder().maximumSize(REMEMBERED).build();

    private record Key(String pipeId, String blockId, String guid) {
    }

    public FirstSeenRepository(Database db) {
        this.db = db;
    }

    /**
     * Inserts {@code now} unless a date exists, then reads the stored one, in one transaction:
     * two concurrent runs of the same pipe agree on the date.
     */
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
