package dev.sluice.output;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sluice.block.Value;
import dev.sluice.block.data.DataTrees;
import dev.sluice.engine.Admission;
import dev.sluice.engine.Engine;
import dev.sluice.engine.RunError;
import dev.sluice.engine.RunRequest;
import dev.sluice.engine.RunResult;
import dev.sluice.feed.Cleaning;
import dev.sluice.feed.Feed;
import dev.sluice.feed.OutputFormat;
import dev.sluice.model.LastOutput;
import dev.sluice.model.LastRun;
import dev.sluice.model.RunOutcome;
import dev.sluice.model.RunRecord;
import dev.sluice.model.StoredPipe;
import dev.sluice.pipe.PipeFormatException;
import dev.sluice.plan.Plans;
import dev.sluice.store.LastOutputRepository;
import dev.sluice.store.PipeRepository;
import dev.sluice.store.PipeRuns;
import dev.sluice.store.RunJournal;
import dev.sluice.store.UserRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The output of saved pipes: from cache while fresh, else from one shared run (identical
 * concurrent requests join it), falling back to the last complete output when a run fails
 * (stale-if-error), and rendered per format with a content ETag and a Last-Modified that moves
 * only when the content changes.
 */
public final class FeedOutputs implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FeedOutputs.class);
    /** How long a failed or partial output is served before the pipe runs again. */
    static final Duration ERROR_FRESH = Duration.ofSeconds(60);
    /** How old a last complete output may be and still stand in for a failed run. */
    static final Duration KEEP_STALE = Duration.ofHours(24);

    private final Engine engine;
    private final Admission admission;
    private final PipeRepository pipes;
    private final UserRepository users;
    private final Plans plans;
    private final WriteBehindLastOutputs lastOutputs;
    private final StoredOutputs storedOutputs;
    private final OutputRenderer renderer;
    private final InstantSource clock;
    private final Duration freshFor;
    private final CompiledPipes compiled;
    private final Cache<RunKey, FeedResult> results;
    private final Cache<Rendering, RenderedFeed> renderings;
    private final OffHeapMoves<Rendering> offHeap;
    private final Map<RunKey, CompletableFuture<FeedResult>> inFlight = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong runs = new java.util.concurrent.atomic.AtomicLong();
    /**
     * Per pipe, the generation its cache keys carry, from one rising counter. Should a pipe's entry
     * be evicted (only past 100,000 recently changed pipes) it falls back to 0: at worst an output
     * from before its last change is served until that output's freshness (10 min) runs out.
     */
    private final Cache<String, Long> generations = Caffeine.newBuilder().maximumSize(100_000).build();
    private final java.util.concurrent.atomic.AtomicLong generationCounter = new java.util.concurrent.atomic.AtomicLong();

    /** Where each real run's outcome is noted (the dashboard's "last run"). */
    private final PipeRuns runOutcomes;
    /** Where every real run is queued for the pipe's run history and health (written behind, in batches). */
    private final RunJournal journal;
    /** Told of every output a real run produced (WebSub pushes changes); must return at once. */
    private volatile Consumer<ComputedOutput> onComputed = computed -> { };

    private record Rendering(RunKey run, OutputFormat format) {
    }

    /**
     * @param runOutcomes where the outcome of every real (uncached) run is noted
     * @param journal     where every real run is queued for the run history and pipe health
     */
    public FeedOutputs(Engine engine, Admission admission, PipeRepository pipes, UserRepository users, Plans plans,
                       LastOutputRepository lastOutputs, InstantSource clock, Duration freshFor, String baseUrl,
                       PipeRuns runOutcomes, RunJournal journal) {
        this.runOutcomes = runOutcomes;
        this.journal = journal;
        this.engine = engine;
        this.admission = admission;
        this.pipes = pipes;
        this.users = users;
        this.plans = plans;
        this.lastOutputs = new WriteBehindLastOutputs(lastOutputs);
        this.storedOutputs = new StoredOutputs(this.lastOutputs, clock, freshFor);
        this.renderer = new OutputRenderer(baseUrl);
        this.clock = clock;
        this.freshFor = freshFor;
        this.compiled = new CompiledPipes(engine);
        this.results = Caffeine.newBuilder().maximumWeight(64L << 20)
                .weigher((RunKey k, FeedResult r) -> 512 + r.feed().items().size() * 2048
                        + (r.isData() ? DataTrees.weight(r.data().tree()) : 0))
                .expireAfter(new FreshUntil<RunKey, FeedResult>(clock, FeedResult::freshUntil)).build();
        this.renderings = Caffeine.newBuilder().maximumWeight(128L << 20)
                .weigher((Rendering k, RenderedFeed r) -> r.weight())
                .expireAfter(new FreshUntil<Rendering, RenderedFeed>(clock, r -> r.result().freshUntil())).build();
        this.offHeap = new OffHeapMoves<>(renderings);
    }

    /**
     * Makes public feeds name {@code hubUrl} as their WebSub hub (HTTP {@code Link} header and the
     * feed's own links) and tells {@code onComputed} of every output a real run produces. Call once,
     * before serving: renderings made earlier keep what they had.
     */
    public void publishVia(String hubUrl, Consumer<ComputedOutput> onComputed) {
        renderer.nameHub(hubUrl);
        this.onComputed = onComputed;
    }

    /**
     * The pipe's output in {@code format}; {@code query} may hold any request parameters.
     *
     * @throws DataFormatUnavailable when the pipe outputs data and {@code format} cannot hold it
     */
    public RenderedFeed render(StoredPipe pipe, OutputFormat format, Map<String, String> query) throws Admission.Busy {
        CompiledPipes.Compiled c = compiled.get(pipe, new OwnerPipes(pipes, pipe.ownerId()));
        Map<String, String> params = Params.declared(query, c.paramNames());
        RunKey key = runKey(pipe, params);
        RenderedFeed cached = freshRendering(key, format);
        if (cached != null) {
            return cached;
        }
        FeedResult result = result(pipe, c, key, params);
        RenderedFeed rendered = renderer.render(pipe, format, key, result);
        offHeap.put(new Rendering(key, format), rendered);
        return rendered;
    }

    /** The pipe's output in {@code format} when a fresh rendering of it is cached; never runs it. */
    public Optional<RenderedFeed> cached(StoredPipe pipe, OutputFormat format, Map<String, String> query) {
        CompiledPipes.Compiled c = compiled.get(pipe, new OwnerPipes(pipes, pipe.ownerId()));
        return Optional.ofNullable(freshRendering(runKey(pipe, Params.declared(query, c.paramNames())), format));
    }

    private RenderedFeed freshRendering(RunKey key, OutputFormat format) {
        RenderedFeed cached = renderings.getIfPresent(new Rendering(key, format));
        if (cached != null && fresh(cached.result())) {
            OutputMetrics.RENDERED.increment();
            return cached;
        }
        return null;
    }

    /** The pipe's output as items (for the preview page). */
    public FeedResult result(StoredPipe pipe, Map<String, String> query) throws Admission.Busy {
        CompiledPipes.Compiled c = compiled.get(pipe, new OwnerPipes(pipes, pipe.ownerId()));
        Map<String, String> params = Params.declared(query, c.paramNames());
        return result(pipe, c, runKey(pipe, params), params);
    }

    /**
     * An output a real run just produced, in {@code format}: the same bytes and headers a feed
     * request for it gets (and it is cached for them).
     *
     * @throws DataFormatUnavailable when the pipe outputs data and {@code format} cannot hold it
     */
    public RenderedFeed render(ComputedOutput output, OutputFormat format) {
        Rendering at = new Rendering(output.key(), format);
        RenderedFeed cached = renderings.getIfPresent(at);
        if (cached != null && cached.result() == output.result()) {
            return cached;
        }
        RenderedFeed rendered = renderer.render(output.pipe(), format, output.key(), output.result());
        offHeap.put(at, rendered);
        return rendered;
    }

    /** The canonical form of the parameters in {@code query} that the pipe declares (part of its cache keys). */
    public String paramsKey(StoredPipe pipe, Map<String, String> query) {
        return Params.key(Params.declared(query, parameterNames(pipe)));
    }

    /** The canonical URL of a pipe's output in {@code format} for declared parameters {@code paramsKey}. */
    public String selfUrl(StoredPipe pipe, OutputFormat format, String paramsKey) {
        return renderer.selfUrl(pipe, format, paramsKey);
    }

    private RunKey runKey(StoredPipe pipe, Map<String, String> params) {
        Long generation = generations.getIfPresent(pipe.id());
        return new RunKey(pipe.id(), pipe.version(), generation == null ? 0 : generation, Params.key(params));
    }

    /** The names of the query parameters the pipe declares (its Text Inputs). */
    public List<String> parameterNames(StoredPipe pipe) {
        return compiled.get(pipe, new OwnerPipes(pipes, pipe.ownerId())).paramNames();
    }

    /** How many pipe runs this service has started: cache hits and joined runs do not count. */
    public long runs() {
        return runs.get();
    }

    /** Forgets everything cached for a pipe: call after saving, sharing or deleting it. */
    public void invalidate(String pipeId) {
        compiled.invalidate(pipeId);
        contentChanged(pipeId);
    }

    /**
     * Forgets what is cached for every pipe: for when this node may have missed other nodes'
     * announcements of changes ({@link Invalidation.Caches#forgetAll()}).
     */
    public void invalidateAll() {
        compiled.invalidateAll();
        results.invalidateAll();
        renderings.invalidateAll();
    }

    /**
     * Makes the pipe's cached outputs unreachable in O(1), for when its content changed without a
     * save (a webhook event arrived): the next request runs it again. The old entries are not
     * searched for; they age out of the byte-bounded caches.
     */
    public void contentChanged(String pipeId) {
        generations.put(pipeId, generationCounter.incrementAndGet());
    }

    /** How the pipes' last real runs ended. */
    public PipeRuns lastRuns() {
        return runOutcomes;
    }

    /** The public URL of a pipe's feed in a format, with its key when private. */
    public String feedUrl(StoredPipe pipe, OutputFormat format) {
        return renderer.feedUrl(pipe, format);
    }

    private FeedResult result(StoredPipe pipe, CompiledPipes.Compiled c, RunKey key, Map<String, String> params)
            throws Admission.Busy {
        FeedResult cached = results.getIfPresent(key);
        if (cached != null && fresh(cached)) {
            OutputMetrics.RESULT.increment();
            return cached;
        }
        OutputMetrics.MISS.increment();
        CompletableFuture<FeedResult> mine = new CompletableFuture<>();
        CompletableFuture<FeedResult> shared = inFlight.putIfAbsent(key, mine);
        if (shared != null) {
            return join(shared);
        }
        try {
            Optional<FeedResult> stored = c.problem() == null ? storedOutputs.fresh(pipe, c.plan(), key) : Optional.empty();
            FeedResult result = stored.isPresent() ? stored.get() : compute(pipe, c, key, params);
            results.put(key, result);
            mine.complete(result);
            if (stored.isPresent()) {
                OutputMetrics.STORED.increment(); // not a new output: nothing to announce
            } else {
                tell(new ComputedOutput(pipe, key, result));
            }
            return result;
        } catch (Admission.Busy | RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /** The listener's trouble must not become the reader's: the output is served whatever it does. */
    private void tell(ComputedOutput computed) {
        try {
            onComputed.accept(computed);
        } catch (RuntimeException e) {
            LOG.warn("After running pipe {}: {}", computed.pipe().id(), e.toString());
        }
    }

    /** Caffeine expires entries on its own ticker; this check makes the injected clock authoritative too. */
    private boolean fresh(FeedResult result) {
        return clock.instant().isBefore(result.freshUntil());
    }

    private static FeedResult join(CompletableFuture<FeedResult> shared) throws Admission.Busy {
        try {
            return shared.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Admission.Busy busy) {
                throw busy;
            }
            throw e;
        }
    }

    private FeedResult compute(StoredPipe pipe, CompiledPipes.Compiled c, RunKey key, Map<String, String> params)
            throws Admission.Busy {
        Instant now = clock.instant();
        if (c.problem() != null) {
            return finished(pipe, fallback(pipe, key, Feed.EMPTY, null, problems(c.problem()), now), false,
                    Duration.ZERO, 0, null);
        }
        RunResult run;
        runs.incrementAndGet();
        try (Admission.Permit ignored = admission.enter("user:" + pipe.ownerId())) {
            run = engine.run(c.plan(), new RunRequest(pipe.id(), params, runLimit(pipe), new OwnerPipes(pipes, pipe.ownerId()))
                    .withJsRendering(ownerPlan(pipe).jsRendering()));
        }
        Feed feed = run.output() instanceof Value.Items items ? items.feed() : Feed.EMPTY;
        Value.Data data = run.output() instanceof Value.Data d ? d : null;
        LOG.info("run pipe={} version={} owner={} ms={} outcome={} items={} errors={}", pipe.id(), pipe.version(),
                pipe.ownerId(), run.took().toMillis(), run.complete() ? "ok" : run.timedOut() ? "timeout" : "error",
                feed.items().size(), run.errors().size());
        if (!run.complete()) {
            return finished(pipe, fallback(pipe, key, feed, data, run.errors(), now), run.timedOut(), run.took(),
                    data != null ? RunRecord.DATA : feed.items().size(), null);
        }
        // The output is about to be written for the reader: its HTML is cleaned meanwhile on the
        // other cores, while this thread stores the output and hashes it, then helps finish.
        Cleaning cleaning = data == null ? Cleaning.start(feed) : null;
        byte[] json = data != null ? StoredData.write(data) : FeedJson.write(feed);
        String tag = Hashes.hex(json);
        Optional<LastOutput> previous = lastOutputs.find(pipe.id(), key.paramsKey());
        Instant changedAt = previous.filter(p -> p.contentTag().equals(tag)).map(LastOutput::changedAt).orElse(now);
        lastOutputs.save(new LastOutput(pipe.id(), key.paramsKey(), pipe.version(), json, tag, now, changedAt));
        List<String> itemKeys = data != null ? List.of(tag) : feed.items().stream().map(dev.sluice.feed.Item::guid).toList();
        if (cleaning != null) {
            cleaning.finish(); // the writer finds every cleaned text cached
        }
        return finished(pipe, new FeedResult(feed, run.errors(), now, changedAt, null, true, now.plus(freshFor), data), false,
                run.took(), data != null ? RunRecord.DATA : feed.items().size(), itemKeys);
    }

    /**
     * Notes how a real run ended, for the owner's dashboard and the pipe's run history and health
     * (in memory only: PipeRuns and RunJournal write them in batches, off this request's path).
     *
     * @param itemKeys what identifies the output's items when the run completed, else null
     */
    private FeedResult finished(StoredPipe pipe, FeedResult result, boolean timedOut, Duration took, int itemCount,
                                List<String> itemKeys) {
        RunOutcome outcome = timedOut ? RunOutcome.TIMED_OUT
                : result.stale() ? RunOutcome.STALE
                : result.complete() ? RunOutcome.OK : RunOutcome.ERRORS;
        Instant finishedAt = clock.instant();
        runOutcomes.record(new LastRun(pipe.id(), outcome, result.errors().size(), finishedAt));
        journal.record(new RunRecord(pipe.id(), finishedAt, outcome, took, itemCount,
                result.errors().stream().map(RunError::describe).toList(), itemKeys));
        return result;
    }

    /**
     * A failed run: the last complete output when there is a recent one, else what the run
     * produced (a feed decorated with the errors; data as it came, the errors are in the headers).
     */
    private FeedResult fallback(StoredPipe pipe, RunKey key, Feed partial, Value.Data partialData, List<RunError> errors,
                                Instant now) {
        Optional<LastOutput> last = lastOutputs.find(pipe.id(), key.paramsKey())
                .filter(l -> l.computedAt().isAfter(now.minus(KEEP_STALE)));
        if (last.isPresent()) {
            return StoredOutputs.result(last.get(), errors, Duration.between(last.get().computedAt(), now), false,
                    now.plus(ERROR_FRESH));
        }
        if (partialData != null) {
            return new FeedResult(Feed.EMPTY, errors, now, now, null, false, now.plus(ERROR_FRESH), partialData);
        }
        Feed decorated = ErrorReport.decorate(partial, errors, now, renderer.pageUrl(pipe));
        return new FeedResult(decorated, errors, now, now, null, false, now.plus(ERROR_FRESH));
    }

    private Duration runLimit(StoredPipe pipe) {
        return ownerPlan(pipe).runLimit();
    }

    private dev.sluice.plan.Plan ownerPlan(StoredPipe pipe) {
        return plans.get(users.find(pipe.ownerId()).map(u -> u.plan()).orElse(Plans.DEFAULT));
    }

    /** Stores the outputs still waiting to be written: call before the database closes. */
    @Override
    public void close() {
        offHeap.close();
        lastOutputs.close();
    }

    private static List<RunError> problems(PipeFormatException e) {
        return e.problems().stream()
                .map(p -> new RunError(p.blockId() == null ? "pipe" : p.blockId(), "Pipe", RunError.Kind.FAILED, p.message()))
                .toList();
    }
}
