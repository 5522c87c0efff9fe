package dev.sluice.redis;

import dev.sluice.output.Invalidation;
import dev.sluice.output.InvalidationMessage;
import io.lettuce.core.RedisException;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Invalidation} across nodes: this node forgets at once, then publishes
 * {@code "<kind> <node> <pipe id>"} on one Redis channel, and every other node forgets when the
 * message arrives. Pub/sub delivers at most once: a node that was cut off from Redis may have
 * missed messages, so when its subscription comes back it forgets every pipe. While Redis does
 * not answer, other nodes learn of a change only when their caches expire (the pipe lookup
 * within 30 s, outputs within their freshness).
 */
public final class RedisInvalidation implements Invalidation, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisInvalidation.class);
    static final String CHANNEL = "sluice:invalidation";

    private final Redis redis;
    private final StatefulRedisPubSubConnection<String, String> subscription;
    /** Caches are told off Lettuce's I/O thread (forgetting may wait for a lookup in progress), in order. */
    private final ExecutorService teller = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("redis-invalidation").daemon().factory());
    private final AtomicInteger subscribed = new AtomicInteger();
    private final Outage outage;
    private volatile Caches caches;

    /** Subscribes at once, so no announcement made after start-up is missed. */
    public RedisInvalidation(Redis redis) {
        this.redis = redis;
        this.outage = new Outage("the announcement of changed pipes to the other nodes", redis);
        this.subscription = redis.subscriber();
        subscription.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                teller.execute(() -> received(message));
            }

            @Override
            public void subscribed(String channel, long count) {
                if (subscribed.incrementAndGet() > 1) { // again, after a reconnect: messages may be lost
                    LOG.warn("Subscribed to {} again after losing Redis: forgetting all cached pipes", CHANNEL);
                    teller.execute(() -> tell(Caches::forgetAll));
                }
            }
        });
        subscription.sync().subscribe(CHANNEL);
    }

    @Override
    public void pipeChanged(String pipeId) {
        tell(c -> c.forgetPipe(pipeId));
        publish(InvalidationMessage.pipeChanged(redis.node(), pipeId));
    }

    @Override
    public void contentChanged(String pipeId) {
        tell(c -> c.forgetOutputs(pipeId));
        publish(InvalidationMessage.contentChanged(redis.node(), pipeId));
    }

    @Override
    public void listen(Caches caches) {
        this.caches = caches;
    }

    private void publish(String message) {
        try {
            redis.commands().publish(CHANNEL, message.getBytes(StandardCharsets.UTF_8)).whenComplete((n, failed) -> {
                if (failed != null) {
                    outage.failed(failed);
                } else {
                    outage.answered();
                }
            });
        } catch (RedisException e) {
            outage.failed(e);
        }
    }

    private void received(String message) {
        tell(InvalidationMessage.read(message, redis.node()));
    }

    /** Before the caches listen (start-up) nothing is cached yet, so there is nothing to tell. */
    private void tell(Consumer<Caches> what) {
        Caches c = caches;
        if (c != null) {
            what.accept(c);
        }
    }

    @Override
    public void close() {
        subscription.close();
        teller.shutdown();
        try {
            teller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
