package dev.sluice.store.jdbc;

import dev.sluice.model.StoredAttachment;
import dev.sluice.model.StoredMail;
import dev.sluice.store.Database;
import dev.sluice.store.Ids;
import dev.sluice.store.InboxMailRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link InboxMailRepository} in SQL both dialects accept. */
public final class JdbcInboxMailRepository implements InboxMailRepository {
    /** How long one attempt to store waits for the write lock; the sender is told to retry after it. */
    static final int STORE_BUSY_TIMEOUT_MS = 2000;

    private static final String INSERT_MAIL = "INSERT INTO inbox_mails (address, received_at, envelope_from, "
            + "message_key, subject, author, sent_at, html, text_body, problem, size) "
            + "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM inboxes WHERE address = ?) "
            + "ON CONFLICT (address, message_key) DO NOTHING RETURNING id";
    /** The ids of an inbox's mails beyond its newest {@code ?}: parameters address, address, keep. */
    private static final String BEYOND_NEWEST = "SELECT id FROM inbox_mails WHERE address = ? AND id NOT IN "
            + "(SELECT id FROM inbox_mails WHERE address = ? ORDER BY received_at DESC, id DESC LIMIT ?)";

    private final Database db;

    public JdbcInboxMailRepository(Database db) {
        this.db = db;
    }

    @Override
    public Map<String, Result> store(List<String> addresses, NewMail mail, int keep) {
        return DurableTransaction.run(db, STORE_BUSY_TIMEOUT_MS, c -> {
            Map<String, Result> results = new LinkedHashMap<>();
            for (String address : addresses) {
                Optional<Long> id = insert(c, address, mail);
                if (id.isPresent()) {
                    insertAttachments(c, id.get(), mail.attachments());
                    deleteBeyondNewest(c, address, keep, Integer.MAX_VALUE);
                    results.put(address, Result.STORED);
                } else {
                    results.put(address, inboxExists(c, address) ? Result.DUPLICATE : Result.NO_INBOX);
                }
            }
            return results;
        });
    }

    private static Optional<Long> insert(Connection c, String address, NewMail m) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(INSERT_MAIL)) {
            st.setString(1, address);
            st.setLong(2, m.receivedAt().toEpochMilli());
            st.setString(3, m.envelopeFrom());
            st.setString(4, m.messageKey());
            st.setString(5, m.subject());
            st.setString(6, m.author());
            if (m.sentAt() == null) {
                st.setNull(7, Types.BIGINT);
            } else {
                st.setLong(7, m.sentAt().toEpochMilli());
            }
            st.setString(8, m.html());
            st.setString(9, m.text());
            st.setString(10, m.problem());
            st.setInt(11, m.size());
            st.setString(12, address);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static void insertAttachments(Connection c, long mailId, List<NewAttachment> attachments) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO inbox_attachments (id, mail_id, position, "
                + "file_name, content_type, content_id, size, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (NewAttachment a : attachments) {
                st.setString(1, Ids.attachmentId());
                st.setLong(2, mailId);
                st.setInt(3, position++);
                st.setString(4, a.fileName());
                st.setString(5, a.contentType());
                st.setString(6, a.contentId());
                st.setLong(7, a.size());
                st.setBytes(8, a.body());
                st.executeUpdate();
            }
        }
    }

    private static boolean inboxExists(Connection c, String address) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM inboxes WHERE address = ?")) {
            st.setString(1, address);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public List<StoredMail> recent(String address, int limit) {
        return db.read(c -> {
            Map<Long, List<StoredAttachment>> attachments = attachmentsOfRecent(c, address, limit);
            List<StoredMail> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT id, received_at, message_key, subject, author, "
                    + "sent_at, html, text_body, problem FROM inbox_mails WHERE address = ? "
                    + "ORDER BY received_at DESC, id DESC LIMIT ?")) {
                st.setString(1, address);
                st.setInt(2, limit);
                try (ResultSet rs = st.executeQuery()) {
                    long chars = 0;
                    while (rs.next()) {
                        String html = rs.getString(7);
                        String text = rs.getString(8);
                        chars += html.length() + text.length();
                        if (chars > READ_BUDGET_CHARS && !out.isEmpty()) {
                            break;
                        }
                        long id = rs.getLong(1);
                        long sent = rs.getLong(6);
                        Instant sentAt = rs.wasNull() ? null : Instant.ofEpochMilli(sent);
                        out.add(new StoredMail(id, address, Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getString(4),
                                rs.getString(5), sentAt, html, text, rs.getString(9), attachments.getOrDefault(id, List.of())));
                    }
                }
            }
            return out;
        });
    }

    private static Map<Long, List<StoredAttachment>> attachmentsOfRecent(Connection c, String address, int limit)
            throws SQLException {
        Map<Long, List<StoredAttachment>> out = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT mail_id, id, file_name, content_type, content_id, size, "
                + "CASE WHEN body IS NULL THEN 0 ELSE 1 END FROM inbox_attachments WHERE mail_id IN "
                + "(SELECT id FROM inbox_mails WHERE address = ? ORDER BY received_at DESC, id DESC LIMIT ?) "
                + "ORDER BY mail_id, position")) {
            st.setString(1, address);
            st.setInt(2, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new StoredAttachment(rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getInt(7) == 1));
                }
            }
        }
        return out;
    }

    @Override
    public Optional<Download> attachment(String id) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT file_name, content_type, body FROM inbox_attachments "
                    + "WHERE id = ? AND body IS NOT NULL")) {
                st.setString(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(new Download(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<String> addressesWithMail() {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT DISTINCT address FROM inbox_mails")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    @Override
    public int deleteOlderThan(Instant cutoff, int batch) {
        return db.transaction(c -> deleteMails(c, "SELECT id FROM inbox_mails WHERE received_at < ? ORDER BY id LIMIT ?",
                cutoff.toEpochMilli(), batch));
    }

    @Override
    public int deleteBeyondNewest(String address, int keep, int batch) {
        return db.transaction(c -> deleteBeyondNewest(c, address, keep, batch));
    }

    private static int deleteBeyondNewest(Connection c, String address, int keep, int batch) throws SQLException {
        return deleteMails(c, "SELECT id FROM (" + BEYOND_NEWEST + ") beyond ORDER BY id LIMIT ?", address, address, keep, batch);
    }

    /**
     * Deletes the mails {@code idsSql} selects and their attachments (nothing else refers to
     * them); answers how many mails. The selection is made twice in one transaction, and the
     * first delete touches no mail, so both statements see the same mails.
     */
    private static int deleteMails(Connection c, String idsSql, Object... args) throws SQLException {
        update(c, "DELETE FROM inbox_attachments WHERE mail_id IN (" + idsSql + ")", args);
        return update(c, "DELETE FROM inbox_mails WHERE id IN (" + idsSql + ")", args);
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            return st.executeUpdate();
        }
    }
}
