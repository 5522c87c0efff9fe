package dev.sluice.store;

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

/**
 * The mail Inbox blocks received ({@code inbox_mails}) and its attachments
 * ({@code inbox_attachments}). A mail is stored for all its recipients in one transaction,
 * committed with a full sync of SQLite's write-ahead log, so once {@link #store} returns the mail
 * survives a crash of the process and of the machine — the SMTP "250" is only said after it.
 * Storing also drops an inbox's oldest mails beyond its cap, so an inbox never holds more.
 */
public final class InboxMailRepository {
    /** How long one attempt to store waits for the write lock; the sender is told to retry after it. */
    static final int STORE_BUSY_TIMEOUT_MS = 2000;
    /** The most body characters one read returns: a run never holds more than this in mails. */
    static final long READ_BUDGET_CHARS = 16L * 1024 * 1024;

    private static final String INSERT_MAIL = "INSERT INTO inbox_mails (address, received_at, envelope_from, "
            + "message_key, subject, author, sent_at, html, text_body, problem, size) "
            + "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM inboxes WHERE address = ?) "
            + "ON CONFLICT (address, message_key) DO NOTHING RETURNING id";
    /** The ids of an inbox's mails beyond its newest {@code ?}: parameters address, address, keep. */
    private static final String BEYOND_NEWEST = "SELECT id FROM inbox_mails WHERE address = ? AND id NOT IN "
            + "(SELECT id FROM inbox_mails WHERE address = ? ORDER BY received_at DESC, id DESC LIMIT ?)";

    private final Database db;

    public InboxMailRepository(Database db) {
        this.db = db;
    }

    /** A mail as received and parsed; {@code sentAt} may be null (no readable Date header). */
    public record NewMail(String envelopeFrom, Instant receivedAt, String messageKey, String subject, String author,
                          Instant sentAt, String html, String text, String problem, int size,
                          List<NewAttachment> attachments) {
        public NewMail {
            attachments = List.copyOf(attachments);
        }
    }

    /** An attachment as received; {@code body} is null when it was larger than the limit (listed, not kept). */
    public record NewAttachment(String fileName, String contentType, String contentId, long size, byte[] body) {
    }

    /** A stored mail, with its attachments' descriptions (not their bodies). */
    public record Mail(long id, String address, Instant receivedAt, String messageKey, String subject, String author,
                       Instant sentAt, String html, String text, String problem, List<Attachment> attachments) {
        public Mail {
            attachments = List.copyOf(attachments);
        }
    }

    /** A stored attachment's description; {@code kept} is false when only its name, type and size were kept. */
    public record Attachment(String id, String fileName, String contentType, String contentId, long size, boolean kept) {
    }

    /** A kept attachment's content, for downloading. */
    public record Download(String fileName, String contentType, byte[] body) {
    }

    /** What became of a mail for one recipient address. */
    public enum Result {
        STORED,
        /** The same message (Message-ID, or the same bytes) was already stored for this address. */
        DUPLICATE,
        /** No saved pipe has the address any more (deleted since the recipient was accepted). */
        NO_INBOX
    }

    /**
     * Stores {@code mail} for every address in {@code addresses}, keeping at most {@code keep}
     * mails per address (the oldest go), in one durable transaction. Throws
     * {@link StoreException} when the database stayed busy: then nothing was stored.
     */
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

    /**
     * The address's newest mails, newest first: at most {@code limit}, and no more once their
     * bodies pass {@link #READ_BUDGET_CHARS} (the newest one is always included).
     */
    public List<Mail> recent(String address, int limit) {
        return db.read(c -> {
            Map<Long, List<Attachment>> attachments = attachmentsOfRecent(c, address, limit);
            List<Mail> out = new ArrayList<>();
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
                        out.add(new Mail(id, address, Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getString(4),
                                rs.getString(5), sentAt, html, text, rs.getString(9), attachments.getOrDefault(id, List.of())));
                    }
                }
            }
            return out;
        });
    }

    private static Map<Long, List<Attachment>> attachmentsOfRecent(Connection c, String address, int limit)
            throws SQLException {
        Map<Long, List<Attachment>> out = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT mail_id, id, file_name, content_type, content_id, size, "
                + "CASE WHEN body IS NULL THEN 0 ELSE 1 END FROM inbox_attachments WHERE mail_id IN "
                + "(SELECT id FROM inbox_mails WHERE address = ? ORDER BY received_at DESC, id DESC LIMIT ?) "
                + "ORDER BY mail_id, position")) {
            st.setString(1, address);
            st.setInt(2, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Attachment(rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getInt(7) == 1));
                }
            }
        }
        return out;
    }

    /** A kept attachment by its (random) id. */
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

    /** Every address that has stored mail. */
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

    /** Deletes up to {@code batch} mails (of any inbox) received before {@code cutoff}; answers how many. */
    public int deleteOlderThan(Instant cutoff, int batch) {
        return db.transaction(c -> deleteMails(c, "SELECT id FROM inbox_mails WHERE received_at < ? ORDER BY id LIMIT ?",
                cutoff.toEpochMilli(), batch));
    }

    /** Deletes up to {@code batch} of the address's mails beyond its newest {@code keep}; answers how many. */
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
