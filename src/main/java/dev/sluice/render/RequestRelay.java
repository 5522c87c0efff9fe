package dev.sluice.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.block.Deadline;
import dev.sluice.fetch.Download;
import dev.sluice.fetch.Downloader;
import dev.sluice.fetch.FetchFailure;
import dev.sluice.fetch.FetchOutcome;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers the browser's paused requests from the shared downloader, so every request a page
 * makes passes the SSRF guard, the cache and per-host politeness. Only GET is relayed: the
 * downloader has no other method, and a rendered page has no business posting anywhere.
 */
final class RequestRelay {
    /** DevTools error reasons (Network.ErrorReason). */
    static final String BLOCKED = "BlockedByClient";
    static final String FAILED = "Failed";

    private final Downloader downloader;
    private final Deadline deadline;
    private final String pageUrl;
    /** The page itself, already fetched so its failure could be reported plainly; used once. */
    private volatile Download page;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong lastActivity = new AtomicLong(System.nanoTime());

    RequestRelay(Downloader downloader, Deadline deadline, Download page) {
        this.downloader = downloader;
        this.deadline = deadline;
        this.pageUrl = page.finalUrl();
        this.page = page;
    }

    /** Handles one {@code Fetch.requestPaused} event; the download runs on its own virtual thread. */
    void paused(DevToolsSession devTools, String sessionId, JsonNode params) {
        String requestId = params.path("requestId").asText();
        JsonNode request = params.path("request");
        String url = request.path("url").asText();
        boolean relayed = "GET".equals(request.path("method").asText()) && !isFavicon(params, url);
        inFlight.incrementAndGet();
        lastActivity.set(System.nanoTime());
        Thread.ofVirtual().name("render-fetch").start(() -> {
            try {
                Answer answer = answer(requestId, relayed, url);
                devTools.send(sessionId, answer.method(), answer.params());
            } catch (RuntimeException e) {
                // Never leave the browser waiting on a request: it would hold the page's load event.
                Answer failed = fail(requestId, FAILED);
                devTools.send(sessionId, failed.method(), failed.params());
            } finally {
                lastActivity.set(System.nanoTime());
                inFlight.decrementAndGet();
            }
        });
    }

    /**
     * The browser's own request for the site icon: nobody sees it in a rendered page, so the
     * upstream is spared it.
     */
    private static boolean isFavicon(JsonNode params, String url) {
        return "Other".equals(params.path("resourceType").asText()) && url.endsWith("/favicon.ico");
    }

    /** Whether no request has been pending or answered for {@code quietNanos}. */
    boolean quietFor(long quietNanos) {
        return inFlight.get() == 0 && System.nanoTime() - lastActivity.get() >= quietNanos;
    }

    private record Answer(String method, Map<String, Object> params) {
    }

    private Answer answer(String requestId, boolean relayed, String url) {
        if (!relayed) {
            return fail(requestId, BLOCKED);
        }
        Download preloaded = page;
        if (preloaded != null && url.equals(pageUrl)) {
            page = null;
            return fulfil(requestId, preloaded);
        }
        FetchOutcome outcome = downloader.fetch(url, deadline.untilCutoff());
        return switch (outcome) {
            case FetchOutcome.Fetched f -> fulfil(requestId, f.download());
            case FetchOutcome.Failed f when f.failure() instanceof FetchFailure.Refused -> fail(requestId, BLOCKED);
            case FetchOutcome.Failed f -> fail(requestId, FAILED);
        };
    }

    private static Answer fail(String requestId, String reason) {
        return new Answer("Fetch.failRequest", Map.of("requestId", requestId, "errorReason", reason));
    }

    private static Answer fulfil(String requestId, Download download) {
        List<Map<String, String>> headers = download.contentType().isEmpty() ? List.of()
                : List.of(Map.of("name", "Content-Type", "value", download.contentType()));
        return new Answer("Fetch.fulfillRequest", Map.of("requestId", requestId, "responseCode", download.status(),
                "responseHeaders", headers, "body", Base64.getEncoder().encodeToString(download.body())));
    }
}
