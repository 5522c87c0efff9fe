package dev.sluice.web;

import dev.sluice.app.PipeService;
import dev.sluice.engine.Admission;
import dev.sluice.feed.OutputFormat;
import dev.sluice.model.StoredPipe;
import dev.sluice.output.DataFormatUnavailable;
import dev.sluice.output.ErrorReport;
import dev.sluice.output.FeedOutputs;
import dev.sluice.output.FeedResult;
import dev.sluice.output.RenderedFeed;
import dev.sluice.store.PipeUsage;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.HttpOutput;

/**
 * {@code GET}/{@code HEAD /feed/<id>[.rss|.xml|.atom|.json|.txt]}: the product. Answers from
 * cache when it can, with ETag, Last-Modified and 304s; reports run errors in headers; serves the
 * last complete output when a run fails. A private pipe's feed needs its key or its owner's
 * session or token; without them the pipe does not exist (404), so ids cannot be probed. A pipe
 * that outputs data answers JSON at {@code .json} and XML at {@code .xml}, {@code .rss} and the
 * bare URL; {@code .atom} and {@code .txt} are 406 for it. A public pipe's feed names its WebSub
 * hub and its own URL in a {@code Link} header.
 */
final class FeedRoutes {
    private final PipeService pipes;
    private final FeedOutputs outputs;
    private final InstantSource clock;
    /** Counts served outputs for the gallery's "most used" (in memory; flushed by a job). */
    private final PipeUsage usage;

    FeedRoutes(PipeService pipes, FeedOutputs outputs, InstantSource clock, PipeUsage usage) {
        this.pipes = pipes;
        this.outputs = outputs;
        this.clock = clock;
        this.usage = usage;
    }


    void serve(Context ctx) throws Admission.Busy {
        String file = ctx.pathParam("file");
        Optional<OutputFormat> format = format(file);
        Optional<StoredPipe> pipe = format.isPresent() ? pipes.find(id(file)) : Optional.empty();
        if (pipe.isEmpty() || !mayRead(ctx, pipe.get())) {
            throw new NotFound("No such feed");
        }
        RenderedFeed feed;
        try {
            feed = outputs.render(pipe.get(), format.get(), query(ctx));
        } catch (DataFormatUnavailable e) {
            throw new ApiError(HttpStatus.NOT_ACCEPTABLE.getCode(), e.getMessage());
        }
        answer(new JavalinExchange(ctx), pipe.get(), feed);
    }

    /** A pipe and its fresh cached rendering, ready to be answered. */
    record Cached(StoredPipe pipe, RenderedFeed feed) {
    }

    /**
     * The fresh cached rendering {@code file} names, when the pipe is public or {@code query} holds
     * its key; empty when the feed route must answer instead (no such pipe, nothing cached, an
     * owner's request, any failure, which the route meets again and answers as it answers all).
     */
    Optional<Cached> cached(String file, Map<String, String> query) {
        try {
            Optional<OutputFormat> format = format(file);
            Optional<StoredPipe> pipe = format.isPresent() ? pipes.find(id(file)) : Optional.empty();
            if (pipe.isEmpty() || !(pipe.get().isPublic() || Secrets.same(query.get("key"), pipe.get().feedKey()))) {
                return Optional.empty();
            }
            return outputs.cached(pipe.get(), format.get(), query).map(feed -> new Cached(pipe.get(), feed));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    void answer(FeedExchange x, Cached cached) {
        answer(x, cached.pipe(), cached.feed());
    }

    private static String id(String file) {
        int dot = file.lastIndexOf('.');
        return dot < 0 ? file : file.substring(0, dot);
    }

    private static Optional<OutputFormat> format(String file) {
        int dot = file.lastIndexOf('.');
        return dot < 0 ? Optional.of(OutputFormat.RSS) : OutputFormat.fromExtension(file.substring(dot + 1));
    }

    /** The rendering with its caching, error and discovery headers; 304 when the reader has it already. */
    private void answer(FeedExchange x, StoredPipe pipe, RenderedFeed feed) {
        usage.count(pipe.id());
        FeedResult result = feed.result();
        long maxAge = Math.max(0, Duration.between(clock.instant(), result.freshUntil()).toSeconds());
        boolean gzip = AcceptEncoding.gzip(x.requestHeader("Accept-Encoding"));
        String etag = gzip ? feed.gzipEtag() : feed.etag();
        String lastModified = HttpDates.format(feed.lastModified());
        x.header("Vary", "Accept-Encoding");
        x.header("ETag", etag);
        x.header("Last-Modified", lastModified);
        x.header("Cache-Control", (pipe.isPublic() ? "public" : "private") + ", max-age=" + maxAge);
        if (feed.links() != null) {
            x.header("Link", feed.links()); // WebSub discovery: made once per rendering
        }
        if (!result.errors().isEmpty()) {
            x.header("X-Sluice-Errors", ErrorReport.headerValue(result.errors()));
        }
        if (result.stale()) {
            x.header("X-Sluice-Stale", Long.toString(result.staleAge().toSeconds()));
            x.header("Warning", "110 - \"Response is Stale: the last run failed\"");
        }
        if (Conditional.notModified(x.requestHeader("If-None-Match"), x.requestHeader("If-Modified-Since"), etag,
                feed.lastModified())) {
            x.status(HttpStatus.NOT_MODIFIED.getCode());
            return;
        }
        ByteBuffer body = (gzip ? feed.gzipped() : feed.body()).duplicate();
        x.header("Content-Type", feed.contentType());
        if (gzip) {
            x.header("Content-Encoding", "gzip");
        }
        x.header("Content-Length", Integer.toString(body.remaining()));
        if (!x.isHead()) {
            x.send(body);
        }
    }

    /**
     * A feed exchange through Javalin. The bytes go straight to Jetty, which writes a direct buffer
     * to the socket without copying it; neither Javalin's result stream nor its per-request
     * compression is wanted here.
     */
    private record JavalinExchange(Context ctx) implements FeedExchange {
        @Override
        public String requestHeader(String name) {
            return ctx.header(name);
        }

        @Override
        public boolean isHead() {
            return "HEAD".equals(ctx.method().name());
        }

        @Override
        public void header(String name, String value) {
            if (name.equals("Content-Type")) {
                ctx.contentType(value);
            } else {
                ctx.header(name, value);
            }
        }

        @Override
        public void status(int code) {
            ctx.status(code);
        }

        @Override
        public void send(ByteBuffer body) {
            try {
                if (ctx.res().getOutputStream() instanceof HttpOutput jetty) {
                    jetty.write(body);
                } else {
                    byte[] copy = new byte[body.remaining()];
                    body.get(copy);
                    ctx.res().getOutputStream().write(copy);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Public pipes are open to all; private ones to whoever has the feed key, and to their owner. */
    static boolean mayRead(Context ctx, StoredPipe pipe) {
        return pipe.isPublic() || Secrets.same(ctx.queryParam("key"), pipe.feedKey()) || PipeAccess.owns(ctx, pipe);
    }

    /** The first value of each query parameter. */
    static Map<String, String> query(Context ctx) {
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            if (!e.getValue().isEmpty()) {
                out.put(e.getKey(), e.getValue().get(0));
            }
        }
        return out;
    }
}
