package dev.sluice.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.block.BlockError;
import dev.sluice.block.Deadline;
import dev.sluice.fetch.Download;
import dev.sluice.fetch.Downloader;
import dev.sluice.fetch.FetchOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Renders with headless Chromium, one fresh browser per page: a page's scripts share nothing
 * with another user's, and nothing lingers after the run. The browser's requests are paused and
 * answered by a {@link RequestRelay}, so it never opens a connection of its own.
 */
public final class ChromiumRenderer implements Renderer {
    static final String TIMED_OUT = "The page did not render within the run's time limit";
    static final String BROWSER_FAILED = "The browser failed while rendering the page: ";
    /** After the load event, how long the page's requests must be quiet before its DOM is read. */
    static final Duration SETTLE = Duration.ofMillis(500);
    /** Time kept back from waiting for the page, to read whatever it rendered so far. */
    static final Duration READ_RESERVE = Duration.ofMillis(1000);
    private static final String OUTER_HTML = "document.documentElement.outerHTML";

    private final String binary;
    private final Downloader downloader;

    /** Renders with the browser {@code binary}, fetching everything through {@code downloader}. */
    public ChromiumRenderer(String binary, Downloader downloader) {
        this.binary = binary;
        this.downloader = downloader;
    }

    @Override
    public Download render(String url, Duration budget) {
        Deadline deadline = Deadline.in(budget);
        // The page itself first: its failure ("refused", "404") is then reported as plainly as a plain download's.
        Download page = switch (downloader.fetch(url, deadline.untilCutoff())) {
            case FetchOutcome.Fetched f -> f.download();
            case FetchOutcome.Failed f -> throw new BlockError(f.failure().message());
        };
        try (ChromiumProcess chromium = ChromiumProcess.start(binary)) {
            String html = render(chromium, page, deadline);
            return new Download(url, page.finalUrl(), page.status(), "text/html; charset=utf-8",
                    html.getBytes(StandardCharsets.UTF_8), page.fetchedAt(), null, null);
        } catch (TimeoutException e) {
            throw new BlockError(TIMED_OUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BlockError(TIMED_OUT);
        } catch (DevToolsSession.DevToolsException e) {
            throw new BlockError(BROWSER_FAILED + e.getMessage());
        }
    }

    private String render(ChromiumProcess chromium, Download page, Deadline deadline)
            throws InterruptedException, TimeoutException {
        RequestRelay relay = new RequestRelay(downloader, deadline, page);
        PageEvents events = new PageEvents(relay);
        try (DevToolsSession devTools = new DevToolsSession(chromium.webSocketUrl(deadline.untilCutoff()), events::on)) {
            events.devTools = devTools;
            String target = devTools.call(null, "Target.createTarget", Map.of("url", "about:blank"),
                    deadline.untilCutoff()).path("targetId").asText();
            String session = devTools.call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true),
                    deadline.untilCutoff()).path("sessionId").asText();
            devTools.call(session, "Fetch.enable", Map.of("patterns",
                    List.of(Map.of("urlPattern", "*", "requestStage", "Request"))), deadline.untilCutoff());
            devTools.call(session, "Page.enable", Map.of(), deadline.untilCutoff());
            devTools.call(session, "Page.navigate", Map.of("url", page.finalUrl()), deadline.untilCutoff());
            waitForPage(events.loaded, relay, deadline);
            JsonNode result = devTools.call(session, "Runtime.evaluate",
                    Map.of("expression", OUTER_HTML, "returnByValue", true), deadline.untilCutoff());
            return result.path("result").path("value").asText();
        }
    }

    /**
     * Until the load event and a quiet {@link #SETTLE} after it (scripts often fetch their data
     * after load), or until only {@link #READ_RESERVE} is left: a page that never finishes
     * loading still yields what it rendered.
     */
    private static void waitForPage(CompletableFuture<Void> loaded, RequestRelay relay, Deadline deadline)
            throws InterruptedException {
        try {
            loaded.get(Math.max(1, readBy(deadline)), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
        while (!relay.quietFor(SETTLE.toNanos()) && readBy(deadline) > 0) {
            Thread.sleep(50);
        }
    }

    private static long readBy(Deadline deadline) {
        long left = deadline.untilCutoff().toMillis();
        return left - Math.min(READ_RESERVE.toMillis(), left / 4);
    }

    /** Routes the browser's events: paused requests to the relay, the load event to a future. */
    private static final class PageEvents {
        final RequestRelay relay;
        final CompletableFuture<Void> loaded = new CompletableFuture<>();
        volatile DevToolsSession devTools;

        PageEvents(RequestRelay relay) {
            this.relay = relay;
        }

        void on(JsonNode event) {
            switch (event.path("method").asText()) {
                case "Fetch.requestPaused" -> relay.paused(devTools, event.path("sessionId").asText(null), event.path("params"));
                case "Page.loadEventFired" -> loaded.complete(null);
                default -> { }
            }
        }
    }
}
