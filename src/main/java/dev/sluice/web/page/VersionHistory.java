package dev.sluice.web.page;

import dev.sluice.model.PipeVersion;
import dev.sluice.model.StoredPipe;
import dev.sluice.pipe.PipeDiff;
import dev.sluice.store.PipeVersions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A pipe's recent versions for its owner, each with what changed since the one before. Only the
 * latest {@link #SHOWN} are listed: each needs its JSON and its predecessor's.
 */
final class VersionHistory {
    static final int SHOWN = 15;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** One version as the pipe page lists it. */
    record Entry(int number, String title, String date, String ago, List<String> changes, boolean current) {
    }

    private final PipeVersions versions;

    VersionHistory(PipeVersions versions) {
        this.versions = versions;
    }

    List<Entry> of(StoredPipe pipe, Instant now) {
        List<PipeVersion> recent = versions.list(pipe.id()).stream().limit(SHOWN).toList();
        List<Entry> out = new ArrayList<>();
        // newest first: each snapshot is the "before" of the one listed above it
        List<Optional<PipeVersions.Snapshot>> snapshots = new ArrayList<>();
        for (PipeVersion v : recent) {
            snapshots.add(versions.find(pipe.id(), v.version()));
        }
        for (int i = 0; i < recent.size(); i++) {
            PipeVersion v = recent.get(i);
            Optional<PipeVersions.Snapshot> self = snapshots.get(i);
            Optional<PipeVersions.Snapshot> before = i + 1 < snapshots.size() ? snapshots.get(i + 1)
                    : v.version() > 1 ? versions.find(pipe.id(), v.version() - 1) : Optional.empty();
            List<String> changes = v.version() == 1 ? List.of("Created")
                    : self.isPresent() && before.isPresent()
                    ? PipeDiff.between(before.get().version().title(), before.get().json(), v.title(), self.get().json())
                    : List.of();
            if (changes.isEmpty()) {
                changes = List.of("Saved without changes to its blocks");
            }
            out.add(new Entry(v.version(), v.title(), DATE.format(v.createdAt()), RunStatusView.ago(v.createdAt(), now),
                    changes, v.version() == pipe.version()));
        }
        return out;
    }
}
