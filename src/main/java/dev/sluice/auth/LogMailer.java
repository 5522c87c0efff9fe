package dev.sluice.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mailer when no SMTP server is configured (development): the mail, login link included,
 * goes to the server log. Never suitable in production, hence the warning at start.
 */
final class LogMailer implements Mailer {
    private static final Logger LOG = LoggerFactory.getLogger(LogMailer.class);

    LogMailer() {
        LOG.warn("No SMTP server configured (SLUICE_SMTP_HOST): login links are written to this log");
    }

    @Override
    public void send(String to, String subject, String text) {
        LOG.info("Mail to {} — {}\n{}", to, subject, text);
    }
}
