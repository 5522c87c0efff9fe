package dev.sluice.block;

import java.util.List;
import java.util.Optional;

/**
 * Where a run reads stored webhook events from. The engine holds one and checks, before handing
 * events to a block, that the hook belongs to a pipe the run's owner may read; a run without a
 * store (a pipe file run from the command line) has {@link #NONE}.
 */
public interface HookEventSource {
    /** What a block reports when there is no webhook store. */
    String UNAVAILABLE = "Webhooks are not available here: they need a running Sluice server";

    /** No webhook store: every lookup fails with a clear message. */
    HookEventSource NONE = new HookEventSource() {
        @Override
        public Optional<String> pipeOf(String hookId) {
            throw new BlockError(UNAVAILABLE);
        }

        @Override
        public List<HookEvent> recent(String hookId, int limit) {
            throw new BlockError(UNAVAILABLE);
        }
    };

    /** The id of the saved pipe whose Webhook block has this id; empty when no saved pipe has it. */
    Optional<String> pipeOf(String hookId);

    /** The hook's newest events, newest first, at most {@code limit}. */
    List<HookEvent> recent(String hookId, int limit);
}
