package dev.sluice.engine;

import dev.sluice.block.BlockError;
import dev.sluice.block.BlockRegistry;
import dev.sluice.block.Deadline;
import dev.sluice.block.FirstSeenDates;
import dev.sluice.block.HookEventSource;
import dev.sluice.block.InboxMailSource;
import dev.sluice.block.Integrations;
import dev.sluice.block.Value;
import dev.sluice.fetch.Downloader;
import dev.sluice.pipe.PipeDoc;
import dev.sluice.pipe.PipeFormatException;
import dev.sluice.pipe.PipeReferences;
import dev.sluice.pipe.PipeValidator;
import dev.sluice.render.Renderer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * Runs compiled pipes. Each run gets a deadline from the owner's plan limit and its own
 * virtual-thread executor; when the run returns, whatever is still running is interrupted.
 */
public final class Engine {
    /** How long after the deadline's end the engine still waits for the target block to hand over. */
    static final long GRACE_NANOS = Duration.ofMillis(100).toNanos();

    private static final ThreadFactory BLOCK_THREADS = Thread.ofVirtual().name("block-", 0).factory();

    private final BlockRegistry registry;
    private final Downloader downloader;
    private final FeedDecoder decoder;
    private final InstantSource clock;
    private final PlanCompiler compiler;
    private final PipeValidator validator;
    private final HookEventSource hookEvents;
    private final Integrations integrations;
    private final FirstSeenDates firstSeen;
    /** The browser for JavaScript rendering, or null when the server has none. */
    private final Renderer renderer;
    private final InboxMailSource inboxMails;

    /** An engine without a webhook store: Webhook blocks fail with a clear message. */
    public Engine(BlockRegistry registry, Downloader downloader, FeedDecoder decoder, InstantSource clock) {
        this(registry, downloader, decoder, clock, HookEventSource.NONE);
    }

    /** An engine whose Webhook blocks read the events in {@code hookEvents}. */
    public Engine(BlockRegistry registry, Downloader downloader, FeedDecoder decoder, InstantSource clock,
            HookEventSource hookEvents) {
        this(registry, downloader, decoder, clock, hookEvents, Integrations.NONE, FirstSeenDates.NONE);
    }

    /** An engine with outside services for integration blocks and a store of first-seen dates. */
    public Engine(BlockRegistry registry, Downloader downloader, FeedDecoder decoder, InstantSource clock,
            HookEventSource hookEvents, Integrations integrations, FirstSeenDates firstSeen) {
        this(registry, downloader, decoder, clock, hookEvents, integrations, firstSeen, null);
    }

    /** As above, with Download blocks rendering JavaScript through {@code renderer} (null: not configured). */
    public Engine(BlockRegistry registry, Downloader downloader, FeedDecoder decoder, InstantSource clock,
            HookEventSource hookEvents, Integrations integrations, FirstSeenDates firstSeen, Renderer renderer) {
        this(registry, downloader, decoder, clock, hookEvents, integrations, firstSeen, renderer, InboxMailSource.NONE);
    }

    /** As above, with Inbox blocks reading the mail in {@code inboxMails}. */
    public Engine(BlockRegistry registry, Downloader downloader, FeedDecoder decoder, InstantSource clock,
            HookEventSource hookEvents, Integrations integrations, FirstSeenDates firstSeen, Renderer renderer,
            InboxMailSource inboxMails) {
        this.inboxMails = inboxMails;
        this.renderer = renderer;
        this.registry = registry;
        this.integrations = integrations;
        this.firstSeen = firstSeen;
        this.downloader = downloader;
        this.decoder = decoder;
        this.clock = clock;
        this.hookEvents = hookEvents;
        this.compiler = new PlanCompiler(registry);
        this.validator = new PipeValidator(registry);
    }

    public BlockRegistry registry() {
        return registry;
    }

    public PipeValidator validator() {
        return validator;
    }

    /** Compiles a validated pipe for running; {@code targetId} is the block whose output is wanted. */
    public Plan compile(PipeDoc doc, String targetId) {
        return compiler.compile(doc, targetId);
    }

    public RunResult run(Plan plan, RunRequest request) {
        Deadline deadline = Deadline.in(request.limit());
        ExecutorService executor = Executors.newThreadPerTaskExecutor(BLOCK_THREADS);
        RunState state = new RunState(this, request, deadline, executor);
        try {
            List<String> path = new ArrayList<>();
            if (request.pipeId() != null) {
                path.add(request.pipeId());
            }
            PlanRun run = new PlanRun(state, plan, null, path);
            Value output = run.await(run.start(), GRACE_NANOS);
            RunResult result = new RunResult(output, state.errors(), state.traces(plan), deadline.elapsed());
            RunMetrics.record(result);
            return result;
        } finally {
            executor.shutdownNow();
        }
    }

    Plan compileSubPipe(String pipeId, PipeReferences refs) {
        PipeDoc doc = refs.readable(pipeId).orElseThrow(() -> new BlockError(
                "Pipe \"" + pipeId + "\" does not exist or is not readable by this pipe's owner"));
        try {
            validator.validateStructure(doc);
        } catch (PipeFormatException e) {
            throw new BlockError("Pipe \"" + pipeId + "\" is invalid: " + e.getMessage());
        }
        return compiler.compile(doc, PipeDoc.ROOT_ID);
    }

    Downloader downloader() {
        return downloader;
    }

    FeedDecoder decoder() {
        return decoder;
    }

    InstantSource clock() {
        return clock;
    }

    HookEventSource hookEvents() {
        return hookEvents;
    }

    InboxMailSource inboxMails() {
        return inboxMails;
    }

    /** The gateways configured for integration blocks (RSS-Bridge, rssbox, a browser). */
    public Integrations integrations() {
        return integrations;
    }

    Renderer renderer() {
        return renderer;
    }

    FirstSeenDates firstSeen() {
        return firstSeen;
    }
}
