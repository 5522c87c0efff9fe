package dev.sluice.model;

import java.time.Instant;
import java.util.List;

/** A mail an inbox received, as stored, with its attachments' descriptions (not their bodies). */
public record StoredMail(long id, String address, Instant receivedAt, String messageKey, String subject, String author,
                         Instant sentAt, String html, String text, String problem, List<StoredAttachment> attachments) {
    public StoredMail {
        attachments = List.copyOf(attachments);
    }
}
