package dev.sluice.block.manipulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.feed.FeedDates;
import dev.sluice.testing.BenchServer;
import dev.sluice.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden pipes: Date Filter, Delay and Filter Language in Pipes CE's JSON format, on a feed served
 * on loopback whose items are dated relative to the server's clock.
 */
class NewManipulateBlocksPipeTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static BenchServer upstream;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.standard();
        upstream = new BenchServer();
        Instant now = server.clock.instant();
        upstream.serve("mixed.xml", ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Mixed</title>"
                + "<link>http://127.0.0.1/</link><description>d</description>"
                + item("en-1h", now.minus(Duration.ofHours(1)),
                        "The council approved the new budget after a long debate about schools and roads in the city.")
                + item("de-5h", now.minus(Duration.ofHours(5)),
                        "Der Stadtrat hat nach einer langen Debatte über Schulen und Straßen den neuen Haushalt beschlossen.")
                + item("en-3d", now.minus(Duration.ofDays(3)),
                        "Volunteers cleaned the river banks on Saturday and collected more than two tons of rubbish.")
                + "<item><title>undated</title><guid isPermaLink=\"false\">undated</guid>"
                + "<description>An item without any date at all, written in plain English for the test.</description></item>"
                + "</channel></rss>").getBytes(StandardCharsets.UTF_8));
    }

    private static String item(String guid, Instant published, String text) {
        return "<item><title>" + guid + "</title><guid isPermaLink=\"false\">" + guid + "</guid><pubDate>"
                + FeedDates.rfc822(published) + "</pubDate><description>" + text + "</description></item>";
    }

    @AfterAll
    static void stop() {
        server.close();
        upstream.close();
    }

    /** Output ← the block under test ← Feed(mixed.xml), as Pipes CE's editor saves it. */
    private static JsonNode run(String type, String userinputs) throws Exception {
        String pipe = "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"x\":900,\"y\":300,\"name\":\"Output\","
                + "\"userinputs\":[\"\"],\"inputs\":[{\"from\":\"2b2b2b2b2b\",\"from_output_slot\":0}],\"textinputs\":[]},"
                + "{\"id\":\"2b2b2b2b2b\",\"type\":\"" + type + "\",\"x\":500,\"y\":300,\"name\":\"Under test\","
                + "\"userinputs\":" + userinputs + ",\"inputs\":[{\"from\":\"1a1a1a1a1a\",\"from_output_slot\":0}],\"textinputs\":[{}]},"
                + "{\"id\":\"1a1a1a1a1a\",\"type\":\"FeedBlock\",\"x\":100,\"y\":300,\"name\":\"Feed\","
                + "\"userinputs\":[" + JSON.writeValueAsString(upstream.fastUrl(6, "mixed.xml")) + "],\"inputs\":[],\"textinputs\":[{}]}]}";
        return JSON.readTree(server.send("POST", "/api/run", server.token("golden@example.org"), "{\"pipe\":" + pipe + "}").body());
    }

    private static List<String> guids(JsonNode r) {
        List<String> out = new ArrayList<>();
        r.get("items").forEach(i -> out.add(i.get("guid").asText()));
        return out;
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @CsvSource(delimiter = '|', value = {
            "DateFilterBlock | [\"published\",\"within\",\"-1 day\"]      | en-1h de-5h",
            "DateFilterBlock | [\"published\",\"before\",\"-2 hours\"]    | de-5h en-3d",
            "DateFilterBlock | [\"published\",\"after\",\"1 week ago\"]   | en-1h de-5h en-3d",
            "DelayBlock      | [4]                                        | de-5h en-3d",
            "DelayBlock      | [\"48\"]                                   | en-3d",
            "FilterlangBlock | [\"en\",false,\"all\"]                     | en-1h en-3d undated",
            "FilterlangBlock | [\"english\",true,\"description\"]         | de-5h",
    })
    void goldenPipe(String type, String userinputs, String expected) throws Exception {
        JsonNode r = run(type, userinputs);
        assertThat(r.get("errors")).isEmpty();
        assertThat(String.join(" ", guids(r))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @CsvSource(delimiter = '|', value = {
            "DateFilterBlock | [\"published\",\"within\",\"last tuesday\"] | Cannot read \"last tuesday\" as a date",
            "DelayBlock      | [\"-1\"]                                    | Hours must be 0 or more",
            "FilterlangBlock | [\"elvish\",false,\"all\"]                  | Unknown language \"elvish\"",
    })
    void badOptionsNameTheBlockAndTheProblem(String type, String userinputs, String message) throws Exception {
        JsonNode r = run(type, userinputs);
        assertThat(r.get("items")).isEmpty();
        assertThat(r.get("errors").get(0).get("name").asText()).isEqualTo("Under test");
        assertThat(r.get("errors").get(0).get("message").asText()).contains(message);
    }
}
