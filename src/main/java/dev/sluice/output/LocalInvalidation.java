package dev.sluice.output;

/** {@link Invalidation} on a single node: the announcement is this node's own caches forgetting. */
public final class LocalInvalidation implements Invalidation {
    private volatile Caches caches;

    @Override
    public void pipeChanged(String pipeId) {
        caches().forgetPipe(pipeId);
    }

    @Override
    public void contentChanged(String pipeId) {
        caches().forgetOutputs(pipeId);
    }

    @Override
    public void listen(Caches caches) {
        this.caches = caches;
    }

    private Caches caches() {
        Caches c = caches;
        if (c == null) {
            throw new IllegalStateException("Invalidation used before the caches listen to it");
        }
        return c;
    }
}
