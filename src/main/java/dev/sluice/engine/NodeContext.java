package dev.sluice.engine;

import dev.sluice.block.BlockError;
import dev.sluice.block.Deadline;
import dev.sluice.block.DeadlineExceeded;
import dev.sluice.block.HookEvent;
import dev.sluice.block.HookEventSource;
import dev.sluice.block.InboxMail;
import dev.sluice.block.InboxMailSource;
import dev.sluice.block.Integrations;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import dev.sluice.feed.Feed;
import dev.sluice.feed.Item;
import dev.sluice.fetch.Download;
import dev.sluice.fetch.FetchFailure;
import dev.sluice.fetch.FetchOutcome;
import dev.sluice.render.Renderer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@link RunContext} of one block invocation: shared run state plus this block's trace. */
final class NodeContext implements RunContext {
    /** Why a Webhook block gets no events; the same whether the hook is unknown or someone else's. */
    static final String NO_SAVED_HOOK = "This Webhook block is not part of a saved pipe yet: save the pipe, "
            + "then send events to its hook URL";
    /** Why an Inbox block gets no mail; the same whether the inbox is unknown or someone else's. */
    static final String NO_SAVED_INBOX = "This Inbox block is not part of a saved pipe of yours yet: save the pipe, "
            + "then subscribe its address to newsletters";
    /** Most dropped items kept per block in the trace. */
    static final int MAX_DROPS = 1000;

    private final RunState state;
    private final PlanRun run;
    private final Node node;
    private final Deadline deadline;
    private final List<BlockTrace.Drop> drops = new ArrayList<>();
    private boolean dropsTruncated;
    private final java.util.concurrent.atomic.AtomicInteger cacheHits = new java.util.concurrent.atomic.AtomicInteger();
    /** Entries in the documents this block parsed as feeds; -1 while it parsed none. */
    private final java.util.concurrent.atomic.AtomicInteger sourceEntries = new java.util.concurrent.atomic.AtomicInteger(-1);

    NodeContext(RunState state, PlanRun run, Node node) {
        this.state = state;
        this.run = run;
        this.node = node;
        this.deadline = state.deadline.forBlockStartingNow();
    }

    @Override
    public Deadline deadline() {
        return deadline;
    }

    @Override
    public InstantSource clock() {
        return state.engine.clock();
    }

    @Override
    public Download fetch(String url) {
        FetchOutcome outcome = state.engine.downloader().fetch(url, state.deadline.untilCutoff());
        return switch (outcome) {
            case FetchOutcome.Fetched f -> {
                switch (f.freshness()) {
                    case CACHE, REVALIDATED -> cacheHits.incrementAndGet();
                    case STALE -> {
                        cacheHits.incrementAndGet();
                        Duration age = Duration.between(f.download().fetchedAt(), state.engine.clock().instant());
                        warn(f.staleBecause().message() + "; using the copy from " + Ages.describe(age) + " ago");
                    }
                    case NETWORK -> { }
                }
                yield f.download();
            }
            case FetchOutcome.Failed failed when failed.failure() instanceof FetchFailure.TimedOut t ->
                    throw new DeadlineExceeded(t.message());
            case FetchOutcome.Failed failed -> throw new BlockError(failed.failure().message());
        };
    }

    @Override
    public Feed parseFeed(Download download) {
        Feed feed = ParseThreads.decode(state.engine.decoder(), download, deadline());
        sourceEntries.updateAndGet(n -> Math.max(n, 0) + feed.sourceEntries());
        return feed;
    }

    /**
     * A sub-pipe's Text Inputs keep their defaults: the parameters belong to the feed URL of the
     * pipe asked for, and Pipes CE ran Pipe blocks' pipes without them (a shared name would
     * otherwise reach into another pipe by accident).
     */
    @Override
    public Optional<String> param(String name) {
        return run.inSubPipe() ? Optional.empty() : Optional.ofNullable(state.request.params().get(name));
    }

    @Override
    public Value runPipe(String pipeId) {
        return run.runSubPipe(pipeId, node);
    }

    /**
     * Events are readable by whoever may read the pipe the hook belongs to: its owner, or anyone
     * when it is public (its feed shows them anyway). A hook of another user's private pipe is
     * reported exactly like an unknown one, so ids cannot be probed.
     */
    @Override
    public List<HookEvent> hookEvents(String hookId, int limit) {
        HookEventSource hooks = state.engine.hookEvents();
        String pipeId = hooks.pipeOf(hookId).orElseThrow(() -> new BlockError(NO_SAVED_HOOK));
        if (!pipeId.equals(state.request.pipeId()) && state.request.refs().readable(pipeId).isEmpty()) {
            throw new BlockError(NO_SAVED_HOOK);
        }
        return hooks.recent(hookId, limit);
    }

    /**
     * Mail is read only by the pipe the inbox belongs to (also when another pipe runs it as a
     * sub-pipe: its output is what its owner publishes) and by its owner's runs (the editor's
     * inspector, their other pipes). Unlike webhook events, a public pipe's inbox is not open to
     * other users' pipes: mail can carry what a subscriber would not publish (personal
     * unsubscribe links). Someone else's inbox is reported exactly like an unknown one.
     */
    @Override
    public List<InboxMail> inboxMails(String blockId, int limit) {
        InboxMailSource inbox = state.engine.inboxMails();
        String pipeId = inbox.pipeOf(blockId).orElseThrow(() -> new BlockError(NO_SAVED_INBOX));
        if (!pipeId.equals(run.pipeId()) && !state.request.refs().owns(pipeId)) {
            throw new BlockError(NO_SAVED_INBOX);
        }
        return inbox.recent(blockId, limit);
    }

    @Override
    public boolean jsRenderingAllowed() {
        return state.request.jsRendering();
    }

    /**
     * Remembered per (pipe, block, guid) for saved pipes. An unsaved pipe (the editor's preview)
     * has no identity to remember under, so its items are first seen now.
     */
    @Override
    public Instant firstSeen(String guid) {
        Instant now = state.engine.clock().instant();
        String pipeId = state.request.pipeId();
        return pipeId == null ? now : state.engine.firstSeen().firstSeen(pipeId, node.spec().id(), guid, now);
    }

    @Override
    public Download render(String url) {
        Renderer renderer = state.engine.renderer();
        return renderer == null ? RunContext.super.render(url) : renderer.render(url, state.deadline.untilCutoff());
    }

    @Override
    public Integrations integrations() {
        return state.engine.integrations();
    }

    @Override
    public synchronized void dropped(Item item, String rule) {
        if (drops.size() < MAX_DROPS) {
            drops.add(new BlockTrace.Drop(item.guid(), item.title(), rule));
        } else {
            dropsTruncated = true;
        }
    }

    @Override
    public void warn(String message) {
        run.report(node, RunError.Kind.WARNING, message);
    }

    synchronized BlockTrace trace(long nanos, int itemsIn, Value out, String error) {
        int itemsOut = out instanceof Value.Items items ? items.feed().items().size() : 0;
        return new BlockTrace(node.spec().id(), node.type().name(), PlanRun.displayName(node), nanos / 1e6,
                itemsIn, itemsOut, cacheHits.get(), error, List.copyOf(drops), dropsTruncated, sourceEntries.get());
    }

    /** Human-readable ages for messages ("3 min", "2 h"). */
    static final class Ages {
        private Ages() {
        }

        static String describe(Duration d) {
            long s = Math.max(0, d.toSeconds());
            if (s < 120) {
                return s + " s";
            }
            if (s < 7200) {
                return s / 60 + " min";
            }
            return s / 3600 + " h";
        }
    }
}
