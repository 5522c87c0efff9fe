package dev.sluice.model;

import java.time.Instant;

/**
 * A verified WebSub subscription of the built-in hub.
 *
 * @param topic     the feed's canonical URL
 * @param callback  where its changes are POSTed
 * @param format    the feed format's extension: rss, atom or json
 * @param secret    the subscriber's secret for {@code X-Hub-Signature}, or null for unsigned deliveries
 * @param failures  notifications in a row that could not be delivered (reset by a success)
 */
public record WebSubSubscription(String topic, String callback, String pipeId, String format, String secret,
                                 long leaseSeconds, Instant createdAt, Instant expiresAt, int failures) {
}
