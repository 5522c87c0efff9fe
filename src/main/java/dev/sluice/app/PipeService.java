package dev.sluice.app;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sluice.engine.Engine;
import dev.sluice.hook.HookIndex;
import dev.sluice.output.FeedOutputs;
import dev.sluice.output.OwnerPipes;
import dev.sluice.pipe.PipeCodec;
import dev.sluice.pipe.PipeDoc;
import dev.sluice.pipe.PipeFormatException;
import dev.sluice.store.PipeRepository;
import dev.sluice.store.StoredPipe;
import java.time.Duration;
import java.util.Optional;

/**
 * Saving and finding pipes: every save is validated first (clear messages naming the block) and
 * drops the pipe's cached outputs, so the next request sees the new version. Lookups are cached
 * briefly because every feed request needs one. Saves also keep the index of webhooks in step
 * with the pipe's Webhook blocks.
 */
public final class PipeService {
    private final PipeRepository pipes;
    private final Engine engine;
    private final FeedOutputs outputs;
    private final HookIndex hooks;
    private final Cache<String, Optional<StoredPipe>> byId = Caffeine.newBuilder()
            .maximumSize(20_000).expireAfterWrite(Duration.ofSeconds(30)).build();

    public PipeService(PipeRepository pipes, Engine engine, FeedOutputs outputs, HookIndex hooks) {
        this.pipes = pipes;
        this.engine = engine;
        this.outputs = outputs;
        this.hooks = hooks;
    }

    public Optional<StoredPipe> find(String id) {
        return byId.get(id, pipes::find);
    }

    /** Validates and stores a new pipe of {@code ownerId}. */
    public StoredPipe create(long ownerId, PipeRepository.Draft draft) throws PipeFormatException {
        PipeDoc doc = validate(draft.json(), null, ownerId);
        StoredPipe saved = pipes.create(ownerId, canonical(draft));
        hooks.sync(saved.id(), doc);
        return saved;
    }

    /** Validates and stores a new version of {@code pipe}. */
    public StoredPipe update(StoredPipe pipe, PipeRepository.Draft draft) throws PipeFormatException {
        PipeDoc doc = validate(draft.json(), pipe.id(), pipe.ownerId());
        StoredPipe saved = pipes.update(pipe.id(), canonical(draft)).orElseThrow();
        hooks.sync(saved.id(), doc);
        forget(pipe.id());
        return saved;
    }

    public boolean delete(String id) {
        boolean deleted = pipes.delete(id);
        hooks.remove(id);
        forget(id);
        return deleted;
    }

    private void forget(String id) {
        byId.invalidate(id);
        outputs.invalidate(id);
    }

    private PipeDoc validate(String json, String selfId, long ownerId) throws PipeFormatException {
        PipeDoc doc = PipeCodec.parse(json);
        engine.validator().validate(doc, selfId, new OwnerPipes(pipes, ownerId));
        hooks.check(doc, selfId);
        return doc;
    }

    /** Stores the JSON in the codec's canonical form (legacy keys normalised, unknown keys kept). */
    private static PipeRepository.Draft canonical(PipeRepository.Draft draft) throws PipeFormatException {
        String json = PipeCodec.write(PipeCodec.parse(draft.json()));
        return new PipeRepository.Draft(draft.title(), draft.description(), json, draft.isPublic(), draft.tags());
    }
}
