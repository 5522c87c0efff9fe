package dev.sluice.store;

import dev.sluice.model.StoredMail;
import java.time.Instant;
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
public interface InboxMailRepository {
    /** The most body characters one read returns: a run never holds more than this in mails. */
    long READ_BUDGET_CHARS = 16L * 1024 * 1024;

    /** A mail as received and parsed; {@code sentAt} may be null (no readable Date header). */
    record NewMail(String envelopeFrom, Instant receivedAt, String messageKey, String subject, String author,
                   Instant sentAt, String html, String text, String problem, int size,
                   List<NewAttachment> attachments) {
        public NewMail {
            attachments = List.copyOf(attachments);
        }
    }

    /** An attachment as received; {@code body} is null when it was larger than the limit (listed, not kept). */
    record NewAttachment(String fileName, String contentType, String contentId, long size, byte[] body) {
    }

    /** A kept attachment's content, for downloading. */
    record Download(String fileName, String contentType, byte[] body) {
    }

    /** What became of a mail for one recipient address. */
    enum Result {
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
    Map<String, Result> store(List<String> addresses, NewMail mail, int keep);

    /**
     * The address's newest mails, newest first: at most {@code limit}, and no more once their
     * bodies pass {@link #READ_BUDGET_CHARS} (the newest one is always included).
     */
    List<StoredMail> recent(String address, int limit);

    /** A kept attachment by its (random) id. */
    Optional<Download> attachment(String id);

    /** Every address that has stored mail. */
    List<String> addressesWithMail();

    /** Deletes up to {@code batch} mails (of any inbox) received before {@code cutoff}; answers how many. */
    int deleteOlderThan(Instant cutoff, int batch);

    /** Deletes up to {@code batch} of the address's mails beyond its newest {@code keep}; answers how many. */
    int deleteBeyondNewest(String address, int keep, int batch);
}
