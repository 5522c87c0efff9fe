package dev.sluice.engine;

/**
 * A problem of one run that the user sees: in the {@code X-Sluice-Errors} header, the channel
 * description, the preview page and the inspector.
 *
 * @param blockId   the block it is about
 * @param blockName that block's title
 */
public record RunError(String blockId, String blockName, Kind kind, String message) {

    public enum Kind {
        /** The block failed; its consumers got an empty input. */
        FAILED,
        /** The block did not finish within the run limit. */
        TIMED_OUT,
        /** Something went wrong but the block still produced output (e.g. a stale upstream copy). */
        WARNING
    }

    /** "Feed (feed1): Upstream answered 404" — the form used in headers and messages. */
    public String describe() {
        return blockName + " (" + blockId + "): " + message;
    }
}
