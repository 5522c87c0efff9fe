package dev.sluice.auth;

import java.time.Instant;

/**
 * An API token as its owner sees it in a list: never the token itself, which exists only as a
 * hash once it has been shown.
 *
 * @param lastUsedAt when it last authenticated a request (to the minute), or null if never
 */
public record ApiToken(long id, long userId, String name, Instant createdAt, Instant lastUsedAt) {
}
