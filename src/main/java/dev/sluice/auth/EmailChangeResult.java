package dev.sluice.auth;

/** What a link to change one's e-mail address came to, when looked at or followed. */
public sealed interface EmailChangeResult {

    /** The link is live (only from looking at it): the change it would make. */
    record Live(EmailChangeLinks.Pending pending) implements EmailChangeResult {
    }

    /** The address was changed from {@code oldEmail} to {@code newEmail}. */
    record Changed(String oldEmail, String newEmail) implements EmailChangeResult {
    }

    /** The link changes nothing. */
    record Refused(Reason reason) implements EmailChangeResult {
    }

    /** Why, with what the user is told. */
    enum Reason {
        UNKNOWN("This link is not valid. Check that you copied all of it, or ask for a new one on the settings page."),
        USED("This link has already been used. Each link works once."),
        EXPIRED("This link has expired (links work for " + EmailChangeLinks.VALIDITY.toMinutes()
                + " minutes). Ask for a new one on the settings page."),
        OTHER_ACCOUNT("This link is for another account. Log in as the account whose address is changing, then follow it again."),
        TAKEN("That address already belongs to another Sluice account, so it cannot be yours as well.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }
}
