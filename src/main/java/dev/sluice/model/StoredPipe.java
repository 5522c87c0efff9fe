package dev.sluice.model;

import java.time.Instant;
import java.util.List;

/**
 * A saved pipe with its metadata. {@code json} is the pipe JSON; {@code version}
 * increases on every save (it is part of output cache keys, so saving invalidates them).
 */
public record StoredPipe(
        String id,
        long ownerId,
        String title,
        String description,
        String json,
        int version,
        boolean isPublic,
        String feedKey,
        List<String> tags,
        Instant createdAt,
        Instant updatedAt) {

    public StoredPipe {
        tags = List.copyOf(tags);
    }
}
