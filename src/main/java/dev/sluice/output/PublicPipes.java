package dev.sluice.output;

import dev.sluice.pipe.PipeCodec;
import dev.sluice.pipe.PipeDoc;
import dev.sluice.pipe.PipeFormatException;
import dev.sluice.pipe.PipeReferences;
import dev.sluice.store.PipeRepository;
import java.util.Optional;

/**
 * The stored pipes anyone may read for Pipe blocks: the public ones. What a visitor with no
 * account runs with, since they own no pipes and may see no one's private ones.
 */
public record PublicPipes(PipeRepository pipes) implements PipeReferences {
    @Override
    public Optional<PipeDoc> readable(String pipeId) {
        return pipes.find(pipeId)
                .filter(p -> p.isPublic())
                .flatMap(p -> {
                    try {
                        return Optional.of(PipeCodec.parse(p.json()));
                    } catch (PipeFormatException e) {
                        return Optional.empty();
                    }
                });
    }
}
