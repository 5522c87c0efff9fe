package dev.sluice.store;

import dev.sluice.model.AlertNotice;
import java.time.Instant;
import java.util.List;

/**
 * The alert mails owed, and their sending. A notice is sent only after {@link #claim} moved it
 * from PENDING to SENDING with a conditional update: of two senders (a second job, a restarted
 * server) only one wins it, and a notice once claimed is never claimed again — should the
 * process die while the mail server has it, that one mail may be lost, never sent twice.
 */
public interface AlertNotices {
    /** Notices waiting, oldest first per owner (then by pipe title), with what their mails say. */
    List<AlertNotice> pending(int limit);

    /** Takes a pending notice for the mail {@code mailId}; false when another sender has it or it is no longer pending. */
    boolean claim(String noticeId, String mailId, Instant now);

    /** The mail server took the mail. */
    void sent(String mailId);

    /** The mail server refused the mail: its notices wait for another try, or give up after {@code maxAttempts}. */
    void undelivered(String mailId, int maxAttempts);

    /** Alerts of this kind are off: the notice is not mailed. */
    void skip(String noticeId);

    /** How many alert mails went (or are going) to the owner since {@code since}. */
    int mailsSince(long ownerId, Instant since);
}
