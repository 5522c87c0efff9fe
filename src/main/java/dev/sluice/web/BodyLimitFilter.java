package dev.sluice.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The request body limit, before any route runs. A declared {@code Content-Length}
 * over the limit is refused unread. A body without one (chunked) is read up to the limit and
 * refused beyond it — otherwise reading it would hold any amount in memory — and a body within
 * the limit is handed on from that buffer. The refusal is a 413 with a message, JSON under
 * {@code /api/}. Webhooks keep their own, smaller limit (HookRoutes).
 */
final class BodyLimitFilter implements Filter {
    private final long defaultLimit;
    private final Map<String, Long> byPath;

    /** @param byPath the few routes with a limit of their own (an import upload), by exact path */
    BodyLimitFilter(long defaultLimit, Map<String, Long> byPath) {
        this.defaultLimit = defaultLimit;
        this.byPath = Map.copyOf(byPath);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        long limit = byPath.getOrDefault(http.getRequestURI(), defaultLimit);
        long declared = http.getContentLengthLong();
        if (declared > limit) {
            refuse(http, (HttpServletResponse) response, declared, limit);
            return;
        }
        if (declared == -1 && http.getHeader("Transfer-Encoding") != null) {
            byte[] body = http.getInputStream().readNBytes((int) limit + 1);
            if (body.length > limit) {
                refuse(http, (HttpServletResponse) response, -1, limit);
                return;
            }
            chain.doFilter(new Buffered(http, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, long declared, long limit)
            throws IOException {
        String size = declared < 0 ? "larger than the limit" : String.format(Locale.ROOT, "%.1f MiB", declared / (1024.0 * 1024.0));
        String message = "The request body is " + size + "; the limit is "
                + String.format(Locale.ROOT, "%.0f MiB", Math.floor(limit / (1024.0 * 1024.0))) + "; nothing was kept";
        response.setStatus(413);
        response.setHeader("Connection", "close"); // the rest of the body is not read
        if (request.getRequestURI().startsWith("/api/")) {
            response.setContentType("application/json");
            response.getOutputStream().write(Json.MAPPER.createObjectNode().put("error", message).putNull("block")
                    .toString().getBytes(StandardCharsets.UTF_8));
        } else {
            response.setContentType("text/plain; charset=utf-8");
            response.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The request with its body already read into memory (within the limit). */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("bodies are read blocking");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
