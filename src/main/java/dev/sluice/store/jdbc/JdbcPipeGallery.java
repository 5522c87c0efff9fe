package dev.sluice.store.jdbc;

import dev.sluice.store.Database;
import dev.sluice.store.PipeGallery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@link PipeGallery} in SQL both dialects accept. */
public final class JdbcPipeGallery implements PipeGallery {
    private final Database db;

    public JdbcPipeGallery(Database db) {
        this.db = db;
    }

    @Override
    public Page find(Query q) {
        List<String> words = Arrays.stream(q.search().split("\\s+")).filter(w -> !w.isEmpty()).limit(8).toList();
        StringBuilder where = new StringBuilder(" WHERE p.is_public = 1");
        List<Object> args = new ArrayList<>();
        for (String word : words) {
            // lower() on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not. SQLite's
            // lower() folds only ASCII letters, so the word is also matched as typed: "École" then
            // finds "École" on both (though "école" finds it only on PostgreSQL). Tags are stored
            // lower-cased already.
            where.append(" AND (lower(p.title) LIKE ? ESCAPE '\\' OR lower(p.description) LIKE ? ESCAPE '\\' "
                    + "OR p.title LIKE ? ESCAPE '\\' OR p.description LIKE ? ESCAPE '\\' OR EXISTS "
                    + "(SELECT 1 FROM pipe_tags s WHERE s.pipe_id = p.id AND s.tag LIKE ? ESCAPE '\\'))");
            String folded = "%" + likeEscaped(word.toLowerCase(java.util.Locale.ROOT)) + "%";
            String typed = "%" + likeEscaped(word) + "%";
            args.addAll(List.of(folded, folded, typed, typed, folded));
        }
        if (!q.tag().isEmpty()) {
            where.append(" AND EXISTS (SELECT 1 FROM pipe_tags t WHERE t.pipe_id = p.id AND t.tag = ?)");
            args.add(q.tag());
        }
        return db.read(c -> {
            int total;
            try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM pipes p" + where)) {
                bind(st, args);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    total = rs.getInt(1);
                }
            }
            List<Entry> entries = new ArrayList<>();
            String sql = "SELECT p.id, p.version, p.title, p.description, p.use_count, p.shared_at, "
                    + "(SELECT COUNT(*) FROM pipe_likes l WHERE l.pipe_id = p.id) AS likes "
                    + "FROM pipes p" + where + " ORDER BY " + orderBy(q.order()) + " LIMIT ? OFFSET ?";
            try (PreparedStatement st = c.prepareStatement(sql)) {
                bind(st, args);
                st.setInt(args.size() + 1, PAGE_SIZE);
                st.setLong(args.size() + 2, (long) (q.page() - 1) * PAGE_SIZE);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        entries.add(entry(rs));
                    }
                }
            }
            return new Page(withTags(c, entries), total, q.page());
        });
    }

    private static String orderBy(Order order) {
        return switch (order) {
            case LIKES -> "likes DESC, p.shared_at DESC, p.id";
            case NEWEST -> "p.shared_at DESC, p.id";
            case MOST_USED -> "p.use_count DESC, p.shared_at DESC, p.id";
        };
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getString("id"), rs.getInt("version"), rs.getString("title"), rs.getString("description"),
                List.of(), rs.getInt("likes"), rs.getLong("use_count"), Instant.ofEpochMilli(rs.getLong("shared_at")));
    }

    /** The page's entries with their tags, in order, read in one query for the whole page. */
    private static List<Entry> withTags(java.sql.Connection c, List<Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return entries;
        }
        java.util.Map<String, List<String>> tags = new java.util.HashMap<>();
        String marks = String.join(", ", java.util.Collections.nCopies(entries.size(), "?"));
        try (PreparedStatement st = c.prepareStatement(
                "SELECT pipe_id, tag FROM pipe_tags WHERE pipe_id IN (" + marks + ") ORDER BY tag")) {
            for (int i = 0; i < entries.size(); i++) {
                st.setString(i + 1, entries.get(i).id());
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    tags.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return entries.stream().map(e -> new Entry(e.id(), e.version(), e.title(), e.description(),
                List.copyOf(tags.getOrDefault(e.id(), List.of())), e.likes(), e.uses(), e.sharedAt())).toList();
    }

    private static void bind(PreparedStatement st, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            st.setObject(i + 1, args.get(i));
        }
    }

    /** A search word with LIKE's wildcards taken literally. */
    static String likeEscaped(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
