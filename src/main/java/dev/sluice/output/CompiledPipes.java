package dev.sluice.output;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sluice.block.input.TextinputBlock;
import dev.sluice.engine.Engine;
import dev.sluice.engine.Plan;
import dev.sluice.model.StoredPipe;
import dev.sluice.pipe.PipeCodec;
import dev.sluice.pipe.PipeDoc;
import dev.sluice.pipe.PipeFormatException;
import dev.sluice.pipe.PipeReferences;
import java.util.ArrayList;
import java.util.List;

/**
 * Validated, compiled plans of stored pipes, one per saved version, so that a pipe is parsed and
 * compiled once rather than on every run.
 */
final class CompiledPipes {
    /** A stored pipe ready to run, or the problems that keep it from running. */
    record Compiled(Plan plan, List<String> paramNames, PipeFormatException problem) {
    }

    private record Key(String id, int version) {
    }

    private final Engine engine;
    private final Cache<Key, Compiled> cache = Caffeine.newBuilder().maximumSize(10_000).build();

    CompiledPipes(Engine engine) {
        this.engine = engine;
    }

    Compiled get(StoredPipe pipe, PipeReferences refs) {
        return cache.get(new Key(pipe.id(), pipe.version()), k -> compile(pipe, refs));
    }

    void invalidate(String pipeId) {
        cache.asMap().keySet().removeIf(k -> k.id().equals(pipeId));
    }

    void invalidateAll() {
        cache.invalidateAll();
    }

    private Compiled compile(StoredPipe pipe, PipeReferences refs) {
        try {
            PipeDoc doc = PipeCodec.parse(pipe.json());
            engine.validator().validate(doc, pipe.id(), refs);
            Plan plan = engine.compile(doc, PipeDoc.ROOT_ID);
            return new Compiled(plan, paramNames(plan), null);
        } catch (PipeFormatException e) {
            return new Compiled(null, List.of(), e);
        }
    }

    /** The names of the plan's Text Input blocks: the query parameters this pipe declares. */
    static List<String> paramNames(Plan plan) {
        List<String> names = new ArrayList<>();
        plan.nodes().forEach(n -> {
            if (n.type() == TextinputBlock.TYPE && !n.options().text(0).isBlank()) {
                names.add(n.options().text(0).strip());
            }
        });
        return List.copyOf(names);
    }
}
