package dev.sluice.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A DevTools protocol connection to one browser: commands with their replies, and events handed
 * to a listener. Commands to a page carry its session id (the protocol's "flatten" mode), so one
 * WebSocket serves the browser and the page.
 */
final class DevToolsSession implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One client for all renders: its thread pools are shared, connections are not reused anyway. */
    private static final OkHttpClient CLIENT = new OkHttpClient.Builder().readTimeout(Duration.ZERO).build();

    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Consumer<JsonNode> events;
    private final WebSocket socket;

    /** Connects to {@code url}; {@code events} is called, on the connection's thread, with each event message. */
    DevToolsSession(String url, Consumer<JsonNode> events) {
        this.events = events;
        this.socket = CLIENT.newWebSocket(new Request.Builder().url(url).build(), new Listener());
    }

    /** Sends a command and waits for its result; throws {@link DevToolsException} for a protocol error. */
    JsonNode call(String sessionId, String method, Map<String, ?> params, Duration wait)
            throws InterruptedException, TimeoutException {
        try {
            return send(sessionId, method, params).get(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new DevToolsException(method + ": " + e.getCause().getMessage());
        }
    }

    /** Sends a command without waiting for its result (answers to paused requests). */
    CompletableFuture<JsonNode> send(String sessionId, String method, Map<String, ?> params) {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        if (!socket.send(message.toString())) {
            pending.remove(id);
            reply.completeExceptionally(new DevToolsException("the browser connection is closed"));
        }
        return reply;
    }

    @Override
    public void close() {
        socket.cancel();
        pending.values().forEach(f -> f.completeExceptionally(new DevToolsException("the browser connection is closed")));
    }

    private final class Listener extends WebSocketListener {
        @Override
        public void onMessage(WebSocket webSocket, String text) {
            JsonNode message;
            try {
                message = JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            JsonNode id = message.get("id");
            if (id == null) {
                events.accept(message);
                return;
            }
            CompletableFuture<JsonNode> reply = pending.remove(id.asInt());
            if (reply == null) {
                return;
            }
            JsonNode error = message.get("error");
            if (error != null) {
                reply.completeExceptionally(new DevToolsException(error.path("message").asText("error")));
            } else {
                reply.complete(message.path("result"));
            }
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            pending.values().forEach(f -> f.completeExceptionally(new DevToolsException("the browser connection failed")));
        }
    }

    /** The browser refused a command or went away. */
    static final class DevToolsException extends RuntimeException {
        DevToolsException(String message) {
            super(message);
        }
    }
}
