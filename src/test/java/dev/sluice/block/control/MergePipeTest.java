package dev.sluice.block.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.testing.BenchServer;
import dev.sluice.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Golden pipe: Merge of two feeds of unequal length, in Pipes CE's JSON format, through /api/run. */
class MergePipeTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static BenchServer upstream;
    static TestServer server;

    @BeforeAll
    static void start() {
        upstream = new BenchServer();
        server = TestServer.standard();
        upstream.serve("titles.xml", rss("Titles", "t", "Headline", 3));
        upstream.serve("photos.xml", rss("Photos", "p", "<b>Photo</b>", 2));
    }

    @AfterAll
    static void stop() {
        server.close();
        upstream.close();
    }

    private static byte[] rss(String title, String guidPrefix, String text, int n) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" + title
                + "</title><link>http://127.0.0.1/</link><description>d</description>");
        for (int i = 1; i <= n; i++) {
            s.append("<item><title>").append(guidPrefix).append(i).append("</title><guid isPermaLink=\"false\">")
                    .append(guidPrefix).append(i).append("</guid><description><![CDATA[").append(text).append(' ').append(i)
                    .append("]]></description></item>");
        }
        return s.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode run(String first, String second, String format) throws Exception {
        String pipe = "{\"blocks\":["
                + "{\"id\":\"output\",\"type\":\"OutputBlock\",\"x\":900,\"y\":300,\"name\":\"Output\",\"userinputs\":[\"\"],"
                + "\"inputs\":[{\"from\":\"3c3c3c3c3c\",\"from_output_slot\":0}],\"textinputs\":[]},"
                + "{\"id\":\"3c3c3c3c3c\",\"type\":\"MergeBlock\",\"x\":600,\"y\":300,\"name\":\"Merge\","
                + "\"userinputs\":[" + JSON.writeValueAsString(format) + "],"
                + "\"inputs\":[{\"from\":\"1a1a1a1a1a\",\"from_output_slot\":0},{\"from\":\"2b2b2b2b2b\",\"from_output_slot\":0}],"
                + "\"textinputs\":[{}]},"
                + feed("1a1a1a1a1a", first) + "," + feed("2b2b2b2b2b", second) + "]}";
        return JSON.readTree(server.send("POST", "/api/run", server.token("merge@example.org"), "{\"pipe\":" + pipe + "}").body());
    }

    private static String feed(String id, String file) throws Exception {
        return "{\"id\":\"" + id + "\",\"type\":\"FeedBlock\",\"x\":100,\"y\":300,\"name\":\"Feed\",\"userinputs\":["
                + JSON.writeValueAsString(upstream.fastUrl(7, file)) + "],\"inputs\":[],\"textinputs\":[{}]}";
    }

    private static List<String> field(JsonNode r, String name) {
        List<String> out = new ArrayList<>();
        r.get("items").forEach(i -> out.add(i.get("guid").asText() + "=" + i.get(name).asText()));
        return out;
    }

    @ParameterizedTest(name = "[{index}] {0} + {1} with \"{2}\"")
    @CsvSource(delimiter = '|', value = {
            "titles.xml | photos.xml | <br>       | t1=Headline 1<br><b>Photo</b> 1;t2=Headline 2<br><b>Photo</b> 2;t3=Headline 3",
            "photos.xml | titles.xml | \\2: \\1   | p1=Headline 1: <b>Photo</b> 1;p2=Headline 2: <b>Photo</b> 2;t3=Headline 3",
    })
    void pairsItemsByIndexAndKeepsTheLongerFeedsRest(String first, String second, String format, String expected)
            throws Exception {
        JsonNode r = run(first, second, format);
        assertThat(r.get("errors")).isEmpty();
        assertThat(String.join(";", field(r, "description"))).isEqualTo(expected);
        assertThat(r.get("channel").get("title").asText()).contains(" & ");
    }
}
