package dev.sluice.block;

import java.time.Instant;
import java.util.List;

/**
 * One mail an Inbox block's address received, as stored: already parsed (the server parses a
 * mail once, when it arrives), its HTML not yet sanitised, its attachments described with the
 * URL each kept one is downloaded from.
 *
 * @param address    the inbox address's local part (the block id in lower case)
 * @param messageKey the mail's Message-ID, or a hash of it when it had none: stable, unique per inbox
 * @param sentAt     the mail's Date header; null when it had no readable one
 * @param html       the HTML body as sent ("" when none)
 * @param text       the plain-text body ("" when none)
 * @param problem    what could not be read of the mail ("" when all of it could)
 */
public record InboxMail(String address, Instant receivedAt, String messageKey, String subject, String author,
                        Instant sentAt, String html, String text, String problem, List<Attachment> attachments) {
    public InboxMail {
        attachments = List.copyOf(attachments);
    }

    /**
     * An attachment or inline image.
     *
     * @param url       where it is downloaded from; null when it was larger than the limit and not kept
     * @param contentId its Content-ID without angle brackets ("" when none): what {@code cid:} links in the HTML name
     */
    public record Attachment(String fileName, String contentType, long size, String url, String contentId) {
        public boolean kept() {
            return url != null;
        }
    }
}
