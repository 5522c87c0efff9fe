package dev.sluice.store;

import dev.sluice.model.AlertSettings;
import java.time.Instant;
import java.util.List;

/** The owners' alert settings per pipe (no row: everything off). */
public interface PipeAlerts {
    /** A pipe watched for new items, with what its runs say about them. */
    record Watched(String pipeId, int staleAfterHours, Instant lastNewItemAt, int failures) {
    }

    AlertSettings find(String pipeId);

    /** The settings of an owner's pipes that have any (others are off). */
    java.util.Map<String, AlertSettings> ofOwner(long ownerId);

    void save(String pipeId, AlertSettings settings);

    /** Pipes whose owners watch them for new items, with their health (pipes that never ran are left out). */
    List<Watched> watched();
}
