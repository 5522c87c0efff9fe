package dev.sluice.output;

import dev.sluice.model.LastOutput;
import dev.sluice.store.LastOutputRepository;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The last complete outputs, written to the database behind the request that produced them: a
 * large output is megabytes of JSON, and writing it held the first answer of a cold pipe for
 * tens of milliseconds. Until it is written, an output is found here, so a run that fails next
 * still falls back to it. The queue is short and, when it is full, the caller writes itself: a
 * burst of runs slows down rather than piling outputs up in memory. {@link #close()} writes what
 * is queued before the database closes.
 */
final class WriteBehindLastOutputs implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WriteBehindLastOutputs.class);
    private static final int QUEUED = 16;

    private record Key(String pipeId, String paramsKey) {
    }

    private final LastOutputRepository repository;
    private final ConcurrentHashMap<Key, LastOutput> pending = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUED), Thread.ofPlatform().name("last-output-writer").daemon().factory(),
            (task, executor) -> task.run());

    WriteBehindLastOutputs(LastOutputRepository repository) {
        this.repository = repository;
    }

    Optional<LastOutput> find(String pipeId, String paramsKey) {
        LastOutput queued = pending.get(new Key(pipeId, paramsKey));
        return queued != null ? Optional.of(queued) : repository.find(pipeId, paramsKey);
    }

    void save(LastOutput output) {
        Key key = new Key(output.pipeId(), output.paramsKey());
        pending.put(key, output);
        writer.execute(() -> {
            try {
                repository.save(output);
            } catch (RuntimeException e) {
                LOG.warn("could not store the last output of pipe {}: {}", output.pipeId(), e.toString());
            } finally {
                pending.remove(key, output);
            }
        });
    }

    /** Writes what is queued (waiting up to 30 s), then stops the writer; later saves write at once. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("{} last outputs were not stored before shutting down", pending.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
