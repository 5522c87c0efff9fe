package dev.sluice.auth;

/** Sends a plain-text mail. */
public interface Mailer {

    /** Delivers the mail to the mail server, or throws. */
    void send(String to, String subject, String text) throws Undeliverable;

    /** SMTP when configured, else the log (development). */
    static Mailer from(SmtpSettings settings) {
        return settings.configured() ? new SmtpMailer(settings) : new LogMailer();
    }

    /** The mail server could not be reached or refused the mail. */
    final class Undeliverable extends Exception {
        public Undeliverable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
