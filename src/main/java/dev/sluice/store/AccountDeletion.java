package dev.sluice.store;

import java.util.List;
import java.util.Optional;

/**
 * Deletes an account and everything it owns in one transaction: its pipes with their versions,
 * tags, likes, webhooks, webhook events, inboxes with their mail and attachments, WebSub
 * subscriptions and announced outputs, last outputs, first-seen dates, run statuses, run history,
 * health, alert settings, incidents and alert notices; the likes
 * it gave; its sessions, API tokens, pending login links and address changes. Every table is
 * named here, rather than left to foreign-key cascades, so that a reader sees what goes and a
 * table without a foreign key (webhook events, first-seen dates, login links) is not forgotten.
 * In-memory caches are the caller's: it gets the ids of the deleted pipes.
 */
public interface AccountDeletion {
    /** What was deleted. */
    record Deleted(String email, List<String> pipeIds) {
        public Deleted {
            pipeIds = List.copyOf(pipeIds);
        }
    }

    /** Deletes account {@code userId} and all it owns; empty when there is no such account. */
    Optional<Deleted> delete(long userId);
}
