package dev.sluice.output;

import dev.sluice.block.BlockType;
import dev.sluice.block.Value;
import dev.sluice.block.input.InboxBlock;
import dev.sluice.block.input.PipeBlock;
import dev.sluice.block.input.WebhookBlock;
import dev.sluice.engine.Plan;
import dev.sluice.engine.RunError;
import dev.sluice.feed.Feed;
import dev.sluice.model.LastOutput;
import dev.sluice.model.StoredPipe;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The last complete outputs of pipes as stored, read back. Besides standing in for a failed run
 * (stale-if-error), a stored output still fresh can stand in for a run altogether: a restart
 * empties the in-memory results, and on several nodes sharing a database another node may have
 * run the pipe a minute ago. Serving what a run made within the freshness window is what the
 * in-memory cache would have done, without making every upstream wait again and without the
 * seconds of a cold run on a just-started server.
 *
 * <p>Only for outputs that depend on nothing but the saved pipe, its parameters and its
 * upstreams: the same version of the pipe, and no Webhook, Inbox or Pipe block, whose content
 * changes without a save (an event, a mail, a sub-pipe edited) and is announced only to the
 * nodes running at the time.
 */
final class StoredOutputs {
    /** Inputs whose content changes without the pipe being saved. */
    private static final Set<BlockType> LIVE_INPUTS = Set.of(WebhookBlock.TYPE, InboxBlock.TYPE, PipeBlock.TYPE);

    private final WriteBehindLastOutputs lastOutputs;
    private final InstantSource clock;
    private final Duration freshFor;

    StoredOutputs(WriteBehindLastOutputs lastOutputs, InstantSource clock, Duration freshFor) {
        this.lastOutputs = lastOutputs;
        this.clock = clock;
        this.freshFor = freshFor;
    }

    /**
     * The stored output of {@code key} as a fresh result, when a run would make nothing newer:
     * stored by the same version of the pipe less than the freshness window ago, with no content
     * change announced since this node started ({@link RunKey#generation()}), for a plan whose
     * output depends on nothing else.
     */
    Optional<FeedResult> fresh(StoredPipe pipe, Plan plan, RunKey key) {
        if (key.generation() != 0 || dependsOnEvents(plan)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return lastOutputs.find(pipe.id(), key.paramsKey())
                .filter(last -> last.version() == pipe.version())
                .filter(last -> !last.computedAt().isAfter(now) && now.isBefore(last.computedAt().plus(freshFor)))
                .map(last -> result(last, List.of(), null, true, last.computedAt().plus(freshFor)));
    }

    /** A stored output as a result: its feed or data, and when it was made and last changed. */
    static FeedResult result(LastOutput last, List<RunError> errors, Duration staleAge, boolean complete,
                             Instant freshUntil) {
        Optional<Value.Data> data = StoredData.read(last.feedJson());
        return new FeedResult(data.isPresent() ? Feed.EMPTY : FeedJson.read(last.feedJson()), errors, last.computedAt(),
                last.changedAt(), staleAge, complete, freshUntil, data.orElse(null));
    }

    private static boolean dependsOnEvents(Plan plan) {
        return plan.nodes().stream().anyMatch(node -> LIVE_INPUTS.contains(node.type()));
    }
}
