package dev.sluice.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * This node's link to Redis: one client, one multiplexed connection for commands (text keys,
 * byte values) and, on demand, connections for pub/sub. Reconnects on its own; while it is
 * disconnected, commands fail at once rather than queue, and no command waits longer than
 * {@link #COMMAND_TIMEOUT}, so a Redis outage costs a request at most that, never a hang.
 */
public final class Redis implements AutoCloseable {

    /** The longest wait for one answer; a fetch waits less when its own deadline is nearer. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(1);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final RedisAddress address;
    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    /** Tells this node's own pub/sub messages from other nodes'. */
    private final String node = UUID.randomUUID().toString();
    private volatile boolean closed;

    private Redis(RedisAddress address, RedisClient client, StatefulRedisConnection<String, byte[]> connection) {
        this.address = address;
        this.client = client;
        this.connection = connection;
    }

    /**
     * Connects and checks that Redis answers.
     *
     * @throws IllegalStateException saying which address did not answer and what to do
     */
    public static Redis connect(RedisAddress address) {
        RedisClient client = RedisClient.create(address.uri());
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).keepAlive(true).build())
                .build());
        try {
            StatefulRedisConnection<String, byte[]> connection = client.connect(CODEC);
            connection.sync().ping();
            return new Redis(address, client, connection);
        } catch (RedisException e) {
            shutdown(client);
            throw new IllegalStateException("Redis at " + address + " (SLUICE_REDIS_URL) does not answer: "
                    + describe(e) + ". Start it or correct the address; without SLUICE_REDIS_URL this node runs alone.", e);
        }
    }

    RedisAsyncCommands<String, byte[]> commands() {
        return connection.async();
    }

    /** The command connection itself, for libraries that take one (bucket4j). */
    StatefulRedisConnection<String, byte[]> connection() {
        return connection;
    }

    /** A new connection for subscribing (closed by its user). */
    StatefulRedisPubSubConnection<String, String> subscriber() {
        return client.connectPubSub();
    }

    String node() {
        return node;
    }

    RedisAddress address() {
        return address;
    }

    boolean closed() {
        return closed;
    }

    /**
     * The answer to a command sent already, waiting until {@code deadlineNanos} at most (and
     * never longer than the command timeout).
     *
     * @throws Unanswered when Redis failed to answer within the command timeout, or answered with an error
     * @throws OutOfTime  when the caller's deadline came first: no fault of Redis's
     */
    static <T> T await(RedisFuture<T> answer, long deadlineNanos) {
        long untilDeadline = deadlineNanos - System.nanoTime();
        boolean deadlineFirst = untilDeadline < COMMAND_TIMEOUT.toNanos();
        try {
            return answer.get(Math.max(0, deadlineFirst ? untilDeadline : COMMAND_TIMEOUT.toNanos()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new Unanswered(describe(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            if (deadlineFirst) {
                throw new OutOfTime();
            }
            throw new Unanswered("no answer within " + COMMAND_TIMEOUT.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unanswered("interrupted while waiting for Redis", e);
        }
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? message : e.getMessage() + " (" + message + ")";
    }

    /** Closes the connections; what is in flight fails (callers fall back to this node alone). */
    @Override
    public void close() {
        closed = true;
        connection.close();
        shutdown(client);
    }

    private static void shutdown(RedisClient client) {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    /** The caller's deadline passed before Redis answered. */
    static final class OutOfTime extends RuntimeException {
        OutOfTime() {
            super("the deadline passed before Redis answered", null, false, false);
        }
    }

    /** Redis did not answer a command, or answered with an error. */
    static final class Unanswered extends RuntimeException {
        Unanswered(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
