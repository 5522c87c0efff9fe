package dev.sluice.auth;

import java.time.Duration;

/**
 * What asking for a login link came to. None of the outcomes depends on whether the address
 * has an account, so none can tell.
 */
public sealed interface LinkRequest {

    /** A link was mailed. */
    record Sent() implements LinkRequest {
    }

    /** Too many requests for this address or from this IP: no mail, try again after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements LinkRequest {
    }

    /** The text is not an e-mail address. */
    record BadAddress() implements LinkRequest {
    }

    /** The mail server did not take the mail. */
    record MailFailed() implements LinkRequest {
    }
}
