package dev.sluice.inbox;

import dev.sluice.store.InboxMailRepository.NewAttachment;
import dev.sluice.store.InboxMailRepository.NewMail;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The body parts of one mail, walked once: the HTML and plain-text parts (several are joined),
 * attachments and inline images, and a note of every part that could not be read — which is then
 * kept as text, so what the sender wrote is still there.
 */
final class MailParts {
    /** Deepest nesting of multiparts read; a mail nested deeper is a bomb, not a newsletter. */
    static final int MAX_DEPTH = 8;
    /** Most body parts read. */
    static final int MAX_PARTS = 100;
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*");

    final int maxAttachmentBytes;
    final StringBuilder html = new StringBuilder();
    final StringBuilder text = new StringBuilder();
    final List<NewAttachment> attachments = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    int parts;

    MailParts(int maxAttachmentBytes) {
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    NewMail mail(String envelopeFrom, Instant receivedAt, String key, String subject, String author, Instant sentAt,
            int size) {
        return new NewMail(MailText.header(envelopeFrom), receivedAt, key, subject, author, sentAt,
                MailText.body(html.toString()), MailText.body(text.toString()), String.join("; ", problems), size,
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
            problem("a part could not be read (" + MailReader.reason(e) + ")");
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
            problem("a multipart could not be split into its parts (" + MailReader.reason(e) + "); it is shown as sent");
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
                ? MailText.header(m.getContentID().replaceAll("^\\s*<|>\\s*$", "")) : "";
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
            problem("a part could not be read at all (" + MailReader.reason(e) + ")");
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
            return MailText.header(name);
        } catch (MessagingException | IOException | RuntimeException e) {
            return "";
        }
    }
}
