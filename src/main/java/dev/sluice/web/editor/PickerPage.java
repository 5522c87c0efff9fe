package dev.sluice.web.editor;

import dev.sluice.fetch.Download;
import dev.sluice.fetch.Downloader;
import dev.sluice.fetch.FetchFailure;
import dev.sluice.fetch.FetchOutcome;
import dev.sluice.web.Caller;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;

/**
 * {@code GET /editor/picker?url=<page>}: the page the Extract picker shows in its sandboxed
 * iframe. The page is fetched through the shared SSRF-guarded downloader (like the Download
 * block: same guard, cache and politeness), made inert by {@link PickerSanitizer}, and served
 * with a CSP of its own that lets only our frame script run and forbids fetches, forms and
 * frames. Failures are a short page of our own that the frame script reports to the editor.
 * Logged-in users only: the downloader is not an open proxy.
 */
public final class PickerPage {
    /** Where the route lives. */
    public static final String PATH = "/editor/picker";
    /** The frame script's path under the static files. */
    static final String FRAME_SCRIPT = "/static/editor/picker-frame.js";
    /** Largest page the picker shows; a page this big is far beyond what anyone clicks through. */
    static final int MAX_PAGE_BYTES = 2 * 1024 * 1024;
    /** How long the picker waits for the page (the editor waits; there is no run deadline here). */
    static final Duration BUDGET = Duration.ofSeconds(15);

    private final Downloader downloader;
    private final String baseUrl;
    private final String frameScript;
    private final String csp;

    /**
     * @param baseUrl the public base URL: the frame script is loaded from it (the page's own
     *                {@code <base>} points at the picked site) and messages go to its origin
     */
    public PickerPage(Downloader downloader, String baseUrl) {
        this.downloader = downloader;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.frameScript = this.baseUrl + FRAME_SCRIPT;
        this.csp = csp(frameScript);
    }

    /**
     * The picked page's own policy: our one script (by its exact URL), the page's images, styles
     * and fonts from anywhere, and nothing that talks back — no fetch/XHR/WebSocket, no form
     * submissions, no frames or plug-ins. The editor embeds it (frame-ancestors 'self'). The
     * {@code sandbox} directive gives the document an opaque origin even when someone opens its
     * URL directly, outside the editor's sandboxed iframe: the page never runs as this site.
     */
    static String csp(String frameScript) {
        return "default-src 'none'; script-src " + frameScript + "; style-src http: https: 'unsafe-inline'; "
                + "img-src http: https: data:; font-src http: https: data:; connect-src 'none'; form-action 'none'; "
                + "frame-src 'none'; child-src 'none'; object-src 'none'; media-src 'none'; worker-src 'none'; "
                + "manifest-src 'none'; base-uri http: https:; frame-ancestors 'self'; sandbox allow-scripts";
    }

    public void show(Context ctx) {
        Caller.required(ctx);
        ctx.header("Content-Security-Policy", csp);
        // The page changes with every upstream fetch and is only ever shown once, inside the editor.
        ctx.header("Cache-Control", "no-store");
        String url = ctx.queryParam("url");
        if (url == null || url.isBlank()) {
            fail(ctx, 400, "Give the address of the page to pick from.");
            return;
        }
        FetchOutcome outcome = downloader.fetch(url.strip(), BUDGET);
        switch (outcome) {
            case FetchOutcome.Failed failed -> fail(ctx, status(failed.failure()), failed.failure().message());
            case FetchOutcome.Fetched fetched -> show(ctx, fetched.download());
        }
    }

    private void show(Context ctx, Download download) {
        if (download.body().length > MAX_PAGE_BYTES) {
            fail(ctx, 413, String.format(Locale.ROOT, "The page is %.1f MiB; the picker shows pages up to %d MiB.",
                    download.body().length / (1024.0 * 1024.0), MAX_PAGE_BYTES / (1024 * 1024)));
            return;
        }
        String type = download.contentType().toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !type.contains("html") && !type.contains("xml") && !type.startsWith("text/plain")) {
            fail(ctx, 415, "The picker shows web pages; " + download.finalUrl() + " is " + download.contentType()
                    + ". For JSON, write a JSONPath such as $.items[*].title.");
            return;
        }
        Document page = parse(download);
        page.outputSettings().charset(StandardCharsets.UTF_8).escapeMode(Entities.EscapeMode.base);
        html(ctx, 200, PickerSanitizer.sanitise(page, download.finalUrl(), frameScript, origin(baseUrl)));
    }

    private static Document parse(Download download) {
        try {
            // Charset from the Content-Type, else the page's <meta charset>, else UTF-8 (jsoup's detection).
            return Jsoup.parse(new ByteArrayInputStream(download.body()), charset(download.contentType()), download.finalUrl());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String charset(String contentType) {
        int at = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (at < 0) {
            return null;
        }
        String name = contentType.substring(at + "charset=".length()).replace("\"", "").split(";")[0].strip();
        return java.nio.charset.Charset.isSupported(name) ? name : null;
    }

    /** An answer of ours inside the picker frame: the message, and the frame script that reports it to the editor. */
    private void fail(Context ctx, int status, String message) {
        String escaped = Entities.escape(message);
        html(ctx, status, "<!doctype html><html><head><meta charset=\"utf-8\"><title>Picker</title></head><body>"
                + "<p id=\"sluice-picker-error\">" + escaped + "</p><script src=\"" + frameScript
                + "\" data-parent-origin=\"" + Entities.escape(origin(baseUrl)) + "\" data-error=\"" + escaped
                + "\"></script></body></html>");
    }

    private static void html(Context ctx, int status, String html) {
        ctx.status(status).contentType("text/html; charset=utf-8").result(html);
    }

    static int status(FetchFailure failure) {
        return switch (failure) {
            case FetchFailure.Refused r -> 400;
            case FetchFailure.TooLarge t -> 413;
            case FetchFailure.TimedOut t -> 504;
            case FetchFailure.TooManyRequests t -> 503;
            case FetchFailure.HttpStatus h -> 502;
            case FetchFailure.Network n -> 502;
        };
    }

    /** The origin ({@code scheme://host[:port]}) of the editor, for postMessage. */
    static String origin(String baseUrl) {
        URI uri = URI.create(baseUrl);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
