package dev.sluice.inbox;

import dev.sluice.store.InboxMailRepository.NewAttachment;
import dev.sluice.store.InboxMailRepository.NewMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Reads a received mail (MIME, with Jakarta Mail) into what an inbox stores: subject, author,
 * date, a stable key, the HTML and plain-text bodies and the attachments. Never throws: whatever
 * cannot be read — a broken multipart, a body in an unknown encoding, nesting beyond
 * {@link #MAX_DEPTH} — is said in {@code problem}, and what could be read is kept (at worst the
 * raw message as text).
 */
public final class MailReader {
    /** Deepest nesting of multiparts read; a mail nested deeper is a bomb, not a newsletter. */
    static final int MAX_DEPTH = 8;
    /** Most body parts read. */
    static final int MAX_PARTS = 100;
    /** Longest subject, author, file name or Message-ID kept. */
    static final int MAX_HEADER = 300;
    /** A Date further ahead than this is a sender's wrong clock (or spam): the arrival time stands in. */
    static final Duration FUTURE_SLACK = Duration.ofDays(1);
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*");
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
        Reading r = new Reading(maxAttachmentBytes);
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
            Reading whole = new Reading(maxAttachmentBytes);
            whole.problem("the mail could not be read as MIME (" + reason(e) + "); it is shown as sent");
            whole.text.append(Texts.body(new String(raw, StandardCharsets.UTF_8)));
            return whole.mail(envelopeFrom, receivedAt, "sha256:" + sha256(raw), "", "", null, raw.length);
        }
    }

    /** What has been read of one mail so far. */
    private static final class Reading {
        final int maxAttachmentBytes;
        final StringBuilder html = new StringBuilder();
        final StringBuilder text = new StringBuilder();
        final List<NewAttachment> attachments = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        int parts;

        Reading(int maxAttachmentBytes) {
            this.maxAttachmentBytes = maxAttachmentBytes;
        }

        NewMail mail(String envelopeFrom, Instant receivedAt, String key, String subject, String author, Instant sentAt,
                int size) {
            return new NewMail(Texts.header(envelopeFrom), receivedAt, key, subject, author, sentAt,
                    Texts.body(html.toString()), Texts.body(text.toString()), String.join("; ", problems), size,
                    attachments);
        }

        void problem(String problem) {
            if (!problems.contains(problem)) {
                problems.add(problem);
            }
        }

        void walk(Part part, int depth) {
            if (depth > MAX_DEPTH || ++parts > MAX_PARTS) {
                problem("parts nested deeper than " + MAX_DEPTH + " levels or beyond the first " + MAX_PARTS
                        + " were left out");
                return;
            }
            try {
                if (isType(part, "multipart/*")) {
                    multipart(part, depth);
                    return;
                }
                String name = fileName(part);
                boolean attached = Part.ATTACHMENT.equalsIgnoreCase(disposition(part)) || !name.isEmpty();
                if (!attached && isType(part, "text/html")) {
                    append(html, decoded(part));
                } else if (!attached && (isType(part, "text/plain") || contentType(part).isEmpty())) {
                    append(text, decoded(part));
                } else {
                    attachment(part, name);
                }
            } catch (MessagingException | IOException | RuntimeException e) {
                problem("a part could not be read (" + reason(e) + ")");
                rawAsText(part);
            }
        }

        private void multipart(Part part, int depth) throws MessagingException, IOException {
            Multipart multipart;
            int count;
            try {
                if (!(part.getContent() instanceof Multipart m)) {
                    throw new MessagingException("not a multipart");
                }
                multipart = m;
                count = m.getCount();
            } catch (MessagingException | IOException | RuntimeException e) {
                problem("a multipart could not be split into its parts (" + reason(e) + "); it is shown as sent");
                rawAsText(part);
                return;
            }
            for (int i = 0; i < count; i++) {
                walk(multipart.getBodyPart(i), depth + 1);
            }
        }

        private void attachment(Part part, String name) throws MessagingException, IOException {
            byte[] body;
            try (InputStream in = part.getInputStream()) {
                body = in.readAllBytes();
            }
            String type = contentType(part);
            String contentId = part instanceof MimePart m && m.getContentID() != null
                    ? Texts.header(m.getContentID().replaceAll("^\\s*<|>\\s*$", "")) : "";
            if (name.isEmpty()) {
                name = type.equals("message/rfc822") ? "message.eml" : "attachment-" + (attachments.size() + 1);
            }
            boolean kept = body.length <= maxAttachmentBytes;
            attachments.add(new NewAttachment(name, MEDIA_TYPE.matcher(type).matches() ? type : "application/octet-stream",
                    contentId, body.length, kept ? body : null));
        }

        /** A part whose structure could not be read, as text: what the sender wrote is still there. */
        private void rawAsText(Part part) {
            try (InputStream in = part instanceof MimePart m ? rawStream(m) : part.getInputStream()) {
                append(text, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (MessagingException | IOException | RuntimeException e) {
                problem("a part could not be read at all (" + reason(e) + ")");
            }
        }

        private static InputStream rawStream(MimePart part) throws MessagingException {
            if (part instanceof MimeMessage message) {
                return message.getRawInputStream();
            }
            return ((jakarta.mail.internet.MimeBodyPart) part).getRawInputStream();
        }

        private static void append(StringBuilder to, String more) {
            if (!to.isEmpty() && !more.isBlank()) {
                to.append("\n\n");
            }
            to.append(more);
        }
    }

    /** A text part's content in its charset (UTF-8 when it names none or one Java does not know). */
    private static String decoded(Part part) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        return new String(bytes, charset(part));
    }

    private static Charset charset(Part part) {
        try {
            String name = new ContentType(part.getContentType()).getParameter("charset");
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(MimeUtility.javaCharset(name.strip()));
        } catch (MessagingException | RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static boolean isType(Part part, String type) {
        try {
            return part.isMimeType(type);
        } catch (MessagingException | RuntimeException e) {
            return false;
        }
    }

    /** The part's media type in lower case without parameters; "" when it has none or an unreadable one. */
    private static String contentType(Part part) {
        try {
            String header = part instanceof MimePart m ? m.getHeader("Content-Type", null) : part.getContentType();
            return header == null ? "" : new ContentType(header).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return "";
        }
    }

    private static String disposition(Part part) {
        try {
            String d = part.getDisposition();
            return d == null ? "" : d;
        } catch (MessagingException | RuntimeException e) {
            return "";
        }
    }

    /** The part's file name, decoded, without any path: "" when it has none. */
    private static String fileName(Part part) {
        try {
            String name = part.getFileName();
            if (name == null) {
                return "";
            }
            if (name.contains("=?")) {
                name = MimeUtility.decodeText(name);
            }
            name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
            return Texts.header(name);
        } catch (MessagingException | IOException | RuntimeException e) {
            return "";
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return Texts.header(message.getSubject());
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
                    String personal = Texts.header(a.getPersonal());
                    return personal.isEmpty() ? Texts.header(a.getAddress()) : personal;
                }
                return Texts.header(from[0].toString());
            }
            return "";
        } catch (MessagingException | RuntimeException e) {
            return rawHeader(message, "From");
        }
    }

    private static String rawHeader(MimeMessage message, String name) {
        try {
            String value = message.getHeader(name, null);
            return Texts.header(value == null ? "" : MimeUtility.decodeText(MimeUtility.unfold(value)));
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
            String id = Texts.header(message.getMessageID());
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

    private static String reason(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : Texts.header(message);
    }

    /** Strings as the store keeps them: no NUL or other control characters where they do not belong. */
    static final class Texts {
        private Texts() {
        }

        /** A one-line value: controls removed, white space collapsed, at most {@link #MAX_HEADER} characters. */
        static String header(String value) {
            if (value == null) {
                return "";
            }
            String s = value.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
            return s.length() <= MAX_HEADER ? s : s.substring(0, MAX_HEADER - 1) + "…";
        }

        /** A body: NUL and other controls but tab and line breaks removed (PostgreSQL's TEXT holds no NUL). */
        static String body(String value) {
            return value.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "");
        }
    }
}
