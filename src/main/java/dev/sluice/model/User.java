package dev.sluice.model;

import java.time.Instant;

/** An account. {@code plan} names an entry of the plans configuration. */
public record User(long id, String email, String plan, Instant createdAt) {
}
