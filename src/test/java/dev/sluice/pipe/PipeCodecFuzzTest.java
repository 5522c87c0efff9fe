package dev.sluice.pipe;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.sluice.block.Blocks;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzing the pipe JSON codec and validator: whatever the bytes, parsing and
 * validating either succeed or fail with {@link PipeFormatException} — a message for the user —
 * never another exception, a hang or a crash. Every test run replays the corpus in
 * {@code src/test/resources/dev/sluice/pipe/PipeCodecFuzzTestInputs}; {@code scripts/fuzz.sh}
 * fuzzes for new inputs.
 */
@Tag("security")
class PipeCodecFuzzTest {
    private static final PipeValidator VALIDATOR = new PipeValidator(Blocks.registry());

    @FuzzTest(maxDuration = "30s")
    void parsesAndValidatesOrSaysWhy(@NotNull String json) {
        try {
            PipeDoc doc = PipeCodec.parse(json);
            VALIDATOR.validate(doc, null, PipeReferences.NONE);
            PipeCodec.write(doc); // whatever was accepted can be written back
        } catch (PipeFormatException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                throw new AssertionError("a refusal without a message", expected);
            }
        }
    }
}
