package dev.sluice.store;

import dev.sluice.model.PipeVersion;
import java.util.List;
import java.util.Optional;

/**
 * The version history of pipes (written by {@link PipeRepository} on every save). Rolling back
 * is saving an old version's JSON again, so history only ever grows.
 */
public interface PipeVersions {
    /** A version with its pipe JSON. */
    record Snapshot(PipeVersion version, String json) {
    }

    /** Every version of pipe {@code pipeId}, newest first; the JSON is left out (it may be large). */
    List<PipeVersion> list(String pipeId);

    Optional<Snapshot> find(String pipeId, int version);
}
