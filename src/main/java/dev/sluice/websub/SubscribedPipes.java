package dev.sluice.websub;

import dev.sluice.store.WebSubSubscriptions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which pipes have subscribers, in memory: asked after every run of every pipe, so a pipe nobody
 * subscribed to costs one hash lookup and no database read. Filled from the database at start,
 * added to when a subscription is verified, read again whenever subscriptions go.
 */
final class SubscribedPipes {
    private final WebSubSubscriptions subscriptions;
    private volatile Set<String> pipes;

    SubscribedPipes(WebSubSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
        reload();
    }

    boolean has(String pipeId) {
        return pipes.contains(pipeId);
    }

    /** Synchronized with {@link #reload()}, so an addition cannot be lost to a reload that began before it. */
    synchronized void add(String pipeId) {
        pipes.add(pipeId);
    }

    /** After subscriptions were removed: the set as the database has it. */
    synchronized void reload() {
        Set<String> fresh = ConcurrentHashMap.newKeySet();
        fresh.addAll(subscriptions.pipes());
        pipes = fresh;
    }
}
