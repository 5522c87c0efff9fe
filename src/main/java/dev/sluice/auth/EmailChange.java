package dev.sluice.auth;

import dev.sluice.model.User;
import dev.sluice.store.UserRepository;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changing an account's e-mail address: the new address must prove it is reachable and
 * wanted, so a single-use link is mailed to it and the change happens only when the account's
 * owner follows it while logged in. The old address is told once the change is made, so a
 * hijacked session cannot move an account away silently. An address another account uses is
 * refused when asked and again when the link is followed.
 */
public final class EmailChange {
    /** Change requests per account within {@link #WINDOW}: each sends a mail to an address of the requester's choosing. */
    public static final int PER_ACCOUNT = 5;
    public static final Duration WINDOW = Duration.ofHours(1);
    /** Where a link leads: a page that confirms with a POST, so mail scanners opening links change nothing. */
    public static final String CONFIRM_PATH = "/settings/email/confirm";
    private static final Logger LOG = LoggerFactory.getLogger(EmailChange.class);

    private final EmailChangeLinks links;
    private final UserRepository users;
    private final Mailer mailer;
    private final RateLimit perAccount;
    private final String baseUrl;

    public EmailChange(EmailChangeLinks links, UserRepository users, Mailer mailer, RateLimit perAccount, String baseUrl) {
        this.links = links;
        this.users = users;
        this.mailer = mailer;
        this.perAccount = perAccount;
        this.baseUrl = baseUrl;
    }

    /** Mails a confirmation link to {@code newAddress}, unless the address is unusable. */
    public EmailChangeRequest request(User user, String newAddress) {
        String address = EmailLogin.normalise(newAddress);
        if (address == null) {
            return new EmailChangeRequest.Refused("That is not an e-mail address. Type it as name@example.org.");
        }
        if (address.equals(user.email())) {
            return new EmailChangeRequest.Refused("That is already your address.");
        }
        if (users.findByEmail(address).isPresent()) {
            return new EmailChangeRequest.Taken();
        }
        RateLimit.Verdict verdict = perAccount.take(Long.toString(user.id()));
        if (!verdict.allowed()) {
            return new EmailChangeRequest.Throttled(verdict.retryAfter());
        }
        String link = baseUrl + CONFIRM_PATH + "?token=" + links.issue(user.id(), address);
        try {
            mailer.send(address, "Confirm your new Sluice address", confirmText(user.email(), link));
            return new EmailChangeRequest.Sent(address);
        } catch (Mailer.Undeliverable e) {
            LOG.error("Address confirmation mail not sent: {}", e.getMessage());
            return new EmailChangeRequest.Refused("The confirmation mail could not be sent just now. Please try again in a few minutes.");
        }
    }

    /** The change a link would make, without making it: for the page that asks to confirm. */
    public EmailChangeResult look(String token) {
        return links.peek(token);
    }

    /** Follows a link as {@code user}: changes the address and tells the old one. */
    public EmailChangeResult confirm(User user, String token) {
        EmailChangeResult result = links.redeem(token, user.id());
        if (result instanceof EmailChangeResult.Changed changed) {
            try {
                mailer.send(changed.oldEmail(), "Your Sluice address was changed", changedText(changed));
            } catch (Mailer.Undeliverable e) {
                // The change stands: the new address proved itself. The notice is a courtesy.
                LOG.warn("Notice of an address change not sent to the old address: {}", e.getMessage());
            }
        }
        return result;
    }

    private static String confirmText(String oldEmail, String link) {
        return "Hello,\n\n"
                + "the Sluice account " + oldEmail + " asked to use this address from now on.\n"
                + "Log in to that account, then follow this link to confirm:\n\n"
                + link + "\n\n"
                + "It works once, for " + EmailChangeLinks.VALIDITY.toMinutes() + " minutes. If you did not ask for this,"
                + " ignore this mail: nothing changes until the link is followed.\n";
    }

    private static String changedText(EmailChangeResult.Changed changed) {
        return "Hello,\n\n"
                + "the address of your Sluice account was changed from " + changed.oldEmail() + " to "
                + changed.newEmail() + ".\n"
                + "From now on, log in with the new address.\n\n"
                + "If you did not make this change, contact the operator of this Sluice site at once.\n";
    }
}
