package dev.sluice.engine;

import static dev.sluice.pipe.PipeJsonForTests.block;
import static dev.sluice.pipe.PipeJsonForTests.from;
import static dev.sluice.pipe.PipeJsonForTests.fromAll;
import static dev.sluice.pipe.PipeJsonForTests.output;
import static dev.sluice.pipe.PipeJsonForTests.pipe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.block.Value;
import dev.sluice.feed.Item;
import dev.sluice.fetch.Downloader;
import dev.sluice.fetch.FetchFailure;
import dev.sluice.fetch.FetchOutcome;
import dev.sluice.pipe.PipeCodec;
import dev.sluice.pipe.PipeDoc;
import dev.sluice.pipe.PipeReferences;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EngineTest {
    private static final Downloader NO_NETWORK = (url, budget) ->
            new FetchOutcome.Failed(new FetchFailure.Refused("no network in this test"));

    private final Engine engine = new Engine(TestBlocks.registry(), NO_NETWORK, d -> {
        throw new AssertionError("no parsing in this test");
    }, InstantSource.system());

    private RunResult run(String json, Duration limit, Map<String, String> params) throws Exception {
        PipeDoc doc = PipeCodec.parse(json);
        engine.validator().validate(doc, null, PipeReferences.NONE);
        return engine.run(engine.compile(doc, "output"), new RunRequest(null, params, limit, PipeReferences.NONE));
    }

    private static List<String> titles(RunResult r) {
        return ((Value.Items) r.output()).feed().items().stream().map(Item::title).toList();
    }

    @Test
    void aBlockFeedingSeveralConsumersRunsOnce() throws Exception {
        String json = pipe(output("c"),
                block("g", "GenerateBlock", "[2,\"g\"]", "[]", "[]"),
                block("d", "DuplicateBlock", "[]", from("g"), "[]"),
                block("u1", "UniqueBlock", "[]", from("d"), "[]"),
                block("t2", "TruncateBlock", "[1]", from("d"), "[]"),
                block("c", "CombineBlock", "[]", fromAll("u1", "t2"), "[]"));
        int before = TestBlocks.GENERATED.get();
        RunResult r = run(json, Duration.ofSeconds(5), Map.of());
        assertThat(TestBlocks.GENERATED.get() - before).isEqualTo(1);
        assertThat(titles(r)).containsExactly("g 0", "g 1", "g 0");
        assertThat(r.complete()).isTrue();
    }

    @Test
    void independentBranchesRunConcurrently() throws Exception {
        String[] sleepers = new String[8];
        String[] ids = new String[8];
        for (int i = 0; i < 8; i++) {
            ids[i] = "s" + i;
            sleepers[i] = block(ids[i], "SleepBlock", "[300]", "[]", "[]");
        }
        String json = pipe(output("c"), String.join(",", sleepers), block("c", "CombineBlock", "[]", fromAll(ids), "[]"));
        RunResult r = run(json, Duration.ofSeconds(10), Map.of());
        // Sequentially this takes 2.4 s; concurrently about 0.3 s. The margin keeps slow CI machines green.
        assertThat(r.took()).isLessThan(Duration.ofMillis(1500));
        assertThat(r.complete()).isTrue();
    }

    @Test
    void aSpinningBlockIsStoppedAtTheDeadlineAndReported() throws Exception {
        String json = pipe(output("spin"), block("g", "GenerateBlock", "[3]", "[]", "[]"),
                block("spin", "SpinBlock", "[]", from("g"), "[]"));
        RunResult r = run(json, Duration.ofMillis(500), Map.of());
        assertThat(r.took()).isLessThan(Duration.ofMillis(500 + 250));
        assertThat(r.timedOut()).isTrue();
        assertThat(r.errors()).anySatisfy(e -> {
            assertThat(e.blockId()).isEqualTo("spin");
            assertThat(e.kind()).isEqualTo(RunError.Kind.TIMED_OUT);
        });
    }

    @Test
    void aBlockThatIgnoresTheDeadlineStillCannotHoldTheRun() throws Exception {
        String json = pipe(output("stuck"), block("g", "GenerateBlock", "[3]", "[]", "[]"),
                block("stuck", "StuckBlock", "[1500]", from("g"), "[]"));
        RunResult r = run(json, Duration.ofMillis(400), Map.of());
        assertThat(r.took()).isLessThan(Duration.ofMillis(400 + 250));
        assertThat(r.errors()).anySatisfy(e -> assertThat(e.message()).contains("did not finish within the run limit"));
    }

    @Test
    void aBlockStillBusyAtTheCutOffIsLeftBehindSoItsConsumersCanAnswerInTime() throws Exception {
        // The stuck block ignores the deadline (a huge parse, say): Combine does not wait for it
        // beyond the cut-off, but runs on the fast branch within the reserve.
        String json = pipe(output("c"),
                block("fast", "GenerateBlock", "[2,\"fast\"]", "[]", "[]"),
                block("g", "GenerateBlock", "[2,\"slow\"]", "[]", "[]"),
                block("stuck", "StuckBlock", "[3000]", from("g"), "[]"),
                block("c", "CombineBlock", "[]", "[{\"from\":\"fast\",\"from_output_slot\":0},"
                        + "{\"from\":\"stuck\",\"from_output_slot\":0}]", "[]"));
        RunResult r = run(json, Duration.ofMillis(1000), Map.of());
        assertThat(((Value.Items) r.output()).feed().items()).extracting(i -> i.title()).containsExactly("fast 0", "fast 1");
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.blockId()).isEqualTo("stuck");
            assertThat(e.message()).contains("still running at the run's cut-off");
        });
        assertThat(r.took()).isLessThan(Duration.ofMillis(1000 + 250));
    }

    @Test
    void aSlowBranchTimesOutWhileTheFastBranchIsDelivered() throws Exception {
        String json = pipe(output("c"),
                block("fast", "GenerateBlock", "[2,\"fast\"]", "[]", "[]"),
                block("g", "GenerateBlock", "[2,\"slow\"]", "[]", "[]"),
                block("slow", "SpinBlock", "[]", from("g"), "[]"),
                block("c", "CombineBlock", "[]", fromAll("fast", "slow"), "[]"));
        // A limit with room for the fast branch on a busy 2-core machine, where the spinning block
        // holds one core for the whole run (600 ms failed once under a parallel build).
        RunResult r = run(json, Duration.ofMillis(1500), Map.of());
        assertThat(titles(r)).containsExactly("fast 0", "fast 1");
        assertThat(r.errors()).extracting(RunError::blockId).contains("slow");
        assertThat(r.took()).isLessThan(Duration.ofMillis(1500 + 250));
    }

    @Test
    void failuresBecomeErrorsAndEmptyInputsNotCrashes() throws Exception {
        String json = pipe(output("c"),
                block("ok", "GenerateBlock", "[1,\"ok\"]", "[]", "[]"),
                block("g", "GenerateBlock", "[1]", "[]", "[]"),
                block("bad", "FailBlock", "[]", from("g"), "[]"),
                block("boom", "CrashBlock", "[]", from("g"), "[]"),
                block("c", "CombineBlock", "[]", fromAll("ok", "bad", "boom"), "[]"));
        RunResult r = run(json, Duration.ofSeconds(5), Map.of());
        assertThat(titles(r)).containsExactly("ok 0");
        assertThat(r.complete()).isFalse();
        assertThat(r.errors()).extracting(RunError::describe)
                .contains("Fail (bad): Upstream said no")
                .anySatisfy(d -> assertThat(d).startsWith("Crash (boom): internal error (IllegalStateException)"));
    }

    @Test
    void textInputsTakeTheirValueFromParameters() throws Exception {
        String json = pipe(output("g"),
                block("name", "TextinputBlock", "[\"who\",\"default\"]", "[]", "[]"),
                block("g", "GenerateBlock", "[1,\"x\"]", "[]", "[{},{\"from\":\"name\",\"from_output_slot\":0}]"));
        assertThat(titles(run(json, Duration.ofSeconds(5), Map.of()))).containsExactly("default 0");
        assertThat(titles(run(json, Duration.ofSeconds(5), Map.of("who", "param")))).containsExactly("param 0");
    }

    @Test
    void traceRecordsItemsAndFilterDrops() throws Exception {
        String json = pipe(output("f"),
                block("g", "GenerateBlock", "[4,\"n\"]", "[]", "[]"),
                block("f", "FilterBlock", "[\"/[02]$/\",false,\"title\"]", from("g"), "[{}]"));
        RunResult r = run(json, Duration.ofSeconds(5), Map.of());
        assertThat(titles(r)).containsExactly("n 0", "n 2");
        BlockTrace filter = r.trace().stream().filter(t -> t.blockId().equals("f")).findFirst().orElseThrow();
        assertThat(filter.itemsIn()).isEqualTo(4);
        assertThat(filter.itemsOut()).isEqualTo(2);
        assertThat(filter.drops()).extracting(BlockTrace.Drop::guid).containsExactly("n-1", "n-3");
        assertThat(filter.drops().get(0).rule()).isNotBlank();
    }

    @Test
    void subPipesRunInsideTheOuterDeadlineAndCyclesAreCaughtAtRunTime() throws Exception {
        String inner = pipe(output("g"), block("g", "GenerateBlock", "[2,\"inner\"]", "[]", "[]"));
        String loopA = pipe(output("p"), block("p", "PipeBlock", "[\"loopB\"]", "[]", "[]"));
        String loopB = pipe(output("p"), block("p", "PipeBlock", "[\"loopA\"]", "[]", "[]"));
        Map<String, String> stored = Map.of("inner", inner, "loopA", loopA, "loopB", loopB);
        PipeReferences refs = id -> Optional.ofNullable(stored.get(id)).map(j -> {
            try {
                return PipeCodec.parse(j);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        String outer = pipe(output("c"), block("p1", "PipeBlock", "[\"inner\"]", "[]", "[]"),
                block("p2", "PipeBlock", "[\"loopA\"]", "[]", "[]"),
                block("c", "CombineBlock", "[]", fromAll("p1", "p2"), "[]"));
        // Validation would refuse loopA; the run-time guard is what stops a pipe changed after saving.
        PipeDoc doc = PipeCodec.parse(outer);
        RunResult r = engine.run(engine.compile(doc, "output"), new RunRequest("outer", Map.of(), Duration.ofSeconds(5), refs));
        assertThat(titles(r)).containsExactly("inner 0", "inner 1");
        assertThat(r.errors()).anySatisfy(e -> {
            assertThat(e.blockId()).isEqualTo("p2");
            assertThat(e.message()).contains("cycle");
        });
    }

    @Test
    void inspectingABlockRunsOnlyWhatItNeeds() throws Exception {
        String json = pipe(output("f"),
                block("g", "GenerateBlock", "[3,\"n\"]", "[]", "[]"),
                block("f", "FailBlock", "[]", from("g"), "[]"));
        PipeDoc doc = PipeCodec.parse(json);
        RunResult r = engine.run(engine.compile(doc, "g"), new RunRequest(null, Map.of(), Duration.ofSeconds(5), PipeReferences.NONE));
        assertThat(titles(r)).hasSize(3);
        assertThat(r.errors()).isEmpty();
    }
}
