package dev.sluice.block;

import dev.sluice.feed.Feed;
import dev.sluice.feed.Item;
import dev.sluice.fetch.Download;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * What a block may use while it runs. The engine gives every block invocation its own context
 * (so trace records land on the right block); all of them share the run's deadline.
 */
public interface RunContext {
    /** Why a block cannot render JavaScript when the server has no browser configured. */
    String JS_NOT_CONFIGURED = "JavaScript rendering is not configured on this server";

    /** The run's deadline; check it inside item loops. */
    Deadline deadline();

    /** The clock for dates (first-seen, "now"): injected so tests control time. */
    InstantSource clock();

    /**
     * Fetches a URL through the shared downloader (SSRF guard, cache, politeness) within the
     * run's remaining time. Throws {@link BlockError} with a clear message when nothing usable
     * came back; when only a stale copy did, returns it and records a warning.
     */
    Download fetch(String url);

    /** Parses a downloaded feed; parsed feeds are cached by body, so warm runs do not re-parse. */
    Feed parseFeed(Download download);

    /** The value given for a pipe parameter (a Text Input's name) in the feed URL or run request. */
    Optional<String> param(String name);

    /** Runs another stored pipe the run's owner may read, sharing this run's deadline. */
    Value runPipe(String pipeId);

    /** Records, for the trace, that a filter-like block dropped {@code item} because of {@code rule}. */
    void dropped(Item item, String rule);

    /** Records a problem that did not stop the block (a stale upstream copy, a skipped entry). */
    void warn(String message);

    /**
     * The newest events posted to the webhook {@code hookId} (a Webhook block's id), newest first,
     * at most {@code limit}. Throws {@link BlockError} when the hook belongs to no saved pipe the
     * run's owner may read, or when this context has no webhook store (the default).
     */
    default List<HookEvent> hookEvents(String hookId, int limit) {
        throw new BlockError(HookEventSource.UNAVAILABLE);
    }

    /**
     * The newest mails of the inbox {@code blockId} (an Inbox block's id), newest first, at most
     * {@code limit}. Throws {@link BlockError} when the inbox belongs to no saved pipe, or to one
     * neither being run nor the run's owner's, or when this context has no mail store (the default).
     */
    default List<InboxMail> inboxMails(String blockId, int limit) {
        throw new BlockError(InboxMailSource.UNAVAILABLE);
    }

    /**
     * Whether the run's owner's plan includes JavaScript rendering; false unless the
     * engine was told so for this run.
     */
    default boolean jsRenderingAllowed() {
        return false;
    }

    /**
     * When this block first produced an item with {@code guid} in this pipe, so undated
     * generated items keep their date from poll to poll. The default remembers nothing: now.
     */
    default Instant firstSeen(String guid) {
        return clock().instant();
    }

    /**
     * {@code url} rendered in a headless browser whose every request goes through the shared
     * downloader, within the run's remaining time; the rendered DOM as an HTML download. Throws
     * {@link BlockError} when no browser is configured (the default) or nothing was rendered.
     */
    default Download render(String url) {
        throw new BlockError(JS_NOT_CONFIGURED);
    }

    /** The outside services configured on this server; none by default. */
    default Integrations integrations() {
        return Integrations.NONE;
    }
}
