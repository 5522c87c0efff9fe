package dev.sluice.engine;

import dev.sluice.pipe.PipeReferences;
import java.time.Duration;
import java.util.Map;

/**
 * What to run a plan with.
 *
 * @param pipeId the stored pipe's id (for sub-pipe cycle checks), or null for an unsaved pipe
 * @param params values for Text Input blocks, by name
 * @param limit  the run limit of the owner's plan
 * @param refs   the stored pipes the owner may read, for Pipe blocks
 * @param jsRendering whether the owner's plan lets the Download block render JavaScript
 */
public record RunRequest(String pipeId, Map<String, String> params, Duration limit, PipeReferences refs,
                         boolean jsRendering) {
    public RunRequest {
        params = Map.copyOf(params);
    }

    /** A request under a plan without JavaScript rendering. */
    public RunRequest(String pipeId, Map<String, String> params, Duration limit, PipeReferences refs) {
        this(pipeId, params, limit, refs, false);
    }

    /** This request, with JavaScript rendering allowed or not. */
    public RunRequest withJsRendering(boolean allowed) {
        return new RunRequest(pipeId, params, limit, refs, allowed);
    }
}
