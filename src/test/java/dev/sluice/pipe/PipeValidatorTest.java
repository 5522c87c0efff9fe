package dev.sluice.pipe;

import static dev.sluice.pipe.PipeJsonForTests.block;
import static dev.sluice.pipe.PipeJsonForTests.feed;
import static dev.sluice.pipe.PipeJsonForTests.from;
import static dev.sluice.pipe.PipeJsonForTests.output;
import static dev.sluice.pipe.PipeJsonForTests.pipe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sluice.block.Blocks;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PipeValidatorTest {
    private final PipeValidator validator = new PipeValidator(Blocks.registry());

    static Stream<Arguments> invalidPipes() {
        String filter = block("f1", "FilterBlock", "[\"x\",false,\"title\"]", from("feed1"), "[{}]");
        return Stream.of(
                Arguments.of("unknown type", pipe(output("x1"), block("x1", "WarpDriveBlock", "[]", "[]", "[]")),
                        "x1", "unknown block type \"WarpDriveBlock\""),
                Arguments.of("no root", pipe(feed("feed1", "http://a/")), null, "no Output block"),
                Arguments.of("missing block", pipe(output("ghost")), "output", "refers to a missing block \"ghost\""),
                Arguments.of("cycle", pipe(output("a"),
                        block("a", "FilterBlock", "[\"\",false,\"title\"]", from("b"), "[{}]"),
                        block("b", "FilterBlock", "[\"\",false,\"title\"]", from("a"), "[{}]")), "a", "cycle"),
                Arguments.of("self loop", pipe(output("a"),
                        block("a", "UniqueBlock", "[]", from("a"), "[]")), "a", "cycle"),
                Arguments.of("flag of wrong type", pipe(output("f1"), feed("feed1", "http://a/"),
                        block("f1", "FilterBlock", "[\"x\",\"sometimes\",\"title\"]", from("feed1"), "[{}]")),
                        "f1", "must be true or false"),
                Arguments.of("option is an object", pipe(output("feed1"),
                        block("feed1", "FeedBlock", "[{\"url\":1}]", "[]", "[{}]")), "feed1", "must be a single value"),
                Arguments.of("count not a number", pipe(output("t"), feed("feed1", "http://a/"),
                        block("t", "TruncateBlock", "[\"ten\"]", from("feed1"), "[]")), "t", "must be a number"),
                Arguments.of("duplicate id", pipe(output("feed1"), feed("feed1", "http://a/"), feed("feed1", "http://b/")),
                        "feed1", "used by more than one block"),
                Arguments.of("text into a feed input", pipe(output("f1"),
                        block("t1", "TextinputBlock", "[\"q\",\"x\"]", "[]", "[]"),
                        block("f1", "FilterBlock", "[\"x\",false,\"title\"]", from("t1"), "[{}]")),
                        "f1", "expects a feed but block"),
                Arguments.of("feed into a text connector", pipe(output("f1"), feed("feed1", "http://a/"),
                        block("f1", "FilterBlock", "[\"x\",false,\"title\"]", from("feed1"), from("feed1"))),
                        "f1", "text input 1 expects text"),
                Arguments.of("pipe block to nothing", pipe(output("p"),
                        block("p", "PipeBlock", "[\"nope12345678\"]", "[]", "[]")), "p", "does not exist or is not readable"),
                Arguments.of("unique compared by an unknown field", pipe(output("u"), feed("feed1", "http://a/"),
                        block("u", "UniqueBlock", "[\"author\",\"first\",\"\"]", from("feed1"), "[]")),
                        "u", "option 1 (Compare by) must be one of guid, link, title, got \"author\""),
                Arguments.of("unique keeping an unknown duplicate", pipe(output("u"), feed("feed1", "http://a/"),
                        block("u", "UniqueBlock", "[\"link\",\"oldest\"]", from("feed1"), "[]")),
                        "u", "option 2 (Keep) must be one of first, newest, longest"),
                Arguments.of("url cleanup flag of wrong type", pipe(output("c"), feed("feed1", "http://a/"),
                        block("c", "UrlCleanupBlock", "[\"yes please\"]", from("feed1"), "[]")),
                        "c", "must be true or false"),
                Arguments.of("unique as Pipes CE saved it", pipe(output("u"), feed("feed1", "http://a/"),
                        block("u", "UniqueBlock", "[\"\"]", from("feed1"), "[]")), null, null),
                Arguments.of("unique with every option", pipe(output("u"), feed("feed1", "http://a/"),
                        block("u", "UniqueBlock", "[\"title\",\"longest\",\"sessionid, cmp_*\"]", from("feed1"), "[]")),
                        null, null),
                Arguments.of("filter fine", pipe(output("f1"), feed("feed1", "http://a/"), filter), null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPipes")
    void reportsTheProblemNamingTheBlock(String name, String json, String block, String message) throws Exception {
        PipeDoc doc = PipeCodec.parse(json);
        if (message == null) {
            assertThatCode(() -> validator.validate(doc, null, PipeReferences.NONE)).doesNotThrowAnyException();
            return;
        }
        PipeFormatException e = catchThrowableOfType(() -> validator.validate(doc, null, PipeReferences.NONE),
                PipeFormatException.class);
        assertThat(e).as(name).isNotNull();
        assertThat(e.getMessage()).contains(message);
        assertThat(e.firstBlockId()).isEqualTo(block);
    }

    @Test
    void unreachableBlocksAreKeptButNeedNotBeValidInputs() throws Exception {
        // A dangling Feed not connected to the output is fine (the editor keeps work in progress).
        PipeDoc doc = PipeCodec.parse(pipe(output("feed1"), feed("feed1", "http://a/"), feed("spare", "")));
        assertThatCode(() -> validator.validate(doc, null, PipeReferences.NONE)).doesNotThrowAnyException();
    }

    @Test
    void cycleAcrossPipesIsRefused() throws Exception {
        String a = pipe(output("p"), block("p", "PipeBlock", "[\"pipeB\"]", "[]", "[]"));
        String b = pipe(output("p"), block("p", "PipeBlock", "[\"pipeA\"]", "[]", "[]"));
        Map<String, String> stored = Map.of("pipeA", a, "pipeB", b);
        PipeReferences refs = id -> Optional.ofNullable(stored.get(id)).map(PipeValidatorTest::parse);
        PipeFormatException e = catchThrowableOfType(() -> validator.validate(PipeCodec.parse(a), "pipeA", refs),
                PipeFormatException.class);
        assertThat(e.getMessage()).contains("includes itself");
    }

    @Test
    void diamondOfSubPipesIsNotACycle() throws Exception {
        String leaf = pipe(output("feed1"), feed("feed1", "http://a/"));
        String top = pipe(output("c"), block("p1", "PipeBlock", "[\"leaf\"]", "[]", "[]"),
                block("p2", "PipeBlock", "[\"leaf\"]", "[]", "[]"),
                block("c", "CombineBlock", "[]", "[{\"from\":\"p1\",\"from_output_slot\":0},{\"from\":\"p2\",\"from_output_slot\":0}]", "[]"));
        PipeReferences refs = id -> id.equals("leaf") ? Optional.of(parse(leaf)) : Optional.empty();
        assertThatCode(() -> validator.validate(PipeCodec.parse(top), "top", refs)).doesNotThrowAnyException();
    }

    @Test
    void deepChainOfBlocksDoesNotOverflow() throws Exception {
        StringBuilder blocks = new StringBuilder(feed("b0", "http://a/"));
        for (int i = 1; i < 299; i++) {
            blocks.append(",").append(block("b" + i, "UniqueBlock", "[]", from("b" + (i - 1)), "[]"));
        }
        PipeDoc doc = PipeCodec.parse("{\"blocks\":[" + output("b298") + "," + blocks + "]}");
        assertThatCode(() -> validator.validate(doc, null, PipeReferences.NONE)).doesNotThrowAnyException();
    }

    private static PipeDoc parse(String json) {
        try {
            return PipeCodec.parse(json);
        } catch (PipeFormatException e) {
            throw new AssertionError(e);
        }
    }
}
