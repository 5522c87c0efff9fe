package dev.sluice.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code hooks} table: one row per Webhook block of a saved pipe, so an incoming request finds
 * its hook (and secret) with one indexed look-up. A hook id belongs to the first pipe that claimed it.
 */
public interface HookStore {

    /** One hook: the Webhook block's id, its pipe, and its secret ('' for none). */
    record Row(String hookId, String pipeId, String secret) {
    }

    Optional<Row> find(String hookId);

    /**
     * Makes {@code hooks} the hooks of {@code pipeId} in one transaction; ids another pipe holds
     * stay that pipe's. Answers the ids that were left out for that reason.
     */
    List<String> replace(String pipeId, List<Row> hooks);

    /** The pipes that may have hooks: those whose JSON mentions {@code blockType}, and those that had hooks. */
    List<String> pipesMentioning(String blockType);

    /**
     * Re-reads pipe {@code pipeId}'s stored JSON (null when the pipe is gone) and makes
     * {@code hooksOf} of it the pipe's hooks, in one transaction, so a save happening meanwhile
     * is never overwritten with older blocks. Answers the ids left out as in {@link #replace}.
     */
    List<String> reindex(String pipeId, Function<String, List<Row>> hooksOf);
}
