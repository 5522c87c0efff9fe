package dev.sluice.auth;

/**
 * How to reach the mail server ({@code SLUICE_SMTP_*}). An empty {@code host} means no SMTP:
 * mail is written to the log instead (development).
 *
 * @param user     empty for a server that takes mail without logging in
 * @param from     the sender address of login mail
 */
public record SmtpSettings(String host, int port, String user, String password, String from, Tls tls) {

    /** How the connection is secured. */
    public enum Tls {
        /** Plain connection upgraded with STARTTLS, which is required (port 587). */
        STARTTLS(587),
        /** TLS from the first byte, "SMTPS" (port 465). */
        IMPLICIT(465),
        /** No encryption: a relay on the same machine, or a test server. */
        NONE(25);

        private final int defaultPort;

        Tls(int defaultPort) {
            this.defaultPort = defaultPort;
        }

        public int defaultPort() {
            return defaultPort;
        }
    }

    public static SmtpSettings none() {
        return new SmtpSettings("", 0, "", "", "", Tls.NONE);
    }

    public boolean configured() {
        return !host.isEmpty();
    }

    /** Never prints the password: settings end up in logs. */
    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", user=" + user + ", from=" + from + ", tls=" + tls
                + (password.isEmpty() ? "" : ", password=***") + "]";
    }
}
