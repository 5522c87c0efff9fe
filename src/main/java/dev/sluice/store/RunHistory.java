package dev.sluice.store;

import dev.sluice.model.HealthRow;
import dev.sluice.model.RunEntry;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of what {@link RunJournal} wrote: a pipe's last runs and pipes' health rows. */
public interface RunHistory {
    /** The pipe's stored runs, newest first (at most {@link RunJournal#KEEP}). */
    List<RunEntry> of(String pipeId);

    Optional<HealthRow> health(String pipeId);

    /** The health rows of an owner's pipes that ran, by pipe id (for the dashboard). */
    Map<String, HealthRow> healthOfOwner(long ownerId);

    /** The health rows of pipes with at least {@code failures} failed runs in a row. */
    List<HealthRow> failing(int failures);
}
