package dev.sluice.engine;

import dev.sluice.block.BlockError;
import dev.sluice.block.BlockRegistry;
import dev.sluice.block.BlockType;
import dev.sluice.block.Blocks;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.Value;
import dev.sluice.feed.Channel;
import dev.sluice.feed.Feed;
import dev.sluice.feed.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Blocks that exist only to test the engine: they count, sleep, spin, fail and crash on purpose. */
final class TestBlocks {
    static final AtomicInteger GENERATED = new AtomicInteger();

    /** Makes N items "name-i" (option 0 = N, option 1 = name); counts its invocations. */
    static final BlockType GENERATE = type("GenerateBlock", 0, (call, ctx) -> {
        GENERATED.incrementAndGet();
        int n = call.options().integer(0, 3);
        String name = call.options().text(1, "item");
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(Item.builder().guid(name + "-" + i).title(name + " " + i).link("https://example.org/" + name + "/" + i).build());
        }
        return new Value.Items(new Feed(new Channel(name, "", "", null, null), items));
    });

    /** Sleeps option 0 milliseconds (interruptibly), then passes its input through. */
    static final BlockType SLEEP = type("SleepBlock", 1, (call, ctx) -> {
        try {
            Thread.sleep(call.options().integer(0, 100));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ctx.deadline().check();
        }
        return new Value.Items(call.feed(0));
    });

    /** Busy-loops forever, checking the deadline like a well-behaved item loop. */
    static final BlockType SPIN = type("SpinBlock", 1, (call, ctx) -> {
        long x = 0;
        while (true) {
            ctx.deadline().check();
            x += System.nanoTime() & 1;
            if (x < 0) {
                return new Value.Items(call.feed(0));
            }
        }
    });

    /** Busy-loops for option 0 ms ignoring deadline and interrupts: a badly behaved library call. */
    static final BlockType STUCK = type("StuckBlock", 1, (call, ctx) -> {
        long until = System.nanoTime() + call.options().integer(0, 1000) * 1_000_000L;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        return new Value.Items(call.feed(0));
    });

    static final BlockType FAIL = type("FailBlock", 1, (call, ctx) -> {
        throw new BlockError("Upstream said no");
    });

    static final BlockType CRASH = type("CrashBlock", 1, (call, ctx) -> {
        throw new IllegalStateException("boom");
    });

    static BlockRegistry registry() {
        List<BlockType> all = new ArrayList<>(Blocks.registry().all());
        all.addAll(List.of(GENERATE, SLEEP, SPIN, STUCK, FAIL, CRASH));
        return new BlockRegistry(all);
    }

    private static BlockType type(String name, int inputs, dev.sluice.block.Block block) {
        return new BlockType(name, name.replace("Block", ""), "Test", "test block",
                List.of(OptionSpec.text("a", ""), OptionSpec.text("b", "")), inputs, Value.Kind.FEED, block);
    }

    private TestBlocks() {
    }
}
