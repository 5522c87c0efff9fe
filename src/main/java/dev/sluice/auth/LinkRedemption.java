package dev.sluice.auth;

/** What following a login link came to. */
public sealed interface LinkRedemption {

    /** The link was good and is now used up. {@code nextPath} may be null. */
    record Accepted(String email, String nextPath) implements LinkRedemption {
    }

    /** The link cannot log anyone in. */
    record Refused(Reason reason) implements LinkRedemption {
    }

    /** Why a link was refused, with what the user is told. */
    enum Reason {
        UNKNOWN("This login link is not valid. Check that you copied all of it, or ask for a new one."),
        USED("This login link has already been used. Each link works once; ask for a new one."),
        EXPIRED("This login link has expired (links work for 15 minutes). Ask for a new one.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }
}
