package dev.sluice.websub;

import java.time.Duration;

/** What the built-in hub answers a subscriber's request. */
public sealed interface HubAnswer {
    /** 202: the request is taken; the callback will be asked to confirm it. */
    record Accepted() implements HubAnswer {
    }

    /** A 4xx or 5xx with the reason in words. */
    record Refused(int status, String message) implements HubAnswer {
    }

    /** 429: too many requests for this callback's host; try again after {@code retryAfter}. */
    record Limited(Duration retryAfter, String message) implements HubAnswer {
    }
}
