package dev.sluice.inbox;

import dev.sluice.block.BlockError;
import dev.sluice.block.InboxMail;
import dev.sluice.block.InboxMailSource;
import dev.sluice.model.StoredMail;
import dev.sluice.store.InboxMailRepository;
import dev.sluice.store.InboxRepository;
import dev.sluice.store.StoreException;
import java.util.List;
import java.util.Optional;

/**
 * What the engine hands Inbox blocks: the addresses and the stored mails, each kept attachment
 * with its download URL on this server, and database trouble as a block error.
 *
 * @param baseUrl the public base URL the attachment URLs are built on ({@code SLUICE_BASE_URL})
 */
public record StoredInboxMails(InboxRepository inboxes, InboxMailRepository mails, String baseUrl)
        implements InboxMailSource {
    /** Where kept attachments are downloaded from: this, then the attachment's random id. */
    public static final String ATTACHMENT_PATH = "/inbox/attachments/";

    @Override
    public Optional<String> pipeOf(String blockId) {
        try {
            return inboxes.pipeOf(InboxAddresses.addressOf(blockId));
        } catch (StoreException e) {
            throw unavailable(e);
        }
    }

    @Override
    public List<InboxMail> recent(String blockId, int limit) {
        try {
            return mails.recent(InboxAddresses.addressOf(blockId), limit).stream().map(this::mail).toList();
        } catch (StoreException e) {
            throw unavailable(e);
        }
    }

    private InboxMail mail(StoredMail m) {
        List<InboxMail.Attachment> attachments = m.attachments().stream()
                .map(a -> new InboxMail.Attachment(a.fileName(), a.contentType(), a.size(),
                        a.kept() ? baseUrl + ATTACHMENT_PATH + a.id() : null, a.contentId()))
                .toList();
        return new InboxMail(m.address(), m.receivedAt(), m.messageKey(), m.subject(), m.author(), m.sentAt(), m.html(),
                m.text(), m.problem(), attachments);
    }

    private static BlockError unavailable(StoreException e) {
        return new BlockError("The inbox could not be read (" + (e.busy() ? "database busy" : "database error")
                + "); try again shortly", e);
    }
}
