package dev.sluice.pipe;

import java.util.Optional;

/**
 * How validation and the engine see other stored pipes (for Pipe blocks): only the pipes the
 * running pipe's owner may read — their own, or public ones.
 */
@FunctionalInterface
public interface PipeReferences {
    /** No stored pipes at all (a pipe run from a file with no store). */
    PipeReferences NONE = id -> Optional.empty();

    /** The pipe {@code pipeId} if it exists and the owner may read it; empty otherwise. */
    Optional<PipeDoc> readable(String pipeId);

    /** Whether the pipe {@code pipeId} exists and is the owner's own (not merely public); false unless known. */
    default boolean owns(String pipeId) {
        return false;
    }
}
