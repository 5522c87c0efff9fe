package dev.sluice.auth;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Sends mail through an SMTP server with Angus Mail. */
final class SmtpMailer implements Mailer {
    /** Connect, read and write time-outs: a stuck mail server must not hold a request for long. */
    private static final String TIMEOUT_MS = "10000";

    private final SmtpSettings settings;
    private final Session session;

    SmtpMailer(SmtpSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
    }

    private static Properties properties(SmtpSettings s) {
        String protocol = s.tls() == SmtpSettings.Tls.IMPLICIT ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        Properties p = new Properties();
        p.put("mail.transport.protocol", protocol);
        p.put(prefix + "host", s.host());
        p.put(prefix + "port", Integer.toString(s.port()));
        p.put(prefix + "auth", Boolean.toString(!s.user().isEmpty()));
        p.put(prefix + "connectiontimeout", TIMEOUT_MS);
        p.put(prefix + "timeout", TIMEOUT_MS);
        p.put(prefix + "writetimeout", TIMEOUT_MS);
        if (s.tls() == SmtpSettings.Tls.STARTTLS) {
            p.put(prefix + "starttls.enable", "true");
            p.put(prefix + "starttls.required", "true");
        }
        if (s.tls() != SmtpSettings.Tls.NONE) {
            p.put(prefix + "ssl.checkserveridentity", "true");
        }
        return p;
    }

    @Override
    public void send(String to, String subject, String text) throws Undeliverable {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(settings.from()));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setText(text, StandardCharsets.UTF_8.name());
            if (settings.user().isEmpty()) {
                Transport.send(message);
            } else {
                Transport.send(message, settings.user(), settings.password());
            }
        } catch (MessagingException e) {
            throw new Undeliverable("The mail server " + settings.host() + ":" + settings.port()
                    + " did not take the mail: " + e.getMessage(), e);
        }
    }
}
