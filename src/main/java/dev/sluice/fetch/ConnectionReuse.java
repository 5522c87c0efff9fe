package dev.sluice.fetch;

import java.io.IOException;
import java.net.Socket;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import javax.net.ssl.SSLSocket;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.internal.http2.ErrorCode;
import okhttp3.internal.http2.StreamResetException;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Tells a connection the upstream had already closed from an upstream that failed. Servers close
 * keep-alive connections whenever they like (HTTP/1.0 hosts and CGI scripts after every answer,
 * Apache after 5 s idle, load balancers when they please), and a pooled connection closed in the
 * meantime breaks the next request sent on it. That says nothing about the upstream, so a request
 * that breaks on a <em>reused</em> connection before any answer came is reported as
 * {@link StaleConnectionException}, which the downloader sends again at once on a fresh connection.
 *
 * <p>It also keeps HTTP/1.0's rule, which OkHttp does not: an HTTP/1.0 answer without
 * {@code Connection: keep-alive} ends its connection, so that connection is retired once the body
 * is read instead of being offered for the next request. ({@code Connection: close} OkHttp honours itself.)
 */
final class ConnectionReuse implements Interceptor {

    /** A request broke on a connection that had carried an earlier exchange: the server had closed it. */
    static final class StaleConnectionException extends IOException {
        StaleConnectionException(IOException cause) {
            super("the reused connection had been closed by the server (" + cause.getMessage() + ")", cause);
        }
    }

    /** Connections that have carried an exchange; weak, so the pool alone decides how long they live. */
    private final Set<Connection> used = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    @Override
    public Response intercept(Chain chain) throws IOException {
        Connection connection = chain.connection();
        boolean reused = connection != null && !used.add(connection);
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException e) {
            if (reused && brokeBeforeAnyAnswer(e)) {
                throw new StaleConnectionException(e);
            }
            throw e;
        }
        return connection != null && endsConnection(response) ? closingAfterBody(response, connection.socket()) : response;
    }

    /**
     * The connection broke, or (HTTP/2) the server refused the stream unprocessed. Any other HTTP/2
     * stream reset is the server's answer to this very request, not a closed connection.
     */
    private static boolean brokeBeforeAnyAnswer(IOException e) {
        if (e instanceof StreamResetException reset) {
            return reset.errorCode == ErrorCode.REFUSED_STREAM;
        }
        return NetworkErrors.isReset(e);
    }

    private static boolean endsConnection(Response response) {
        return response.protocol() == Protocol.HTTP_1_0 && !"keep-alive".equalsIgnoreCase(response.header("Connection"));
    }

    /** The same response, whose connection is retired when its body is done, so the pool drops it. */
    private static Response closingAfterBody(Response response, Socket socket) {
        ResponseBody body = response.body();
        if (body == null) {
            return response;
        }
        long length = body.contentLength();
        BufferedSource closing = Okio.buffer(new ForwardingSource(body.source()) {
            private long total;

            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                long read = super.read(sink, byteCount);
                total += Math.max(read, 0);
                if (read == -1 || total == length) {
                    retire(socket); // the last byte is here: retire it before another request takes it from the pool
                }
                return read;
            }

            @Override
            public void close() throws IOException {
                retire(socket);
                super.close();
            }
        });
        return response.newBuilder()
                .body(ResponseBody.create(closing, body.contentType(), length))
                .build();
    }

    /**
     * Makes the pool drop the connection: it checks for a shut-down or closed socket before each
     * reuse. A plain socket's sending side is shut (the server is closing anyway), which keeps the
     * socket usable for OkHttp's own bookkeeping should another request have taken it in the
     * meantime (that request then breaks on a reused connection and is sent again); a TLS socket
     * cannot be half-closed, so it is closed.
     */
    private static void retire(Socket socket) {
        try {
            if (socket instanceof SSLSocket) {
                socket.close();
            } else if (!socket.isOutputShutdown() && !socket.isClosed()) {
                socket.shutdownOutput();
            }
        } catch (IOException e) {
            // already gone, which is all we wanted
        }
    }
}
