package dev.sluice.app;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sluice.engine.Engine;
import dev.sluice.hook.HookIndex;
import dev.sluice.inbox.InboxAddresses;
import dev.sluice.model.StoredPipe;
import dev.sluice.model.User;
import dev.sluice.output.FeedOutputs;
import dev.sluice.output.Invalidation;
import dev.sluice.output.OwnerPipes;
import dev.sluice.pipe.PipeCodec;
import dev.sluice.pipe.PipeDoc;
import dev.sluice.pipe.PipeFormatException;
import dev.sluice.pipe.PipeReferences;
import dev.sluice.pipe.WebhookBlocks;
import dev.sluice.plan.PlanLimits;
import dev.sluice.store.PipeRepository;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Saving and finding pipes: every save is validated first (clear messages naming the block) and
 * drops the pipe's cached outputs, so the next request sees the new version. Lookups are cached
 * briefly because every feed request needs one. Saves also keep the index of webhooks in step
 * with the pipe's Webhook blocks, and the inbox addresses with its Inbox blocks. Changes are
 * announced through an {@link Invalidation}, so that every node serving the pipes forgets them,
 * this one included ({@link Invalidation.Caches}).
 */
public final class PipeService implements Invalidation.Caches {
    /** How a fork's title starts. */
    static final String FORK_PREFIX = "Fork of ";

    private final PipeRepository pipes;
    private final Engine engine;
    private final FeedOutputs outputs;
    private final PlanLimits limits;
    private final HookIndex hooks;
    private final InboxAddresses inboxes;
    private final Invalidation invalidation;
    private final Cache<String, Optional<StoredPipe>> byId = Caffeine.newBuilder()
            .maximumSize(20_000).expireAfterWrite(Duration.ofSeconds(30)).build();

    /** @param invalidation where saves and deletions are announced; this service should {@link Invalidation#listen} to it */
    public PipeService(PipeRepository pipes, Engine engine, FeedOutputs outputs, PlanLimits limits, HookIndex hooks,
            InboxAddresses inboxes, Invalidation invalidation) {
        this.inboxes = inboxes;
        this.invalidation = invalidation;
        this.pipes = pipes;
        this.engine = engine;
        this.outputs = outputs;
        this.limits = limits;
        this.hooks = hooks;
    }

    public Optional<StoredPipe> find(String id) {
        return byId.get(id, pipes::find);
    }

    /** The pipes of {@code ownerId}, the most recently changed first. */
    public List<StoredPipe> listByOwner(long ownerId) {
        return pipes.listByOwner(ownerId);
    }

    /** Validates and stores a new pipe of {@code ownerId}. */
    public StoredPipe create(long ownerId, PipeRepository.Draft draft) throws PipeFormatException {
        PipeDoc doc = validate(draft.json(), null, ownerId);
        StoredPipe saved = pipes.create(ownerId, canonical(draft));
        hooks.sync(saved.id(), doc);
        inboxes.sync(saved.id(), doc);
        return saved;
    }

    /**
     * Validates and stores a new pipe of {@code owner} if their plan allows one more:
     * what user-facing creation (API, fork) calls. The admin's import uses
     * {@link #create(long, PipeRepository.Draft)} and is not capped.
     *
     * @throws dev.sluice.plan.PlanLimitExceeded naming the plan and its pipe limit (a 403)
     */
    public StoredPipe create(User owner, PipeRepository.Draft draft) throws PipeFormatException {
        limits.checkCanCreate(owner, pipes.countByOwner(owner.id()));
        return create(owner.id(), draft);
    }

    /**
     * A private copy of {@code source} owned by {@code owner} (a fork of someone's public pipe,
     * or a duplicate of one's own). Webhook blocks get fresh ids and no secret, so the copy
     * neither receives the original's events nor learns its secret; Inbox blocks get fresh ids,
     * so the copy has addresses of its own. The copy is validated as
     * the new owner's: a Pipe block using a pipe they may not read is refused.
     */
    public StoredPipe fork(StoredPipe source, User owner) throws PipeFormatException {
        String json = WebhookBlocks.renewed(PipeCodec.toTree(PipeCodec.parse(source.json()))).toString();
        String title = FORK_PREFIX + (source.title().isBlank() ? "pipe " + source.id() : source.title());
        return create(owner, new PipeRepository.Draft(title, source.description(), json, false, source.tags()));
    }

    /** Saves title, description, sharing and tags without a new version of the pipe. */
    public StoredPipe updateDetails(StoredPipe pipe, PipeRepository.Details details) {
        StoredPipe saved = pipes.updateDetails(pipe.id(), details).orElseThrow();
        forget(pipe.id());
        return saved;
    }

    /** The stored pipes {@code userId}'s Pipe blocks may use: their own and public ones. */
    public PipeReferences readableBy(long userId) {
        return new OwnerPipes(pipes, userId);
    }

    /** The stored pipes the Pipe blocks of a visitor with no account may use: public ones only. */
    public PipeReferences readableByAnyone() {
        return OwnerPipes.publicOnly(pipes);
    }

    /** Validates and stores a new version of {@code pipe}. */
    public StoredPipe update(StoredPipe pipe, PipeRepository.Draft draft) throws PipeFormatException {
        PipeDoc doc = validate(draft.json(), pipe.id(), pipe.ownerId());
        StoredPipe saved = pipes.update(pipe.id(), canonical(draft)).orElseThrow();
        hooks.sync(saved.id(), doc);
        inboxes.sync(saved.id(), doc);
        forget(pipe.id());
        return saved;
    }

    public boolean delete(String id) {
        inboxes.remove(id);
        boolean deleted = pipes.delete(id);
        hooks.remove(id);
        forget(id);
        return deleted;
    }

    /**
     * Forgets what is cached for pipe {@code id} (its lookup and outputs), on every node: for
     * pipes deleted other than through {@link #delete}, as account deletion does in one transaction.
     */
    public void forget(String id) {
        invalidation.pipeChanged(id);
    }

    @Override
    public void forgetPipe(String pipeId) {
        byId.invalidate(pipeId);
        outputs.invalidate(pipeId);
    }

    @Override
    public void forgetOutputs(String pipeId) {
        outputs.contentChanged(pipeId);
    }

    @Override
    public void forgetAll() {
        byId.invalidateAll();
        outputs.invalidateAll();
    }

    private PipeDoc validate(String json, String selfId, long ownerId) throws PipeFormatException {
        PipeDoc doc = PipeCodec.parse(json);
        engine.validator().validate(doc, selfId, new OwnerPipes(pipes, ownerId));
        hooks.check(doc, selfId);
        inboxes.check(doc, selfId);
        return doc;
    }

    /** Stores the JSON in the codec's canonical form (legacy keys normalised, unknown keys kept). */
    private static PipeRepository.Draft canonical(PipeRepository.Draft draft) throws PipeFormatException {
        String json = PipeCodec.write(PipeCodec.parse(draft.json()));
        return new PipeRepository.Draft(draft.title(), draft.description(), json, draft.isPublic(), draft.tags());
    }
}
