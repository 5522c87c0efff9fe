package dev.sluice.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code inboxes} table: which saved pipe receives mail at which address (an Inbox block's
 * id in lower case). An address belongs to the first pipe that claimed it; a later pipe never
 * takes it over, so copying someone's block id cannot hand over their mail. Dropping an address
 * drops its mail and attachments with it (the schema's cascades, named here in
 * {@link #removeAll} too).
 */
public interface InboxRepository {
    /** The pipe that receives mail at {@code address}, if any. */
    Optional<String> pipeOf(String address);

    /**
     * Makes {@code addresses} the inboxes of pipe {@code pipeId}: addresses it no longer has go
     * (with their mail), new ones are claimed unless another pipe holds them. Answers the
     * addresses another pipe holds.
     */
    Set<String> replace(String pipeId, Set<String> addresses);

    /**
     * Re-reads pipe {@code pipeId}'s stored JSON and makes its inboxes those {@code addressesOf}
     * finds in it, in one transaction, so a save happening meanwhile is never overwritten with
     * older blocks. A pipe that is gone loses its inboxes; one whose JSON {@code addressesOf}
     * cannot read (empty) keeps them.
     */
    void reindex(String pipeId, Function<String, Optional<Set<String>>> addressesOf);

    /** The pipes whose JSON mentions {@code blockType} or that have inboxes: what a repair re-reads. */
    List<String> pipesToReindex(String blockType);

    /** Forgets every inbox of pipe {@code pipeId} with all their mail and attachments. */
    void removeAll(String pipeId);
}
