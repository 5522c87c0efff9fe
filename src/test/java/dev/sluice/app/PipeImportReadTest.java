package dev.sluice.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How {@link PipeImport#read} splits each kind of file it is given into pipes and unreadable parts. */
class PipeImportReadTest {
    static final String PIPE = "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"userinputs\":[\"\"],\"inputs\":[{}],\"textinputs\":[]}]}";
    static final String ENTRY = "{\"title\":\"T\",\"description\":\"D\",\"tags\":[\"a\",\"b\"],\"public\":true,\"pipe\":" + PIPE + "}";

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("Pipes CE export: one pipe per line", PIPE + "\n" + PIPE + "\n", List.of("line 1", "line 2"), List.of()),
                Arguments.of("Pipes CE export with CRLF and blank lines", PIPE + "\r\n\r\n" + PIPE + "\r\n", List.of("line 1", "line 3"), List.of()),
                Arguments.of("Sluice export", "{\"format\":\"sluice-export\",\"version\":1,\"pipes\":[" + ENTRY + "," + ENTRY + "]}",
                        List.of("entry 1", "entry 2"), List.of()),
                Arguments.of("array of entries", "[" + ENTRY + "]", List.of("entry 1"), List.of()),
                Arguments.of("one pretty-printed pipe", PIPE.replace(",", ",\n  "), List.of("file"), List.of()),
                Arguments.of("a bad line among good ones", PIPE + "\n{broken\n[1,2]\n", List.of("line 1"), List.of("line 2", "line 3")),
                Arguments.of("not JSON at all", "hello\nworld", List.of(), List.of("line 1", "line 2")),
                Arguments.of("empty", "", List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void readsEachKindOfFile(String kind, String text, List<String> pipes, List<String> unreadable) {
        PipeImport.Parsed parsed = PipeImport.read(text);
        assertThat(parsed.entries()).extracting(PipeImport.Entry::where).containsExactlyElementsOf(pipes);
        assertThat(parsed.unreadable()).extracting(PipeImport.Outcome.Refused::where).containsExactlyElementsOf(unreadable);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void keepsAnExportEntrysDetails(String kind, String text, List<String> pipes, List<String> unreadable) {
        for (PipeImport.Entry e : PipeImport.read(text).entries()) {
            if (text.contains("\"title\":\"T\"")) {
                assertThat(e.title()).isEqualTo("T");
                assertThat(e.description()).isEqualTo("D");
                assertThat(e.tags()).containsExactly("a", "b");
                assertThat(e.isPublic()).isTrue();
            } else {
                assertThat(e.title()).isEmpty();
                assertThat(e.isPublic()).as("a bare pipe stays private").isFalse();
            }
            assertThat(e.json()).contains("OutputBlock");
        }
    }
}
