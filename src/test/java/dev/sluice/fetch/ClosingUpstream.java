package dev.sluice.fetch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain HTTP server on 127.0.0.1 that ends connections the way real upstreams do. MockWebServer
 * keeps connections tidy; these servers do not, and that is the point: a client that reuses a
 * connection the server has already given up on must cope.
 */
final class ClosingUpstream implements AutoCloseable {

    enum Kind {
        /** Answers {@code HTTP/1.0} with a Content-Length and closes, like Python's http.server and CGI hosts. */
        HTTP_1_0,
        /** HTTP/1.1 keep-alive, but closes a connection left idle for {@code idle} (Apache's KeepAliveTimeout). */
        IDLE_TIMEOUT,
        /** HTTP/1.1 answering {@code Connection: close}, then closing. */
        CONNECTION_CLOSE,
        /** HTTP/1.1 without a Connection header, yet closes after every answer (load balancers, broken proxies). */
        CLOSES_UNANNOUNCED,
        /** Announces 1,000 bytes, sends 100 and drops the connection: a genuine failure. */
        DROPS_MID_BODY
    }

    private static final int ANNOUNCED = 1000;

    private final Kind kind;
    private final Duration idle;
    private final ServerSocket server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();

    ClosingUpstream(Kind kind, Duration idle) throws IOException {
        this.kind = kind;
        this.idle = idle;
        this.server = new ServerSocket(0, 100, InetAddress.getByName("127.0.0.1"));
        Thread.ofPlatform().daemon().name("closing-upstream-" + kind).start(this::acceptAll);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    /** Requests read, answered or not. */
    int requests() {
        return requests.get();
    }

    /** TCP connections accepted. */
    int connections() {
        return connections.get();
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            boolean first = true;
            while (true) {
                if (!first) {
                    socket.setSoTimeout((int) idle.toMillis()); // only IDLE_TIMEOUT gets here
                }
                String target = readRequest(in);
                if (target == null) {
                    return; // the client closed
                }
                requests.incrementAndGet();
                out.write(answer(target));
                out.flush();
                if (kind != Kind.IDLE_TIMEOUT) {
                    socket.shutdownOutput(); // FIN after the answer, as a closing server does
                    return;
                }
                first = false;
            }
        } catch (SocketTimeoutException | SocketException e) {
            // idle time-out reached, or the client went away: the connection ends here
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] answer(String target) {
        String body = "<rss version=\"2.0\"><channel><title>" + target + "</title></channel></rss>\n";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = switch (kind) {
            case HTTP_1_0 -> "HTTP/1.0 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: " + bytes.length;
            case CONNECTION_CLOSE -> "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: " + bytes.length;
            case IDLE_TIMEOUT, CLOSES_UNANNOUNCED -> "HTTP/1.1 200 OK\r\nContent-Length: " + bytes.length;
            case DROPS_MID_BODY -> "HTTP/1.1 200 OK\r\nContent-Length: " + ANNOUNCED;
        };
        byte[] headBytes = (head + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        int bodyLength = kind == Kind.DROPS_MID_BODY ? ANNOUNCED / 10 : bytes.length;
        byte[] whole = new byte[headBytes.length + bodyLength];
        System.arraycopy(headBytes, 0, whole, 0, headBytes.length);
        byte[] source = kind == Kind.DROPS_MID_BODY ? "x".repeat(bodyLength).getBytes(StandardCharsets.US_ASCII) : bytes;
        System.arraycopy(source, 0, whole, headBytes.length, bodyLength);
        return whole;
    }

    /** The request target of the next request, or null at the end of the stream. Bodies are not expected. */
    private static String readRequest(InputStream in) throws IOException {
        String requestLine = readLine(in);
        if (requestLine == null) {
            return null;
        }
        String line;
        do {
            line = readLine(in);
            if (line == null) {
                return null;
            }
        } while (!line.isEmpty());
        String[] parts = requestLine.split(" ");
        return parts.length > 1 ? parts[1] : "/";
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                return line.toString().stripTrailing();
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : line.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
