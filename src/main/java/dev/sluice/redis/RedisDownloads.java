package dev.sluice.redis;

import dev.sluice.fetch.FetchFailure;
import dev.sluice.fetch.SharedDownloads;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link SharedDownloads} in Redis. Per URL (by its SHA-256, so keys stay short) three keys in one
 * hash slot: the copy (expiring when its fetching node would drop it: fresh time plus the stale
 * window), a remembered failure (for the error TTL) and the lease ({@code SET NX PX}, released
 * only by its holder's token). Bodies over {@code maxBody} stay on their node: Redis holds feeds,
 * not large files. Writes are sent without waiting; their order on the one connection is what
 * makes a copy visible before its lease ends.
 */
public final class RedisDownloads implements SharedDownloads {

    /** The largest body shared by default; feeds are rarely above a few hundred KB. */
    public static final int MAX_BODY = 1024 * 1024;
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0""";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RedisAsyncCommands<String, byte[]> redis;
    private final int maxBody;
    private final Outage outage;

    public RedisDownloads(Redis redis, int maxBody) {
        this.redis = redis.commands();
        this.maxBody = maxBody;
        this.outage = new Outage("the download cache and the one fetch per URL", redis);
    }

    @Override
    public Look look(String url, Duration leaseFor, long deadlineNanos) {
        if (outage.resting()) {
            return new Look(Lease.LOCAL, null, null);
        }
        Keys keys = Keys.of(url);
        byte[] token = token();
        try {
            RedisFuture<String> lease = redis.set(keys.lease, token, SetArgs.Builder.nx().px(Math.max(1, leaseFor.toMillis())));
            RedisFuture<List<KeyValue<String, byte[]>>> found = redis.mget(keys.copy, keys.failure);
            boolean mine = "OK".equals(Redis.await(lease, deadlineNanos));
            List<KeyValue<String, byte[]>> values = Redis.await(found, deadlineNanos);
            outage.answered();
            return new Look(mine ? new RedisLease(keys.lease, token) : null,
                    DownloadCodec.entry(values.get(0).getValueOrElse(null)),
                    DownloadCodec.failure(values.get(1).getValueOrElse(null)));
        } catch (Redis.OutOfTime e) {
            return new Look(null, null, null); // as good as waiting in vain: the caller's time is up
        } catch (Redis.Unanswered e) {
            outage.failed(e);
            return new Look(Lease.LOCAL, null, null);
        }
    }

    @Override
    public void store(String url, Entry entry, Duration keepFor) {
        if (entry.download().body().length > maxBody || keepFor.toMillis() < 1 || outage.resting()) {
            return;
        }
        Keys keys = Keys.of(url);
        watch(redis.set(keys.copy, DownloadCodec.entry(entry), SetArgs.Builder.px(keepFor.toMillis())));
        watch(redis.del(keys.failure));
    }

    @Override
    public void storeFailure(String url, FetchFailure failure, Duration ttl) {
        if (ttl.toMillis() >= 1 && !outage.resting()) {
            watch(redis.set(Keys.of(url).failure, DownloadCodec.failure(failure), SetArgs.Builder.px(ttl.toMillis())));
        }
    }

    /** Notes a failed write without waiting for it: sharing is best effort, this node goes on. */
    private void watch(CompletionStage<?> write) {
        write.whenComplete((ok, failed) -> {
            if (failed != null) {
                outage.failed(failed);
            }
        });
    }

    private static byte[] token() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b).getBytes(StandardCharsets.US_ASCII);
    }

    private final class RedisLease implements Lease {
        private final String key;
        private final byte[] token;
        private final AtomicBoolean released = new AtomicBoolean();

        RedisLease(String key, byte[] token) {
            this.key = key;
            this.token = token;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                // Only while it is still ours: after it expired another node may hold it.
                watch(redis.eval(RELEASE, ScriptOutputType.INTEGER, new String[] {key}, token));
            }
        }
    }

    /** The keys of one URL; the braces put all three in one slot of a Redis Cluster. */
    private record Keys(String copy, String failure, String lease) {
        static Keys of(String url) {
            String h = sha256(url);
            return new Keys("sluice:download:{" + h + "}:copy", "sluice:download:{" + h + "}:failure",
                    "sluice:download:{" + h + "}:lease");
        }

        private static String sha256(String url) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(url.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }
    }
}
