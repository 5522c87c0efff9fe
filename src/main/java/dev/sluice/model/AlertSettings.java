package dev.sluice.model;

/**
 * What a pipe's owner wants to be mailed about.
 *
 * @param onFailure       mail when the pipe's runs keep failing (and when they work again)
 * @param staleAfterHours mail when the output has had no new item for this many hours (and when
 *                        one comes); 0: not watched
 */
public record AlertSettings(boolean onFailure, int staleAfterHours) {
    /** A year: longer watches are surely typos. */
    public static final int MAX_HOURS = 8760;
    public static final AlertSettings OFF = new AlertSettings(false, 0);

    public AlertSettings {
        if (staleAfterHours < 0 || staleAfterHours > MAX_HOURS) {
            throw new IllegalArgumentException("Hours without a new item must be between 0 (off) and " + MAX_HOURS);
        }
    }

    public boolean any() {
        return onFailure || staleAfterHours > 0;
    }
}
