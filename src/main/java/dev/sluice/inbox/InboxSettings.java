package dev.sluice.inbox;

import java.time.Duration;

/**
 * The newsletter inbox settings.
 *
 * @param listen             where the SMTP receiver listens; null when it is off ({@code SLUICE_SMTP_LISTEN} unset)
 * @param domain             the mail domain of the inbox addresses ({@code SLUICE_MAIL_DOMAIN}), lower case; "" when unset
 * @param maxMailBytes       largest mail accepted, as sent ({@code SLUICE_INBOX_MAX_MAIL_KB}); advertised with SIZE
 * @param maxAttachmentBytes largest attachment kept for download ({@code SLUICE_INBOX_MAX_ATTACHMENT_KB}); larger ones are only listed
 * @param mailsPerHour       mails one inbox accepts per hour, all at once at most ({@code SLUICE_INBOX_MAILS_PER_HOUR})
 * @param mailsPerIpPerHour  mails one sending address (IP) may send per hour ({@code SLUICE_INBOX_MAILS_PER_IP_PER_HOUR})
 * @param keepMails          newest mails kept per inbox ({@code SLUICE_INBOX_KEEP_MAILS})
 * @param keepFor            oldest mail kept ({@code SLUICE_INBOX_KEEP_DAYS})
 */
public record InboxSettings(Listen listen, String domain, int maxMailBytes, int maxAttachmentBytes,
                            int mailsPerHour, int mailsPerIpPerHour, int keepMails, Duration keepFor) {
    /** No receiver, default limits. */
    public static final InboxSettings OFF = new InboxSettings(null, "", 1024 * 1024, 1024 * 1024, 30, 120, 100,
            Duration.ofDays(90));

    public InboxSettings {
        domain = domain == null ? "" : domain.strip().toLowerCase(java.util.Locale.ROOT);
        if (maxMailBytes < 1 || maxAttachmentBytes < 0 || mailsPerHour < 1 || mailsPerIpPerHour < 1 || keepMails < 1
                || keepFor.isNegative() || keepFor.isZero()) {
            throw new IllegalArgumentException("inbox limits must be positive");
        }
        if (listen != null && domain.isEmpty()) {
            throw new IllegalArgumentException("a listening receiver needs a mail domain");
        }
    }

    /** Whether the SMTP receiver runs. */
    public boolean listening() {
        return listen != null;
    }

    /** The mail domain while the receiver runs; null when this server receives no mail. */
    public String receivingDomain() {
        return listening() ? domain : null;
    }

    /** Where the SMTP receiver listens: a host (name or address) and a port (0: a free one). */
    public record Listen(String host, int port) {
        /**
         * Reads {@code SLUICE_SMTP_LISTEN}: {@code host:port}, {@code [ipv6]:port} or {@code :port}
         * (every interface).
         *
         * @throws IllegalArgumentException saying what is wrong
         */
        public static Listen parse(String value) {
            int colon = value.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("must be host:port (e.g. 0.0.0.0:25), got \"" + value + "\"");
            }
            String host = value.substring(0, colon).strip();
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port;
            try {
                port = Integer.parseInt(value.substring(colon + 1).strip());
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("must end in a port from 0 to 65535, got \"" + value + "\"");
            }
            return new Listen(host.isEmpty() ? "0.0.0.0" : host, port);
        }

        @Override
        public String toString() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }
}
