package dev.sluice.auth;

import java.time.Duration;

/** What asking to change one's e-mail address came to. */
public sealed interface EmailChangeRequest {

    /** A confirmation link was mailed to {@code newEmail}. */
    record Sent(String newEmail) implements EmailChangeRequest {
    }

    /** The address belongs to another account. */
    record Taken() implements EmailChangeRequest {
        public String message() {
            return EmailChangeResult.Reason.TAKEN.message();
        }
    }

    /** Refused; {@code message} tells the user why. */
    record Refused(String message) implements EmailChangeRequest {
    }

    /** Too many requests by this account: no mail, try again after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements EmailChangeRequest {
    }
}
