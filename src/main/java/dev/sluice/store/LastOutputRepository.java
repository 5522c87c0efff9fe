package dev.sluice.store;

import dev.sluice.model.LastOutput;
import java.util.Optional;

/** Last complete outputs, on disk so that stale-if-error survives a restart. */
public interface LastOutputRepository {
    Optional<LastOutput> find(String pipeId, String paramsKey);

    /** Stores {@code out} unless a newer output of the same pipe and parameters is stored already. */
    void save(LastOutput out);
}
