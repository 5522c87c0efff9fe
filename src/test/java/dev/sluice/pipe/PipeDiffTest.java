package dev.sluice.pipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The change summaries of a pipe's history: one row per kind of change. */
class PipeDiffTest {
    static final String OUT = "{\"id\":\"output\",\"type\":\"OutputBlock\",\"x\":500,\"y\":100,\"userinputs\":[\"\"],"
            + "\"inputs\":[{\"from\":\"f1\",\"from_output_slot\":0}],\"textinputs\":[]}";
    static final String OUT_FROM_FILTER = OUT.replace("\"from\":\"f1\"", "\"from\":\"x1\"");
    static final String FEED = "{\"id\":\"f1\",\"type\":\"FeedBlock\",\"x\":10,\"y\":100,\"name\":\"News\","
            + "\"userinputs\":[\"https://a.example/feed\"],\"inputs\":[],\"textinputs\":[{}]}";
    static final String FILTER = "{\"id\":\"x1\",\"type\":\"FilterBlock\",\"x\":250,\"y\":100,\"name\":\"Filter\","
            + "\"userinputs\":[\"rust\",false,\"title\"],\"inputs\":[{\"from\":\"f1\",\"from_output_slot\":0}],\"textinputs\":[{},{},{}]}";

    static String pipe(String... blocks) {
        return "{\"blocks\":[" + String.join(",", blocks) + "]}";
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("nothing", "T", pipe(OUT, FEED), "T", pipe(OUT, FEED), List.of()),
                Arguments.of("a block moved", "T", pipe(OUT, FEED), "T", pipe(OUT, FEED.replace("\"x\":10", "\"x\":99")), List.of()),
                Arguments.of("title", "Old", pipe(OUT, FEED), "New", pipe(OUT, FEED), List.of("Title changed from \"Old\" to \"New\"")),
                Arguments.of("block added", "T", pipe(OUT, FEED), "T", pipe(OUT_FROM_FILTER, FEED, FILTER),
                        List.of("Added \"Filter\" (FilterBlock)",
                                "Changed the connections of block OutputBlock")),
                Arguments.of("block removed", "T", pipe(OUT_FROM_FILTER, FEED, FILTER), "T", pipe(OUT, FEED),
                        List.of("Removed \"Filter\" (FilterBlock)", "Changed the connections of block OutputBlock")),
                Arguments.of("option changed", "T", pipe(OUT, FEED), "T", pipe(OUT, FEED.replace("a.example", "b.example")),
                        List.of("Changed the options of \"News\" (FeedBlock)")),
                Arguments.of("renamed", "T", pipe(OUT, FEED), "T", pipe(OUT, FEED.replace("\"News\"", "\"World\"")),
                        List.of("Renamed \"News\" (FeedBlock) to \"World\"")),
                Arguments.of("unreadable old version", "T", "{not json", "T", pipe(OUT, FEED),
                        List.of("The changes cannot be listed: Pipe is not valid JSON")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void summarisesWhatChanged(String name, String titleBefore, String before, String titleAfter, String after, List<String> expected) {
        List<String> changes = PipeDiff.between(titleBefore, before, titleAfter, after);
        if (name.startsWith("unreadable")) {
            assertThat(changes).singleElement().asString().startsWith(expected.get(0));
        } else {
            assertThat(changes).containsExactlyElementsOf(expected);
        }
    }
}
