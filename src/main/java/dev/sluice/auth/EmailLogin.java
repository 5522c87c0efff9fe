package dev.sluice.auth;

import dev.sluice.model.User;
import dev.sluice.store.UserRepository;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passwordless login by e-mail: mails a single-use link and turns a followed link
 * into a session. Every address gets the same treatment — a link is mailed whether or not it
 * has an account, and the account is created only when the link is followed — so neither the
 * answer nor its timing tells who has an account.
 */
public final class EmailLogin {
    /** Link requests per address, and per client IP, within {@link #WINDOW}. */
    public static final int PER_ADDRESS = 5;
    public static final int PER_IP = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    static final String VERIFY_PATH = "/login/verify?token=";
    private static final int MAX_ADDRESS_LENGTH = 254;
    private static final Logger LOG = LoggerFactory.getLogger(EmailLogin.class);

    private final LoginLinks links;
    private final Sessions sessions;
    private final UserRepository users;
    private final Mailer mailer;
    private final RateLimit perAddress;
    private final RateLimit perIp;
    private final String baseUrl;

    public EmailLogin(LoginLinks links, Sessions sessions, UserRepository users, Mailer mailer,
                      RateLimit perAddress, RateLimit perIp, String baseUrl) {
        this.links = links;
        this.sessions = sessions;
        this.users = users;
        this.mailer = mailer;
        this.perAddress = perAddress;
        this.perIp = perIp;
        this.baseUrl = baseUrl;
    }

    /**
     * Mails a login link to {@code email}, rate limits permitting. The mail is sent before this
     * returns, so "check your mail" is only said once the mail server has the mail.
     *
     * @param nextPath a same-site path to go to after login, or null
     * @param ip       the client's address, for the per-IP limit
     */
    public LinkRequest request(String email, String nextPath, String ip) {
        String address = normalise(email);
        if (address == null) {
            return new LinkRequest.BadAddress();
        }
        // The address is counted first: a flood aimed at one address then costs its sender's IP
        // budget only the address's five, and other people on that IP can still log in.
        RateLimit.Verdict verdict = perAddress.take(address);
        if (verdict.allowed()) {
            verdict = perIp.take(ip);
        }
        if (!verdict.allowed()) {
            return new LinkRequest.Throttled(verdict.retryAfter());
        }
        String token = links.issue(address, nextPath);
        try {
            mailer.send(address, "Your Sluice login link", text(baseUrl + VERIFY_PATH + token));
            return new LinkRequest.Sent();
        } catch (Mailer.Undeliverable e) {
            LOG.error("Login mail not sent: {}", e.getMessage());
            return new LinkRequest.MailFailed();
        }
    }

    /** Follows a link: uses it up, creates the account if new, starts a session. */
    public Verification verify(String token) {
        return switch (links.redeem(token)) {
            case LinkRedemption.Accepted accepted -> {
                User user = users.findOrCreate(accepted.email());
                yield new Verification.LoggedIn(user, sessions.start(user.id()), accepted.nextPath());
            }
            case LinkRedemption.Refused refused -> new Verification.Refused(refused.reason());
        };
    }

    /** The address lower-cased, or null when it is not a plain e-mail address. */
    static String normalise(String email) {
        if (email == null) {
            return null;
        }
        String s = email.strip();
        if (s.isEmpty() || s.length() > MAX_ADDRESS_LENGTH) {
            return null;
        }
        try {
            InternetAddress parsed = new InternetAddress(s, true);
            parsed.validate();
            // Only a bare address: "Name <a@b>" or a group would mail somewhere unexpected.
            if (!parsed.getAddress().equals(s) || parsed.isGroup()) {
                return null;
            }
        } catch (AddressException e) {
            return null;
        }
        return s.toLowerCase(Locale.ROOT);
    }

    private static String text(String link) {
        long minutes = LoginLinks.VALIDITY.toMinutes();
        return "Hello,\n\n"
                + "follow this link to log in to Sluice:\n\n"
                + link + "\n\n"
                + "It works once, for " + minutes + " minutes. If you did not ask to log in, ignore this mail:\n"
                + "nothing happens until the link is followed.\n";
    }
}
