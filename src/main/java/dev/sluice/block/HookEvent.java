package dev.sluice.block;

import java.time.Instant;

/**
 * One request a webhook accepted, as stored: the raw body and its content type, so the
 * Webhook block can decide how to show it. The body array is never modified after storing.
 *
 * @param id          the event's id in the store; increases with every accepted event
 * @param hookId      the Webhook block's id the request was posted to
 * @param receivedAt  when the server accepted it
 * @param contentType the request's {@code Content-Type} ("" when none was sent)
 * @param body        the raw request body
 */
public record HookEvent(long id, String hookId, Instant receivedAt, String contentType, byte[] body) {
}
