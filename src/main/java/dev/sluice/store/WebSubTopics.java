package dev.sluice.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Per pipe output (pipe and declared parameters), the hash of the items last announced to WebSub
 * subscribers or the external hub (table {@code websub_topics}).
 */
public interface WebSubTopics {
    Optional<String> itemsHash(String pipeId, String paramsKey);

    /**
     * Records {@code itemsHash} as announced unless it is the one recorded already: true when it
     * was not (the items changed, or the output had none recorded) — and then for one caller only,
     * however many check the same output at once.
     */
    boolean changeTo(String pipeId, String paramsKey, String itemsHash, Instant now);

    /** Records {@code itemsHash} as the starting point when the output has none recorded; whether it had none. */
    boolean startAt(String pipeId, String paramsKey, String itemsHash, Instant now);

    /** Forgets outputs whose items last changed before {@code cutoff}; how many. */
    int deleteUnchangedSince(Instant cutoff);

    /** Forgets the outputs of pipes nobody is subscribed to any more (the built-in hub's sweep); how many. */
    int deleteUnsubscribed();
}
