package dev.sluice.pipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PipeCodecTest {
    @ParameterizedTest
    @ValueSource(strings = {"P1", "P1atom", "P2", "P3", "PE", "PEfast"})
    void benchPipesRoundTripToEquivalentJson(String name) throws Exception {
        String json = Files.readString(Path.of("src/test/resources/bench/pipes", name + ".json"));
        PipeDoc doc = PipeCodec.parse(json);
        ObjectMapper m = new ObjectMapper();
        assertThat(m.readTree(PipeCodec.write(doc))).isEqualTo(m.readTree(json));
        assertThat(doc.root()).isPresent();
    }

    @Test
    void unknownKeysSurviveARoundTrip() throws Exception {
        String json = "{\"version\":3,\"editor\":{\"zoom\":1.5},\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\","
                + "\"x\":1.5,\"y\":2,\"name\":\"Output\",\"userinputs\":[\"\"],\"inputs\":[{}],\"textinputs\":[],\"color\":\"red\"}]}";
        String written = PipeCodec.write(PipeCodec.parse(json));
        ObjectMapper m = new ObjectMapper();
        assertThat(m.readTree(written)).isEqualTo(m.readTree(json));
    }

    @Test
    void legacySingleUserinputBecomesTheFirstOption() throws Exception {
        PipeDoc doc = PipeCodec.parse("{\"blocks\":[{\"id\":\"f\",\"type\":\"FeedBlock\",\"userinput\":\"http://a/feed\","
                + "\"inputs\":[],\"textinputs\":[{}]}]}");
        assertThat(doc.blocks().get(0).userinputs().get(0).asText()).isEqualTo("http://a/feed");
    }

    @Test
    void slotsWrittenAsStringsAreRead() throws Exception {
        PipeDoc doc = PipeCodec.parse("{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\","
                + "\"inputs\":[{\"from\":\"a\",\"from_output_slot\":\"1\"}]}]}");
        assertThat(doc.blocks().get(0).inputs().get(0)).isEqualTo(new Link("a", 1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not json|{\"blocks\":[|not valid JSON",
            "array|[1,2]|must be an object",
            "no blocks|{\"pipes\":[]}|no \"blocks\" list",
            "block not object|{\"blocks\":[42]}|Block #1 is not an object",
            "block without id|{\"blocks\":[{\"type\":\"FeedBlock\"}]}|Block #1 has no id",
            "userinputs not a list|{\"blocks\":[{\"id\":\"a\",\"type\":\"FeedBlock\",\"userinputs\":\"x\"}]}|\"userinputs\" must be a list",
    })
    void malformedJsonGetsAClearMessage(String name, String json, String message) {
        PipeFormatException e = catchThrowableOfType(() -> PipeCodec.parse(json), PipeFormatException.class);
        assertThat(e.getMessage()).contains(message);
    }

    @Test
    void pipesOverOneMebibyteAreRefusedBeforeParsing() {
        String huge = "{\"blocks\":[],\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        PipeFormatException e = catchThrowableOfType(() -> PipeCodec.parse(huge), PipeFormatException.class);
        assertThat(e.getMessage()).contains("2.0 MiB").contains("limit is 1 MiB");
    }

    @Test
    void moreThan300BlocksAreRefused() {
        StringBuilder sb = new StringBuilder("{\"blocks\":[");
        for (int i = 0; i < 301; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"id\":\"b").append(i).append("\",\"type\":\"UniqueBlock\"}");
        }
        PipeFormatException e = catchThrowableOfType(() -> PipeCodec.parse(sb + "]}"), PipeFormatException.class);
        assertThat(e.getMessage()).contains("301 blocks").contains("limit is 300");
    }

    @Test
    void deeplyNestedJsonIsRefusedNotAStackOverflow() {
        String deep = "{\"blocks\":[],\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        PipeFormatException e = catchThrowableOfType(() -> PipeCodec.parse(deep), PipeFormatException.class);
        assertThat(e.getMessage()).contains("not valid JSON");
    }
}
