package dev.sluice.output;

import dev.sluice.pipe.PipeCodec;
import dev.sluice.pipe.PipeDoc;
import dev.sluice.pipe.PipeFormatException;
import dev.sluice.pipe.PipeReferences;
import dev.sluice.store.PipeRepository;
import java.util.Optional;

/** The stored pipes one owner may read for Pipe blocks: their own, and public ones. */
public record OwnerPipes(PipeRepository pipes, long ownerId) implements PipeReferences {
    /** An owner no pipe has (account ids start at 1). */
    private static final long NOBODY = -1;

    /** The public pipes only: what a visitor with no account, who owns none, may use. */
    public static OwnerPipes publicOnly(PipeRepository pipes) {
        return new OwnerPipes(pipes, NOBODY);
    }

    @Override
    public boolean owns(String pipeId) {
        return ownerId != NOBODY && pipes.find(pipeId).filter(p -> p.ownerId() == ownerId).isPresent();
    }

    @Override
    public Optional<PipeDoc> readable(String pipeId) {
        return pipes.find(pipeId)
                .filter(p -> p.ownerId() == ownerId || p.isPublic())
                .flatMap(p -> {
                    try {
                        return Optional.of(PipeCodec.parse(p.json()));
                    } catch (PipeFormatException e) {
                        return Optional.empty();
                    }
                });
    }
}
