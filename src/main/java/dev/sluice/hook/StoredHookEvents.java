package dev.sluice.hook;

import dev.sluice.store.HookEvents;
import dev.sluice.block.BlockError;
import dev.sluice.block.HookEvent;
import dev.sluice.block.HookEventSource;
import dev.sluice.store.StoreException;
import java.util.List;
import java.util.Optional;

/** What the engine hands Webhook blocks: the hooks table and the stored events, with database trouble as a block error. */
public record StoredHookEvents(HookIndex index, HookEvents events) implements HookEventSource {

    @Override
    public Optional<String> pipeOf(String hookId) {
        try {
            return index.find(hookId).map(Hook::pipeId);
        } catch (StoreException e) {
            throw unavailable(e);
        }
    }

    @Override
    public List<HookEvent> recent(String hookId, int limit) {
        try {
            return events.recent(hookId, limit);
        } catch (StoreException e) {
            throw unavailable(e);
        }
    }

    private static BlockError unavailable(StoreException e) {
        return new BlockError("The webhook events could not be read (" + (e.busy() ? "database busy" : "database error")
                + "); try again shortly", e);
    }
}
