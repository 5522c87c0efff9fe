package dev.sluice.block;

import dev.sluice.feed.Feed;
import dev.sluice.feed.Item;
import dev.sluice.fetch.Download;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link RunContext} for block tests: a real {@link Deadline}, a fixed clock, and a record of
 * what the block reported (dropped items with their rules, warnings). Blocks that fetch or run
 * other pipes need the engine's context; here those throw. Webhook events can be given per hook.
 */
public final class TestContext implements RunContext {
    /** The benchmark's reference time, so dates in fixtures read naturally. */
    public static final Instant NOW = Instant.parse("2024-06-30T12:00:00Z");

    /** One {@link RunContext#dropped} report. */
    public record Drop(Item item, String rule) {
    }

    private final Deadline deadline;
    private final List<Drop> drops = Collections.synchronizedList(new ArrayList<>());
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<HookEvent>> hookEvents = new ConcurrentHashMap<>();

    public TestContext() {
        this(Deadline.in(Duration.ofMinutes(1)));
    }

    public TestContext(Deadline deadline) {
        this.deadline = deadline;
    }

    /** A context whose deadline has already passed: every check throws. */
    public static TestContext expired() {
        return new TestContext(Deadline.in(Duration.ZERO));
    }

    public List<Drop> drops() {
        return List.copyOf(drops);
    }

    public List<String> droppedGuids() {
        return drops().stream().map(d -> d.item().guid()).toList();
    }

    public List<String> rules() {
        return drops().stream().map(Drop::rule).toList();
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** This context, with {@code events} (newest first) as what hook {@code hookId} received. */
    public TestContext withHookEvents(String hookId, List<HookEvent> events) {
        hookEvents.put(hookId, List.copyOf(events));
        return this;
    }

    @Override
    public Deadline deadline() {
        return deadline;
    }

    @Override
    public InstantSource clock() {
        return InstantSource.fixed(NOW);
    }

    @Override
    public Download fetch(String url) {
        throw new UnsupportedOperationException("TestContext does not fetch: " + url);
    }

    @Override
    public Feed parseFeed(Download download) {
        throw new UnsupportedOperationException("TestContext does not parse feeds");
    }

    @Override
    public Optional<String> param(String name) {
        return Optional.empty();
    }

    @Override
    public Value runPipe(String pipeId) {
        throw new UnsupportedOperationException("TestContext does not run pipes: " + pipeId);
    }

    @Override
    public List<HookEvent> hookEvents(String hookId, int limit) {
        List<HookEvent> events = hookEvents.get(hookId);
        if (events == null) {
            return RunContext.super.hookEvents(hookId, limit);
        }
        return events.subList(0, Math.min(limit, events.size()));
    }

    @Override
    public void dropped(Item item, String rule) {
        drops.add(new Drop(item, rule));
    }

    @Override
    public void warn(String message) {
        warnings.add(message);
    }
}
