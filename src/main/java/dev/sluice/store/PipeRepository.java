package dev.sluice.store;

import dev.sluice.model.StoredPipe;
import java.util.List;
import java.util.Optional;

/** Saved pipes, their tags and version history. Saving a pipe bumps its version and keeps the old one. */
public interface PipeRepository {
    /** What a save writes; the id, version, feed key and times are the repository's business. */
    record Draft(String title, String description, String json, boolean isPublic, List<String> tags) {
        public Draft {
            title = title == null ? "" : title.strip();
            description = description == null ? "" : description.strip();
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    /**
     * What can change without a new version: nothing here alters the pipe's output, so saving
     * details keeps the output caches' keys (the pipe version) as they are.
     */
    record Details(String title, String description, boolean isPublic, List<String> tags) {
        public Details {
            title = title == null ? "" : title.strip();
            description = description == null ? "" : description.strip();
            tags = tags == null ? List.of() : List.copyOf(tags);
        }

        public static Details of(StoredPipe pipe) {
            return new Details(pipe.title(), pipe.description(), pipe.isPublic(), pipe.tags());
        }
    }

    StoredPipe create(long ownerId, Draft draft);

    /**
     * Saves a new version of pipe {@code id}; empty when it does not exist. The version is bumped
     * by the UPDATE itself, so racing saves (two tabs, two nodes) each get their own version, and
     * each answers the pipe as its own save left it.
     */
    Optional<StoredPipe> update(String id, Draft draft);

    /**
     * Saves title, description, sharing and tags of pipe {@code id} without a new version; empty
     * when it does not exist. Sharing stamps the share date once; unsharing clears it.
     */
    Optional<StoredPipe> updateDetails(String id, Details details);

    /** How many pipes {@code ownerId} has (for the plan's pipe limit). */
    int countByOwner(long ownerId);

    Optional<StoredPipe> find(String id);

    List<StoredPipe> listByOwner(long ownerId);

    boolean delete(String id);
}
