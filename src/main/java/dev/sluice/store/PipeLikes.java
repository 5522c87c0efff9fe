package dev.sluice.store;

import java.util.Map;

/** Who liked which pipe: one like per user and pipe, so liking twice changes nothing. */
public interface PipeLikes {
    void like(String pipeId, long userId);

    void unlike(String pipeId, long userId);

    int count(String pipeId);

    boolean likedBy(String pipeId, long userId);

    /** Like counts of all of an owner's pipes that have any, in one query (for listings). */
    Map<String, Integer> countsForOwner(long ownerId);
}
