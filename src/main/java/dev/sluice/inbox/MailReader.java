package dev.sluice.inbox;

import dev.sluice.store.InboxMailRepository.NewMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Reads a received mail (MIME, with Jakarta Mail) into what an inbox stores: subject, author,
 * date, a stable key, the HTML and plain-text bodies and the attachments. Never throws: whatever
 * cannot be read — a broken multipart, a body in an unknown encoding, nesting beyond
 * {@link MailParts#MAX_DEPTH} — is said in {@code problem}, and what could be read is kept (at worst the
 * raw message as text).
 */
public final class MailReader {
    /** A Date further ahead than this is a sender's wrong clock (or spam): the arrival time stands in. */
    static final Duration FUTURE_SLACK = Duration.ofDays(1);
    private static final Session SESSION;

    static {
        // Jakarta Mail reads this switch from the system properties only: decode what can be
        // decoded of a damaged base64 body instead of failing the whole part.
        if (System.getProperty("mail.mime.base64.ignoreerrors") == null) {
            System.setProperty("mail.mime.base64.ignoreerrors", "true");
        }
        Properties props = new Properties();
        props.setProperty("mail.mime.address.strict", "false");
        SESSION = Session.getInstance(props);
    }

    private MailReader() {
    }

    /**
     * The mail {@code raw} as an inbox stores it.
     *
     * @param maxAttachmentBytes attachments larger than this are listed without their content
     */
    public static NewMail read(byte[] raw, String envelopeFrom, Instant receivedAt, int maxAttachmentBytes) {
        MailParts r = new MailParts(maxAttachmentBytes);
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            String subject = subject(message);
            String author = author(message);
            Instant sentAt = sentAt(message, receivedAt);
            String key = messageKey(message, raw);
            r.walk(message, 0);
            return r.mail(envelopeFrom, receivedAt, key, subject, author, sentAt, raw.length);
        } catch (MessagingException | RuntimeException e) {
            // The headers themselves could not be read: keep the message as text.
            MailParts whole = new MailParts(maxAttachmentBytes);
            whole.problem("the mail could not be read as MIME (" + reason(e) + "); it is shown as sent");
            whole.text.append(MailText.body(new String(raw, StandardCharsets.UTF_8)));
            return whole.mail(envelopeFrom, receivedAt, "sha256:" + sha256(raw), "", "", null, raw.length);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return MailText.header(message.getSubject());
        } catch (MessagingException | RuntimeException e) {
            return rawHeader(message, "Subject");
        }
    }

    /** The sender's name, else their address: what a feed reader shows as the author. */
    private static String author(MimeMessage message) {
        try {
            Address[] from = message.getFrom();
            if (from != null && from.length > 0) {
                if (from[0] instanceof InternetAddress a) {
                    String personal = MailText.header(a.getPersonal());
                    return personal.isEmpty() ? MailText.header(a.getAddress()) : personal;
                }
                return MailText.header(from[0].toString());
            }
            return "";
        } catch (MessagingException | RuntimeException e) {
            return rawHeader(message, "From");
        }
    }

    private static String rawHeader(MimeMessage message, String name) {
        try {
            String value = message.getHeader(name, null);
            return MailText.header(value == null ? "" : MimeUtility.decodeText(MimeUtility.unfold(value)));
        } catch (MessagingException | IOException | RuntimeException e) {
            return "";
        }
    }

    private static Instant sentAt(MimeMessage message, Instant receivedAt) {
        try {
            java.util.Date sent = message.getSentDate();
            Instant at = sent == null ? null : sent.toInstant();
            return at == null || at.isAfter(receivedAt.plus(FUTURE_SLACK)) ? null : at;
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    /** The Message-ID, else a hash of the whole message: the same mail delivered twice has the same key. */
    private static String messageKey(MimeMessage message, byte[] raw) {
        try {
            String id = MailText.header(message.getMessageID());
            if (!id.isEmpty()) {
                return id;
            }
        } catch (MessagingException | RuntimeException e) {
            // no usable Message-ID: the hash below
        }
        return "sha256:" + sha256(raw);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** An exception as a short reason for the stored note. */
    static String reason(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : MailText.header(message);
    }

}
