package dev.sluice.render;

import dev.sluice.fetch.Download;
import java.time.Duration;

/** Loads a page in a browser, runs its scripts, and hands back the DOM they built. */
public interface Renderer {

    /**
     * The rendered DOM of {@code url} as an HTML {@link Download}, within {@code budget}. Throws
     * {@link dev.sluice.block.BlockError} with a message for the user when nothing was rendered.
     */
    Download render(String url, Duration budget);
}
