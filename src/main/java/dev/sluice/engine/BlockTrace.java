package dev.sluice.engine;

import java.util.List;

/**
 * What one block did in a run, for the inspector.
 *
 * @param wallMillis time from having its inputs to producing its output
 * @param itemsIn    items on all its feed inputs
 * @param itemsOut   items it produced (0 for text)
 * @param cacheHits  fetches answered from the download cache
 * @param error      its error message, or null
 * @param drops      items a filter-like block dropped, with the rule (capped)
 * @param sourceEntries entries in the documents the block parsed as feeds, to compare with its
 *                      items (none is ever lost); -1 when it parsed none
 */
public record BlockTrace(String blockId, String type, String name, double wallMillis, int itemsIn, int itemsOut,
                         int cacheHits, String error, List<Drop> drops, boolean dropsTruncated, int sourceEntries) {

    /** One dropped item: its guid and title, and why. */
    public record Drop(String guid, String title, String rule) {
    }
}
