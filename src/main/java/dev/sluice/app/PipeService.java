package dev.sluice.app;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sluice.engine.Engine;
import dev.sluice.output.FeedOutputs;
import dev.sluice.output.OwnerPipes;
import dev.sluice.pipe.PipeCodec;
import dev.sluice.pipe.PipeDoc;
import dev.sluice.pipe.PipeFormatException;
import dev.sluice.plan.PlanLimits;
import dev.sluice.store.PipeRepository;
import dev.sluice.store.StoredPipe;
import dev.sluice.store.User;
import java.time.Duration;
import java.util.Optional;

/**
 * Saving and finding pipes: every save is validated first (clear messages naming the block) and
 * drops the pipe's cached outputs, so the next request sees the new version. Lookups are cached
 * briefly because every feed request needs one.
 */
public final class PipeService {
    private final PipeRepository pipes;
    private final Engine engine;
    private final FeedOutputs outputs;
    private final PlanLimits limits;
    private final Cache<String, Optional<StoredPipe>> byId = Caffeine.newBuilder()
            .maximumSize(20_000).expireAfterWrite(Duration.ofSeconds(30)).build();

    public PipeService(PipeRepository pipes, Engine engine, FeedOutputs outputs, PlanLimits limits) {
        this.pipes = pipes;
        this.engine = engine;
        this.outputs = outputs;
        this.limits = limits;
    }

    public Optional<StoredPipe> find(String id) {
        return byId.get(id, pipes::find);
    }

    /** Validates and stores a new pipe of {@code ownerId}. */
    public StoredPipe create(long ownerId, PipeRepository.Draft draft) throws PipeFormatException {
        validate(draft.json(), null, ownerId);
        return pipes.create(ownerId, canonical(draft));
    }

    /**
     * Validates and stores a new pipe of {@code owner} if their plan allows one more (SPEC §12):
     * what user-facing creation (API, fork) calls. The admin's import uses {@link #create} and is
     * not capped.
     *
     * @throws dev.sluice.plan.PlanLimitExceeded naming the plan and its pipe limit
     */
    public StoredPipe createWithinPlan(User owner, PipeRepository.Draft draft) throws PipeFormatException {
        limits.checkCanCreate(owner, pipes.countByOwner(owner.id()));
        return create(owner.id(), draft);
    }

    /** Validates and stores a new version of {@code pipe}. */
    public StoredPipe update(StoredPipe pipe, PipeRepository.Draft draft) throws PipeFormatException {
        validate(draft.json(), pipe.id(), pipe.ownerId());
        StoredPipe saved = pipes.update(pipe.id(), canonical(draft)).orElseThrow();
        forget(pipe.id());
        return saved;
    }

    public boolean delete(String id) {
        boolean deleted = pipes.delete(id);
        forget(id);
        return deleted;
    }

    private void forget(String id) {
        byId.invalidate(id);
        outputs.invalidate(id);
    }

    private void validate(String json, String selfId, long ownerId) throws PipeFormatException {
        PipeDoc doc = PipeCodec.parse(json);
        engine.validator().validate(doc, selfId, new OwnerPipes(pipes, ownerId));
    }

    /** Stores the JSON in the codec's canonical form (legacy keys normalised, unknown keys kept). */
    private static PipeRepository.Draft canonical(PipeRepository.Draft draft) throws PipeFormatException {
        String json = PipeCodec.write(PipeCodec.parse(draft.json()));
        return new PipeRepository.Draft(draft.title(), draft.description(), json, draft.isPublic(), draft.tags());
    }
}
