package dev.sluice.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * The fast path of the product: a feed reader's {@code GET /feed/<id>} whose rendering is cached
 * is answered here, in Jetty, before Javalin routes it. Javalin's per-request work (its context,
 * matching the path against every route, the before and after handlers) cost more than writing
 * the cached bytes. Only what needs nothing else is answered here: no cookie and no
 * {@code Authorization} (so no session to identify or extend), a public pipe or its feed key,
 * and a fresh rendering; everything else, and any failure before the answer starts, goes on to
 * Javalin's feed route, which answers the same way through {@link FeedRoutes}.
 */
final class CachedFeeds extends HandlerWrapper {
    static final String PREFIX = "/feed/";

    /** How many answers this path gave, in this process: lets a test tell which path answered. */
    private static final java.util.concurrent.atomic.LongAdder ANSWERED = new java.util.concurrent.atomic.LongAdder();

    private final CompletableFuture<FeedRoutes> feeds;

    CachedFeeds(CompletableFuture<FeedRoutes> feeds) {
        this.feeds = feeds;
    }

    @Override
    public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        FeedRoutes routes = feeds.isDone() && !feeds.isCompletedExceptionally() ? feeds.join() : null;
        if (routes != null && target.startsWith(PREFIX) && target.indexOf('/', PREFIX.length()) < 0
                && (HttpMethod.GET.is(base.getMethod()) || HttpMethod.HEAD.is(base.getMethod()))
                && base.getHeader("Cookie") == null && base.getHeader("Authorization") == null) {
            Optional<FeedRoutes.Cached> cached = routes.cached(target.substring(PREFIX.length()), query(base));
            if (cached.isPresent()) {
                ANSWERED.increment();
                base.setHandled(true);
                routes.answer(new Exchange(base, base.getResponse()), cached.get());
                return;
            }
        }
        super.handle(target, base, request, response);
    }

    static long answered() {
        return ANSWERED.sum();
    }

    /** The first value of each query parameter. */
    private static Map<String, String> query(Request request) {
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            if (e.getValue().length > 0) {
                out.put(e.getKey(), e.getValue()[0]);
            }
        }
        return out;
    }

    /** A feed exchange on Jetty's own request and response, with the headers every answer carries. */
    private record Exchange(Request request, Response response) implements FeedExchange {
        Exchange {
            WebServer.SECURITY_HEADERS.forEach(response::setHeader);
        }

        @Override
        public String requestHeader(String name) {
            return request.getHeader(name);
        }

        @Override
        public boolean isHead() {
            return HttpMethod.HEAD.is(request.getMethod());
        }

        @Override
        public void header(String name, String value) {
            response.setHeader(name, value);
        }

        @Override
        public void status(int code) {
            response.setStatus(code);
        }

        @Override
        public void send(ByteBuffer body) {
            try {
                response.getHttpOutput().write(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
