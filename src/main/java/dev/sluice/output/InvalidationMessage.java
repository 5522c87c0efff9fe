package dev.sluice.output;

import dev.sluice.output.Invalidation.Caches;
import java.util.function.Consumer;

/**
 * The text nodes send each other to announce a changed pipe, {@code "<kind> <node> <pipe id>"}
 * (kind {@code pipe}: saved, shared or deleted; {@code content}: new input), whatever carries it
 * (Redis pub/sub, PostgreSQL NOTIFY).
 */
public final class InvalidationMessage {
    private InvalidationMessage() {
    }

    public static String pipeChanged(String node, String pipeId) {
        return "pipe " + node + " " + pipeId;
    }

    public static String contentChanged(String node, String pipeId) {
        return "content " + node + " " + pipeId;
    }

    /**
     * What {@code message} asks of the caches, or nothing when it is this node's own (it forgot
     * when announcing) or not one of these messages.
     */
    public static Consumer<Caches> read(String message, String self) {
        String[] parts = message.split(" ", 3);
        if (parts.length != 3 || parts[1].equals(self)) {
            return caches -> { };
        }
        String pipeId = parts[2];
        return switch (parts[0]) {
            case "pipe" -> caches -> caches.forgetPipe(pipeId);
            case "content" -> caches -> caches.forgetOutputs(pipeId);
            default -> caches -> { };
        };
    }
}
