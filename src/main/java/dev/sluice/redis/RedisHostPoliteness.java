package dev.sluice.redis;

import dev.sluice.fetch.FetchConfig;
import dev.sluice.fetch.HostPoliteness;
import dev.sluice.fetch.InMemoryHostPoliteness;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * {@link HostPoliteness} shared by every node through Redis, with the semantics of
 * {@link InMemoryHostPoliteness}: per host a number of request slots, spacing between request
 * starts, Retry-After pauses and failure back-off, each decision one Lua script (atomic, on
 * Redis's clock). A slot is a member of a sorted set scored by when it frees itself, so a node
 * that dies holding one blocks nobody for long. Waiting for a slot is polling (a growing pause,
 * within the caller's deadline). Pauses and failures are also noted in this node's own
 * {@link InMemoryHostPoliteness}, which decides alone while Redis does not answer.
 */
public final class RedisHostPoliteness implements HostPoliteness {

    /** How long a slot outlives the longest fetch, should its holder die before giving it back. */
    static final Duration SLOT_MARGIN = Duration.ofSeconds(5);
    /** How long a quiet host's state is kept after its pauses end. */
    static final Duration IDLE = Duration.ofMinutes(10);
    private static final long FIRST_PAUSE_NANOS = Duration.ofMillis(5).toNanos();
    private static final long LONGEST_PAUSE_NANOS = Duration.ofMillis(100).toNanos();
    private static final String ADMIT = script("host-admit.lua");
    private static final String PAUSE = script("host-pause.lua");
    private static final String FAILED = script("host-failed.lua");
    private static final String SUCCEEDED = script("host-succeeded.lua");
    private static final String RELEASE = "return redis.call('ZREM', KEYS[1], ARGV[1])";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RedisAsyncCommands<String, byte[]> redis;
    private final InMemoryHostPoliteness local;
    private final Outage outage;
    private final byte[] slots;
    private final byte[] spacingMillis;
    private final byte[] slotMillis;
    private final byte[] backoffStartMillis;
    private final byte[] backoffCapMillis;
    private final byte[] idleMillis = arg(IDLE.toMillis());

    public RedisHostPoliteness(Redis redis, FetchConfig config) {
        this.redis = redis.commands();
        this.local = new InMemoryHostPoliteness(config);
        this.outage = new Outage("the per-host politeness (request slots, spacing, pauses)", redis);
        this.slots = arg(config.maxInFlightPerHost());
        this.spacingMillis = arg(config.hostSpacing().toMillis());
        this.slotMillis = arg(config.maxFetchTime().plus(SLOT_MARGIN).toMillis());
        this.backoffStartMillis = arg(config.backoffStart().toMillis());
        this.backoffCapMillis = arg(config.backoffCap().toMillis());
    }

    @Override
    public Admission admit(String host, long deadlineNanos) throws InterruptedException {
        if (outage.resting()) {
            return local.admit(host, deadlineNanos);
        }
        String[] keys = {stateKey(host), slotsKey(host)};
        byte[] token = token();
        long pause = FIRST_PAUSE_NANOS;
        while (true) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return new Denied(Reason.BUSY, Duration.ZERO);
            }
            List<Object> answer;
            try {
                answer = Redis.await(redis.eval(ADMIT, ScriptOutputType.MULTI, keys, token, slots, spacingMillis,
                        arg(left / 1_000_000), slotMillis, idleMillis), deadlineNanos);
                outage.answered();
            } catch (Redis.OutOfTime e) {
                // No turn within the deadline. Should the script have granted a slot meanwhile, it frees itself.
                return new Denied(Reason.BUSY, Duration.ZERO);
            } catch (Redis.Unanswered e) {
                outage.failed(e);
                return local.admit(host, deadlineNanos);
            }
            String verdict = new String((byte[]) answer.get(0), StandardCharsets.US_ASCII);
            Duration ms = Duration.ofMillis((Long) answer.get(1));
            switch (verdict) {
                case "granted" -> {
                    Permit permit = new SlotPermit(keys[1], token);
                    try {
                        Thread.sleep(ms);
                    } catch (InterruptedException e) {
                        permit.close();
                        throw e;
                    }
                    return new Granted(permit);
                }
                case "paused" -> {
                    return new Denied(Reason.PAUSED, ms);
                }
                case "backoff" -> {
                    return new Denied(Reason.BACKING_OFF, ms);
                }
                case "late" -> {
                    return new Denied(Reason.BUSY, ms);
                }
                default -> { // busy: every slot is taken; look again until the deadline
                    Thread.sleep(Duration.ofNanos(Math.max(0, Math.min(pause, deadlineNanos - System.nanoTime()))));
                    pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
                }
            }
        }
    }

    @Override
    public void pause(String host, Duration duration) {
        local.pause(host, duration);
        send(() -> redis.eval(PAUSE, ScriptOutputType.INTEGER, new String[] {stateKey(host)}, arg(duration.toMillis()),
                idleMillis));
    }

    @Override
    public void succeeded(String host) {
        local.succeeded(host);
        send(() -> redis.eval(SUCCEEDED, ScriptOutputType.INTEGER, new String[] {stateKey(host)}));
    }

    @Override
    public void failed(String host) {
        local.failed(host);
        send(() -> redis.eval(FAILED, ScriptOutputType.INTEGER, new String[] {stateKey(host)}, backoffStartMillis,
                backoffCapMillis, idleMillis));
    }

    /** Sent without waiting (the order on the one connection keeps it before the next admission). */
    private void send(Supplier<CompletionStage<?>> write) {
        if (!outage.resting()) {
            watch(write.get());
        }
    }

    private void watch(CompletionStage<?> write) {
        write.whenComplete((ok, failed) -> {
            if (failed != null) {
                outage.failed(failed);
            }
        });
    }

    /** The braces keep a host's two keys in one slot of a Redis Cluster, as its scripts need. */
    private static String stateKey(String host) {
        return "sluice:host:{" + host + "}";
    }

    private static String slotsKey(String host) {
        return "sluice:host:{" + host + "}:slots";
    }

    private static byte[] arg(long n) {
        return Long.toString(n).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] token() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b).getBytes(StandardCharsets.US_ASCII);
    }

    private static String script(String name) {
        try (InputStream in = RedisHostPoliteness.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final class SlotPermit implements Permit {
        private final String key;
        private final byte[] token;
        private final AtomicBoolean released = new AtomicBoolean();

        SlotPermit(String key, byte[] token) {
            this.key = key;
            this.token = token;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                watch(redis.eval(RELEASE, ScriptOutputType.INTEGER, new String[] {key}, token));
            }
        }
    }
}
