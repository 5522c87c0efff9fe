package dev.sluice.fetch;

import java.time.Instant;

/** Why a fetch produced no fresh document. Each kind carries a message a user can act on. */
public sealed interface FetchFailure {

    String message();

    /** Not fetchable by policy: bad scheme, malformed URL, or an address the SSRF guard refuses. */
    record Refused(String message) implements FetchFailure {
    }

    /** The run's time or the fetch timeout ran out. */
    record TimedOut(String message) implements FetchFailure {
    }

    /** The body is larger than the configured cap. */
    record TooLarge(String message) implements FetchFailure {
    }

    /** The upstream asked us to slow down (429/503 with Retry-After) beyond the time we had. */
    record TooManyRequests(String message, Instant retryAt) implements FetchFailure {
    }

    /** The upstream answered with an error status. */
    record HttpStatus(String message, int status) implements FetchFailure {
    }

    /** DNS failure, connection refused or reset, TLS error, too many redirects. */
    record Network(String message) implements FetchFailure {
    }
}
