package dev.sluice.block.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.model.StoredPipe;
import dev.sluice.testing.BenchServer;
import dev.sluice.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Build Feed in whole pipes: downloaded text split into lines, a feed as the content column, and
 * the first-seen dates a feed reader sees staying put from one poll to the next.
 */
class BuildFeedPipeTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static BenchServer upstream;
    static TestServer server;

    @BeforeAll
    static void start() {
        upstream = new BenchServer();
        // Outputs are recomputed on every poll, so each GET below is a real run.
        server = new TestServer(Map.of("SLUICE_OUTPUT_FRESH_SECONDS", "0"));
        upstream.serve("titles.txt", bytes("Alpha\nBeta\n"));
        upstream.serve("contents.txt", bytes("first body\nsecond body\n"));
    }

    @AfterAll
    static void stop() {
        server.close();
        upstream.close();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Output ← Build Feed(title ← Download titles, content ← Download/Feed content), as Pipes CE saves it. */
    static String pipe(String titlesUrl, String contentType, String contentUrl) throws Exception {
        return "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"inputs\":[{\"from\":\"b\",\"from_output_slot\":0}]},"
                + "{\"id\":\"b\",\"type\":\"BuilderBlock\",\"name\":\"Build\",\"userinputs\":[\"Built here\",false],"
                + "\"inputs\":[{\"from\":\"t\",\"from_output_slot\":0},{\"from\":\"c\",\"from_output_slot\":0},{},{}],\"textinputs\":[{}]},"
                + "{\"id\":\"t\",\"type\":\"DownloadBlock\",\"userinputs\":[" + JSON.writeValueAsString(titlesUrl) + ",false]},"
                + "{\"id\":\"c\",\"type\":\"" + contentType + "\",\"userinputs\":[" + JSON.writeValueAsString(contentUrl) + "]}]}";
    }

    static JsonNode run(String pipe) throws Exception {
        return JSON.readTree(server.send("POST", "/api/run", server.token("b@example.org"), "{\"pipe\":" + pipe + "}").body());
    }

    @Test
    void downloadedTextBecomesOneItemPerLine() throws Exception {
        JsonNode r = run(pipe(upstream.fastUrl(2, "titles.txt"), "DownloadBlock", upstream.fastUrl(2, "contents.txt")));
        assertThat(r.get("errors")).isEmpty();
        assertThat(r.get("channel").get("title").asText()).isEqualTo("Built here");
        assertThat(r.get("items")).hasSize(2);
        assertThat(r.get("items").get(0).get("title").asText()).isEqualTo("Alpha");
        assertThat(r.get("items").get(1).get("content").asText()).isEqualTo("second body");
        assertThat(r.get("items").get(1).get("guid").asText()).startsWith("sluice:");
    }

    @Test
    void aFeedAsTheContentColumnKeepsItsGuids() throws Exception {
        JsonNode r = run(pipe(upstream.fastUrl(3, "titles.txt"), "FeedBlock", upstream.fastUrl(3, "F1.xml")));
        assertThat(r.get("errors")).isEmpty();
        assertThat(r.get("items")).hasSize(50);
        assertThat(r.get("items").get(0).get("title").asText()).isEqualTo("Alpha");
        assertThat(r.get("items").get(2).get("title").asText()).isEqualTo("untitled");
        assertThat(r.get("items").get(0).get("guid").asText()).doesNotStartWith("sluice:");
    }

    @Test
    void undatedItemsKeepTheirFirstSeenDateFromPollToPoll() throws Exception {
        upstream.serve("lines.txt", bytes("one\ntwo\n"));
        StoredPipe saved = server.save("reader@example.org", "Lines",
                pipe(upstream.fastUrl(4, "titles.txt"), "DownloadBlock", upstream.fastUrl(4, "lines.txt")), true);
        List<String> first = dates(saved);
        server.clock.advance(Duration.ofMinutes(1));
        List<String> second = dates(saved);
        assertThat(first).hasSize(2).doesNotContainNull();
        assertThat(second).isEqualTo(first);

        // A new line, once the download cache has let it through, is dated when it first appeared.
        upstream.serve("lines.txt", bytes("one\ntwo\nthree\n"));
        server.clock.advance(Duration.ofMinutes(30));
        List<String> third = dates(saved);
        assertThat(third).hasSize(3);
        assertThat(third.subList(0, 2)).isEqualTo(first);
        assertThat(third.get(2)).isNotEqualTo(first.get(0));
    }

    private static List<String> dates(StoredPipe pipe) throws Exception {
        JsonNode feed = JSON.readTree(server.get("/feed/" + pipe.id() + ".json").body());
        List<String> out = new ArrayList<>();
        feed.get("items").forEach(i -> out.add(i.path("date_published").asText(null)));
        return out;
    }
}
